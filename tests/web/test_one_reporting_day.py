"""One reporting day, one set of numbers: the digest, its PNG chart, the view, the
canned query and the web's SVG chart agree.

The day is the one on which Berlin's clocks go back (a zone with daylight saving
time, configured with day_starts 08:00): 25 hours from 08:00 CEST to 08:00 CET. Its
posts sit on both sides of both boundaries, and one (a running total at 07:30 CET)
lies in the day only when the clock change is honoured: a fixed offset puts it at
08:30, in the next day.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from dronewatch import model
from dronewatch.config import Settings
from dronewatch.digest.build import build_chart, build_summary
from dronewatch.digest.chart import chart_series
from dronewatch.digest.render import digest_lines, to_rich
from dronewatch.parsing import Report
from dronewatch.parsing.report import RegionCount
from dronewatch.pipeline import Pipeline
from dronewatch.regions import english_name
from dronewatch.reporting import COMBINING_RULE
from dronewatch.store import Database, open_database
from dronewatch.store.calendar import sync_calendar
from dronewatch.store.explore import canned_queries, register_functions
from dronewatch.web.metadata import Options
from dronewatch.web.server import create_datasette, database_name

BERLIN = ZoneInfo("Europe/Berlin")
STARTS = time(8)


def _clocks_go_back() -> date:
    """The last Sunday of October of last year: a settled day, before today."""
    year = datetime.now(UTC).year - 1
    day = date(year, 10, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


DAY = _clocks_go_back()
BEFORE, AFTER = DAY - timedelta(days=1), DAY + timedelta(days=1)

BELGOROD = model.Channel(1, "Губернатор Белгородской области", "bel_gov", "RU-BEL")
KURSK = model.Channel(2, "Губернатор Курской области", "krs_gov", "RU-KRS")
MINISTRY = model.Channel(3, "Минобороны России", "mod_russia", None)


def _at(day: date, hour: int, minute: int = 0, *, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).replace(fold=fold)


def _attack(*regions: tuple[str, int], cumulative: bool = False) -> Report:
    return Report.model_validate(
        {
            "kind": "attack",
            "drones": sum(count for _, count in regions),
            "cumulative": cumulative,
            "regions": [RegionCount(code=code, drones=count) for code, count in regions],
        }
    )


# (channel, message id, local time, report); the text is the message id.
POSTS = [
    (BELGOROD, 10, _at(BEFORE, 7, 59), _attack(("RU-BEL", 2))),  # CEST: the day before
    (KURSK, 20, _at(BEFORE, 22), _attack(("RU-KRS", 10))),  # the evening before: the day
    (BELGOROD, 11, _at(BEFORE, 23, 30), _attack(("RU-BEL", 5))),  # CEST
    (BELGOROD, 12, _at(DAY, 2, 30, fold=1), _attack(("RU-BEL", 4))),  # CET, after the change
    (MINISTRY, 30, _at(DAY, 7), _attack(("RU-BEL", 19), ("RU-KRS", 8))),
    (BELGOROD, 13, _at(DAY, 7, 30), _attack(("RU-BEL", 14), cumulative=True)),  # CET
    (BELGOROD, 14, _at(DAY, 8), _attack(("RU-BEL", 6))),  # 08:00 sharp: still the day
    (BELGOROD, 15, _at(DAY, 8, 1), _attack(("RU-BEL", 7))),  # the day after
]
REPORTS = {str(message_id): report for _, message_id, _, report in POSTS}

# day -> region -> (the day's figure, governor, ministry), worked out by hand.
EXPECTED = {
    BEFORE: {"RU-BEL": (2, 2, None)},
    # Belgorod's governor: 5 + 4 + 6 new against a running total of 14 -> 15; the
    # ministry's 19 is larger. Kursk: the governor's 10 beats the ministry's 8.
    DAY: {"RU-BEL": (19, 15, 19), "RU-KRS": (10, 10, 8)},
    AFTER: {"RU-BEL": (7, 7, None)},
}


def _fill(url: str) -> Database:
    database = open_database(url)
    sync_calendar(database.engine, "Europe/Berlin", STARTS)  # what `run` does from the config
    pipeline = Pipeline(database, parser=lambda body, _region, _when: REPORTS[body])
    pipeline.ingest(
        [model.Post(channel, number, moment, str(number)) for channel, number, moment, _ in POSTS]
    )
    return database


def _settings() -> Settings:
    return Settings(digest={"timezone": "Europe/Berlin", "day_starts": "08:00", "chart_days": 3})


def _figures(rows: list[tuple[object, ...]]) -> dict[date, dict[str, tuple[object, ...]]]:
    days: dict[date, dict[str, tuple[object, ...]]] = {}
    for day, region, *figures in rows:
        key = day if isinstance(day, date) else date.fromisoformat(str(day))
        days.setdefault(key, {})[str(region)] = tuple(figures)
    return days


def test_digest_and_view_agree(database_url: str) -> None:
    database = _fill(database_url)
    try:
        config = _settings().digest
        summary = build_summary(database, config, AFTER)
        history = {
            day.day: {
                code: (figure, day.regional.get(code), day.national.get(code))
                for code, figure in day.combined.items()
            }
            for day in summary.history
            if day.has_data
        }
        assert history == EXPECTED
        day_summary = build_summary(database, config, DAY)
        assert {
            line.code: (line.figure.value, line.regional.value, line.national)
            for line in day_summary.regions
        } == EXPECTED[DAY]
        period = day_summary.period
        assert period.end.astimezone(UTC) - period.start.astimezone(UTC) == timedelta(hours=25)
        assert COMBINING_RULE in to_rich(digest_lines(day_summary)).plain

        with database.engine.connect() as connection:
            view = connection.execute(
                text("SELECT day, region_code, drones, governor, ministry FROM region_day_view")
            ).all()
            posted = dict(
                connection.execute(text("SELECT message_id, posted_local FROM report_view")).all()
            )
        assert _figures([tuple(row) for row in view]) == EXPECTED
        assert posted[11] == f"{BEFORE.isoformat()} 23:30 CEST"
        assert posted[13] == f"{DAY.isoformat()} 07:30 CET"
    finally:
        database.dispose()


@pytest.fixture
def berlin_db(tmp_path: Path) -> Path:
    path = tmp_path / "dronewatch.db"
    _fill(f"sqlite:///{path}").dispose()
    return path


def test_canned_query_and_both_charts_agree_with_the_digest(berlin_db: Path) -> None:
    config = _settings().digest
    database = open_database(f"sqlite:///{berlin_db}")
    try:
        summary = build_summary(database, config, AFTER)
    finally:
        database.dispose()

    # The PNG chart plots, per region, the digest's figure of each day.
    days, series = chart_series(summary.history[-3:], regions=6)
    assert days == [BEFORE, DAY, AFTER]
    png = {
        (day, label): value
        for label, values in series
        for day, value in zip(days, values, strict=True)
        if value
    }
    expected = {
        (day, english_name(code)): figures[0]
        for day, regions in EXPECTED.items()
        for code, figures in regions.items()
    }
    assert png == expected
    assert build_chart(summary, config).png.startswith(b"\x89PNG")

    # The canned query, as Datasette runs it.
    query = next(query for query in canned_queries() if query.name == "drones_per_region_per_day")
    connection = sqlite3.connect(f"file:{berlin_db}?mode=ro", uri=True)
    register_functions(connection)
    try:
        rows = connection.execute(
            query.sql, {"since": BEFORE.isoformat(), "until": AFTER.isoformat(), "region": ""}
        ).fetchall()
        default = connection.execute(query.sql, {"since": "", "until": "", "region": ""}).fetchall()
    finally:
        connection.close()
    assert (
        _figures([(day, region, drones, gov, mod) for day, region, _, drones, gov, mod, *_ in rows])
        == EXPECTED
    )
    assert default == rows  # today has no reports: the default range ends on the last day

    # The web's SVG chart, served by Datasette with dronewatch's plugin.
    datasette = create_datasette(
        berlin_db, Options(database_name(berlin_db), timezone="Europe/Berlin", day_starts=STARTS)
    )
    response = asyncio.run(datasette.client.get("/-/dronewatch/chart.svg?days=3"))
    assert response.status_code == 200
    svg = response.text
    bars = re.findall(r"data-day='([\d-]+)' data-region='([A-Z-]+)' data-drones='(\d+)'", svg)
    assert {(date.fromisoformat(day), english_name(code)): int(n) for day, code, n in bars} == (
        expected
    )
    assert COMBINING_RULE.replace("'", "&#x27;") in svg
    assert f"the chart ends on {AFTER.isoformat()}, the last day with reports" in svg
