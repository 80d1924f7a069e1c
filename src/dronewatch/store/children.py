"""A report's regions, places and damage tags, loaded for many reports at once.

Every reader that shows reports (export, query, the digest, alerts) needs them, and
loads them the same way: three queries per page of reports, one per table, each
answered by the table's primary key (report_id first), never one query per report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    bindparam,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import InstrumentedAttribute

from dronewatch.store.models import ReportDamage, ReportPlace, ReportRegion


@dataclass(frozen=True, slots=True)
class RegionCount:
    """A region a stored report names, with its own count (None: not stated)."""

    code: str
    drones: int | None


@dataclass(frozen=True, slots=True)
class Children:
    """What some reports name, by report id: regions and places in the post's order
    (with each place's coordinates, None where the gazetteer has none), damage tags
    sorted. A report that names nothing has no entry (`.get(id, ())`).

    Dictionaries of lists rather than an object per report: building those cost as
    much as the queries.
    """

    regions: dict[int, list[RegionCount]] = field(default_factory=dict)
    places: dict[int, list[str]] = field(default_factory=dict)
    latitudes: dict[int, list[float | None]] = field(default_factory=dict)
    longitudes: dict[int, list[float | None]] = field(default_factory=dict)
    damage: dict[int, list[str]] = field(default_factory=dict)


def load_children(
    connection: Connection, report_ids: Collection[int] | Select[tuple[int]]
) -> Children:
    """The children of the reports `report_ids` lists or selects."""
    if isinstance(report_ids, Collection):
        if not report_ids:
            return Children()
        among, bound = _among_bound(connection), {"ids": _bound_ids(connection, report_ids)}
    else:
        among, bound = _among_selected(report_ids), {}
    regions: dict[int, list[RegionCount]] = {}
    for report_id, code, drones in connection.execute(
        select(ReportRegion.report_id, ReportRegion.code, ReportRegion.drones)
        .where(among(ReportRegion.report_id))
        .order_by(ReportRegion.report_id, ReportRegion.position),
        bound,
    ).all():  # all(): one fetch, not a call per row
        regions.setdefault(report_id, []).append(RegionCount(code, drones))
    places: dict[int, list[str]] = {}
    latitudes: dict[int, list[float | None]] = {}
    longitudes: dict[int, list[float | None]] = {}
    for report_id, name, latitude, longitude in connection.execute(
        select(ReportPlace.report_id, ReportPlace.name, ReportPlace.latitude, ReportPlace.longitude)
        .where(among(ReportPlace.report_id))
        .order_by(ReportPlace.report_id, ReportPlace.position),
        bound,
    ).all():
        if report_id not in places:
            places[report_id], latitudes[report_id], longitudes[report_id] = [], [], []
        places[report_id].append(name)
        latitudes[report_id].append(latitude)
        longitudes[report_id].append(longitude)
    damage: dict[int, list[str]] = {}
    for report_id, tag in connection.execute(
        select(ReportDamage.report_id, ReportDamage.tag)
        .where(among(ReportDamage.report_id))
        .order_by(ReportDamage.report_id, ReportDamage.tag),
        bound,
    ).all():
        damage.setdefault(report_id, []).append(tag)
    return Children(regions, places, latitudes, longitudes, damage)


Among = Callable[[InstrumentedAttribute[int]], ColumnElement[bool]]


def _among_selected(report_ids: Select[tuple[int]]) -> Among:
    return lambda column: column.in_(report_ids)


def _among_bound(connection: Connection) -> Among:
    """`column IN` the ids bound as one parameter, `ids`.

    Not `in_(list)`: SQLAlchemy expands a list into a parameter per id, and at a
    thousand ids a page that cost more than the query. PostgreSQL takes an array;
    SQLite a JSON array, read back by `json_each`.
    """
    if connection.dialect.name == "postgresql":
        ids = bindparam("ids", type_=postgresql.ARRAY(Integer))
        return lambda column: column == func.any(ids)
    each: Select[Any] = select(literal_column("value")).select_from(
        func.json_each(bindparam("ids"))
    )
    return lambda column: column.in_(each)


def _bound_ids(connection: Connection, report_ids: Collection[int]) -> Any:
    if connection.dialect.name == "postgresql":
        return list(report_ids)
    return json.dumps(list(report_ids))
