"""How long a digest takes to build on a database of 1,000,000 reports (target: < 1 s).

Fills a SQLite file with synthetic channels, posts and reports through bulk inserts
(not the parser: this measures the digest's queries), then times building the
summary of the last day and the whole outgoing digest (text and chart).

    uv run python benchmarks/digest.py [--reports 1000000] [--database PATH]

An existing file with enough reports is reused, so reruns are quick. Reports are
spread evenly over two years and stored oldest first, as a daemon stores them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from dronewatch.config import Settings
from dronewatch.digest.build import build_summary, prepare_outgoing
from dronewatch.store import Database, open_database

REGIONS = ["RU-KRS", "RU-BEL", "RU-BRY", "RU-KLU", "RU-VOR", "RU-LIP", "RU-ORL", "RU-TUL"]
PLACES = [f"Населённый пункт {n}" for n in range(400)]
TAGS = ["vehicle", "residential", "energy", "fuel", "industrial", "fire"]
LAST_DAY = date(2026, 10, 12)
DAYS = 730
CHANNELS = 60
BATCH = 20_000


def _stamp(moment: datetime) -> str:
    """SQLAlchemy's SQLite DateTime text, naive UTC, as UTCDateTime stores it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _rows(count: int, seed: int = 1) -> Iterator[tuple[tuple[Any, ...], ...]]:
    """(post, report, regions, places, damage) rows for `count` reports."""
    rng = random.Random(seed)
    end = datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 5, tzinfo=UTC)
    span = DAYS * 86_400
    for index in range(1, count + 1):
        channel = rng.randrange(CHANNELS) + 1
        national = channel == CHANNELS
        # Oldest first, as a daemon stores them: a day's reports sit together on disk.
        posted = end - timedelta(seconds=span * (count - index) / count + rng.randrange(600))
        stamp = _stamp(posted)
        drones = rng.randrange(1, 30)
        kind = "attack" if rng.random() < 0.9 else "alert"
        cumulative = kind == "attack" and rng.random() < 0.15
        post = (index, channel, index, stamp, None, "текст", None, 0, None, "{}", stamp, stamp)
        report = (
            index, index, "bench", 1, kind, drones if kind == "attack" else None,
            int(cumulative), rng.choice([None, 0, 1]), rng.choice([None, 0, 2]), 0,
            None, None, stamp, "[]", stamp,
        )  # fmt: skip
        regions: tuple[tuple[Any, ...], ...] = ()
        places: tuple[tuple[Any, ...], ...] = ()
        damage: tuple[tuple[Any, ...], ...] = ()
        if kind == "attack":
            if national:
                codes = rng.sample(REGIONS, 3)
                regions = tuple((index, code, drones // 3, pos) for pos, code in enumerate(codes))
            else:
                regions = ((index, REGIONS[channel % len(REGIONS)], drones, 0),)
                places = ((index, rng.choice(PLACES), 0),)
                if rng.random() < 0.3:
                    damage = ((index, rng.choice(TAGS)),)
        yield (post,), (report,), regions, places, damage


def _channel(number: int, now: str) -> tuple[Any, ...]:
    """Channel `CHANNELS` is the national one; the rest belong to the regions in turn."""
    region = None if number == CHANNELS else REGIONS[number % len(REGIONS)]
    return (
        number,
        1_000_000 + number,
        f"bench_{number}",
        f"Channel {number}",
        region,
        None,
        now,
        now,
    )


def fill(database: Database, count: int) -> None:
    inserts = [
        "INSERT INTO posts (id, channel_id, message_id, date, edit_date, text, grouped_id, "
        "deleted, deleted_at, raw, first_seen_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "INSERT INTO reports (id, post_id, parser_version, is_current, kind, drones, cumulative, "
        "killed, injured, no_damage, window_start, window_end, period_end, evidence, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "INSERT INTO report_regions (report_id, code, drones, position) VALUES (?, ?, ?, ?)",
        "INSERT INTO report_places (report_id, name, position) VALUES (?, ?, ?)",
        "INSERT INTO report_damage (report_id, tag) VALUES (?, ?)",
    ]
    now = _stamp(datetime.now(UTC))
    connection: Any = database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.executemany(
            "INSERT INTO channels (id, telegram_id, username, title, region, label, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [_channel(n, now) for n in range(1, CHANNELS + 1)],
        )
        buffers: list[list[tuple[Any, ...]]] = [[] for _ in inserts]
        for number, parts in enumerate(_rows(count), start=1):
            for buffer, rows in zip(buffers, parts, strict=True):
                buffer.extend(rows)
            if number % BATCH == 0 or number == count:
                for statement, buffer in zip(inserts, buffers, strict=True):
                    cursor.executemany(statement, buffer)
                    buffer.clear()
                print(f"\r  {number:,} reports", end="", file=sys.stderr, flush=True)
        connection.commit()
        cursor.execute("ANALYZE")
        connection.commit()
        print(file=sys.stderr)
    finally:
        connection.close()


def reports_in(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM reports")).scalar_one())


def timed(action: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """(first run, median of the rest) in seconds, and the last result."""
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:] or times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--database", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = args.database or Path(tempfile.gettempdir()) / f"dronewatch-bench-{args.reports}.db"
    database = open_database(f"sqlite:///{path}")
    if reports_in(database) != args.reports:
        database.dispose()
        path.unlink()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        database = open_database(f"sqlite:///{path}")
        print(f"filling {path} with {args.reports:,} reports", file=sys.stderr)
        start = time.perf_counter()
        fill(database, args.reports)
        print(f"fill: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    config = Settings().digest
    settings = Settings()
    first, median, summary = timed(lambda: build_summary(database, config, LAST_DAY), args.runs)
    print(f"database: {path} ({reports_in(database):,} reports, {DAYS} days)")
    print(f"day {LAST_DAY}: {summary.attack_reports:,} attack reports in the period")
    print(
        f"summary (queries + figures): first {first * 1000:.0f} ms, median {median * 1000:.0f} ms"
    )
    first, median, outgoing = timed(
        lambda: prepare_outgoing(database, settings, LAST_DAY), args.runs
    )
    print(
        f"full digest (summary + HTML + chart PNG): first {first * 1000:.0f} ms, "
        f"median {median * 1000:.0f} ms ({len(outgoing.messages)} message(s))"
    )
    database.dispose()


if __name__ == "__main__":
    main()
