"""The digest tests' database: the known day of `digest_scenario`, on each backend."""

from __future__ import annotations

import pytest
from digest_scenario import load_known_day

from dronewatch.store import Database


@pytest.fixture
def known_database(database: Database) -> Database:
    return load_known_day(database)
