"""Reading reports back: the SQL behind `dronewatch query` and `dronewatch export`.

Rows are streamed a page at a time with their regions, places and damage tags, so
that exporting a few hundred thousand posts needs no more memory than a page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session

from dronewatch.model import channel_id, post_url
from dronewatch.store.models import Channel, Post, Report, ReportDamage, ReportPlace, ReportRegion
from dronewatch.store.search import PostTextMatches

PAGE_SIZE = 1000


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """What `dronewatch query` narrows reports by; dates are the posts' publication times.

    `text`: words the post's text must all hold, in any form (see `store.search`).

    `channel_ids` are stored channel row ids (see `find_channels`).
    """

    since: datetime | None = None
    until: datetime | None = None
    region: str | None = None
    place: str | None = None
    kind: str | None = None
    min_drones: int | None = None
    channel_ids: tuple[int, ...] | None = None
    include_deleted: bool = False
    text: str | None = None
    limit: int | None = None
    newest_first: bool = False


@dataclass(slots=True)
class ReportRow:
    """One post with its current report, flat enough for a spreadsheet."""

    channel_telegram_id: int
    channel_username: str | None
    channel_title: str | None
    channel_region: str | None
    message_id: int
    posted_at: datetime
    edited_at: datetime | None
    deleted: bool
    link: str
    parser_version: str | None
    kind: str | None
    drones: int | None
    cumulative: bool | None
    killed: int | None
    injured: int | None
    no_damage: bool | None
    window_start: datetime | None
    window_end: datetime | None
    period_end: datetime | None
    regions: list[str] = field(default_factory=list)
    region_drones: list[int | None] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    # Where each place lies (GeoNames), in the order of `places`; empty for a district.
    place_latitudes: list[float | None] = field(default_factory=list)
    place_longitudes: list[float | None] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)
    text: str = ""
    report_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: its deep copy of every value took longer than the query.
        return {name: getattr(self, name) for name in _COLUMNS}

    @staticmethod
    def columns() -> list[str]:
        return list(_COLUMNS)


# Every field but report_id (internal: how children are attached).
_COLUMNS = tuple(item.name for item in fields(ReportRow) if item.name != "report_id")


def find_channels(session: Session, key: str) -> list[int]:
    """Stored channel row ids matching a username (any case, `@` optional) or a numeric id."""
    key = key.strip().removeprefix("@")
    conditions: list[ColumnElement[bool]] = [func.lower(Channel.username) == key.lower()]
    with suppress(ValueError):  # not a number: a username only
        conditions.append(Channel.telegram_id == channel_id(key))
    return list(session.scalars(select(Channel.id).where(or_(*conditions))))


def _spellings(text: str) -> set[str]:
    """Case variants to match with: SQLite's LIKE and lower() only fold ASCII."""
    text = text.strip()
    return {text, text.lower(), text.capitalize(), text.title()}


def _select(report_filter: ReportFilter, *, reports_only: bool) -> Select[*tuple[Any, ...]]:
    query = (
        select(
            Post.id.label("post_id"),
            Channel.telegram_id,
            Channel.username,
            Channel.title,
            Channel.region.label("channel_region"),
            Post.message_id,
            Post.date,
            Post.edit_date,
            Post.deleted,
            Post.text,
            Report.id.label("report_id"),
            Report.parser_version,
            Report.kind,
            Report.drones,
            Report.cumulative,
            Report.killed,
            Report.injured,
            Report.no_damage,
            Report.window_start,
            Report.window_end,
            Report.period_end,
        )
        .join(Channel, Channel.id == Post.channel_id)
        .join(
            Report,
            (Report.post_id == Post.id) & Report.is_current.is_(True),
            isouter=not reports_only,
        )
    )
    f = report_filter
    conditions: list[ColumnElement[bool]] = []
    if not f.include_deleted:
        conditions.append(Post.deleted.is_(False))
    if f.since is not None:
        conditions.append(Post.date >= f.since)
    if f.until is not None:
        conditions.append(Post.date < f.until)
    if f.kind is not None:
        conditions.append(Report.kind == f.kind)
    if f.min_drones is not None:
        conditions.append(Report.drones >= f.min_drones)
    if f.channel_ids is not None:
        conditions.append(Post.channel_id.in_(f.channel_ids))
    if f.text is not None:
        conditions.append(PostTextMatches(f.text))
    if f.region is not None:
        conditions.append(
            exists().where(
                ReportRegion.report_id == Report.id, ReportRegion.code == f.region.upper()
            )
        )
    if f.place is not None:
        conditions.append(
            exists().where(
                ReportPlace.report_id == Report.id,
                or_(
                    *(
                        ReportPlace.name.contains(spelling, autoescape=True)
                        for spelling in _spellings(f.place)
                    )
                ),
            )
        )
    order = (Post.date.desc(), Post.id.desc()) if f.newest_first else (Post.date, Post.id)
    ordered: Select[*tuple[Any, ...]] = query.where(*conditions).order_by(*order)
    return ordered.limit(f.limit) if f.limit is not None else ordered


def report_rows(
    session: Session, report_filter: ReportFilter, *, reports_only: bool = True
) -> Iterator[ReportRow]:
    """Posts with their current report in publication order (or newest first), streamed.

    `reports_only=False` also yields posts that have no report (none is ever
    missing after the pipeline, but an export should not hide one if it were).
    """
    # Core rather than ORM execution: the rows are plain columns, and the ORM's
    # per-row bookkeeping cost a third of an export's time.
    result = session.connection().execute(
        _select(report_filter, reports_only=reports_only),
        execution_options={"yield_per": PAGE_SIZE},
    )
    for page in result.partitions(PAGE_SIZE):
        rows = [_row(item) for item in page]
        _attach_children(session, rows)
        yield from rows


def _row(item: Any) -> ReportRow:
    # Unpacked by position, in `_select`'s column order: a Row's attributes are
    # looked up by name, which cost more than the rest of the row's conversion.
    (_, telegram_id, username, title, channel_region, message_id, date, edit_date, deleted,
     text, report_id, parser_version, kind, drones, cumulative, killed, injured, no_damage,
     window_start, window_end, period_end) = item  # fmt: skip
    return ReportRow(
        channel_telegram_id=telegram_id,
        channel_username=username,
        channel_title=title,
        channel_region=channel_region,
        message_id=message_id,
        posted_at=date,
        edited_at=edit_date,
        deleted=deleted,
        link=post_url(username, telegram_id, message_id),
        parser_version=parser_version,
        kind=kind,
        drones=drones,
        cumulative=cumulative,
        killed=killed,
        injured=injured,
        no_damage=no_damage,
        window_start=window_start,
        window_end=window_end,
        period_end=period_end,
        text=text,
        report_id=report_id,
    )


def _attach_children(session: Session, rows: Sequence[ReportRow]) -> None:
    by_report = {row.report_id: row for row in rows if row.report_id is not None}
    if not by_report:
        return
    ids = list(by_report)
    connection = session.connection()  # Core, as for the rows; all() fetches at once
    regions: dict[int, list[tuple[int, str, int | None]]] = defaultdict(list)
    for report_id, position, code, drones in connection.execute(
        select(
            ReportRegion.report_id, ReportRegion.position, ReportRegion.code, ReportRegion.drones
        ).where(ReportRegion.report_id.in_(ids))
    ).all():
        regions[report_id].append((position, code, drones))
    for report_id, items in regions.items():
        items.sort()
        by_report[report_id].regions = [code for _, code, _ in items]
        by_report[report_id].region_drones = [drones for _, _, drones in items]
    places: dict[int, list[tuple[int, str, float | None, float | None]]] = defaultdict(list)
    for report_id, position, name, latitude, longitude in connection.execute(
        select(
            ReportPlace.report_id,
            ReportPlace.position,
            ReportPlace.name,
            ReportPlace.latitude,
            ReportPlace.longitude,
        ).where(ReportPlace.report_id.in_(ids))
    ).all():
        places[report_id].append((position, name, latitude, longitude))
    for report_id, named in places.items():
        named.sort(key=lambda place: place[0])
        row = by_report[report_id]
        row.places = [name for _, name, _, _ in named]
        row.place_latitudes = [latitude for _, _, latitude, _ in named]
        row.place_longitudes = [longitude for _, _, _, longitude in named]
    for report_id, tag in connection.execute(
        select(ReportDamage.report_id, ReportDamage.tag)
        .where(ReportDamage.report_id.in_(ids))
        .order_by(ReportDamage.tag)
    ).all():
        by_report[report_id].damage.append(tag)
