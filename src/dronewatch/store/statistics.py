"""SQLite's query planner statistics, kept current as connections close.

Without statistics SQLite guesses, and the schema is built so that its guesses are
good. Statistics taken when a table was small mislead it as the table grows: told
that report_regions holds a thousand rows, it reads the whole table rather than look
up the thousand reports of an export's page, once per page. SQLite's own
`PRAGMA optimize` only re-analyses a table that grew about 25-fold, so tables that
hold four times the rows their statistics say are analysed here first. Every step is
bounded (`analysis_limit`, max(rowid) by index) and a busy database just skips it.
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
ANALYSIS_LIMIT = 1_000
BUSY_TIMEOUT_MS = 1_000


def refresh(dbapi_connection: Any, _record: Any = None) -> None:
    """Analyse the tables that outgrew their statistics, then `PRAGMA optimize`."""
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        for table in outgrown(cursor):
            cursor.execute(f'ANALYZE "{table}"')
        cursor.execute("PRAGMA optimize")
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
