"""Writing posts and their reports: the SQL behind the ingest pipeline.

Everything here works a batch at a time with multi-row statements (one INSERT for
a batch's posts, one for their reports, one per child table), because per-object
ORM flushes cannot keep up with an import of a few hundred thousand posts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, bindparam, delete, exists, func, select, update
from sqlalchemy.orm import Session

from dronewatch import model
from dronewatch.geo import place_point
from dronewatch.parsing import Report as ParsedReport
from dronewatch.store.models import (
    Channel,
    Post,
    PostRevision,
    Report,
    ReportDamage,
    ReportPlace,
    ReportRegion,
)
from dronewatch.store.types import utcnow

posts_table = cast(Table, Post.__table__)
reports_table = cast(Table, Report.__table__)
revisions_table = cast(Table, PostRevision.__table__)


@dataclass(frozen=True, slots=True)
class StoredPost:
    """What the pipeline needs to know of a stored post to tell new, edited and unchanged."""

    id: int
    date: datetime
    text: str
    edit_date: datetime | None
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class NewReport:
    """A parsed report to store for a stored post."""

    post_id: int
    posted_at: datetime
    parsed: ParsedReport


@dataclass(frozen=True, slots=True)
class ReparseFilter:
    """Which stored posts `dronewatch reparse` takes: all, or those not read by `parser_version`."""

    parser_version: str | None
    since: datetime | None = None
    channel_ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class PostText:
    """A stored post's text, with what its parse needs."""

    id: int
    date: datetime
    text: str
    region: str | None


def upsert_channel(session: Session, channel: model.Channel) -> Channel:
    """The channel's row, created or brought up to date (usernames and titles change)."""
    row = channel_by_telegram_id(session, channel.telegram_id)
    if row is None:
        row = Channel(
            telegram_id=channel.telegram_id,
            username=channel.username,
            title=channel.title,
            region=channel.region,
            label=channel.label,
        )
        session.add(row)
        session.flush()
        return row
    for attribute in ("username", "title", "region", "label"):
        value = getattr(channel, attribute)
        if value is not None and getattr(row, attribute) != value:
            setattr(row, attribute, value)
    return row


def channel_by_telegram_id(session: Session, telegram_id: int) -> Channel | None:
    return session.scalar(select(Channel).where(Channel.telegram_id == telegram_id))


def channel_telegram_ids(session: Session) -> set[int]:
    """The Telegram ids of every stored channel."""
    return set(session.scalars(select(Channel.telegram_id)))


def stored_posts(
    session: Session, channel_id: int, message_ids: Sequence[int]
) -> dict[int, StoredPost]:
    """Stored posts of one channel among `message_ids`, by message id."""
    if not message_ids:
        return {}
    rows = session.execute(
        select(Post.message_id, Post.id, Post.date, Post.text, Post.edit_date, Post.deleted).where(
            Post.channel_id == channel_id, Post.message_id.in_(message_ids)
        )
    )
    return {
        row.message_id: StoredPost(row.id, row.date, row.text, row.edit_date, row.deleted)
        for row in rows
    }


def insert_posts(session: Session, channel_id: int, posts: Sequence[model.Post]) -> list[int]:
    """Insert new posts in one statement; their ids, in the order of `posts`."""
    if not posts:
        return []
    now = utcnow()
    session.execute(
        posts_table.insert(),
        [
            {
                "channel_id": channel_id,
                "message_id": post.message_id,
                "date": post.date,
                "edit_date": post.edit_date,
                "text": post.text,
                "grouped_id": post.grouped_id,
                "deleted": False,
                "raw": post.raw,
                "first_seen_at": now,
                "updated_at": now,
            }
            for post in posts
        ],
    )
    # Read the ids back: RETURNING in row order costs a statement per row on SQLite.
    rows = session.execute(
        select(Post.message_id, Post.id).where(
            Post.channel_id == channel_id,
            Post.message_id.in_([post.message_id for post in posts]),
        )
    )
    ids: dict[int, int] = dict(rows.all())
    return [ids[post.message_id] for post in posts]


def revisions_of(session: Session, post_ids: Sequence[int]) -> dict[int, set[tuple[str, datetime]]]:
    """The versions kept as revisions of these posts: (text, written at) by post id."""
    versions: dict[int, set[tuple[str, datetime]]] = {post_id: set() for post_id in post_ids}
    if post_ids:
        rows = session.execute(
            select(PostRevision.post_id, PostRevision.text, PostRevision.edit_date).where(
                PostRevision.post_id.in_(post_ids)
            )
        )
        for row in rows:
            if row.edit_date is not None:
                versions[row.post_id].add((row.text, row.edit_date))
    return versions


def keep_revisions(session: Session, versions: Sequence[tuple[int, str, datetime]]) -> None:
    """Store texts a post had as revisions: (post id, text, when it was written)."""
    if versions:
        now = utcnow()
        session.execute(
            revisions_table.insert(),
            [
                {"post_id": post_id, "text": text, "edit_date": written, "recorded_at": now}
                for post_id, text, written in versions
            ],
        )


def revise_posts(session: Session, edits: Sequence[tuple[StoredPost, model.Post]]) -> None:
    """Keep each text being replaced as a revision, then store the new one."""
    if not edits:
        return
    keep_revisions(
        session, [(stored.id, stored.text, stored.edit_date or stored.date) for stored, _ in edits]
    )
    now = utcnow()
    session.execute(
        update(posts_table)
        .where(posts_table.c.id == bindparam("post_id"))
        .values(
            text=bindparam("new_text"),
            edit_date=bindparam("new_edit_date"),
            raw=bindparam("new_raw"),
            updated_at=now,
        ),
        [
            {
                "post_id": stored.id,
                "new_text": post.text,
                "new_edit_date": post.edit_date,
                "new_raw": post.raw,
            }
            for stored, post in edits
        ],
    )


def touch_edit_dates(session: Session, changes: Sequence[tuple[int, model.Post]]) -> None:
    """Record the later edit date (and facts) of posts whose text did not change (a media edit)."""
    if changes:
        session.execute(
            update(posts_table)
            .where(posts_table.c.id == bindparam("post_id"))
            .values(edit_date=bindparam("new_edit_date"), raw=bindparam("new_raw")),
            [
                {"post_id": post_id, "new_edit_date": post.edit_date, "new_raw": post.raw}
                for post_id, post in changes
            ],
        )


def mark_deleted(session: Session, channel_id: int, message_ids: Iterable[int]) -> int:
    """Flag posts as deleted; they and their reports stay in the database."""
    result = session.execute(
        update(Post)
        .where(
            Post.channel_id == channel_id,
            Post.message_id.in_(list(message_ids)),
            Post.deleted.is_(False),
        )
        .values(deleted=True, deleted_at=utcnow())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def restore_posts(session: Session, post_ids: Sequence[int]) -> None:
    """Clear the deleted flag of posts seen in their channel again."""
    if post_ids:
        session.execute(
            update(Post)
            .where(Post.id.in_(list(post_ids)))
            .values(deleted=False, deleted_at=None)
            .execution_options(synchronize_session=False)
        )


def store_reports(
    session: Session, reports: Sequence[NewReport], parser_version: str, *, replace: bool
) -> None:
    """Store each report as its post's current one.

    With `replace`, the posts' earlier reports stop being current and any report of
    the same parser version is deleted first (its regions, places and tags with it).
    """
    if not reports:
        return
    if replace:
        post_ids = [item.post_id for item in reports]
        session.execute(
            update(reports_table)
            .where(reports_table.c.post_id.in_(post_ids), reports_table.c.is_current.is_(True))
            .values(is_current=False)
        )
        session.execute(
            delete(reports_table).where(
                reports_table.c.post_id.in_(post_ids),
                reports_table.c.parser_version == parser_version,
            )
        )
    now = utcnow()
    session.execute(
        reports_table.insert(), [report_values(item, parser_version, now) for item in reports]
    )
    stored_ids = session.execute(
        select(Report.post_id, Report.id).where(
            Report.post_id.in_([item.post_id for item in reports]),
            Report.parser_version == parser_version,
        )
    )
    report_ids: dict[int, int] = dict(stored_ids.all())
    ids = [report_ids[item.post_id] for item in reports]
    regions: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    damage: list[dict[str, Any]] = []
    for report_id, item in zip(ids, reports, strict=True):
        parsed = item.parsed
        counts: dict[str, int | None] = {}
        for region in parsed.regions:  # a code named twice keeps its first count
            counts.setdefault(region.code, region.drones)
        regions.extend(
            {"report_id": report_id, "code": code, "drones": drones, "position": position}
            for position, (code, drones) in enumerate(counts.items())
        )
        places.extend(
            {"report_id": report_id, "name": name, "position": position}
            | located(name, list(counts))
            for position, name in enumerate(dict.fromkeys(parsed.places))
        )
        damage.extend({"report_id": report_id, "tag": tag} for tag in dict.fromkeys(parsed.damage))
    for model_class, rows in (
        (ReportRegion, regions),
        (ReportPlace, places),
        (ReportDamage, damage),
    ):
        if rows:
            session.execute(cast(Table, model_class.__table__).insert(), rows)


def located(name: str, regions: Sequence[str]) -> dict[str, float | None]:
    """A place's `latitude` and `longitude` columns (empty when the gazetteer lacks it)."""
    point = place_point(name, regions)
    return {"latitude": None, "longitude": None} if point is None else point._asdict()


def report_values(item: NewReport, parser_version: str, created_at: datetime) -> dict[str, Any]:
    """The `reports` row of a parsed report."""
    parsed = item.parsed
    window = parsed.window
    return {
        "post_id": item.post_id,
        "parser_version": parser_version,
        "is_current": True,
        "kind": parsed.kind,
        "drones": parsed.drones,
        "cumulative": parsed.cumulative,
        "killed": parsed.killed,
        "injured": parsed.injured,
        "no_damage": parsed.no_damage,
        "window_start": window.start if window else None,
        "window_end": window.end if window else None,
        "period_end": window.end if window else item.posted_at,
        # Plain dicts: pydantic's model_dump per span costs more than the insert itself.
        "evidence": [
            {"field": e.field, "value": e.value, "start": e.start, "end": e.end, "text": e.text}
            for e in parsed.evidence
        ],
        "created_at": created_at,
    }


def _reparse_conditions(selection: ReparseFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if selection.parser_version is not None:
        conditions.append(
            ~exists().where(
                Report.post_id == Post.id,
                Report.is_current.is_(True),
                Report.parser_version == selection.parser_version,
            )
        )
    if selection.since is not None:
        conditions.append(Post.date >= selection.since)
    if selection.channel_ids is not None:
        conditions.append(Post.channel_id.in_(selection.channel_ids))
    return conditions


def count_posts_to_reparse(session: Session, selection: ReparseFilter) -> int:
    query = select(func.count(Post.id)).where(*_reparse_conditions(selection))
    return int(session.scalar(query) or 0)


def posts_to_reparse(
    session: Session, selection: ReparseFilter, *, after_id: int, limit: int
) -> list[PostText]:
    """The next `limit` posts of the selection after post id `after_id`, in id order."""
    query = (
        select(Post.id, Post.date, Post.text, Channel.region)
        .join(Channel, Channel.id == Post.channel_id)
        .where(Post.id > after_id, *_reparse_conditions(selection))
        .order_by(Post.id)
        .limit(limit)
    )
    return [PostText(row.id, row.date, row.text, row.region) for row in session.execute(query)]
