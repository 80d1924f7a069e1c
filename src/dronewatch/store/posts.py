"""Writing posts and their reports: the SQL behind the ingest pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dronewatch import model
from dronewatch.parsing import Report as ParsedReport
from dronewatch.store.models import (
    Channel,
    Post,
    PostRevision,
    Report,
    ReportDamage,
    ReportPlace,
    ReportRegion,
    utcnow,
)


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


def posts_by_message_id(
    session: Session, channel_id: int, message_ids: Sequence[int]
) -> dict[int, Post]:
    """Stored posts of one channel among `message_ids`, by message id."""
    if not message_ids:
        return {}
    rows = session.scalars(
        select(Post).where(Post.channel_id == channel_id, Post.message_id.in_(message_ids))
    )
    return {row.message_id: row for row in rows}


def add_post(session: Session, channel_id: int, post: model.Post) -> Post:
    row = Post(
        channel_id=channel_id,
        message_id=post.message_id,
        date=post.date,
        edit_date=post.edit_date,
        text=post.text,
        grouped_id=post.grouped_id,
        raw=post.raw,
    )
    session.add(row)
    return row


def revise_post(session: Session, row: Post, post: model.Post) -> None:
    """Keep the text being replaced as a revision, then take the new one."""
    session.add(PostRevision(post=row, text=row.text, edit_date=row.edit_date or row.date))
    row.text = post.text
    row.edit_date = post.edit_date
    row.raw = post.raw


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


def replace_report(
    session: Session, post: Post, parsed: ParsedReport, parser_version: str
) -> Report:
    """Store `parsed` as the post's current report, replacing any of the same version."""
    if post.id is not None:
        session.execute(update(Report).where(Report.post_id == post.id).values(is_current=False))
        for stale in session.scalars(
            select(Report).where(Report.post_id == post.id, Report.parser_version == parser_version)
        ):
            session.delete(stale)
        session.flush()
    report = report_row(parsed, parser_version, posted_at=post.date)
    report.post = post
    session.add(report)
    return report


def report_row(parsed: ParsedReport, parser_version: str, posted_at: datetime) -> Report:
    """A report row, with its regions, places and damage tags, from a parsed report."""
    window = parsed.window
    return Report(
        parser_version=parser_version,
        is_current=True,
        kind=parsed.kind,
        drones=parsed.drones,
        cumulative=parsed.cumulative,
        killed=parsed.killed,
        injured=parsed.injured,
        no_damage=parsed.no_damage,
        window_start=window.start if window else None,
        window_end=window.end if window else None,
        period_end=window.end if window else posted_at,
        evidence=[item.model_dump(mode="json") for item in parsed.evidence],
        regions=[
            ReportRegion(code=region.code, drones=region.drones, position=position)
            for position, region in enumerate(parsed.regions)
        ],
        places=[
            ReportPlace(name=name, position=position)
            for position, name in enumerate(dict.fromkeys(parsed.places))
        ],
        damage=[ReportDamage(tag=tag) for tag in dict.fromkeys(parsed.damage)],
    )


def channel_by_telegram_id(session: Session, telegram_id: int) -> Channel | None:
    return session.scalar(select(Channel).where(Channel.telegram_id == telegram_id))
