"""The SQL behind the daily digest's figures: a period's reports and daily counts.

Who the digest went to is in `store/deliveries.py`; what `/status` shows, in
`store/status.py`.

Every query is a range on `reports.period_end` among current reports, which the
`ix_reports_period_end` index answers directly, so a digest costs the same on a
database of a thousand reports as on one of millions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, select, true
from sqlalchemy.orm import Session

from dronewatch.store.children import RegionCount, load_children
from dronewatch.store.models import Channel, Post, Report, ReportRegion

ATTACK = "attack"
ALERT = "alert"


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """One current report of a live post in the period, with what the digest shows of it."""

    report_id: int
    post_id: int
    channel_id: int
    channel_telegram_id: int
    channel_username: str | None
    channel_title: str | None
    channel_label: str | None
    channel_region: str | None
    message_id: int
    posted_at: datetime
    edited_at: datetime | None
    text: str
    period_end: datetime
    stored_at: datetime
    kind: str
    drones: int | None
    cumulative: bool
    killed: int | None
    injured: int | None
    no_damage: bool
    evidence: list[Any]
    regions: tuple[RegionCount, ...] = ()
    places: tuple[str, ...] = ()
    damage: tuple[str, ...] = ()

    @property
    def national(self) -> bool:
        """A channel with no region of its own (the Ministry of Defence) speaks for the country."""
        return self.channel_region is None


@dataclass(frozen=True, slots=True)
class DailyCount:
    """One channel's counts for one region (or, with `code` None, its headline) on one day.

    `new_drones` adds the counts of fresh reports; `cumulative_max` is the largest
    running total: the digest takes the larger of the two, never their sum.
    """

    day_index: int
    channel_id: int
    national: bool
    code: str | None
    new_drones: int
    cumulative_max: int | None


def _live_current(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Current reports of posts not deleted whose period ends in (start, end]."""
    return and_(
        Report.is_current == true(),
        Report.period_end > start,
        Report.period_end <= end,
        Post.deleted == false(),
    )


def period_reports(session: Session, start: datetime, end: datetime) -> list[PeriodReport]:
    """Attack and alert reports whose period ends in (start, end], oldest first."""
    condition = and_(_live_current(start, end), Report.kind.in_((ATTACK, ALERT)))
    return current_reports(session, condition, order=(Report.period_end, Report.id))


def current_reports(
    session: Session,
    condition: ColumnElement[bool],
    *,
    order: tuple[Any, ...],
    limit: int | None = None,
) -> list[PeriodReport]:
    """Reports meeting `condition` (on reports and posts) with their regions, places and
    damage tags, in `order`, at most `limit`."""
    rows = session.execute(
        select(
            Report.id.label("report_id"),
            Post.id.label("post_id"),
            Channel.id.label("channel_id"),
            Channel.telegram_id.label("channel_telegram_id"),
            Channel.username.label("channel_username"),
            Channel.title.label("channel_title"),
            Channel.label.label("channel_label"),
            Channel.region.label("channel_region"),
            Post.message_id,
            Post.date.label("posted_at"),
            Post.edit_date.label("edited_at"),
            Post.text,
            Report.period_end,
            Report.created_at.label("stored_at"),
            Report.kind,
            Report.drones,
            Report.cumulative,
            Report.killed,
            Report.injured,
            Report.no_damage,
            Report.evidence,
        )
        .join(Post, Report.post_id == Post.id)
        .join(Channel, Post.channel_id == Channel.id)
        .where(condition)
        .order_by(*order)
        .limit(limit)
    ).all()
    if not rows:
        return []
    ids: Any = (
        select(Report.id).join(Post, Report.post_id == Post.id).where(condition)
        if limit is None
        else [row.report_id for row in rows]
    )
    children = load_children(session.connection(), ids)
    return [
        PeriodReport(
            **row._asdict(),
            regions=tuple(children.regions.get(row.report_id, ())),
            places=tuple(children.places.get(row.report_id, ())),
            damage=tuple(children.damage.get(row.report_id, ())),
        )
        for row in rows
    ]


def daily_counts(session: Session, boundaries: Sequence[datetime]) -> list[DailyCount]:
    """Per day, channel and region: the sum of new counts and the largest running total.

    `boundaries` are the edges of consecutive days (n + 1 instants for n days); day i
    holds the reports whose period ends in (boundaries[i], boundaries[i + 1]]. Rows with
    `code` None carry each channel's headline figure (the report's own `drones`).
    """
    if len(boundaries) < 2:
        return []
    condition = and_(_live_current(boundaries[0], boundaries[-1]), Report.kind == ATTACK)
    day = case(
        *(
            (Report.period_end <= boundaries[index + 1], index)
            for index in range(len(boundaries) - 1)
        ),
    ).label("day_index")
    per_report = (
        select(
            day,
            Post.channel_id.label("channel_id"),
            Channel.region.label("channel_region"),
            Report.id.label("report_id"),
            Report.drones.label("drones"),
            Report.cumulative.label("cumulative"),
        )
        .join(Post, Report.post_id == Post.id)
        .join(Channel, Post.channel_id == Channel.id)
        .where(condition)
        .subquery()
    )
    headline = session.execute(
        select(
            per_report.c.day_index,
            per_report.c.channel_id,
            per_report.c.channel_region,
            func.sum(case((per_report.c.cumulative == false(), per_report.c.drones), else_=0)),
            func.max(case((per_report.c.cumulative == true(), per_report.c.drones), else_=None)),
        )
        .where(per_report.c.drones.is_not(None))
        .group_by(per_report.c.day_index, per_report.c.channel_id, per_report.c.channel_region)
    ).all()
    region_drones = ReportRegion.drones
    by_region = session.execute(
        select(
            per_report.c.day_index,
            per_report.c.channel_id,
            per_report.c.channel_region,
            ReportRegion.code,
            func.sum(case((per_report.c.cumulative == false(), region_drones), else_=0)),
            func.max(case((per_report.c.cumulative == true(), region_drones), else_=None)),
        )
        .join(ReportRegion, ReportRegion.report_id == per_report.c.report_id)
        .where(region_drones.is_not(None))
        .group_by(
            per_report.c.day_index,
            per_report.c.channel_id,
            per_report.c.channel_region,
            ReportRegion.code,
        )
    ).all()
    counts = [
        DailyCount(index, channel, region is None, None, int(new or 0), _int(top))
        for index, channel, region, new, top in headline
    ]
    counts.extend(
        DailyCount(index, channel, region is None, code, int(new or 0), _int(top))
        for index, channel, region, code, new, top in by_region
    )
    return counts


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def latest_period_end(session: Session) -> datetime | None:
    """The end of the newest current report's period: where the demo's last day is."""
    return session.scalar(select(func.max(Report.period_end)).where(Report.is_current == true()))
