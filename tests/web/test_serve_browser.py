"""`dronewatch serve` in a real process, read by headless Chromium."""

from __future__ import annotations

import sqlite3
import threading
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from known_posts import DAY1, DAY2, EXPECTED, KALUGA, MINISTRY, at, fixed_parser
from served import Served
from sqlalchemy import event

from dronewatch import model
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.explore import canned_queries

pytestmark = pytest.mark.browser

COLUMNS = ("day", "region", "drones", "governor", "ministry")


def _open(browser: Any, served: Served, path: str) -> tuple[Any, list[str]]:
    """A page at `path`, and the list every URL the page requests is appended to."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(urllib.parse.urljoin(served.url, path))
    assert response is not None
    assert response.status == 200, page.content()
    return page, requested


def _region_days(page: Any) -> list[tuple[str, ...]]:
    rows = page.locator("table.rows-and-columns tbody tr")
    return [
        tuple(rows.nth(i).locator(f"td.col-{column}").inner_text().strip() for column in COLUMNS)
        for i in range(rows.count())
    ]


def _expected_rows() -> list[tuple[str, ...]]:
    def cell(value: object) -> str:
        return "" if value is None else str(value)

    return [
        (row.day.isoformat(), row.region, str(row.drones), cell(row.governor), cell(row.ministry))
        for row in EXPECTED
    ]


def test_canned_query_shows_the_known_numbers_and_links(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    query = f"/dronewatch/drones_per_region_per_day?since={DAY1}&until={DAY2}&region="
    page, requested = _open(browser, served, query)
    assert _region_days(page) == _expected_rows()
    links = page.locator("td.col-posts a")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert "https://t.me/kaluga_gov/101" in hrefs
    assert "https://t.me/mod_russia/501" in hrefs
    page.screenshot(path=str(tmp_path / "drones_per_region_per_day.png"), full_page=True)
    assert (tmp_path / "drones_per_region_per_day.png").stat().st_size > 0
    assert all(url.startswith(served.url) for url in requested), requested


def test_region_parameter_narrows_the_query(browser: Any, served: Served) -> None:
    page, _ = _open(
        browser,
        served,
        f"/dronewatch/drones_per_region_per_day?since={DAY1}&until={DAY2}&region=Белгород",
    )
    assert [row[1] for row in _region_days(page)] == ["RU-BEL"]


def test_home_page_chart_renders_from_the_database(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    page, requested = _open(browser, served, "/")
    chart = page.locator("#dronewatch-chart svg")
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] > 400
    assert box["height"] > 200
    bars = page.locator("#dronewatch-chart rect.bar")
    drawn = {
        (
            bars.nth(i).get_attribute("data-day"),
            bars.nth(i).get_attribute("data-region"),
            bars.nth(i).get_attribute("data-drones"),
        )
        for i in range(bars.count())
    }
    assert drawn == {(row.day.isoformat(), row.region, str(row.drones)) for row in EXPECTED}
    assert page.locator("#dronewatch-chart text.legend").all_text_contents() == [
        "Kaluga Oblast (RU-KLU)",
        "Belgorod Oblast (RU-BEL)",
    ]
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
    # Nothing is fetched from anywhere but the server itself: no script, no web font.
    assert all(url.startswith(served.url) for url in requested), requested


def test_every_query_and_table_page_opens(browser: Any, served: Served) -> None:
    paths = [f"/dronewatch/{query.name}" for query in canned_queries()]
    paths += [
        f"/dronewatch/{table}"
        for table in ("channels", "posts", "post_revisions", "reports", "report_regions")
    ]
    paths += ["/dronewatch", "/-/dronewatch/chart.svg?days=90"]
    for path in paths:
        page, _ = _open(browser, served, path)
        assert page.locator(".error").count() == 0, path
        page.close()


def _no_busy_wait(database: Database) -> None:
    """Writes fail at once instead of waiting when anything holds a lock they need."""

    def _pragma(connection: sqlite3.Connection, _record: object) -> None:
        connection.execute("PRAGMA busy_timeout = 0")

    event.listen(database.engine, "connect", _pragma)


SLOW_QUERY = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
    "SELECT count(*) AS n FROM n, reports WHERE reports.id = 1"
)


def test_daemon_writes_while_pages_are_served(
    browser: Any, served: Served, filled_db: Path
) -> None:
    page, _ = _open(browser, served, f"/dronewatch/drones_per_region_per_day?since={DAY1}")
    assert _region_days(page)[0][2] == "5"

    # A read that keeps a Datasette connection busy while the daemon writes.
    slow = urllib.parse.urljoin(
        served.url, "/dronewatch.json?" + urllib.parse.urlencode({"sql": SLOW_QUERY})
    )
    reading = threading.Thread(target=lambda: urllib.request.urlopen(slow, timeout=60).read())
    database = Database(f"sqlite:///{filled_db}")
    _no_busy_wait(database)
    pipeline = Pipeline(database, parser=fixed_parser)
    try:
        reading.start()
        writes_during_read = 0
        message_id = 600
        while reading.is_alive() or writes_during_read == 0:
            message_id += 1
            pipeline.ingest([model.Post(MINISTRY, message_id, at(DAY2, 8), "Минобороны: 5 БПЛА")])
            writes_during_read += reading.is_alive()
        reading.join()
        pipeline.ingest([model.Post(KALUGA, 104, at(DAY2, 7), "Калуга: 16 БПЛА")])
    finally:
        database.dispose()
    assert writes_during_read > 0

    page.reload()
    newest = _region_days(page)[0]
    assert newest[:2] == (DAY2.isoformat(), "RU-KLU")
    assert newest[3] == "16"  # the governor's new post is visible at once
    assert int(newest[4]) == 5 * (message_id - 600 + 1)  # every ministry post counted


def test_demo_chart_anchors_on_its_last_day(
    browser: Any, served_demo: Served, tmp_path: Path
) -> None:
    """The demo's posts are older than today: the chart and the queries end on its last
    day, and say so, instead of showing an empty fortnight."""
    page, _ = _open(browser, served_demo, "/")
    assert page.locator("#dronewatch-chart rect.bar").count() > 0
    note = page.locator("#dronewatch-chart text.note").text_content() or ""
    assert note.startswith("No reports yet on ")
    assert "the last day with reports" in note
    assert "never their sum" in (page.locator("#dronewatch-chart").text_content() or "")
    page.screenshot(path=str(tmp_path / "demo-home.png"), full_page=True)
    assert (tmp_path / "demo-home.png").stat().st_size > 0

    page, _ = _open(browser, served_demo, "/demo/drones_per_region_per_day")
    assert len(_region_days(page)) > 0
    assert "the default range ends on" in page.locator(".dronewatch-note").inner_text()
    page.screenshot(path=str(tmp_path / "demo-query.png"), full_page=True)

    page, _ = _open(browser, served_demo, "/demo/last_24_hours")
    assert len(page.locator("table.rows-and-columns tbody tr").all()) > 0
    note = page.locator(".dronewatch-note").inner_text()
    assert note.startswith("Nothing was posted in the last 24 hours")
    assert note.endswith(" MSK.")
