"""Putting a digest together: the store's rows, the summary, the text and the chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dronewatch.config import DigestConfig, Settings
from dronewatch.digest.chart import render_chart
from dronewatch.digest.delivery import Outgoing
from dronewatch.digest.render import caption_lines, digest_lines, to_caption, to_messages
from dronewatch.digest.summary import (
    AVERAGE_DAYS,
    Period,
    Summary,
    figures_by_day,
    periods_until,
    summarize,
)
from dronewatch.reporting import day_of
from dronewatch.store import Database
from dronewatch.store.digests import daily_counts, period_reports


def build_summary(
    database: Database, config: DigestConfig, day: date, *, until: datetime | None = None
) -> Summary:
    """The digest of `day`, or with `until` the part of it up to that moment.

    Reads the period's reports and one aggregate over the chart's days (at least a
    week before, for the average): two indexed range queries whatever the database's size.
    """
    periods = periods_until(
        day, max(config.chart_days, AVERAGE_DAYS + 1), config.day_starts, config.zone
    )
    period = periods[-1]
    in_progress = until is not None and until < period.end
    if until is not None and in_progress:
        period = Period(day, period.start, until)
    boundaries = [periods[0].start, *(p.end for p in periods[:-1]), period.end]
    with database.session() as session:
        rows = period_reports(session, period.start, period.end)
        counts = daily_counts(session, boundaries)
    history = figures_by_day(counts, [p.day for p in periods])
    return summarize(period, config.timezone, rows, history, in_progress=in_progress)


@dataclass(frozen=True, slots=True)
class Chart:
    png: bytes
    caption: str


def build_chart(summary: Summary, config: DigestConfig) -> Chart:
    days = config.chart_days
    png = render_chart(
        summary.history[-days:],
        regions=config.chart_regions,
        title=f"Drones per reporting day by region, digest of {summary.period.day:%d %B %Y}",
        xlabel=f"Reporting day (24 h up to {config.day_starts:%H:%M} {config.timezone})",
        places=summary.places,
    )
    return Chart(png, to_caption(caption_lines(summary, days)))


def write_chart(summary: Summary, config: DigestConfig, directory: Path) -> Path:
    """Save the digest's chart as `<directory>/charts/digest-YYYY-MM-DD.png`."""
    path = directory / "charts" / f"digest-{summary.period.day.isoformat()}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_chart(summary, config).png)
    return path


def digest_day_of(moment: datetime, config: DigestConfig) -> date:
    """The digest whose reporting day holds `moment`."""
    return day_of(moment, config.day_starts, config.zone)


def outgoing_of(summary: Summary, config: DigestConfig) -> Outgoing:
    chart = build_chart(summary, config)
    return Outgoing(tuple(to_messages(digest_lines(summary))), chart.png, chart.caption)


def prepare_outgoing(database: Database, settings: Settings, day: date) -> Outgoing:
    """Everything `day`'s digest sends: the text in messages under the limit, and the chart."""
    return outgoing_of(build_summary(database, settings.digest, day), settings.digest)
