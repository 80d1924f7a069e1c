"""ISO 3166-2 codes and names of the regions and sea areas dronewatch knows."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name_ru: str
    name_en: str


@cache
def regions() -> dict[str, Region]:
    """All known regions by code, read once from the packaged `data/regions.tsv`."""
    text = files("dronewatch").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {row["code"]: Region(row["code"], row["name_ru"], row["name_en"]) for row in rows}


def is_known_region(code: str) -> bool:
    return code in regions()


def english_name(code: str) -> str:
    """A region's English name, or the code itself when it is not a known region."""
    region = regions().get(code)
    return region.name_en if region else code
