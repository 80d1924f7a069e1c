"""What a digest says, computed from stored rows: pure, no I/O, no clock.

Two rules keep the numbers honest. Regional officials and national summaries count
the same drones, so a region's figure is the larger of the two, never their sum
(`dronewatch.reporting.combined`). A channel that posts a running total ("всего за
ночь 25") and fresh counts on the same day has counted some drones twice, so its day
is the larger of the two, not their sum.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from dronewatch.geo import Point, place_point
from dronewatch.model import post_url
from dronewatch.regions import region_name
from dronewatch.reporting import combined, day_bounds
from dronewatch.store.digests import ALERT, ATTACK, DailyCount, PeriodReport

AVERAGE_DAYS = 7
TOP_PLACES = 10
LINKS_PER_ITEM = 3
NOTES_PER_TAG = 6
CASUALTY_LINES = 10
NOTE_CHARS = 160
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n")

DAMAGE_LABELS = {
    "vehicle": "Vehicles",
    "residential": "Homes",
    "commercial": "Shops and offices",
    "industrial": "Industry",
    "energy": "Power",
    "fuel": "Fuel",
    "transport": "Transport",
    "social": "Schools, hospitals, churches",
    "fire": "Fires",
    "other": "Other",
}


@dataclass(frozen=True, slots=True)
class Period:
    """One digest: reporting day `day` (see `dronewatch.reporting`), from start to end."""

    day: date
    start: datetime
    end: datetime


def period_of(day: date, starts: time, zone: ZoneInfo) -> Period:
    return Period(day, *day_bounds(day, starts, zone))


def periods_until(day: date, count: int, starts: time, zone: ZoneInfo) -> list[Period]:
    """`count` consecutive reporting days ending with `day`, oldest first."""
    return [
        period_of(day - timedelta(days=back), starts, zone) for back in range(count - 1, -1, -1)
    ]


@dataclass(frozen=True, slots=True)
class Source:
    """A post the digest cites."""

    url: str
    channel: str
    posted_at: datetime


def source_of(row: PeriodReport) -> Source:
    channel = (
        row.channel_label
        or row.channel_title
        or row.channel_username
        or str(row.channel_telegram_id)
    )
    return Source(
        post_url(row.channel_username, row.channel_telegram_id, row.message_id),
        channel,
        row.posted_at,
    )


@dataclass(frozen=True, slots=True)
class DayFigures:
    """Drones on one day, from regional officials and from national summaries, apart."""

    day: date
    regional: dict[str, int]
    national: dict[str, int]
    national_total: int | None

    @property
    def regional_total(self) -> int:
        return sum(self.regional.values())

    @property
    def combined(self) -> dict[str, int]:
        """Each region's figure: the larger of its officials' and the national summaries'."""
        return {
            code: figure
            for code in self.regional.keys() | self.national.keys()
            if (figure := combined(self.regional.get(code), self.national.get(code))) is not None
        }

    @property
    def total(self) -> int:
        """The regions' figures added up (the same drones are never counted twice)."""
        return sum(self.combined.values())

    @property
    def has_data(self) -> bool:
        return bool(self.regional or self.national or self.national_total is not None)


def figures_by_day(counts: Iterable[DailyCount], days: Sequence[date]) -> list[DayFigures]:
    """Each day's figures from per-channel counts (see `DailyCount`), oldest first.

    One channel's figure is max(new counts, largest running total); where several
    channels of the same side report a region, the largest figure stands, because
    they describe the same night.
    """
    regional: list[dict[str, int]] = [{} for _ in days]
    national: list[dict[str, int]] = [{} for _ in days]
    headline: list[int | None] = [None for _ in days]
    for count in counts:
        figure = max(count.new_drones, count.cumulative_max or 0)
        if count.code is None:
            if count.national:
                headline[count.day_index] = max(headline[count.day_index] or 0, figure)
            continue
        side = national if count.national else regional
        by_code = side[count.day_index]
        by_code[count.code] = max(by_code.get(count.code, 0), figure)
    return [
        DayFigures(day, regional[index], national[index], headline[index])
        for index, day in enumerate(days)
    ]


@dataclass(frozen=True, slots=True)
class Trend:
    """A figure with what it is compared against."""

    value: int | None
    previous: int | None
    average: float | None

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


def trend(history: Sequence[DayFigures], pick: Callable[[DayFigures], int | None]) -> Trend:
    """The last day's figure, the day before's, and the mean of the days before it.

    Days before the database's first data are unknown, not zero: they are left out
    of the average instead of dragging it down.
    """
    known = [index for index, day in enumerate(history) if day.has_data]
    first = known[0] if known else len(history)
    value = pick(history[-1]) if history else None
    earlier = [pick(day) or 0 for day in history[max(first, len(history) - 1 - AVERAGE_DAYS) : -1]]
    previous = (pick(history[-2]) or 0) if len(history) >= 2 and first <= len(history) - 2 else None
    average = sum(earlier) / len(earlier) if earlier else None
    return Trend(value, previous, average)


@dataclass(frozen=True, slots=True)
class RegionLine:
    code: str
    name: str
    figure: Trend
    regional: Trend
    national: int | None
    reports: int


@dataclass(frozen=True, slots=True)
class PlaceLine:
    name: str
    reports: int
    sources: tuple[Source, ...]
    # Where it lies (`geo.place_point`, in the regions of the first report naming it).
    point: Point | None = None


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class DamageLine:
    tag: str
    label: str
    reports: int
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class CasualtyLine:
    killed: int
    injured: int
    where: str
    source: Source


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything one digest shows, ready to render."""

    period: Period
    timezone: str
    in_progress: bool
    regions: tuple[RegionLine, ...]
    total: Trend
    regional_total: Trend
    national_total: Trend
    places: tuple[PlaceLine, ...]
    damage: tuple[DamageLine, ...]
    casualties: tuple[CasualtyLine, ...]
    alerts: tuple[tuple[str, int], ...]
    attack_reports: int
    history: tuple[DayFigures, ...]

    @property
    def killed(self) -> int:
        return sum(line.killed for line in self.casualties)

    @property
    def injured(self) -> int:
        return sum(line.injured for line in self.casualties)

    @property
    def empty(self) -> bool:
        return not self.attack_reports and not self.alerts


def summarize(
    period: Period,
    timezone: str,
    rows: Sequence[PeriodReport],
    history: Sequence[DayFigures],
    *,
    in_progress: bool = False,
) -> Summary:
    """The digest of `period`: `rows` are its reports, `history` its days, ending with it."""
    attacks = [row for row in rows if row.kind == ATTACK]
    today = history[-1] if history else DayFigures(period.day, {}, {}, None)
    return Summary(
        period=period,
        timezone=timezone,
        in_progress=in_progress,
        regions=_region_lines(attacks, history, today),
        total=trend(history, _total),
        regional_total=trend(history, _regional_total),
        national_total=trend(history, _national_total),
        places=_places(attacks),
        damage=_damage(attacks),
        casualties=_casualties(attacks),
        alerts=_alerts(rows),
        attack_reports=len(attacks),
        history=tuple(history),
    )


def _total(day: DayFigures) -> int | None:
    return day.total if day.regional or day.national else None


def _regional_total(day: DayFigures) -> int | None:
    return day.regional_total if day.regional else None


def _national_total(day: DayFigures) -> int | None:
    return day.national_total


def _regional(code: str, day: DayFigures) -> int | None:
    return day.regional.get(code)


def _combined(code: str, day: DayFigures) -> int | None:
    return day.combined.get(code)


def _region_lines(
    attacks: Sequence[PeriodReport], history: Sequence[DayFigures], today: DayFigures
) -> tuple[RegionLine, ...]:
    reports: Counter[str] = Counter()
    for row in attacks:
        for code in dict.fromkeys(region.code for region in row.regions):
            reports[code] += 1
    codes = set(today.regional) | set(today.national) | set(reports)
    lines = [
        RegionLine(
            code=code,
            name=region_name(code),
            figure=trend(history, partial(_combined, code)),
            regional=trend(history, partial(_regional, code)),
            national=today.national.get(code),
            reports=reports[code],
        )
        for code in codes
    ]
    lines.sort(key=lambda line: (-(line.figure.value or 0), line.name))
    return tuple(lines)


def _where(row: PeriodReport) -> str:
    """Where a report happened, as briefly as the post allows."""
    if row.places:
        return ", ".join(row.places[:3])
    codes = [region.code for region in row.regions]
    if not codes and row.channel_region is not None:
        codes = [row.channel_region]
    return ", ".join(region_name(code) for code in codes) or "not stated"


def _places(attacks: Sequence[PeriodReport]) -> tuple[PlaceLine, ...]:
    by_place: dict[str, list[Source]] = defaultdict(list)
    regions: dict[str, list[str]] = {}
    for row in attacks:
        for place in row.places:
            by_place[place].append(source_of(row))
            codes = [region.code for region in row.regions] or [row.channel_region or ""]
            regions.setdefault(place, codes)
    ranked = sorted(by_place.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        PlaceLine(
            name, len(sources), tuple(sources[:LINKS_PER_ITEM]), place_point(name, regions[name])
        )
        for name, sources in ranked[:TOP_PLACES]
    )


def _damage_note(row: PeriodReport) -> str:
    """The post's own sentences the damage was read from, else where it happened."""
    spans = [
        int(item["start"])
        for item in row.evidence
        if isinstance(item, dict) and item.get("field") == "damage" and "start" in item
    ]
    sentences = dict.fromkeys(_sentence_at(row.text, start) for start in spans)
    note = " ".join(sentence for sentence in sentences if sentence) or _where(row)
    note = " ".join(note.split())
    return note if len(note) <= NOTE_CHARS else note[: NOTE_CHARS - 1].rstrip() + "…"


def _sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` around character `offset`."""
    if not 0 <= offset < len(text):
        return ""
    starts = [0, *(match.end() for match in _SENTENCE_END.finditer(text, 0, offset))]
    end = _SENTENCE_END.search(text, offset)
    return text[starts[-1] : end.start() + 1 if end else len(text)].strip()


def _damage(attacks: Sequence[PeriodReport]) -> tuple[DamageLine, ...]:
    by_tag: dict[str, list[Note]] = defaultdict(list)
    for row in attacks:
        for tag in row.damage:
            by_tag[tag].append(Note(_damage_note(row), source_of(row)))
    order = list(DAMAGE_LABELS)
    return tuple(
        DamageLine(tag, DAMAGE_LABELS.get(tag, tag), len(notes), tuple(notes[:NOTES_PER_TAG]))
        for tag, notes in sorted(
            by_tag.items(),
            key=lambda item: (-len(item[1]), order.index(item[0]) if item[0] in order else 99),
        )
    )


def _casualties(attacks: Sequence[PeriodReport]) -> tuple[CasualtyLine, ...]:
    """Every report with people killed or injured, the worst first."""
    lines = [
        CasualtyLine(row.killed or 0, row.injured or 0, _where(row), source_of(row))
        for row in attacks
        if (row.killed or 0) > 0 or (row.injured or 0) > 0
    ]
    return tuple(sorted(lines, key=lambda line: (-line.killed, -line.injured)))


def _alerts(rows: Sequence[PeriodReport]) -> tuple[tuple[str, int], ...]:
    counts = Counter(region_name(row.channel_region) for row in rows if row.kind == ALERT)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
