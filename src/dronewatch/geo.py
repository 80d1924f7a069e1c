"""Where the places reports name lie: the gazetteer's settlements' GeoNames coordinates.

Kept apart from the parser, whose reports name places only: the store looks a
report's places up here when it stores them, for the map and the exports.
`data/place_coordinates.tsv` is built with the gazetteer by scripts/build_gazetteer.py.
"""

from __future__ import annotations

import csv
import re
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


# "Рыльский район", "Шебекинский муниципальный округ": an adjective, then the kind of
# district.
_DISTRICT = re.compile(
    r"^(?P<base>[А-ЯЁ][а-яё-]+)ский (?:район|(?:муниципальный |городской )?округ)$"
)
# How a town's name becomes its district's adjective: Рыльск, Курчатов, Шебекино,
# Глушково, Обоянь (Рыльский, Курчатовский, Шебекинский, Глушковский, Обоянский).
_CENTRE_ENDINGS = ("ск", "", "о", "е", "а", "ь")


def place_point(name: str, regions: Sequence[str]) -> Point | None:
    """Where a report's place lies: the settlement of that name in the first of the
    report's regions that has one, else the only settlement of that name anywhere.

    A district is drawn at its centre when the district is named after that town
    (Рыльский район at Рыльск) and the town lies in one of the report's regions (many
    regions have a Кировский район). None for a name the gazetteer lacks, a district
    named otherwise, or a name several regions have when the report names none of
    them: a wrong point is worse than none.
    """
    by_region = candidates(name)
    for code in regions:
        if code in by_region:
            return by_region[code]
    if len(by_region) == 1 and not is_district(name):
        return next(iter(by_region.values()))
    return None


def is_district(name: str) -> bool:
    return _DISTRICT.match(name) is not None


def candidates(name: str) -> dict[str, Point]:
    """Where a place of that name may lie, by region: its settlements, or for a district
    the towns it may be named after."""
    district = _DISTRICT.match(name)
    if district is None:
        return settlements().get(name, {})
    found: dict[str, Point] = {}
    for ending in _CENTRE_ENDINGS:
        for code, point in settlements().get(district["base"] + ending, {}).items():
            found.setdefault(code, point)
    return found
