"""SQLite's query planner statistics, kept current as connections close.

Without statistics SQLite guesses, and the schema is built so that its guesses are
good. Statistics taken when a table was small mislead it as the table grows: told
that report_regions holds a thousand rows, it reads the whole table rather than look
up the thousand reports of an export's page, once per page. So a growing table is
analysed again once it holds four times the rows its statistics say: a geometric
series, so the analysis costs a fixed share of the writes over a database's life.

Neither `PRAGMA optimize` nor `analysis_limit`: sampled statistics proved worse than
none (a sample of a thousand index entries, all of one channel, told SQLite a channel
has a thousand posts, and a month's query read every post channel by channel).
A busy database just skips the refresh until the next connection closes.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

log = logging.getLogger(__name__)

# Tables that grow with the posts (every one a rowid table: max(rowid) ~ its rows).
GROWING = ("posts", "reports", "report_regions", "report_places", "report_damage", "post_revisions")
GROWTH = 4
MIN_ROWS = 100  # below this, a plan costs nothing whatever the statistics say
BUSY_TIMEOUT_MS = 1_000


def refresh(dbapi_connection: Any, _record: Any = None) -> None:
    """Analyse the tables that outgrew their statistics."""
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        for table in outgrown(cursor):
            cursor.execute(f'ANALYZE "{table}"')
        cursor.close()
    except sqlite3.Error as error:
        log.debug("statistics not refreshed: %s", error)


def outgrown(cursor: Any) -> list[str]:
    """The growing tables holding GROWTH times the rows their statistics say, or more."""
    analysed = _analysed_rows(cursor)
    tables = []
    for table in GROWING:
        newest = cursor.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
        if newest >= MIN_ROWS and newest >= GROWTH * analysed.get(table, 0):
            tables.append(table)
    return tables


def _analysed_rows(cursor: Any) -> dict[str, int]:
    """Rows per table as sqlite_stat1 has them (each index's first figure)."""
    try:
        rows = cursor.execute("SELECT tbl, stat FROM sqlite_stat1").fetchall()
    except sqlite3.OperationalError:  # never analysed
        return {}
    counts: dict[str, int] = {}
    for table, stat in rows:
        if stat:
            counts[table] = max(counts.get(table, 0), int(stat.split()[0]))
    return counts
