"""Every read path at 10k, 100k and 1M posts: does each stay linear (or flat) as the store grows?

Builds one database per size with synthetic channels, posts and reports through bulk
inserts (not the parser: this measures the reads), then times on each: export (csv,
jsonl, parquet), `query` over a month and over everything, `status`, the digest,
catch-up's look-ups, reparse's selection, the views, and (SQLite) every canned
Datasette query. Prints a table of seconds and the growth factor between the two
largest sizes (100k to 1M by default): 10 is linear, 1 is flat.

    uv run python benchmarks/store_scale.py [--sizes 10000,100000] [--dir /tmp]
    uv run python benchmarks/store_scale.py --postgres postgresql://user@host/db

Databases are kept and reused when they hold the wanted number of posts (SQLite
files in --dir; PostgreSQL databases named dronewatch_scale_<size> on the server of
the URL given). Posts are spread over two years up to today, oldest first, as a
daemon stores them; 2% have an edit, 1% are deleted.

A daemon stores a post when it sees it: at once from a joined channel, up to
`poll_seconds` later from a polled one, so a post may be stored after a few later
ones. Each post here is stored up to ten posts' spacing late (at a million posts,
63 s apart, ten minutes), at every size: the disorder was ten minutes at every size
before, which reordered the neighbours of the million posts (63 s apart) and
none of the 100,000 (631 s apart), so reads at 100,000 met every row in id order
(SQLite's next-row shortcut, no B-tree descent: 2.9 page visits per row against 7.2
at a million, region_drones_view over a month) and the growth factor measured the
disorder as well as the size.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from dronewatch.alerts.service import MAX_AGE
from dronewatch.commands.export import write_rows
from dronewatch.config import Settings
from dronewatch.digest.build import build_summary, digest_day_of
from dronewatch.parsing import PARSER_VERSION
from dronewatch.store import Database, alerts, open_database
from dronewatch.store import posts as stored
from dronewatch.store import status as state
from dronewatch.store.explore import canned_queries, register_functions
from dronewatch.store.queries import ReportFilter, report_rows

REGIONS = ["RU-KRS", "RU-BEL", "RU-BRY", "RU-KLU", "RU-VOR", "RU-LIP", "RU-ORL", "RU-TUL"]
PLACES = [f"Населённый пункт {n}" for n in range(400)]
TAGS = ["vehicle", "residential", "energy", "fuel", "industrial", "fire"]
CHANNELS = 60
DAYS = 730
BATCH = 20_000
LATE_SCALE = 1_000_000  # the size at which a post is stored up to 600 s late
TEXT = (
    "Над территорией области силами ПВО уничтожены {n} беспилотных летательных "
    "аппаратов самолётного типа. В {place} повреждены остекление частного дома и "
    "автомобиль. Пострадавших нет. На месте работают оперативные службы."
)
TABLES = {
    "channels": "id, telegram_id, username, title, region, label, created_at, updated_at",
    "posts": "id, channel_id, message_id, date, edit_date, text, grouped_id, deleted, "
    "deleted_at, raw, first_seen_at, updated_at",
    "post_revisions": "id, post_id, text, edit_date, recorded_at",
    "reports": "id, post_id, parser_version, is_current, kind, drones, cumulative, killed, "
    "injured, no_damage, window_start, window_end, period_end, evidence, created_at",
    "report_regions": "report_id, code, drones, position",
    "report_places": "report_id, name, position",
    "report_damage": "report_id, tag",
}


@dataclass(frozen=True)
class Shape:
    """Where the synthetic history ends: its last post is an hour ago."""

    end: datetime

    def posted(self, index: int, count: int, late: int) -> datetime:
        """When post `index` of `count` was published: `late` seconds (0 to 599) before
        its place in the order of storage at a million posts, as many posts' spacing
        before it at any other size (see the module's docstring)."""
        span = DAYS * 86_400
        seconds = span * (count - index) / count + late * LATE_SCALE / count
        return self.end - timedelta(seconds=seconds)


def _rows(count: int, shape: Shape) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """One batch of rows per table at a time, naive UTC datetimes, oldest posts first."""
    rng = random.Random(1)
    batch: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES if name != "channels"}
    revision = 0
    for index in range(1, count + 1):
        channel = rng.randrange(CHANNELS) + 1
        national = channel == CHANNELS
        posted = shape.posted(index, count, rng.randrange(600)).replace(tzinfo=None)
        drones = rng.randrange(1, 30)
        kind = rng.choices(["attack", "alert", "none"], [70, 20, 10])[0]
        place = rng.choice(PLACES)
        edited = rng.random() < 0.02
        deleted = rng.random() < 0.01
        batch["posts"].append(
            (index, channel, index, posted, posted + timedelta(minutes=5) if edited else None,
             TEXT.format(n=drones, place=place), None, deleted,
             posted + timedelta(hours=1) if deleted else None, "{}", posted, posted)
        )  # fmt: skip
        if edited:
            revision += 1
            batch["post_revisions"].append((revision, index, "первый текст", posted, posted))
        cumulative = kind == "attack" and rng.random() < 0.15
        batch["reports"].append(
            (index, index, "bench", True, kind, drones if kind == "attack" else None, cumulative,
             rng.choice([None, 0, 1]), rng.choice([None, 0, 2]), False, None, None, posted,
             '[{"field": "drones", "start": 30, "end": 33}]', posted)
        )  # fmt: skip
        if kind == "attack":
            if national:
                codes = rng.sample(REGIONS, 3)
                batch["report_regions"].extend(
                    (index, code, drones // 3, position) for position, code in enumerate(codes)
                )
            else:
                batch["report_regions"].append((index, REGIONS[channel % len(REGIONS)], drones, 0))
                batch["report_places"].append((index, place, 0))
                if rng.random() < 0.3:
                    batch["report_damage"].append((index, rng.choice(TAGS)))
        if index % BATCH == 0 or index == count:
            yield batch
            batch = {name: [] for name in batch}


def _channels(now: datetime) -> list[tuple[Any, ...]]:
    """Channel `CHANNELS` is the national one; the rest belong to the regions in turn."""
    return [
        (n, 1_000_000 + n, f"bench_{n}", f"Channel {n}",
         None if n == CHANNELS else REGIONS[n % len(REGIONS)], None, now, now)
        for n in range(1, CHANNELS + 1)
    ]  # fmt: skip


def _sqlite_value(value: Any) -> Any:
    # SQLAlchemy's SQLite DateTime text, which UTCDateTime's comparisons rely on.
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(value, datetime) else value


def fill(database: Database, count: int, shape: Shape) -> None:
    """Bulk inserts: executemany on SQLite, COPY on PostgreSQL; then ANALYZE."""
    connection: Any = database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        sqlite = database.is_sqlite
        if sqlite:
            cursor.execute("PRAGMA synchronous=OFF")

        def write(table: str, rows: list[tuple[Any, ...]]) -> None:
            if not rows:
                return
            columns = TABLES[table]
            if sqlite:
                marks = ", ".join("?" * len(rows[0]))
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                    [tuple(_sqlite_value(v) for v in row) for row in rows],
                )
                return
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

        write("channels", _channels(shape.end.replace(tzinfo=None)))
        done = 0
        for batch in _rows(count, shape):
            for table, rows in batch.items():
                write(table, rows)
            done += len(batch["posts"])
            print(f"\r  {done:,} posts", end="", file=sys.stderr, flush=True)
        connection.commit()
        print(file=sys.stderr)
        if not sqlite:  # ids were given explicitly: move the sequences past them
            for table in ("channels", "posts", "post_revisions", "reports"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
        cursor.execute("ANALYZE")
        connection.commit()
    finally:
        connection.close()
    if not database.is_sqlite:
        vacuum(database)


def vacuum(database: Database) -> None:
    """What autovacuum does to a daemon's database in its first hours: without it, the
    first reads after a bulk COPY write every page they touch (hint bits) and no scan
    is index-only (no visibility map), so the largest size was timed at its worst."""
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql("VACUUM (ANALYZE)")


def posts_in(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM posts")).scalar_one())


def _sqlite_database(directory: Path, size: int) -> Database:
    path = directory / f"dronewatch-scale-{size}.db"
    if path.exists():
        database = open_database(f"sqlite:///{path}")
        if posts_in(database) == size:
            return database
        database.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return open_database(f"sqlite:///{path}")


def _postgres_database(server: str, size: int) -> Database:
    url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"dronewatch_scale_{size}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).scalar()
        if exists:
            database = open_database(url.set(database=name).render_as_string(False))
            if posts_in(database) == size:
                admin.dispose()
                return database
            database.dispose()
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return open_database(url.set(database=name).render_as_string(False))


REPORT_VIEW_MONTH = "SELECT * FROM report_view WHERE posted_at >= :since"
REGION_VIEW_MONTH = (
    "SELECT region_code, sum(region_drones) FROM region_drones_view "
    "WHERE period_end >= :since GROUP BY region_code"
)
# The digest's figures per reporting day over the last 30 days, as an analyst asks: a
# date typed in (a subquery computing it would not be pushed into the view by SQLite).
REGION_DAY_VIEW_MONTH = "SELECT * FROM region_day_view WHERE day >= :day"


@dataclass(frozen=True)
class ReadPath:
    """A read path: its name, what it runs, and whether its output is the whole store."""

    name: str
    run: Callable[[], Any]
    full: bool = False


def read_paths(database: Database, shape: Shape, scratch: Path) -> list[ReadPath]:
    settings = Settings()
    month = ReportFilter(since=shape.end - timedelta(days=30), until=shape.end)
    day = digest_day_of(shape.end - timedelta(days=1), settings.digest)
    midnight = shape.end.replace(hour=0, minute=0, second=0, microsecond=0)
    everything = ReportFilter(include_deleted=True)

    def export(fmt: str) -> Callable[[], int]:
        def run() -> int:
            with database.session() as session:
                rows = report_rows(session, everything, reports_only=False)
                return write_rows(rows, fmt, scratch / f"export.{fmt}")

        return run

    def query(selection: ReportFilter) -> Callable[[], int]:
        def run() -> int:
            with database.session() as session:
                return sum(1 for _ in report_rows(session, selection))

        return run

    def in_session(call: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with database.session() as session:
                return call(session)

        return run

    def sql(statement: str) -> Callable[[], Any]:
        assert month.since is not None
        first_day = digest_day_of(month.since, settings.digest)
        bound = {
            "since": month.since.replace(tzinfo=None),
            "day": first_day.isoformat() if database.is_sqlite else first_day,
        }
        return in_session(lambda s: s.execute(text(statement), bound).all())

    selection = stored.ReparseFilter(PARSER_VERSION)
    fresh = shape.end - MAX_AGE
    paths = [
        ReadPath("export csv", export("csv"), full=True),
        ReadPath("export jsonl", export("jsonl"), full=True),
        ReadPath("export parquet", export("parquet"), full=True),
        ReadPath("query, everything", query(ReportFilter()), full=True),
        ReadPath("query, a month (all rows)", query(month)),
        # What `dronewatch query` shows by default: a table of the first 50.
        ReadPath("query, a month (table)", query(replace(month, limit=51))),
        ReadPath("query, a region over a month", query(replace(month, region="RU-KLU"))),
        ReadPath("query, a place over a month", query(replace(month, place="пункт 399"))),
        ReadPath("query, first 51 rows", query(ReportFilter(limit=51))),
        ReadPath("query, newest 51 rows", query(ReportFilter(limit=51, newest_first=True))),
        ReadPath(
            "alerts: a look (stored in the last minute)",
            in_session(
                lambda s: alerts.reports_stored(
                    s, ("attack",), since=shape.end - timedelta(minutes=1), fresh_since=fresh
                )
            ),
        ),
        ReadPath(
            "alerts: the first look after a start",
            in_session(
                lambda s: alerts.reports_stored(s, ("attack",), since=fresh, fresh_since=fresh)
            ),
        ),
        ReadPath(
            "status",
            in_session(
                lambda s: (state.channel_statuses(s, midnight), state.heartbeat(s, "daemon"))
            ),
        ),
        ReadPath("digest (summary)", lambda: build_summary(database, settings.digest, day)),
        ReadPath(
            "catch-up look-ups",
            in_session(
                lambda s: (
                    state.channel_marks(s, [1_000_000 + n for n in range(1, CHANNELS + 1)]),
                    state.recent_posts(s, 1_000_001, shape.end - timedelta(days=3)),
                )
            ),
        ),
        ReadPath(
            "reparse: count", in_session(lambda s: stored.count_posts_to_reparse(s, selection))
        ),
        ReadPath(
            "reparse: a page of 500",
            in_session(lambda s: stored.posts_to_reparse(s, selection, after_id=0, limit=500)),
        ),
        ReadPath("report_view, a month", sql(REPORT_VIEW_MONTH)),
        ReadPath("region_drones_view, a month", sql(REGION_VIEW_MONTH)),
        ReadPath("region_day_view, a month", sql(REGION_DAY_VIEW_MONTH)),
    ]
    if database.is_sqlite:
        paths.extend(_canned(database))
    return paths


def _canned(database: Database) -> list[ReadPath]:
    """Datasette's canned queries, on a connection set up as Datasette's plugin sets it."""
    path = database.engine.url.database
    parameters = {"since": "", "until": "", "hours": "", "place": "пункт 399", "region": ""}

    def run(sql: str, names: list[str]) -> Callable[[], int]:
        def go() -> int:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            register_functions(connection)
            try:
                return len(connection.execute(sql, {n: parameters[n] for n in names}).fetchall())
            finally:
                connection.close()

        return go

    return [ReadPath(f"canned: {q.name}", run(q.sql, q.params)) for q in canned_queries()]


# A path faster than this is run again and again until it has run this long, and timed
# per run (as `timeit` does): about as long as the month's query runs once at a million
# posts, so that the sizes compared are timed over samples of the same length.
SAMPLE = 1.5


def timed(path: ReadPath, runs: int) -> tuple[float, float]:
    """Wall and CPU seconds of this process per run, each the best of `runs` samples (a full
    export runs once).

    On a busy machine the CPU time is the steadier figure (on SQLite it is all the
    work; on PostgreSQL the server's share is left out). A sample of one short run
    flatters it: 50 ms can fall between the other processes' turns with the caches
    warm, half a second cannot. The month's query at 100,000 posts took 0.05 s best of
    3 single runs, 0.08 s per run over ten in a row, and ten of them as much CPU as one
    run at a million posts (ten times the rows): the growth factor came out 17 where
    the work grew 10 times. So every path is timed over at least `SAMPLE` seconds
    (0.5 s still left it at 11 to 18 from run to run at a load of 10 on 2 cores).
    """
    best = (float("inf"), float("inf"))
    repeat = 1
    for _ in range(1 if path.full else runs):
        while True:
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in range(repeat):
                path.run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if path.full or wall >= SAMPLE:
                break
            repeat = max(repeat * 2, int(repeat * SAMPLE / max(wall, 1e-3)) + 1)
        best = (min(best[0], wall / repeat), min(best[1], cpu / repeat))
    return best


def explain(database: Database, paths: list[ReadPath]) -> None:
    """Print the plan of every SELECT each path sends (PostgreSQL: EXPLAIN)."""
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((sql, parameters))

    prefix = "EXPLAIN QUERY PLAN " if database.is_sqlite else "EXPLAIN "
    full_shown = False
    for path in paths:
        if path.name.startswith("canned"):  # a sqlite3 connection of its own: see the test
            continue
        if path.full and full_shown:  # every full export and query sends the same SELECTs
            continue
        full_shown = full_shown or path.full
        event.listen(database.engine, "before_cursor_execute", capture)
        try:
            path.run()
        finally:
            event.remove(database.engine, "before_cursor_execute", capture)
        print(f"== {path.name}")
        with database.engine.connect() as connection:
            seen: set[str] = set()
            for sql, parameters in sent:
                if sql in seen:
                    continue
                seen.add(sql)
                print("  " + " ".join(sql.split())[:160])
                for row in connection.exec_driver_sql(prefix + sql, parameters):
                    print(f"    {row[-1]}")
        sent.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="posts per database")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--postgres", help="a PostgreSQL server URL (default: SQLite files)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--explain", action="store_true", help="print each query's plan instead of timing"
    )
    parser.add_argument(
        "--no-full", action="store_true", help="skip the full exports and query (long at 1M)"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    importlib.import_module("pyarrow.parquet")  # imported before timing: not the export's cost
    shape = Shape(datetime.now(UTC).replace(minute=0, second=0, microsecond=0))
    results: dict[int, dict[str, tuple[float, float]]] = {}
    for size in sizes:
        database = (
            _postgres_database(args.postgres, size)
            if args.postgres
            else _sqlite_database(args.dir, size)
        )
        if posts_in(database) != size:
            print(f"filling {size:,} posts", file=sys.stderr)
            start = time.perf_counter()
            fill(database, size, shape)
            print(f"fill: {time.perf_counter() - start:.1f} s", file=sys.stderr)
        with tempfile.TemporaryDirectory() as scratch:
            if args.explain:
                explain(database, read_paths(database, shape, Path(scratch)))
                database.dispose()
                continue
            results[size] = {}
            for path in read_paths(database, shape, Path(scratch)):
                if path.full and args.no_full:
                    continue
                results[size][path.name] = wall, cpu = timed(path, args.runs)
                print(
                    f"  {size:>9,}  {path.name:<40} {wall:8.3f} s  (cpu {cpu:.3f} s)",
                    file=sys.stderr,
                )
        database.dispose()
    if results:
        _print(results, sizes, "postgresql" if args.postgres else "sqlite")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


def _print(
    results: dict[int, dict[str, tuple[float, float]]], sizes: list[int], backend: str
) -> None:
    names = list(results[sizes[0]])
    growth = len(sizes) > 1
    print(
        f"{backend}: seconds per run, wall and CPU of this process (best of runs; a full "
        "export or query runs once); growth: from the second largest size to the largest"
    )
    header = [f"{size:,} {kind}" for kind in ("wall", "cpu") for size in sizes]
    growths = " wall growth | cpu growth |" if growth else ""
    print(f"| read path | {' | '.join(header)} |{growths}")
    print(f"| --- |{' ---: |' * (2 * len(sizes) + 2 * growth)}")
    for name in names:
        cells = [f"{results[size][name][kind]:.3f}" for kind in (0, 1) for size in sizes]
        if growth:
            for kind in (0, 1):
                before, after = results[sizes[-2]][name][kind], results[sizes[-1]][name][kind]
                cells.append(f"{after / max(before, 1e-6):.1f}")
        print(f"| {name} | {' | '.join(cells)} |")
    largest = sizes[-1]
    for fmt in ("csv", "jsonl", "parquet") if "export csv" in results[largest] else ():
        wall, cpu = results[largest][f"export {fmt}"]
        print(
            f"export {fmt} at {largest:,} posts: {largest / wall:,.0f} rows/s "
            f"({largest / cpu:,.0f} rows per CPU second of this process)"
        )


if __name__ == "__main__":
    main()
