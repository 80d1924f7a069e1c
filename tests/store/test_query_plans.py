"""No read path falls back to a scan that grows with the tables (SQLite's query plans).

Every query the project reads with (export, query, status, the digest, reparse's
selection, catch-up's look-ups, the views, Datasette's canned queries) is run for
real on a small database, its SQL captured, and `EXPLAIN QUERY PLAN` asked of it. A
plan fails when it reads a growing table in full (unless the path's output is that
whole table) or looks rows up by columns of a few values only: the plan that once
made an export of 20,000 posts take two minutes (each post scanned every current
report through `is_current = ?`).

Plans are checked twice: without statistics (a database just imported, before SQLite
has analysed it) and with the statistics of a large database.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from dronewatch import model
from dronewatch.parsing import Report
from dronewatch.parsing.report import RegionCount
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database, alerts, open_database
from dronewatch.store import posts as stored
from dronewatch.store import status as state
from dronewatch.store.digests import daily_counts, latest_period_end, period_reports
from dronewatch.store.explore import CannedQuery, canned_queries, register_functions
from dronewatch.store.models import utcnow
from dronewatch.store.queries import ReportFilter, report_rows

# Tables that grow with the posts; channels, digests and heartbeats stay small.
GROWING = {"posts", "reports", "report_regions", "report_places", "report_damage", "post_revisions"}
# Columns of a few values: a look-up by these alone reads a fixed share of a table.
FEW_VALUES = {"is_current", "kind", "deleted", "channel_id", "code", "tag", "parser_version"}
ALIASES = {"p": "posts", "r": "reports", "rr": "report_regions", "rp": "report_places"}

KALUGA = model.Channel(1111, "Губернатор Калужской области", "kaluga_gov", "RU-KLU")
MINISTRY = model.Channel(3333, "Минобороны России", "mod_russia", None)
START = datetime(2026, 11, 1, 6, tzinfo=UTC)

# The statistics `ANALYZE` wrote for a database of a million posts in 60 channels,
# each with one current report (benchmarks/store_scale.py), rounded.
LARGE_STATISTICS = [
    ("posts", "ix_posts_channel_id_date", "1000000 16667 1"),
    ("posts", "ix_posts_date", "1000000 1"),
    ("posts", "sqlite_autoindex_posts_1", "1000000 16667 1"),
    ("post_revisions", "ix_post_revisions_post_id", "20000 1"),
    ("reports", "ix_reports_period_end", "1000000 1"),
    ("reports", "ix_reports_created_at", "1000000 500"),
    ("reports", "uq_reports_post_id_current", "1000000 1"),
    ("reports", "sqlite_autoindex_reports_1", "1000000 1 1"),
    ("report_regions", "sqlite_autoindex_report_regions_1", "1100000 2 1"),
    ("report_places", "ix_report_places_name", "900000 2250"),
    ("report_places", "sqlite_autoindex_report_places_1", "900000 1 1"),
    ("report_damage", "sqlite_autoindex_report_damage_1", "270000 1 1"),
]


def _parser(text: str, _region: str | None, _when: datetime | None) -> Report:
    drones = int(text.split()[0])
    return Report.model_validate(
        {
            "kind": "attack" if drones else "alert",
            "drones": drones or None,
            "regions": [RegionCount(code="RU-KLU", drones=drones or None)],
            "places": ["Обнинск"] if drones % 2 else [],
            "damage": ["vehicle"] if drones % 3 == 0 else [],
            "killed": 1 if drones == 3 else None,
        }
    )


def _fill(database: Database) -> None:
    pipeline = Pipeline(database, parser=_parser)
    posts = [
        model.Post(
            MINISTRY if n % 4 == 0 else KALUGA,
            100 + n,
            START + timedelta(hours=6 * n),
            f"{n % 7} БПЛА",
        )
        for n in range(40)
    ]
    pipeline.ingest(posts)
    edited = posts[5]
    pipeline.ingest(
        [model.Post(KALUGA, edited.message_id, edited.date, "6 БПЛА", edit_date=edited.date)]
    )
    pipeline.delete(model.Deletion(KALUGA.telegram_id, [posts[9].message_id]))


@dataclass(frozen=True)
class ReadPath:
    """A read path: what it runs, and the tables it may read in full (its output)."""

    name: str
    run: Callable[[Database], Any]
    reads_all: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()


def _session_call(call: Callable[..., Any]) -> Callable[[Database], Any]:
    def run(database: Database) -> Any:
        with database.session() as session:
            result = call(session)
            return list(result) if isinstance(result, Iterator) else result

    return run


# max(date) of one channel: the last entry of the channel's range of the index.
NEWEST_POST = "SEARCH posts USING COVERING INDEX ix_posts_channel_id_date (channel_id=?)"
# max(message_id) of one channel, the same way.
NEWEST_MESSAGE = "SEARCH posts USING COVERING INDEX sqlite_autoindex_posts_1 (channel_id=?)"
EVERYTHING = frozenset({"posts"})


def _month(**narrowed: Any) -> ReportFilter:
    return ReportFilter(since=START, until=START + timedelta(days=30), **narrowed)


def _rows(selection: ReportFilter, *, reports_only: bool = True) -> Callable[[Database], Any]:
    return _session_call(lambda s: report_rows(s, selection, reports_only=reports_only))


READ_PATHS = [
    ReadPath("export", _rows(ReportFilter(include_deleted=True), reports_only=False), EVERYTHING),
    ReadPath("query, a month", _rows(_month())),
    ReadPath("query, everything", _rows(ReportFilter()), EVERYTHING),
    ReadPath("query, a region over a month", _rows(_month(region="RU-KLU", kind="attack"))),
    ReadPath("query, a place over a month", _rows(_month(place="обнинск", min_drones=1))),
    ReadPath("query, one channel over a month", _rows(_month(channel_ids=(1,)))),
    # In index order: the scan stops after the limit.
    ReadPath("query, the first rows of everything", _rows(ReportFilter(limit=51)), EVERYTHING),
    ReadPath(
        "query, the newest rows of everything",
        _rows(ReportFilter(limit=51, newest_first=True)),
        EVERYTHING,
    ),
    ReadPath(
        "status",
        _session_call(lambda s: state.channel_statuses(s, START + timedelta(days=5))),
        seeks=frozenset({NEWEST_POST}),
    ),
    ReadPath("heartbeat", _session_call(lambda s: state.heartbeat(s, "daemon"))),
    ReadPath(
        "catch-up: channel marks",
        _session_call(lambda s: state.channel_marks(s, [1111, 3333])),
        seeks=frozenset({NEWEST_MESSAGE}),
    ),
    ReadPath(
        "catch-up: recent posts",
        _session_call(lambda s: state.recent_posts(s, 1111, START + timedelta(days=5))),
    ),
    ReadPath(
        "ingest: stored posts",
        _session_call(lambda s: stored.stored_posts(s, 1, [101, 102, 103])),
    ),
    ReadPath(
        "digest",
        _session_call(
            lambda s: (
                period_reports(s, START + timedelta(days=2), START + timedelta(days=3)),
                daily_counts(s, [START + timedelta(days=d) for d in range(9)]),
            )
        ),
    ),
    ReadPath("latest period end", _session_call(latest_period_end)),
    ReadPath(
        "alerts: reports stored since the last look",
        _session_call(
            lambda s: alerts.reports_stored(
                s, ("attack",), since=utcnow() - timedelta(minutes=1), fresh_since=START
            )
        ),
    ),
    ReadPath(
        "alerts test: a page",
        _session_call(
            lambda s: alerts.reports_posted(
                s, ("attack",), since=START, until=START + timedelta(days=3), limit=1000
            )
        ),
    ),
    ReadPath("bot /status", _session_call(state.store_status), frozenset({"posts", "reports"})),
    ReadPath(
        "reparse: count",
        _session_call(lambda s: stored.count_posts_to_reparse(s, stored.ReparseFilter("new"))),
        EVERYTHING,
    ),
    ReadPath(
        "reparse: a page",
        _session_call(
            lambda s: stored.posts_to_reparse(
                s, stored.ReparseFilter("new"), after_id=10, limit=500
            )
        ),
    ),
    ReadPath(
        "reparse: a channel since a date",
        _session_call(
            lambda s: stored.posts_to_reparse(
                s,
                stored.ReparseFilter("new", since=START + timedelta(days=5), channel_ids=(1,)),
                after_id=0,
                limit=500,
            )
        ),
    ),
]

VIEW_QUERIES = {
    "report_view, a month": "SELECT * FROM report_view WHERE posted_at >= '2026-11-03' "
    "AND posted_at < '2026-12-03'",
    "report_view, a period": "SELECT * FROM report_view WHERE period_end >= '2026-11-03' "
    "AND period_end < '2026-11-04'",
    "region_drones_view, a month": "SELECT region_code, sum(region_drones) "
    "FROM region_drones_view WHERE period_end >= '2026-11-03' AND period_end < '2026-12-03' "
    "GROUP BY region_code",
    # One bound: SQLite guesses a quarter of the table, and once took the whole of
    # report_regions in code order over the range, to save the GROUP BY a sort.
    "region_drones_view, since a day": "SELECT region_code, sum(region_drones) "
    "FROM region_drones_view WHERE period_end >= '2026-11-03' GROUP BY region_code",
    "report_view, damage since a day": "SELECT damage, count(*) FROM report_view "
    "WHERE posted_at >= '2026-11-03' GROUP BY damage",
    # Filters on the day and the region reach reporting_days and the index on
    # period_end: the view once added up every report ever stored, then filtered.
    "region_day_view, a month": "SELECT * FROM region_day_view "
    "WHERE day >= '2026-11-03' AND day <= '2026-12-02'",
    "region_day_view, since a day": "SELECT * FROM region_day_view WHERE day >= '2026-11-03'",
    "region_day_view, a region's day": "SELECT * FROM region_day_view "
    "WHERE day = '2026-11-03' AND region_code = 'RU-KLU'",
}
CANNED_PARAMETERS = {"since": "", "until": "", "hours": "", "place": "обнин", "region": ""}


Plan = list[tuple[int, str]]  # (parent step, detail) per step


def _plan(connection: sqlite3.Connection, sql: str, parameters: Any) -> Plan:
    rows = connection.execute(f"EXPLAIN QUERY PLAN {sql}", parameters).fetchall()
    return [(row[1], row[3]) for row in rows]


def _text(plan: Plan) -> list[str]:
    return [detail for _, detail in plan]


_STEP = re.compile(r"^(SCAN|SEARCH) (\w+)(?: AS \w+)?(.*)$")


def growing_steps(
    plan: Plan, reads_all: frozenset[str] = frozenset(), seeks: frozenset[str] = frozenset()
) -> list[str]:
    """The steps of a plan whose cost grows with a table, beyond what the path allows.

    `reads_all`: tables the path's output is (it may scan them, in index order: a sort
    at the same level would read all before the first row). `seeks`: steps that take
    one row from an end of an index (`max()` over an index's next column).
    """
    bad = []
    scan_levels = set()
    for parent, step in plan:
        # A Bloom filter is filled by reading the whole table before the join starts.
        bloom = re.match(r"^BLOOM FILTER ON (\w+)", step)
        if bloom and ALIASES.get(bloom[1], bloom[1]) in GROWING - reads_all:
            bad.append(step)
            continue
        match = _STEP.match(step)
        if match is None or step in seeks:
            continue
        verb, table, rest = match.groups()
        table = ALIASES.get(table, table)
        if table not in GROWING:
            continue
        if verb == "SCAN":
            scan_levels.add(parent)
            if table not in reads_all:
                bad.append(step)
            continue
        keys = re.search(r"\(([^)]*)\)\s*(?:LEFT-JOIN)?$", rest)
        columns = {
            term.split("=")[0].split(">")[0].split("<")[0].strip()
            for term in (keys[1].split(" AND ") if keys else [])
        }
        if columns and columns <= FEW_VALUES and table not in reads_all:
            bad.append(step)
    bad.extend(
        f"{step} (over a whole table)"
        for parent, step in plan
        if step == "USE TEMP B-TREE FOR ORDER BY" and parent in scan_levels
    )
    return bad


def _set_statistics(path: Path, statistics: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("ANALYZE sqlite_schema")  # makes sure sqlite_stat1 exists
        connection.execute("DELETE FROM sqlite_stat1")
        if statistics == "large":
            connection.executemany("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", LARGE_STATISTICS)
        connection.commit()
    finally:
        connection.close()


@dataclass(frozen=True)
class Planned:
    path: Path
    statistics: str

    def connect(self) -> sqlite3.Connection:
        """A connection that plans with these statistics (closing connections analyse)."""
        _set_statistics(self.path, self.statistics)
        connection = sqlite3.connect(self.path)
        register_functions(connection)
        return connection


@pytest.fixture(scope="module", params=["none", "large"])
def planned(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Planned:
    path = tmp_path_factory.mktemp("plans") / "dronewatch.db"
    database = open_database(f"sqlite:///{path}")
    try:
        _fill(database)
    finally:
        database.dispose()
    return Planned(path, request.param)


def _captured(path: Path, read_path: ReadPath) -> list[tuple[str, Any]]:
    """Every SELECT the read path sends to the database, with its parameters."""
    database = Database(f"sqlite:///{path}")
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((sql, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        read_path.run(database)
    finally:
        database.dispose()
    return statements


@pytest.mark.parametrize("read_path", READ_PATHS, ids=lambda path: path.name)
def test_read_path_plans_do_not_grow_with_the_tables(planned: Planned, read_path: ReadPath) -> None:
    statements = _captured(planned.path, read_path)
    assert statements, f"{read_path.name} ran no query"
    connection = planned.connect()
    try:
        for sql, parameters in statements:
            plan = _plan(connection, sql, parameters)
            bad = growing_steps(plan, read_path.reads_all, read_path.seeks)
            assert bad == [], "\n".join([sql, *_text(plan)])
    finally:
        connection.close()


@pytest.mark.parametrize("name", list(VIEW_QUERIES))
def test_view_plans_do_not_grow_with_the_tables(planned: Planned, name: str) -> None:
    connection = planned.connect()
    try:
        plan = _plan(connection, VIEW_QUERIES[name], {})
    finally:
        connection.close()
    assert growing_steps(plan) == [], "\n".join(_text(plan))


@pytest.mark.parametrize("query", canned_queries(), ids=lambda query: query.name)
def test_canned_query_plans_do_not_grow_with_the_tables(
    planned: Planned, query: CannedQuery
) -> None:
    connection = planned.connect()
    try:
        parameters = {name: CANNED_PARAMETERS[name] for name in query.params}
        plan = _plan(connection, query.sql, parameters)
    finally:
        connection.close()
    # A place's history matches part of a name: it reads every place name, by design.
    reads_all = frozenset({"report_places"}) if query.name == "place_history" else frozenset()
    assert growing_steps(plan, reads_all) == [], "\n".join(_text(plan))


def test_the_check_catches_the_old_plans() -> None:
    join = "SEARCH reports USING INDEX ix_reports_current_period (is_current=?) LEFT-JOIN"
    assert growing_steps([(0, "SCAN posts USING INDEX ix_posts_date"), (0, join)], EVERYTHING) == [
        join
    ]
    assert growing_steps([(0, "SCAN r")]) == ["SCAN r"]
    assert growing_steps([(0, "BLOOM FILTER ON p (id=?)")]) == ["BLOOM FILTER ON p (id=?)"]
    sorted_all = [(0, "SCAN posts"), (0, "USE TEMP B-TREE FOR ORDER BY")]
    assert growing_steps(sorted_all, EVERYTHING) == [
        "USE TEMP B-TREE FOR ORDER BY (over a whole table)"
    ]
    day = "SEARCH p USING INDEX ix_posts_channel_id_date (channel_id=? AND date>?)"
    assert growing_steps([(0, day), (0, "USE TEMP B-TREE FOR ORDER BY")]) == []
