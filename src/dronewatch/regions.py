"""ISO 3166-2 codes and names of the regions and sea areas dronewatch knows."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dronewatch.folding import fold


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


NATIONAL = "national"


def region_name(code: str | None) -> str:
    """A region's English name (the code itself when it is not a known region), or
    "national" for a channel or report of no region (the Ministry of Defence's)."""
    return NATIONAL if code is None else english_name(code)


class UnknownRegionError(ValueError):
    """A region that is not known, or a name that fits several: the message says which."""


REGION_FORMS = (
    "an ISO code (RU-KLU or KLU) or a region's name in Russian or English (Калужская, Kaluga)"
)


def resolve_region(query: str) -> str:
    """The code of the one region `query` names: a code with or without `RU-`, or the start
    of a word of its Russian or English name, in any case (ё as е)."""
    wanted = _fold(query)
    if not wanted:
        raise UnknownRegionError(f"empty region: give {REGION_FORMS}")
    known = regions()
    for code in (wanted.upper(), f"RU-{wanted.upper()}"):
        if code in known:
            return code
    exact = [r.code for r in known.values() if wanted in (_fold(r.name_ru), _fold(r.name_en))]
    found = exact or [
        region.code
        for region in known.values()
        if any(
            word.startswith(wanted) or name.startswith(wanted)
            for name in (_fold(region.name_ru), _fold(region.name_en))
            for word in name.split()
        )
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownRegionError(f"unknown region {query!r}: give {REGION_FORMS}")
    names = ", ".join(f"{known[code].name_en} ({code})" for code in found[:6])
    more = ", ..." if len(found) > 6 else ""
    raise UnknownRegionError(f"region {query!r} fits several: {names}{more}")


def _fold(text: str) -> str:
    return " ".join(fold(text).split())
