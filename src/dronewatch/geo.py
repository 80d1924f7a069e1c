"""Where the places reports name lie: the gazetteer's settlements' GeoNames coordinates.

Kept apart from the parser, whose reports name places only: the store looks a
report's places up here when it stores them, for the map and the exports.
`data/place_coordinates.tsv` is built with the gazetteer by scripts/build_gazetteer.py.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import NamedTuple


class Point(NamedTuple):
    latitude: float
    longitude: float


@cache
def settlements() -> dict[str, dict[str, Point]]:
    """Coordinates by canonical name, then region code (villages share names)."""
    text = files("dronewatch").joinpath("data/place_coordinates.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    table: dict[str, dict[str, Point]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        point = Point(float(row["latitude"]), float(row["longitude"]))
        table.setdefault(row["name_ru"], {})[row["region"]] = point
    return table


def place_point(name: str, regions: Sequence[str]) -> Point | None:
    """Where a report's place lies: the settlement of that name in the first of the
    report's regions that has one, else the only settlement of that name anywhere.

    None for a district, a name the gazetteer lacks, or one several regions have when
    the report names none of them: a wrong point is worse than none.
    """
    by_region = settlements().get(name)
    if not by_region:
        return None
    for code in regions:
        if code in by_region:
            return by_region[code]
    return next(iter(by_region.values())) if len(by_region) == 1 else None
