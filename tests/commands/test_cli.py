"""The command line as a user meets it: help, version, config check, exit codes."""

from __future__ import annotations

import subprocess
import sys
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


def test_global_options_may_follow_the_command() -> None:
    assert hoist_global_options(["config", "check", "--config", "x.toml", "-v"]) == [
        "--config",
        "x.toml",
        "-v",
        "config",
        "check",
    ]
    assert hoist_global_options(["parse", "--", "--config"]) == ["parse", "--", "--config"]
