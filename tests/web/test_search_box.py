"""The posts table page's search box: Datasette's FTS support, with dronewatch's forms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from dronewatch import model
from dronewatch.parsing import Report
from dronewatch.pipeline import Pipeline
from dronewatch.store import open_database
from dronewatch.web.metadata import Options
from dronewatch.web.server import create_datasette

CHANNEL = model.Channel(telegram_id=9, title="Губернатор", username="gov", region="RU-BRY")
TEXTS = ("Атакована нефтебаза в Новозыбкове.", "Пожар на НЕФТЕБАЗЕ потушен.", "Упала ёлка.")


@pytest.fixture
def datasette(tmp_path: Path) -> Any:
    path = tmp_path / "search.db"
    database = open_database(f"sqlite:///{path}")
    try:
        day = datetime(2026, 10, 1, tzinfo=UTC)
        Pipeline(database, parser=lambda *_: Report(kind="none"), parser_version="t").ingest(
            model.Post(CHANNEL, n, day + timedelta(hours=n), text) for n, text in enumerate(TEXTS)
        )
    finally:
        database.dispose()
    return create_datasette(path, Options("search"))


async def searched(datasette: Any, query: str) -> list[int]:
    response = await datasette.client.get(
        "/search/posts.json", params={"_search": query, "_shape": "array", "_sort": "id"}
    )
    assert response.status_code == 200, response.text
    return [row["message_id"] for row in response.json()]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("нефтебаза", [0, 1]), ("нефтебазы", [0, 1]), ("елки", [2]), ("пожар нефтебаза", [1])],
)
async def test_search_finds_every_form(datasette: Any, query: str, expected: list[int]) -> None:
    assert await searched(datasette, query) == expected


async def test_posts_page_has_a_search_box(datasette: Any) -> None:
    response = await datasette.client.get("/search/posts", params={"_search": "нефтебаза"})
    assert response.status_code == 200
    assert 'name="_search"' in response.text
    assert "Новозыбкове" in response.text
    assert "Упала" not in response.text
