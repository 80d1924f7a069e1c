"""The SQL behind the daily digest: a period's reports, daily counts, and delivery claims.

Every query is a range on `reports.period_end` among current reports, which the
`ix_reports_period_end` index answers directly, so a digest costs the same on a
database of a thousand reports as on one of millions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    false,
    func,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from dronewatch.store.models import (
    Channel,
    Digest,
    Post,
    Report,
    ReportDamage,
    ReportPlace,
    ReportRegion,
)

ATTACK = "attack"
ALERT = "alert"


@dataclass(frozen=True, slots=True)
class RegionCount:
    code: str
    drones: int | None


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
    regions: dict[int, list[RegionCount]] = defaultdict(list)
    for report_id, code, drones in session.execute(
        select(ReportRegion.report_id, ReportRegion.code, ReportRegion.drones)
        .where(ReportRegion.report_id.in_(ids))
        .order_by(ReportRegion.report_id, ReportRegion.position)
    ):
        regions[report_id].append(RegionCount(code, drones))
    places: dict[int, list[str]] = defaultdict(list)
    for report_id, name in session.execute(
        select(ReportPlace.report_id, ReportPlace.name)
        .where(ReportPlace.report_id.in_(ids))
        .order_by(ReportPlace.report_id, ReportPlace.position)
    ):
        places[report_id].append(name)
    damage: dict[int, list[str]] = defaultdict(list)
    for report_id, tag in session.execute(
        select(ReportDamage.report_id, ReportDamage.tag)
        .where(ReportDamage.report_id.in_(ids))
        .order_by(ReportDamage.report_id, ReportDamage.tag)
    ):
        damage[report_id].append(tag)
    return [
        PeriodReport(
            **row._asdict(),
            regions=tuple(regions[row.report_id]),
            places=tuple(places[row.report_id]),
            damage=tuple(damage[row.report_id]),
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


# Delivery claims. A digest row moves through three states:
#   in flight: sent_at NULL, last_error NULL  (claimed; a sender is working on it)
#   failed:    sent_at NULL, last_error set   (the last attempt failed)
#   sent:      sent_at set                    (never sent again unless forced)
# The holder refreshes claimed_at before every attempt. A failed row whose claim is
# older than the lease may be claimed again; an in-flight row is never taken over,
# because its message may already have gone out. Both ways to claim (insert a new
# row, or update a claimable one) are single statements the database makes atomic,
# so two processes sharing it can never both hold a claim.


@dataclass(frozen=True, slots=True)
class Claim:
    """A held right to send one digest to one recipient."""

    digest_id: int
    day: date
    recipient: str


@dataclass(frozen=True, slots=True)
class DigestState:
    day: date
    recipient: str
    claimed_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    """The claim, or the row that stands in the way of one."""

    claim: Claim | None = None
    existing: DigestState | None = None


def claim_digest(
    session: Session,
    day: date,
    recipient: str,
    now: datetime,
    *,
    stale_before: datetime,
    max_attempts: int,
    force: bool = False,
) -> ClaimOutcome:
    """Take the right to send `day`'s digest to `recipient`, if nobody holds or used it.

    `force` also takes a sent or exhausted row (a resend the user asked for), never one
    another process is sending. The caller commits before sending.
    """
    dialect = session.get_bind().dialect.name
    statement = postgresql.insert(Digest) if dialect == "postgresql" else sqlite.insert(Digest)
    digest_id = session.scalar(
        statement.values(day=day, recipient=recipient, claimed_at=now, attempts=0)
        .on_conflict_do_nothing(index_elements=["day", "recipient"])
        .returning(Digest.id)
    )
    if digest_id is not None:
        return ClaimOutcome(Claim(digest_id, day, recipient))
    in_flight = and_(
        Digest.sent_at.is_(None), Digest.last_error.is_(None), Digest.claimed_at > stale_before
    )
    claimable = (
        ~in_flight
        if force
        else and_(
            Digest.sent_at.is_(None),
            Digest.last_error.is_not(None),
            Digest.claimed_at <= stale_before,
            Digest.attempts < max_attempts,
        )
    )
    digest_id = session.scalar(
        update(Digest)
        .where(Digest.day == day, Digest.recipient == recipient, claimable)
        .values(claimed_at=now, sent_at=None, last_error=None)
        .returning(Digest.id)
        .execution_options(synchronize_session=False)
    )
    if digest_id is not None:
        return ClaimOutcome(Claim(digest_id, day, recipient))
    row = session.scalars(
        select(Digest).where(Digest.day == day, Digest.recipient == recipient)
    ).one()
    return ClaimOutcome(existing=_state(row))


def touch_claim(session: Session, claim: Claim, *, now: datetime) -> None:
    """Mark the row in flight for the attempt about to start (and renew the lease)."""
    _update(session, claim, claimed_at=now, last_error=None)


def record_failure(session: Session, claim: Claim, error: str) -> None:
    """Count a failed attempt; once the lease runs out the row may be claimed again."""
    _update(session, claim, attempts=Digest.attempts + 1, last_error=error[:2000])


def record_sent(session: Session, claim: Claim, *, now: datetime) -> None:
    """Close the row: this digest never goes to this recipient again."""
    _update(session, claim, attempts=Digest.attempts + 1, sent_at=now, last_error=None)


def _update(session: Session, claim: Claim, **values: Any) -> None:
    session.execute(
        update(Digest)
        .where(Digest.id == claim.digest_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def digest_states(session: Session, day: date | None = None) -> list[DigestState]:
    """Delivery rows, of one day or the latest first."""
    query = select(Digest).order_by(Digest.day.desc(), Digest.recipient)
    if day is not None:
        query = query.where(Digest.day == day)
    return [_state(row) for row in session.scalars(query.limit(100))]


def _state(row: Digest) -> DigestState:
    return DigestState(
        row.day, row.recipient, row.claimed_at, row.sent_at, row.attempts, row.last_error
    )


@dataclass(frozen=True, slots=True)
class StoreStatus:
    channels: int
    posts: int
    reports: int
    last_post_at: datetime | None


def store_status(session: Session) -> StoreStatus:
    """What `/status` shows: how much is stored and how fresh it is."""
    channels = session.scalar(select(func.count()).select_from(Channel)) or 0
    posts, last_post = session.execute(select(func.count(), func.max(Post.date))).one()
    reports = (
        session.scalar(select(func.count()).select_from(Report).where(Report.is_current == true()))
        or 0
    )
    return StoreStatus(channels, int(posts or 0), reports, last_post)


def latest_period_end(session: Session) -> datetime | None:
    """The end of the newest current report's period: where the demo's last day is."""
    return session.scalar(select(func.max(Report.period_end)).where(Report.is_current == true()))
