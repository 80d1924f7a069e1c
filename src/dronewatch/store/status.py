"""What the daemon remembers between runs and what `dronewatch status` shows.

The daemon's catch-up asks where each channel stopped (its newest stored message)
and which recent posts it holds (to spot edits and deletions made while it was
down); the heartbeat row tells `status` whether a daemon is alive; the bot's
`/status` adds how much is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session, aliased

# What `status` reads lives in `health` (SQLAlchemy Core, no ORM): re-exported here.
from dronewatch.store.health import DAEMON as DAEMON
from dronewatch.store.health import HEARTBEAT_SECONDS as HEARTBEAT_SECONDS
from dronewatch.store.health import MISSED_BEATS as MISSED_BEATS
from dronewatch.store.health import Beat as Beat
from dronewatch.store.health import ChannelStatus as ChannelStatus
from dronewatch.store.health import Liveness as Liveness
from dronewatch.store.health import channel_statuses as channel_statuses
from dronewatch.store.health import daemon_liveness as daemon_liveness
from dronewatch.store.health import liveness as liveness
from dronewatch.store.models import Channel, Heartbeat, Post, Report


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
