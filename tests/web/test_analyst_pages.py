"""The search box and the map, in headless Chromium, on the demo database.

Each test writes its screenshot under its tmp dir; with DOCS_SCREENSHOTS=1 also to
docs/, where the README shows them.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from served import Served
from typer.testing import CliRunner

from dronewatch.cli import app

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    """The demo database (in place of the web tests' known posts): what a new user sees."""
    path = tmp_path / "demo.db"
    env = {"DRONEWATCH_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(app, ["demo", "--database", str(path)], env=env)
    assert result.exit_code == 0, result.output
    return path


def _page(browser: Any, served: Served, path: str) -> tuple[Any, list[str]]:
    """A page of the server; requests elsewhere (the map's tiles) are refused, and listed."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def refuse(route: Any) -> None:
        outside.append(route.request.url)
        route.abort()

    page.route(re.compile(rf"^(?!{re.escape(served.url)}).*"), refuse)
    response = page.goto(urllib.parse.urljoin(served.url, path))
    assert response is not None
    assert response.status == 200, page.content()
    return page, outside


def _screenshot(page: Any, tmp_path: Path, name: str, *, down_to: str) -> None:
    """The page from its top down to the element `down_to` selects."""
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(down_to).first.bounding_box()
    clip = {"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 16}
    page.screenshot(path=str(tmp_path / name), full_page=True, clip=clip)
    assert (tmp_path / name).stat().st_size > 10_000
    if os.environ.get("DOCS_SCREENSHOTS"):
        page.screenshot(path=str(DOCS / name), full_page=True, clip=clip)


def test_search_box_finds_inflected_forms(browser: Any, served: Served, tmp_path: Path) -> None:
    page, outside = _page(browser, served, "/demo/posts?_search=нефтебаза&_sort_desc=date")
    box = page.locator("input#_search")
    assert box.is_visible()
    assert box.input_value() == "нефтебаза"
    texts = page.locator("table.rows-and-columns td.col-text").all_inner_texts()
    assert len(texts) == 1
    assert "нефтебазы" in texts[0]  # the genitive, found by the nominative
    # ё in the post, е in the search
    page.fill("input#_search", "самолетного")
    page.press("input#_search", "Enter")
    page.wait_for_load_state()
    assert any("самолётного" in text for text in page.locator("td.col-text").all_inner_texts())
    # The posts' channel, date and text only, for the screenshot.
    columns = "&".join(f"_col={name}" for name in ("channel_id", "date", "text"))
    page.goto(urllib.parse.urljoin(served.url, f"/demo/posts?_search=склад&{columns}"))
    assert len(page.locator("td.col-text").all_inner_texts()) == 2  # склада, складе
    _screenshot(page, tmp_path, "search.png", down_to="table.rows-and-columns")
    assert outside == []


def test_map_page_shows_the_reported_places(browser: Any, served: Served, tmp_path: Path) -> None:
    page, outside = _page(browser, served, "/demo/place_map_view")
    rows = page.locator("table.rows-and-columns tbody tr").count()
    assert rows > 5
    page.wait_for_selector(".leaflet-marker-icon")
    markers = page.locator(".leaflet-marker-icon")
    # Every row is on the map: a marker of its own or counted in a cluster's number.
    shown = sum(
        int(label) if (label := markers.nth(i).inner_text().strip()).isdigit() else 1
        for i in range(markers.count())
    )
    assert shown == rows
    # A marker's popup names the place and links to the post.
    page.locator("img.leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    assert popup.get_attribute("href").startswith("https://t.me/")
    _screenshot(page, tmp_path, "map.png", down_to=".leaflet-container")
    # Only the background tiles come from elsewhere (OpenStreetMap); scripts are local.
    assert all("tile.openstreetmap.org" in url for url in outside), outside
