"""What `dronewatch status` reads, in SQLAlchemy Core: the daemon's heartbeat and each
channel's day.

`status --check` runs every minute as a health check, so it must start at once: these
reads name their tables and columns with `table()` and `column()` instead of the ORM
models, and importing this module loads neither the ORM nor the models (whose
mappers take a third of the command's start-up to build). The SQL is the same the
models would write (a test compares the columns with the models' tables).
Sessions and connections both run these selects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal, Protocol

from sqlalchemy import BigInteger, Boolean, Float, Integer, String, column, func, select, table

from dronewatch.store.types import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# The heartbeat row of `dronewatch run`, and how often it beats. Here rather than with
# the daemon, so that `status` reads them without importing Telethon.
DAEMON = "daemon"
HEARTBEAT_SECONDS = 15.0
# A daemon that missed this many beats is gone (killed, or its machine is).
MISSED_BEATS = 2

channels = table(
    "channels",
    column("id", Integer),
    column("telegram_id", BigInteger),
    column("username", String),
    column("title", String),
    column("region", String),
)
posts = table(
    "posts",
    column("id", Integer),
    column("channel_id", Integer),
    column("date", UTCDateTime),
    column("deleted", Boolean),
)
reports = table(
    "reports",
    column("id", Integer),
    column("post_id", Integer),
    column("is_current", Boolean),
    column("kind", String),
)
heartbeats = table(
    "heartbeats",
    column("name", String),
    column("host", String),
    column("pid", Integer),
    column("started_at", UTCDateTime),
    column("beat_at", UTCDateTime),
    column("every_seconds", Float),
    column("stopped_at", UTCDateTime),
)
TABLES = (channels, posts, reports, heartbeats)


class BeatRow(Protocol):
    """A heartbeat as stored: the ORM's `Heartbeat` or a row of `heartbeats`."""

    @property
    def name(self) -> str: ...
    @property
    def host(self) -> str: ...
    @property
    def pid(self) -> int: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def beat_at(self) -> datetime: ...
    @property
    def every_seconds(self) -> float: ...
    @property
    def stopped_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class Beat:
    """The daemon's last heartbeat, as read."""

    name: str
    host: str
    pid: int
    started_at: datetime
    beat_at: datetime
    every_seconds: float
    stopped_at: datetime | None

    @classmethod
    def of(cls, row: BeatRow) -> Beat:
        return cls(
            row.name,
            row.host,
            row.pid,
            row.started_at,
            row.beat_at,
            row.every_seconds,
            row.stopped_at,
        )


@dataclass(frozen=True, slots=True)
class Liveness:
    """Whether a daemon runs, read from its heartbeat row."""

    state: Literal["running", "stopped", "gone", "never"]
    beat: Beat | None = None
    age: timedelta | None = None  # since the last beat

    @property
    def running(self) -> bool:
        return self.state == "running"


def liveness(row: BeatRow | None, now: datetime) -> Liveness:
    """Running while beats come on time; stopped after a clean stop; gone when overdue."""
    if row is None:
        return Liveness("never")
    beat = Beat.of(row)
    age = now - beat.beat_at
    if beat.stopped_at is not None:
        return Liveness("stopped", beat, age)
    if age <= timedelta(seconds=MISSED_BEATS * beat.every_seconds):
        return Liveness("running", beat, age)
    return Liveness("gone", beat, age)


def daemon_liveness(session: Session | Connection, now: datetime) -> Liveness:
    row = session.execute(select(heartbeats).where(heartbeats.c.name == DAEMON)).first()
    return liveness(row, now)


@dataclass(frozen=True, slots=True)
class ChannelStatus:
    telegram_id: int
    username: str | None
    title: str | None
    region: str | None
    last_post_at: datetime | None
    posts_today: int
    reports_today: int


def channel_statuses(session: Session | Connection, since: datetime) -> list[ChannelStatus]:
    """Every stored channel: its newest post, and posts and drone reports since `since`."""
    channel, post, report = channels.c, posts.c, reports.c
    last_post = select(func.max(post.date)).where(post.channel_id == channel.id).scalar_subquery()
    posts_today = (
        select(func.count(post.id))
        .where(post.channel_id == channel.id, post.date >= since, post.deleted.is_(False))
        .scalar_subquery()
    )
    reports_today = (
        select(func.count(report.id))
        .select_from(reports)
        .join(posts, post.id == report.post_id)
        .where(
            post.channel_id == channel.id,
            post.date >= since,
            post.deleted.is_(False),
            report.is_current.is_(True),
            report.kind != "none",
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            channel.telegram_id,
            channel.username,
            channel.title,
            channel.region,
            last_post.label("last_post_at"),
            posts_today.label("posts_today"),
            reports_today.label("reports_today"),
        ).order_by(channel.region, channel.username, channel.telegram_id)
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
