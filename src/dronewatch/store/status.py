"""What the daemon remembers between runs and what `dronewatch status` shows.

The daemon's catch-up asks where each channel stopped (its newest stored message)
and which recent posts it holds (to spot edits and deletions made while it was
down); the heartbeat row tells `status` whether a daemon is alive; the bot's
`/status` adds how much is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session, aliased

from dronewatch.store.models import Channel, Heartbeat, Post, Report

# The heartbeat row of `dronewatch run`, and how often it beats. Here rather than with
# the daemon, so that `status` reads them without importing Telethon.
DAEMON = "daemon"
HEARTBEAT_SECONDS = 15.0
# A daemon that missed this many beats is gone (killed, or its machine is).
MISSED_BEATS = 2


@dataclass(frozen=True, slots=True)
class ChannelMark:
    """Where a channel's stored history ends."""

    last_message_id: int
    last_date: datetime


@dataclass(frozen=True, slots=True)
class RecentPost:
    """A stored post as the edit re-check needs it."""

    edit_date: datetime | None
    deleted: bool


@dataclass(frozen=True, slots=True)
class ChannelStatus:
    telegram_id: int
    username: str | None
    title: str | None
    region: str | None
    last_post_at: datetime | None
    posts_today: int
    reports_today: int


def channel_marks(session: Session, telegram_ids: Iterable[int]) -> dict[int, ChannelMark]:
    """The newest stored message of each channel that has any, by Telegram id."""
    ids = list(telegram_ids)
    if not ids:
        return {}
    # Per channel, not GROUP BY over all posts: max() of one channel is one index seek.
    other = aliased(Post)
    newest = (
        select(func.max(other.message_id))
        .where(other.channel_id == Channel.id)
        .correlate(Channel)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Channel.telegram_id, Post.message_id, Post.date)
        .join(Post, (Post.channel_id == Channel.id) & (Post.message_id == newest))
        .where(Channel.telegram_id.in_(ids))
    )
    return {row.telegram_id: ChannelMark(row.message_id, row.date) for row in rows}


def recent_posts(session: Session, telegram_id: int, since: datetime) -> dict[int, RecentPost]:
    """A channel's stored posts dated `since` or later, by message id."""
    rows = session.execute(
        select(Post.message_id, Post.edit_date, Post.deleted)
        .join(Channel, Channel.id == Post.channel_id)
        .where(Channel.telegram_id == telegram_id, Post.date >= since)
    )
    return {row.message_id: RecentPost(row.edit_date, row.deleted) for row in rows}


def beat(
    session: Session,
    name: str,
    host: str,
    pid: int,
    started_at: datetime,
    now: datetime,
    *,
    every_seconds: float,
) -> None:
    """Record that the daemon `name` is alive now and beats every `every_seconds`."""
    row = session.get(Heartbeat, name)
    if row is None:
        row = Heartbeat(name=name)
        session.add(row)
    row.host, row.pid, row.started_at, row.beat_at = host, pid, started_at, now
    row.every_seconds, row.stopped_at = every_seconds, None


def stop_beating(session: Session, name: str, pid: int, now: datetime) -> None:
    """Record a clean stop, unless another daemon has taken the row over since."""
    row = session.get(Heartbeat, name)
    if row is not None and row.pid == pid:
        row.stopped_at = now


def heartbeat(session: Session, name: str) -> Heartbeat | None:
    return session.get(Heartbeat, name)


@dataclass(frozen=True, slots=True)
class Liveness:
    """Whether a daemon runs, read from its heartbeat row."""

    state: Literal["running", "stopped", "gone", "never"]
    beat: Heartbeat | None = None
    age: timedelta | None = None  # since the last beat

    @property
    def running(self) -> bool:
        return self.state == "running"


def liveness(row: Heartbeat | None, now: datetime) -> Liveness:
    """Running while beats come on time; stopped after a clean stop; gone when overdue."""
    if row is None:
        return Liveness("never")
    age = now - row.beat_at
    if row.stopped_at is not None:
        return Liveness("stopped", row, age)
    if age <= timedelta(seconds=MISSED_BEATS * row.every_seconds):
        return Liveness("running", row, age)
    return Liveness("gone", row, age)


def daemon_liveness(session: Session, now: datetime) -> Liveness:
    return liveness(heartbeat(session, DAEMON), now)


def channel_statuses(session: Session, since: datetime) -> list[ChannelStatus]:
    """Every stored channel: its newest post, and posts and drone reports since `since`."""
    last_post = select(func.max(Post.date)).where(Post.channel_id == Channel.id).scalar_subquery()
    posts_today = (
        select(func.count(Post.id))
        .where(Post.channel_id == Channel.id, Post.date >= since, Post.deleted.is_(False))
        .scalar_subquery()
    )
    reports_today = (
        select(func.count(Report.id))
        .join(Post, Post.id == Report.post_id)
        .where(
            Post.channel_id == Channel.id,
            Post.date >= since,
            Post.deleted.is_(False),
            Report.is_current.is_(True),
            Report.kind != "none",
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Channel.telegram_id,
            Channel.username,
            Channel.title,
            Channel.region,
            last_post.label("last_post_at"),
            posts_today.label("posts_today"),
            reports_today.label("reports_today"),
        ).order_by(Channel.region, Channel.username, Channel.telegram_id)
    )
    return [
        ChannelStatus(
            telegram_id=row.telegram_id,
            username=row.username,
            title=row.title,
            region=row.region,
            last_post_at=row.last_post_at,
            posts_today=row.posts_today,
            reports_today=row.reports_today,
        )
        for row in rows
    ]


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
