"""region_day_view answers a filter on the day from that day's reports, with the rows
the two-step grouping gave (`per_day_ctes`, which the canned query still uses).

Revision 0009 rebuilt the view so that `WHERE day >= ...` reaches the tables (its plan:
tests/store/test_query_plans.py); here its output is checked against the grouping it
replaced, over reports stored out of order, edits, a deletion, running totals, two
governors of one region and the ministry.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import text

from dronewatch import model
from dronewatch.parsing import Report
from dronewatch.parsing.report import RegionCount
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.calendar import sync_calendar
from dronewatch.store.region_days import COMBINED, per_day_ctes

BELGOROD = model.Channel(11, "Губернатор Белгородской области", "bel_gov", "RU-BEL")
BELGOROD_CITY = model.Channel(12, "Мэр Белгорода", None, "RU-BEL")  # a t.me/c/ link
KURSK = model.Channel(13, "Губернатор Курской области", "krs_gov", "RU-KRS")
MINISTRY = model.Channel(14, "Минобороны России", "mod_russia", None)
NIGHT = datetime(2026, 11, 2, 22, tzinfo=UTC)  # 01:00 in Moscow: the 3 November day


def _report(
    *regions: tuple[str, int | None], cumulative: bool = False, window_end: datetime | None = None
) -> Report:
    counts = [count for _, count in regions if count is not None]
    return Report.model_validate(
        {
            "kind": "attack",
            "drones": sum(counts) if counts else None,
            "cumulative": cumulative,
            "regions": [RegionCount(code=code, drones=count) for code, count in regions],
            "window": {"start": window_end - timedelta(hours=8), "end": window_end}
            if window_end
            else None,
        }
    )


def _posts() -> list[tuple[model.Channel, int, datetime, Report]]:
    """(channel, message id, posted, report), in the order they are stored."""
    posts = []
    for day in range(4):
        at = NIGHT + timedelta(days=day)
        posts += [
            (BELGOROD, 100 + 10 * day, at, _report(("RU-BEL", 3 + day))),
            (BELGOROD, 101 + 10 * day, at + timedelta(hours=1), _report(("RU-BEL", None))),
            (BELGOROD_CITY, 200 + day, at + timedelta(hours=2), _report(("RU-BEL", 2))),
            (KURSK, 300 + day, at, _report(("RU-KRS", 4), cumulative=True)),
            (KURSK, 310 + day, at + timedelta(minutes=30), _report(("RU-KRS", 1))),
            (
                MINISTRY,
                400 + day,
                at + timedelta(hours=3),
                _report(("RU-BEL", 6 + day), ("RU-KRS", 5), ("RU-BRY", None)),
            ),
        ]
    # Stored late, counting early: a summary posted the next day about the night
    # before, whose window ends before the reports stored ahead of it.
    posts.append(
        (
            BELGOROD,
            150,
            NIGHT + timedelta(days=1, hours=12),
            _report(("RU-BEL", 9), cumulative=True, window_end=NIGHT - timedelta(hours=1)),
        )
    )
    return posts


def _fill(database: Database) -> None:
    sync_calendar(database.engine, "Europe/Moscow", time(8))
    posts = _posts()
    reports = {str(number): report for _, number, _, report in posts}
    reports["edited"] = _report(("RU-BEL", 30))
    pipeline = Pipeline(database, parser=lambda body, _region, _when: reports[body])
    for channel, number, at, _ in posts:
        pipeline.ingest([model.Post(channel, number, at, str(number))])
    edited = next(post for post in posts if post[1] == 111)
    pipeline.ingest(
        [model.Post(BELGOROD, 111, edited[2], "edited", edit_date=edited[2] + timedelta(hours=1))]
    )
    pipeline.delete(model.Deletion(KURSK.telegram_id, [312]))


def _grouped(dialect: str) -> str:
    """The view as revision 0008 defined it."""
    return f"""{per_day_ctes(dialect)}
SELECT day, region AS region_code, {COMBINED} AS drones, governor, ministry, reports,
  governor_posts, ministry_posts
FROM per_day"""


Row = tuple[object, ...]


def _rows(database: Database, sql: str) -> list[Row]:
    with database.engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(sql))]
    return sorted(rows, key=lambda row: (str(row[0]), str(row[1])))


def _links(row: Row) -> Row:
    """A row with its lists of posts as sets: PostgreSQL's grouping lists them in no order."""
    return (*row[:6], *(frozenset(str(posts or "").split()) for posts in row[6:]))


@pytest.fixture
def filled(database: Database) -> Database:
    _fill(database)
    return database


def test_the_view_gives_the_grouped_rows(filled: Database) -> None:
    view = _rows(filled, "SELECT * FROM region_day_view")
    grouped = _rows(filled, _grouped(filled.engine.dialect.name))
    assert len(view) == 12  # 4 days x 3 regions
    if filled.is_sqlite:
        assert view == grouped
    else:
        assert [_links(row) for row in view] == [_links(row) for row in grouped]


def test_the_posts_are_listed_by_channel_then_by_report(filled: Database) -> None:
    rows = _rows(filled, "SELECT * FROM region_day_view WHERE day = '2026-11-03'")
    belgorod = next(row for row in rows if row[1] == "RU-BEL")
    # The governor: 3 new, a post without a number, a running total of 9 stored last
    # but counting first; the city's 2. The ministry saw 6.
    assert belgorod[2:6] == (9, 9, 6, 5)
    assert belgorod[6] == (
        "https://t.me/bel_gov/100 https://t.me/bel_gov/101 https://t.me/bel_gov/150 "
        "https://t.me/c/12/200"
    )
    assert belgorod[7] == "https://t.me/mod_russia/400"


@pytest.mark.parametrize(
    "where",
    [
        "day >= '2026-11-04'",
        "day = '2026-11-03'",
        "day BETWEEN '2026-11-03' AND '2026-11-04' AND region_code = 'RU-KRS'",
        "region_code = 'RU-BRY'",
        "drones > 10",
    ],
)
def test_a_filtered_view_keeps_the_rows_it_names(filled: Database, where: str) -> None:
    everything = _rows(filled, "SELECT * FROM region_day_view")
    with filled.engine.connect() as connection:
        kept = {
            (str(row[0]), str(row[1]))
            for row in connection.execute(
                text(f"SELECT day, region_code FROM region_day_view WHERE {where}")
            )
        }
        assert kept
        expected = {
            (str(row[0]), str(row[1]))
            for row in connection.execute(
                text(
                    f"SELECT day, region_code FROM ({_grouped(filled.engine.dialect.name)}) "
                    f"AS grouped WHERE {where}"
                )
            )
        }
    assert kept == expected
    assert [row for row in everything if (str(row[0]), str(row[1])) in kept] == _rows(
        filled, f"SELECT * FROM region_day_view WHERE {where}"
    )
