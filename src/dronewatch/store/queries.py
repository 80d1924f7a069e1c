"""Reading reports back: the SQL behind `dronewatch query` and `dronewatch export`.

Rows are streamed a page at a time with their regions, places and damage tags, so
that exporting a million posts needs no more memory than a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    exists,
    func,
    or_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from dronewatch.model import channel_id, post_url
from dronewatch.store.children import Children, load_children
from dronewatch.store.models import Channel, Post, Report, ReportPlace, ReportRegion
from dronewatch.store.search import PostTextMatches

PAGE_SIZE = 1000
REPORT_ID = 10  # where `_select` puts Report.id


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


class ReportRow(NamedTuple):
    """One post with its current report, flat enough for a spreadsheet.

    A named tuple: its values are the columns in order, as every writer wants them,
    and it is built in one step (a dataclass of 24 fields took longer to fill than
    the database took to read them).
    """

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
    regions: list[str]
    region_drones: list[int | None]
    places: list[str]
    # Where each place lies (GeoNames), in the order of `places`; empty for a district.
    place_latitudes: list[float | None]
    place_longitudes: list[float | None]
    damage: list[str]
    text: str

    def as_dict(self) -> dict[str, Any]:
        return self._asdict()

    @staticmethod
    def columns() -> list[str]:
        return list(ReportRow._fields)


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


def _naive(column: InstrumentedAttribute[Any]) -> ColumnElement[datetime]:
    """A time column read as the naive UTC time it is stored as; `_row` makes it aware.

    UTCDateTime does the same through two Python calls per value, which at five
    times per row cost a tenth of an export.
    """
    return type_coerce(column, DateTime()).label(column.key)


def _select(report_filter: ReportFilter, *, reports_only: bool) -> Select[*tuple[Any, ...]]:
    query = (
        select(
            Post.id.label("post_id"),
            Channel.telegram_id,
            Channel.username,
            Channel.title,
            Channel.region.label("channel_region"),
            Post.message_id,
            _naive(Post.date),
            _naive(Post.edit_date),
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
            _naive(Report.window_start),
            _naive(Report.window_end),
            _naive(Report.period_end),
        )
        .join(Channel, Channel.id == Post.channel_id)
        # `= true`, not `IS true`: PostgreSQL proves the partial index on the current
        # report's post_id (`WHERE is_current`) applies only from the former; from the
        # latter it hashed every report, so a month's query read the whole table.
        .join(
            Report,
            (Report.post_id == Post.id) & (Report.is_current == true()),
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
    connection = session.connection()
    result = connection.execute(
        _select(report_filter, reports_only=reports_only),
        execution_options={"yield_per": PAGE_SIZE},
    )
    for page in result.partitions(PAGE_SIZE):
        children = load_children(
            connection, [item[REPORT_ID] for item in page if item[REPORT_ID] is not None]
        )
        yield from [_row(item, children) for item in page]


def _row(item: Any, children: Children) -> ReportRow:
    # Unpacked by position, in `_select`'s column order: a Row's attributes are
    # looked up by name, which cost more than the rest of the row's conversion.
    (_, telegram_id, username, title, channel_region, message_id, date, edit_date, deleted,
     text, report_id, parser_version, kind, drones, cumulative, killed, injured, no_damage,
     window_start, window_end, period_end) = item  # fmt: skip
    regions = children.regions.get(report_id, ())
    return ReportRow(
        telegram_id, username, title, channel_region, message_id, date.replace(tzinfo=UTC),
        edit_date and edit_date.replace(tzinfo=UTC), deleted,
        post_url(username, telegram_id, message_id), parser_version, kind, drones, cumulative,
        killed, injured, no_damage, window_start and window_start.replace(tzinfo=UTC),
        window_end and window_end.replace(tzinfo=UTC),
        period_end and period_end.replace(tzinfo=UTC),
        [region.code for region in regions], [region.drones for region in regions],
        children.places.get(report_id, []), children.latitudes.get(report_id, []),
        children.longitudes.get(report_id, []), children.damage.get(report_id, []), text,
    )  # fmt: skip
