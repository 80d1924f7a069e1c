"""Whether a report matches an `[[alerts]]` rule, and the words of the post that made it.

Pure functions of a rule and a stored report, shared by the daemon (which sends) and
`dronewatch alerts test` (which shows what would have been sent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from dronewatch.config import AlertRule
from dronewatch.folding import fold
from dronewatch.store.digests import PeriodReport


@dataclass(frozen=True, slots=True)
class Quote:
    """A span of the post that a condition matched: `field` as in the report's evidence."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Match:
    rule: AlertRule
    report: PeriodReport
    quotes: tuple[Quote, ...]
    # The drones counted against `min_drones` (in the rule's regions when it names any).
    drones: int | None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def drones_in(report: PeriodReport, regions: Sequence[str]) -> int | None:
    """The report's drones over `regions` (all of them when empty).

    The counts the report gives those regions, added up; else its headline figure when
    it names no other region (a governor's post); else unknown.
    """
    if not regions:
        return report.drones
    counts = [r.drones for r in report.regions if r.code in regions and r.drones is not None]
    if counts:
        return sum(counts)
    if all(r.code in regions for r in report.regions):
        return report.drones
    return None


def _regions_of(report: PeriodReport) -> set[str]:
    named = {region.code for region in report.regions}
    return named or ({report.channel_region} if report.channel_region else set())


def match(rule: AlertRule, report: PeriodReport) -> Match | None:
    """The match of `rule` on `report`, or None: every condition given must hold."""
    if report.kind not in rule.kinds:
        return None
    wanted: list[tuple[str, Any]] = []  # (evidence field, value or None for any)
    if rule.regions:
        regions = _regions_of(report) & set(rule.regions)
        if not regions:
            return None
        wanted += [("regions", code) for code in regions]
    drones = drones_in(report, rule.regions)
    if rule.min_drones is not None:
        if drones is None or drones < rule.min_drones:
            return None
        wanted.append(("drones", None))
    if rule.casualties:
        if not (report.killed or report.injured):
            return None
        wanted += [("killed", None), ("injured", None)]
    if rule.damage:
        tags = set(report.damage) & set(rule.damage)
        if not tags:
            return None
        wanted += [("damage", tag) for tag in tags]
    if rule.places:
        keys = [fold(place) for place in rule.places]
        places = [p for p in report.places if any(key in fold(p) for key in keys)]
        if not places:
            return None
        wanted += [("places", place) for place in places]
    quotes = list(_evidence(report.evidence, wanted))
    if rule.text is not None:
        found = _compiled(rule.text).search(report.text)
        if found is None:
            return None
        quotes.append(Quote("text", found.start(), found.end(), found.group()))
    return Match(
        rule, report, tuple(sorted(set(quotes), key=lambda q: (q.start, q.end, q.field))), drones
    )


def _evidence(evidence: Iterable[Any], wanted: list[tuple[str, Any]]) -> Iterable[Quote]:
    for item in evidence:
        if not isinstance(item, dict):
            continue
        field, value = item.get("field"), item.get("value")
        if any(field == f and (v is None or v == value) for f, v in wanted):
            yield Quote(str(field), int(item["start"]), int(item["end"]), str(item["text"]))


def matches(rules: Sequence[AlertRule], report: PeriodReport) -> list[Match]:
    """Every rule's match on `report`, in the rules' order."""
    return [found for rule in rules if (found := match(rule, report)) is not None]
