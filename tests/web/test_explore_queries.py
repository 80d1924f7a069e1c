"""The canned queries' SQL, run on a database of known posts the way Datasette runs it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest
from known_posts import DAY1, DAY2, EXPECTED

from dronewatch.store import open_database
from dronewatch.store.calendar import sync_calendar
from dronewatch.store.explore import (
    CannedQuery,
    canned_queries,
    post_link,
    region_matches,
    register_functions,
)

QUERIES = {query.name: query for query in canned_queries()}


@pytest.fixture
def connection(filled_db: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection like Datasette's, with dronewatch's SQL functions."""
    connection = sqlite3.connect(f"file:{filled_db}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    register_functions(connection)
    try:
        yield connection
    finally:
        connection.close()


def run(connection: sqlite3.Connection, name: str, **params: str) -> list[dict[str, Any]]:
    query: CannedQuery = QUERIES[name]
    values = {param: params.get(param, "") for param in query.params}
    return [dict(row) for row in connection.execute(query.sql, values)]


def test_drones_per_region_per_day(connection: sqlite3.Connection) -> None:
    rows = run(connection, "drones_per_region_per_day")
    assert [
        (row["day"], row["region"], row["drones"], row["governor"], row["ministry"]) for row in rows
    ] == [
        (item.day.isoformat(), item.region, item.drones, item.governor, item.ministry)
        for item in EXPECTED
    ]
    assert rows[1]["region_name"] == "Kaluga Oblast"
    assert rows[1]["posts"].split() == [
        "https://t.me/kaluga_gov/101",
        "https://t.me/kaluga_gov/102",
        "https://t.me/mod_russia/501",
    ]


@pytest.mark.parametrize("region", ["RU-KLU", "klu", "Kaluga", "калуж"])
def test_region_parameter_accepts_codes_and_names(
    connection: sqlite3.Connection, region: str
) -> None:
    rows = run(connection, "drones_per_region_per_day", region=region)
    assert {row["region"] for row in rows} == {"RU-KLU"}


def test_date_range_is_in_local_days(connection: sqlite3.Connection) -> None:
    only_day2 = run(connection, "drones_per_region_per_day", since=DAY2.isoformat())
    assert [(row["day"], row["drones"]) for row in only_day2] == [(DAY2.isoformat(), 5)]
    only_day1 = run(
        connection, "drones_per_region_per_day", since=DAY1.isoformat(), until=DAY1.isoformat()
    )
    assert {row["day"] for row in only_day1} == {DAY1.isoformat()}


def test_governor_vs_ministry(connection: sqlite3.Connection) -> None:
    rows = run(connection, "governor_vs_ministry")
    assert [
        (row["day"], row["region"], row["governor"], row["ministry"], row["difference"])
        for row in rows
    ] == [
        (DAY1.isoformat(), "RU-KLU", 21, 18, 3),
        (DAY1.isoformat(), "RU-BEL", 10, 12, -2),
    ]
    assert rows[0]["governor_posts"].split() == [
        "https://t.me/kaluga_gov/101",
        "https://t.me/kaluga_gov/102",
    ]


def test_damage_and_casualties_by_region(connection: sqlite3.Connection) -> None:
    rows = {row["region"]: row for row in run(connection, "damage_by_region")}
    assert set(rows) == {"RU-BEL", "RU-KLU"}
    assert (rows["RU-BEL"]["killed"], rows["RU-BEL"]["injured"]) == (1, 2)
    assert rows["RU-BEL"]["residential"] == 1
    assert rows["RU-BEL"]["posts"] == "https://t.me/belgorod_gov/201"
    assert (rows["RU-KLU"]["killed"], rows["RU-KLU"]["vehicle"]) == (0, 1)


@pytest.mark.parametrize("place", ["Обнинск", "обнин", "ОБНИНСК"])
def test_place_history_ignores_case(connection: sqlite3.Connection, place: str) -> None:
    rows = run(connection, "place_history", place=place)
    assert [(row["place"], row["drones"], row["post"]) for row in rows] == [
        ("Обнинск", 16, "https://t.me/kaluga_gov/101")
    ]
    assert rows[0]["posted"] == f"{DAY1.isoformat()} 06:00 MSK"


def test_edited_posts(connection: sqlite3.Connection) -> None:
    rows = run(connection, "edited_posts")
    assert len(rows) == 1
    row = rows[0]
    assert (row["revisions"], row["drones"]) == (1, 5)
    assert row["previous_text"] == "Калуга: ещё 4"
    assert row["current_text"] == "Калуга: ещё 5 (уточнение)"
    assert row["post"] == "https://t.me/kaluga_gov/102"


def test_last_hours(connection: sqlite3.Connection) -> None:
    rows = run(connection, "last_24_hours", hours="1000")
    assert [row["post"] for row in rows][:2] == [
        "https://t.me/kaluga_gov/103",
        "https://t.me/mod_russia/502",
    ]
    assert rows[0]["kind"] == "alert"
    assert all(row["kind"] != "none" for row in rows)
    assert len(rows) == 7  # every post but none was 'none'
    belgorod = run(connection, "last_24_hours", hours="1000", region="BEL")
    assert {row["post"] for row in belgorod} == {
        "https://t.me/belgorod_gov/201",
        "https://t.me/belgorod_gov/202",
        "https://t.me/mod_russia/501",
    }


def test_every_query_runs_with_empty_parameters(connection: sqlite3.Connection) -> None:
    for name in QUERIES:
        run(connection, name)


@pytest.mark.parametrize(
    ("username", "telegram_id", "expected"),
    [
        ("kaluga_gov", 1111, "https://t.me/kaluga_gov/7"),
        (None, 1234567890, "https://t.me/c/1234567890/7"),
        (None, -1001234567890, "https://t.me/c/1234567890/7"),
    ],
)
def test_post_link(username: str | None, telegram_id: int, expected: str) -> None:
    sql = f"SELECT {post_link()} FROM (SELECT ? AS username, ? AS telegram_id) AS c, "
    sql += "(SELECT 7 AS message_id) AS p"
    assert sqlite3.connect(":memory:").execute(sql, (username, telegram_id)).fetchone() == (
        expected,
    )


def test_region_matches() -> None:
    assert region_matches("RU-KLU", "")
    assert region_matches("RU-KLU", " ru-klu ")
    assert region_matches("RU-BEL", "Белгородская")
    assert not region_matches("RU-BEL", "Kaluga")
    assert not region_matches(None, "Kaluga")


def test_days_and_times_follow_the_stored_calendar(filled_db: Path) -> None:
    """The config's zone, written by a command, moves days and local times (MSK+7)."""
    database = open_database(f"sqlite:///{filled_db}")
    try:
        assert sync_calendar(database.engine, "Asia/Vladivostok", time(8))
    finally:
        database.dispose()
    connection = sqlite3.connect(f"file:{filled_db}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    register_functions(connection)
    try:
        rows = run(connection, "drones_per_region_per_day", since=DAY1.isoformat())
        assert {(row["day"], row["region"]) for row in rows} == {
            ((DAY1 + timedelta(days=1)).isoformat(), "RU-KLU"),  # 05:00-08:00 MSK: afternoon
            ((DAY1 + timedelta(days=1)).isoformat(), "RU-BEL"),
            ((DAY2 + timedelta(days=1)).isoformat(), "RU-KLU"),
        }
        place = run(connection, "place_history", place="Обнинск")
        assert place[0]["posted"] == f"{DAY1.isoformat()} 13:00 +10"
    finally:
        connection.close()
