"""Escape sequences and control characters from posts never reach the terminal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.digest.render import Span, to_rich
from dronewatch.pipeline import Pipeline
from dronewatch.store import open_database
from dronewatch.terminal import printable

HOSTILE = (
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ "
    "\x1b]0;title\x07\x9b2J\u202eok"
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (HOSTILE, "red click ok"),
        ("Сбиты 3 БПЛА.\nПострадавших нет.\tКонец", "Сбиты 3 БПЛА.\nПострадавших нет.\tКонец"),
        ("bell\x07 null\x00 del\x7f cr\r", "bell null del cr"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_the_digest_on_a_terminal_keeps_no_escape() -> None:
    console = Console(force_terminal=True, color_system=None, width=200, record=True)
    console.print(to_rich([(Span("Шебекино: "), Span(HOSTILE))]))
    shown = console.export_text(styles=False)
    assert "\x1b" not in shown
    assert "Шебекино: red click ok" in shown


def test_a_hostile_channel_title_in_the_query_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    database = open_database(url)
    channel = model.Channel(telegram_id=42, title=HOSTILE, region="RU-BEL")
    when = datetime(2026, 6, 1, 5, tzinfo=UTC)
    Pipeline(database).ingest([model.Post(channel, 1, when, "Над Шебекино сбиты 3 БПЛА.")])
    database.dispose()
    env = {"DRONEWATCH_DATABASE__URL": url, "COLUMNS": "300"}
    result = CliRunner().invoke(app, ["query"], env=env)
    assert result.exit_code == 0, result.output
    assert "red click" in result.stdout
    assert "\x1b" not in result.output
    assert "\x9b" not in result.output
