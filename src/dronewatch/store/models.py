"""The database schema as typed SQLAlchemy 2 ORM models.

Reports are flattened into rows that SQL can group by: one row per region, place
and damage tag, so `GROUP BY code` answers "how many drones over Kursk" directly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dronewatch.store.types import UTCDateTime, utcnow

# Stable constraint names, so that migrations read the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The partial index's condition as SQLite must see it in a query to use the index:
# SQLAlchemy writes `Report.is_current == true()` this way on SQLite.
CURRENT_SQLITE = "is_current = 1"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Channel(Base):
    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(String(256))
    region: Mapped[str | None] = mapped_column(String(16))
    label: Mapped[str | None] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    posts: Mapped[list[Post]] = relationship(back_populates="channel")


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("channel_id", "message_id"),
        Index("ix_posts_date", "date"),
        # A channel's newest post and its posts of a day (status, catch-up).
        Index("ix_posts_channel_id_date", "channel_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(BigInteger)
    date: Mapped[datetime]
    edit_date: Mapped[datetime | None]
    text: Mapped[str] = mapped_column(Text, default="")
    grouped_id: Mapped[int | None] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None]
    raw: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    channel: Mapped[Channel] = relationship(back_populates="posts")
    revisions: Mapped[list[PostRevision]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostRevision.id"
    )
    reports: Mapped[list[Report]] = relationship(
        back_populates="post", cascade="all, delete-orphan"
    )


class PostRevision(Base):
    """A text the post had before an edit replaced it: every version is kept."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    edit_date: Mapped[datetime | None]
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="revisions")


class Report(Base):
    """The parser's reading of a post's current text, one per post and parser version.

    `is_current` marks the report that stands for the post today (latest text,
    latest parser); `period_end` is when the report counts for the digest: the end
    of its time window, or the post's date when it has none.

    The schema allows one current report per post, so that a post's current report
    is a unique look-up for every planner. No index leads with a column of a few
    values (`is_current`, `kind`): without statistics SQLite takes any equality on
    an indexed column for a selective one, and joined posts to reports through
    `is_current` alone, scanning every report for every post.
    """

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("post_id", "parser_version"),
        Index(
            "uq_reports_post_id_current",
            "post_id",
            unique=True,
            sqlite_where=text(CURRENT_SQLITE),
            postgresql_where=text("is_current"),
        ),
        Index("ix_reports_period_end", "period_end"),
        # The reports stored since the alerts' last look.
        Index("ix_reports_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    parser_version: Mapped[str] = mapped_column(String(64))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(16))
    drones: Mapped[int | None]
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    killed: Mapped[int | None]
    injured: Mapped[int | None]
    no_damage: Mapped[bool] = mapped_column(Boolean, default=False)
    window_start: Mapped[datetime | None]
    window_end: Mapped[datetime | None]
    period_end: Mapped[datetime]
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="reports")
    regions: Mapped[list[ReportRegion]] = relationship(
        cascade="all, delete-orphan", order_by="ReportRegion.position"
    )
    places: Mapped[list[ReportPlace]] = relationship(
        cascade="all, delete-orphan", order_by="ReportPlace.position"
    )
    damage: Mapped[list[ReportDamage]] = relationship(cascade="all, delete-orphan")


class ReportRegion(Base):
    """A region a report names. No index on `code` alone: a few dozen values are never
    selective, and SQLite took one to read the whole table in code order for a GROUP BY."""

    __tablename__ = "report_regions"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    drones: Mapped[int | None]
    position: Mapped[int] = mapped_column(Integer, default=0)


class ReportPlace(Base):
    """A place a report names, with where it lies when the gazetteer knows (see `geo`)."""

    __tablename__ = "report_places"
    __table_args__ = (Index("ix_report_places_name", "name"),)

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(256), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class ReportDamage(Base):
    """A damage tag a report names (no index on `tag`, as for `ReportRegion.code`)."""

    __tablename__ = "report_damage"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)


class Digest(Base):
    """One digest for one day and recipient: claimed before sending, marked when sent."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("day", "recipient"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class Alert(Base):
    """One instant alert for one post, rule and recipient.

    The row is inserted before sending (the unique constraint makes that atomic), so a
    post and rule alert each recipient once, across edits, restarts and daemons sharing
    the database; `sent_at` or `last_error` says how the send ended.
    """

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("post_id", "rule", "recipient"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(100))
    recipient: Mapped[str] = mapped_column(String(64))
    # The report that matched (not a foreign key: a re-parse replaces reports).
    report_id: Mapped[int]
    message: Mapped[str] = mapped_column(Text)
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class Heartbeat(Base):
    """The daemon's sign of life, so `status` can tell a running daemon from a dead one."""

    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    host: Mapped[str] = mapped_column(String(256))
    pid: Mapped[int]
    started_at: Mapped[datetime]
    beat_at: Mapped[datetime]
    # How often the daemon beats: two intervals without a beat mean it is gone.
    every_seconds: Mapped[float] = mapped_column(Float, default=30.0)
    # Set by a clean stop, cleared by the next start.
    stopped_at: Mapped[datetime | None]


class DaemonRequest(Base):
    """Work a command asks the running daemon to do, because the daemon owns the session.

    The command inserts the row and waits; the daemon claims it (`claimed_at`), does
    the work and records `result` or `error` with `done_at`. An unclaimed row the
    command gave up on is deleted by it, so nothing runs behind its back later.
    """

    __tablename__ = "daemon_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(index=True)
    done_at: Mapped[datetime | None]
    result: Mapped[list[Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)


class CalendarSetting(Base):
    """The reporting day `reporting_days` and `utc_offsets` were written for (one row).

    Written from the config by the commands that store (`dronewatch.store.calendar`),
    so that SQL, which cannot read the config, counts days as the digest does.
    """

    __tablename__ = "calendar_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64))
    day_starts: Mapped[str] = mapped_column(String(5))
    written_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReportingDay(Base):
    """One reporting day: the UTC instants it runs between, (starts_at, ends_at]."""

    __tablename__ = "reporting_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime] = mapped_column(unique=True)


class UtcOffset(Base):
    """The zone's offset from UTC and its abbreviation from `starts_at` until the next row."""

    __tablename__ = "utc_offsets"

    starts_at: Mapped[datetime] = mapped_column(primary_key=True)
    minutes: Mapped[int]
    abbreviation: Mapped[str] = mapped_column(String(16))
