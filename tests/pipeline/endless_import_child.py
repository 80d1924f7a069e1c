"""A child process for the orphan test: an endless import parsed by two worker processes."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_fakes import fake_parse, post

from dronewatch import model
from dronewatch.pipeline import Pipeline
from dronewatch.store import open_database


def endless() -> Iterator[model.Post]:
    for number in itertools.count(1):
        yield post(number, f"{number % 30} drones over RU-KRS at P{number % 5}")


if __name__ == "__main__":
    database = open_database(sys.argv[1])
    Pipeline(database, parser=fake_parse, parser_version="t", workers=2, batch_size=400).ingest(
        endless()
    )
