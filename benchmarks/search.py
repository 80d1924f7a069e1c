"""Full-text search: what the index costs each stored post, and how fast `query --text` is.

Stores N synthetic posts (governors' phrasing, with a rare word, нефтебаза, in some
form in 0.5% of them) with one multi-row INSERT per batch, as the pipeline does,
twice on SQLite: with the FTS5 triggers and with them dropped, and prints the cost
per post and the index's share of the file. Then times searches through
`report_rows` (the code behind `query --text`): a rare word, a common one, and two
words, newest 50 first and all matches.

    uv run python benchmarks/search.py [--posts 100000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from dronewatch.parsing import PARSER_VERSION
from dronewatch.store import Database, open_database
from dronewatch.store.models import Channel, Post
from dronewatch.store.queries import ReportFilter, report_rows

BATCH = 5_000
PHRASES = (
    "Над территорией области силами ПВО уничтожены {n} беспилотников самолётного типа.",
    "В Шебекинском округе посечены окна частного дома и повреждён автомобиль.",
    "Пострадавших нет. На месте работают оперативные службы.",
    "В Белгородском районе повреждена линия электропередачи, часть посёлка без света.",
    "Ракетная опасность. Всем пройти в укрытия.",
    "Отбой ракетной опасности.",
    "Глава района провёл совещание по подготовке к отопительному сезону.",
)
RARE = ("Атакована нефтебаза.", "Возгорание на нефтебазе потушено.", "У нефтебазы упали обломки.")
SEARCHES = ("нефтебаза", "беспилотник", "нефтебаза обломки")


def post_text(rng: random.Random) -> str:
    words = [rng.choice(PHRASES).format(n=rng.randint(1, 40)) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.005:
        words.insert(rng.randrange(len(words) + 1), rng.choice(RARE))
    return " ".join(words)


def fill(database: Database, count: int) -> float:
    """Store `count` posts with a report each; the seconds the posts' inserts took."""
    rng = random.Random(15)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    spent = 0.0
    with database.session() as session:
        channel = Channel(telegram_id=1, username="gov", title="Губернатор", region="RU-BEL")
        session.add(channel)
        session.flush()
        channel_id = channel.id
    for first in range(0, count, BATCH):
        numbers = range(first, min(first + BATCH, count))
        posts = [
            {"channel_id": channel_id, "message_id": n + 1, "text": post_text(rng),
             "date": start + timedelta(minutes=10 * n), "deleted": False, "raw": {}}
            for n in numbers
        ]  # fmt: skip
        with database.session() as session:
            began = time.perf_counter()
            session.execute(insert(Post), posts)
            spent += time.perf_counter() - began
            session.execute(
                text(
                    "INSERT INTO reports (post_id, parser_version, is_current, kind, "
                    "cumulative, no_damage, period_end, evidence, created_at) "
                    "SELECT id, :version, true, 'attack', false, false, date, '[]', date "
                    "FROM posts WHERE message_id > :first"
                ),
                {"version": PARSER_VERSION, "first": first},
            )
    return spent


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(3):
        began = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - began)
    return best, result


def searches(database: Database) -> None:
    for words in SEARCHES:
        for limit in (50, None):

            def run(words: str = words, limit: int | None = limit) -> int:
                selection = ReportFilter(text=words, newest_first=True, limit=limit)
                with database.session() as session:
                    return sum(1 for _ in report_rows(session, selection))

            seconds, found = timed(run)
            shown = "all" if limit is None else f"newest {limit}"
            print(f"  --text {words!r:22} {shown:>10}: {found:7} rows in {seconds * 1000:8.1f} ms")


def sqlite_run(directory: Path, count: int) -> None:
    indexed = open_database(f"sqlite:///{directory / 'indexed.db'}")
    plain = open_database(f"sqlite:///{directory / 'plain.db'}")
    try:
        with plain.engine.begin() as connection:
            for trigger in ("posts_fts_insert", "posts_fts_update", "posts_fts_delete"):
                connection.execute(text(f"DROP TRIGGER {trigger}"))
        with_index = fill(indexed, count)
        without = fill(plain, count)
        extra = (with_index - without) / count * 1e6
        print(f"SQLite, {count} posts: inserting them took {with_index:.2f} s with the FTS5")
        print(f"  triggers, {without:.2f} s without: {extra:.0f} µs more per post")
        with indexed.engine.connect() as connection:
            pages = connection.execute(text("PRAGMA page_count")).scalar() or 0
            index_pages = connection.execute(
                text("SELECT count(*) FROM dbstat WHERE name LIKE 'posts_fts%'")
            ).scalar()
        print(f"  the index is {index_pages / pages:.0%} of the database file")
        searches(indexed)
    finally:
        indexed.dispose()
        plain.dispose()


def postgres_run(server: str, count: int) -> None:
    name = f"dronewatch_search_{count}"
    admin = create_engine(
        make_url(server).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    database = open_database(url)
    try:
        seconds = fill(database, count)
        with database.engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            size = connection.execute(
                text("SELECT pg_relation_size('ix_posts_text_search')")
            ).scalar()
        print(f"PostgreSQL, {count} posts: inserted in {seconds:.2f} s (GIN index included);")
        print(f"  the index takes {(size or 0) / 1e6:.1f} MB")
        searches(database)
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--posts", type=int, default=100_000)
    options.add_argument("--postgres", help="A PostgreSQL server URL to measure too.")
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        sqlite_run(Path(directory), arguments.posts)
    if arguments.postgres:
        postgres_run(arguments.postgres, arguments.posts)


if __name__ == "__main__":
    sys.exit(main())
