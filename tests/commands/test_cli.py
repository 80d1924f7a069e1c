"""The command line as a user meets it: help, version, config check, exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from dronewatch import __version__
from dronewatch.cli import app, hoist_global_options

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("config", "db", "parse"):
        assert command in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"dronewatch {__version__}"


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dronewatch", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_config_check_accepts_the_example() -> None:
    result = runner.invoke(app, ["config", "check", "--config", str(REPO / "config.example.toml")])
    assert result.exit_code == 0, result.output
    assert '"timezone": "Europe/Moscow"' in result.output


def test_bad_config_exits_2_naming_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        "[telegram]\napi_id = 'twelve'\n[[channels]]\nchannel = 'x'\nregion = 'RU-ZZZ'\n"
    )
    result = runner.invoke(app, ["--config", str(bad), "config", "check"])
    assert result.exit_code == 2
    assert "config error: telegram.api_id: Input should be a valid integer" in result.output
    assert "config error: channels.0.region: unknown region code 'RU-ZZZ'" in result.output


def test_db_upgrade_creates_and_reports(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f"[database]\nurl = 'sqlite:///{tmp_path / 'x.db'}'\n")
    first = runner.invoke(app, ["db", "upgrade", "--config", str(config)])
    second = runner.invoke(app, ["db", "upgrade", "--config", str(config)])
    assert first.exit_code == second.exit_code == 0
    assert "upgraded from empty" in first.output
    assert "already at revision" in second.output


def test_db_upgrade_writes_the_configured_reporting_day(tmp_path: Path) -> None:
    """SQL reads the reporting day from the database: the config's is written there once."""
    database = tmp_path / "x.db"
    config = tmp_path / "c.toml"
    config.write_text(
        f"[database]\nurl = 'sqlite:///{database}'\n"
        "[digest]\ntimezone = 'Asia/Vladivostok'\nday_starts = '06:30'\n"
    )
    first = runner.invoke(app, ["db", "upgrade", "--config", str(config)])
    second = runner.invoke(app, ["db", "upgrade", "--config", str(config)])
    assert first.exit_code == second.exit_code == 0
    assert "reporting days: 06:30 to 06:30 Asia/Vladivostok, written" in first.output
    assert "reporting days" not in second.output
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute(
            "SELECT starts_at, ends_at FROM reporting_days WHERE day = '2026-10-12'"
        ).fetchone() == ("2026-10-10 20:30:00.000000", "2026-10-11 20:30:00.000000")


def test_global_options_may_follow_the_command() -> None:
    assert hoist_global_options(["config", "check", "--config", "x.toml", "-v"]) == [
        "--config",
        "x.toml",
        "-v",
        "config",
        "check",
    ]
    assert hoist_global_options(["parse", "--", "--config"]) == ["parse", "--", "--config"]
