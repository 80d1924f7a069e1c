"""Drones per day per region as a stacked bar chart in plain SVG, rendered server-side.

Plain SVG keeps the page self-contained: no script, no web font, nothing fetched
when the page loads; every bar segment carries a tooltip with its exact number.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from dronewatch.regions import region_name
from dronewatch.reporting import COMBINING_RULE

# Colour-blind-friendly qualitative palette (Okabe-Ito), then a grey for "other regions".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
OTHER_COLOUR = "#9E9E9E"
OTHER = "other regions"

WIDTH, PLOT_HEIGHT = 960, 256
LEFT, RIGHT, TOP = 48, 16, 28
LEGEND_COLUMNS, LEGEND_ROW = 4, 20
FONT = "font-family='system-ui, sans-serif'"


@dataclass(frozen=True)
class Point:
    """Drones over one region on one day."""

    day: date
    region: str
    drones: int


@dataclass(frozen=True)
class Segment:
    day: date
    series: str
    label: str
    drones: int


def _series(points: Sequence[Point], top: int) -> list[str]:
    """The `top` regions with the most drones, most first; the rest become 'other'."""
    totals: dict[str, int] = defaultdict(int)
    for point in points:
        totals[point.region] += point.drones
    ranked = sorted(totals, key=lambda code: (-totals[code], code))
    return ranked[:top] + ([OTHER] if len(ranked) > top else [])


def _stack(points: Sequence[Point], series: list[str]) -> dict[date, list[Segment]]:
    shown = set(series)
    by_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for point in points:
        key = point.region if point.region in shown else OTHER
        by_day[point.day][key] += point.drones
    return {
        day: [
            Segment(day, name, region_name(name) or name, counts[name])
            for name in series
            if counts.get(name)
        ]
        for day, counts in by_day.items()
    }


def _nice_ceiling(value: int) -> tuple[int, int]:
    """An axis maximum at or above `value` and a tick step that divides it evenly."""
    if value <= 5:
        return 5, 1
    magnitude = 10 ** math.floor(math.log10(value / 5))
    step = next(m * magnitude for m in (1, 2, 5, 10) if value / (m * magnitude) <= 6)
    return math.ceil(value / step) * step, step


def _colour(series: list[str], name: str) -> str:
    return OTHER_COLOUR if name == OTHER else PALETTE[series.index(name) % len(PALETTE)]


def anchor_note(today: date, last: date, subject: str = "the chart") -> str:
    """What a page says when it ends before today because today has no reports yet."""
    if last >= today:
        return ""
    return (
        f"No reports yet on {today.isoformat()}: {subject} ends on {last.isoformat()}, "
        "the last day with reports."
    )


def render(
    points: Iterable[Point], first: date, last: date, *, top: int = 6, note: str = ""
) -> str:
    """An SVG document charting `points` for every reporting day from `first` to `last`.

    `note` (an `anchor_note`) is printed under the title; the legend ends with the rule
    the figures follow.
    """
    kept = [point for point in points if first <= point.day <= last and point.drones > 0]
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    title = f"Drones per region per reporting day, {first.isoformat()} to {last.isoformat()}"
    series = _series(kept, top)
    top = TOP + (LEGEND_ROW if note else 0)  # the note takes a line under the title
    legend_top = top + PLOT_HEIGHT + 40
    rule_top = legend_top + math.ceil(len(series) / LEGEND_COLUMNS) * LEGEND_ROW
    height = rule_top + (LEGEND_ROW if series else 0)
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {height}' "
        f"width='{WIDTH}' height='{height}' role='img' aria-label='{escape(title)}' "
        f"class='dronewatch-chart' {FONT} font-size='12'>",
        f"<title>{escape(title)}</title>",
        f"<text x='{LEFT}' y='16' font-size='14' font-weight='bold'>{escape(title)}</text>",
    ]
    if note:
        parts.append(
            f"<text class='note' x='{LEFT}' y='{16 + LEGEND_ROW}' fill='#a33'>{escape(note)}</text>"
        )
    if not kept:
        parts.append(
            f"<text x='{WIDTH / 2}' y='{height / 2}' text-anchor='middle' fill='#555'>"
            "No drones reported in this period.</text></svg>"
        )
        return "".join(parts)
    stacks = _stack(kept, series)
    maximum, step = _nice_ceiling(max(sum(s.drones for s in stack) for stack in stacks.values()))
    plot_w = WIDTH - LEFT - RIGHT
    scale = PLOT_HEIGHT / maximum
    base = top + PLOT_HEIGHT
    for tick in range(0, maximum + 1, step):
        y = base - tick * scale
        parts.append(
            f"<line x1='{LEFT}' x2='{WIDTH - RIGHT}' y1='{y:.1f}' y2='{y:.1f}' "
            "stroke='#ddd' stroke-width='1'/>"
            f"<text x='{LEFT - 6}' y='{y + 4:.1f}' text-anchor='end' fill='#555'>{tick}</text>"
        )
    slot = plot_w / len(days)
    bar = max(slot * 0.7, 1.0)
    label_every = math.ceil(len(days) / 16)
    for index, day in enumerate(days):
        x = LEFT + index * slot + (slot - bar) / 2
        y = base
        for segment in stacks.get(day, []):
            bar_height = segment.drones * scale
            y -= bar_height
            tip = f"{day.isoformat()} · {segment.label}: {segment.drones}"
            parts.append(
                f"<rect class='bar' x='{x:.1f}' y='{y:.1f}' width='{bar:.1f}' "
                f"height='{bar_height:.1f}' fill='{_colour(series, segment.series)}' "
                f"data-day='{day.isoformat()}' data-region='{escape(segment.series)}' "
                f"data-drones='{segment.drones}'><title>{escape(tip)}</title></rect>"
            )
        if index % label_every == 0:
            parts.append(
                f"<text x='{x + bar / 2:.1f}' y='{base + 16}' text-anchor='middle' "
                f"fill='#555'>{day.strftime('%d.%m')}</text>"
            )
    parts.append(f"<line x1='{LEFT}' x2='{WIDTH - RIGHT}' y1='{base}' y2='{base}' stroke='#555'/>")
    parts.extend(_legend(series, legend_top))
    parts.append(
        f"<text class='rule' x='{LEFT}' y='{rule_top:.1f}' fill='#555'>"
        f"{escape(COMBINING_RULE)}</text></svg>"
    )
    return "".join(parts)


def _legend(series: list[str], top: float) -> list[str]:
    parts = []
    width = (WIDTH - LEFT - RIGHT) / LEGEND_COLUMNS
    for index, name in enumerate(series):
        x = LEFT + (index % LEGEND_COLUMNS) * width
        y = top + (index // LEGEND_COLUMNS) * LEGEND_ROW
        label = name if name == OTHER else f"{region_name(name)} ({name})"
        parts.append(
            f"<rect x='{x:.1f}' y='{y - 10:.1f}' width='12' height='12' "
            f"fill='{_colour(series, name)}'/>"
            f"<text class='legend' x='{x + 18:.1f}' y='{y:.1f}'>{escape(label)}</text>"
        )
    return parts
