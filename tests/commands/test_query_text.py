"""`dronewatch query --text`: the same search on SQLite and PostgreSQL, and on the demo."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.parsing import Report
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database

runner = CliRunner()
CHANNEL = model.Channel(telegram_id=31, title="Губернатор", username="gov_bry", region="RU-BRY")
DAY = datetime(2026, 10, 1, 5, 0, tzinfo=UTC)
TEXTS = (
    "Атакована нефтебаза в Новозыбкове.",
    "Обломки упали на территорию нефтебазы, пострадавших нет.",
    "Над Брянском сбиты два беспилотника.",
    "Дрон сбит над посёлком Мирный.",
)


@pytest.fixture
def env(database: Database, database_url: str) -> dict[str, str]:
    pipeline = Pipeline(database, parser=lambda *_: Report(kind="none"), parser_version="t")
    pipeline.ingest(
        model.Post(CHANNEL, n, DAY + timedelta(hours=n), text) for n, text in enumerate(TEXTS)
    )
    return {"DRONEWATCH_DATABASE__URL": database_url}


def links(env: dict[str, str], *args: str) -> list[str]:
    result = runner.invoke(app, ["query", "--format", "json", *args], env=env)
    assert result.exit_code == 0, result.output
    return [row["link"] for row in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("нефтебаза", [1, 0]),
        ("НЕФТЕБАЗОЙ", [1, 0]),
        ("нефтебаза пострадавших", [1]),
        ("поселок", [3]),  # ё in the post, е in the query
        ("беспилотник", [2]),
        ("танкер", []),
    ],
)
def test_query_text_finds_every_form(env: dict[str, str], query: str, expected: list[int]) -> None:
    assert links(env, "--text", query) == [f"https://t.me/gov_bry/{n}" for n in expected]


def test_query_text_combines_with_the_other_filters(env: dict[str, str]) -> None:
    assert links(env, "--text", "нефтебаза", "--until", "2026-10-01", "--oldest-first") == [
        "https://t.me/gov_bry/0",
        "https://t.me/gov_bry/1",
    ]


def test_query_text_without_a_word_is_a_usage_error(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["query", "--text", " — "], env=env)
    assert result.exit_code == 2
    assert "has no word to search for" in result.output


def test_query_text_on_the_demo(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    env = {"DRONEWATCH_DATA_DIR": str(tmp_path / "data")}
    assert runner.invoke(app, ["demo", "--database", str(demo)], env=env).exit_code == 0
    result = runner.invoke(
        app, ["query", "--database", str(demo), "--text", "нефтебаза", "--show-text"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "нефтебазы" in result.output
    assert "1 reports" in result.output
