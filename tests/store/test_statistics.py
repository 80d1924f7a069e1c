"""SQLite's statistics follow the tables as they grow (analysed as connections close)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from dronewatch.store import Database, open_database
from dronewatch.store.models import Base

STAMP = datetime(2026, 11, 1, tzinfo=UTC)


def _add_posts(database: Database, first: int, count: int) -> None:
    posts = Base.metadata.tables["posts"]
    rows = [
        {"id": n, "channel_id": 1, "message_id": n, "date": STAMP, "text": "", "deleted": False,
         "raw": {}, "first_seen_at": STAMP, "updated_at": STAMP}
        for n in range(first, first + count)
    ]  # fmt: skip
    with database.engine.begin() as connection:
        connection.execute(posts.insert(), rows)


def _posts_analysed(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        stats = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'posts'").fetchall()
    finally:
        connection.close()
    return max(int(stat.split()[0]) for (stat,) in stats)


def test_a_table_that_outgrew_its_statistics_is_analysed_again(tmp_path: Path) -> None:
    path = tmp_path / "grow.db"
    database = open_database(f"sqlite:///{path}")
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO channels (id, telegram_id, created_at, updated_at) "
                 "VALUES (1, 1, :t, :t)"),
            {"t": STAMP},
        )  # fmt: skip
    _add_posts(database, 1, 200)
    database.dispose()
    assert 100 <= _posts_analysed(path) <= 200

    database = Database(f"sqlite:///{path}")
    _add_posts(database, 201, 400)  # 3x: not yet
    database.dispose()
    assert _posts_analysed(path) <= 200

    database = Database(f"sqlite:///{path}")
    _add_posts(database, 601, 3000)
    database.dispose()
    assert _posts_analysed(path) >= 1000
