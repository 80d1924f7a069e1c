"""`export --output` never writes over the database, nor over a file unasked, nor half a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pytest
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.commands import export as export_command
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database, open_database

CHANNEL = model.Channel(telegram_id=555, username="gov_bel", region="RU-BEL")


@pytest.fixture
def env(database: Database, database_url: str) -> dict[str, str]:
    Pipeline(database).ingest(
        [model.Post(CHANNEL, 1, datetime(2026, 6, 1, 5, tzinfo=UTC), "Сбиты 3 БПЛА.")]
    )
    return {"DRONEWATCH_DATABASE__URL": database_url}


def export(env: dict[str, str], *args: str) -> Any:
    return CliRunner().invoke(app, ["export", *args], env=env)


def one_line_error(result: Any, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_file_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "data.db"
    open_database(f"sqlite:///{path}").dispose()
    before = path.read_bytes()
    env = {"DRONEWATCH_DATABASE__URL": f"sqlite:///{path}"}
    target = path.with_name(path.name + suffix)
    one_line_error(export(env, "-o", str(target), "--force"), 2, "is the database")
    (tmp_path / "link.db").symlink_to(path)
    one_line_error(export(env, "-o", str(tmp_path / "link.db"), "--force"), 2, "is the database")
    assert path.read_bytes() == before


def test_an_existing_file_is_replaced_only_with_force(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "posts.csv"
    out.write_text("my notes\n")
    one_line_error(export(env, "-o", str(out)), 2, "exists: add --force")
    assert out.read_text() == "my notes\n"
    assert export(env, "-o", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("channel_telegram_id,")


@pytest.mark.parametrize(
    ("name", "words"),
    [(".", "is a directory"), ("missing/posts.csv", "does not exist")],
)
def test_a_directory_or_a_missing_one_is_refused(
    env: dict[str, str], tmp_path: Path, name: str, words: str
) -> None:
    one_line_error(export(env, "-o", str(tmp_path / name)), 2, words)


def test_a_failed_export_leaves_the_old_file_whole(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(rows: Any, out: IO[str]) -> int:
        out.write("half a row")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export_command.TEXT_WRITERS, "csv", failing)
    out = tmp_path / "posts.csv"
    out.write_text("the last good export\n")
    one_line_error(export(env, "-o", str(out), "--force"), 1, "No space left on device")
    assert out.read_text() == "the last good export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "posts" in p.name) == ["posts.csv"]
