"""`dronewatch status`, and `run`/`login` refusing clearly what they cannot do."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import typer
from telegram_fakes import KURSK, drone_parser, now
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.commands import run as run_command
from dronewatch.daemon.client import private_session_file
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store import status as state

runner = CliRunner()

CONFIG = """
[telegram]
api_id = 12345
api_hash = "0123456789abcdef0123456789abcdef"

[[channels]]
channel = "kursk_gov"
region = "RU-KRS"

[[channels]]
channel = "https://t.me/never_posted"
"""


@pytest.fixture
def configured(database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Database:
    Path("dronewatch.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("DRONEWATCH_DATABASE__URL", database_url)
    return database


def test_status_shows_channels_and_a_fresh_heartbeat(configured: Database) -> None:
    kursk = model.Channel(KURSK, title="Курская область", username="kursk_gov", region="RU-KRS")
    latest = now()
    Pipeline(configured, parser=drone_parser).ingest(
        [
            model.Post(kursk, 1, latest - timedelta(days=3), "5 drones"),
            model.Post(kursk, 2, latest - timedelta(minutes=1), "2 drones"),
            model.Post(kursk, 3, latest, "no drones at all"),
        ]
    )
    with configured.session() as session:
        state.beat(
            session, "daemon", "box", 99, now() - timedelta(hours=1), now(), every_seconds=15
        )

    result = runner.invoke(app, ["status", "--json", "--check"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["daemon"]["fresh"] is True
    assert report["daemon"]["pid"] == 99
    [channel] = report["channels"]
    assert channel["username"] == "kursk_gov"
    assert channel["last_post_at"] == latest.isoformat()
    # Posts 2 and 3 are today unless the test runs within a minute after local midnight.
    assert channel["posts_today"] in (1, 2)
    assert channel["reports_today"] in (0, 1)
    assert report["never_seen"] == ["never_posted"]

    table = runner.invoke(app, ["status"])
    assert table.exit_code == 0
    assert "@kursk_gov" in table.stdout
    assert "never seen" in table.stdout
    assert "daemon: running on box (pid 99)" in table.output


def test_status_check_fails_without_a_live_daemon(configured: Database) -> None:
    result = runner.invoke(app, ["status", "--check"])
    assert result.exit_code == 1
    assert "daemon: has never run" in result.output

    with configured.session() as session:
        state.beat(
            session,
            "daemon",
            "box",
            99,
            now() - timedelta(days=1),
            now() - timedelta(seconds=40),
            every_seconds=15,
        )
    result = runner.invoke(app, ["status", "--check"])
    assert result.exit_code == 1  # two beats missed
    assert "daemon: NOT running; last beat 4" in result.output
    assert "beats every 15 s" in result.output


def test_run_without_credentials_names_the_missing_keys() -> None:
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 2
    assert "telegram.api_id" in result.output
    assert runner.invoke(app, ["login"]).exit_code == 2


def test_run_refuses_without_channels_or_login(tmp_path: Path) -> None:
    config = CONFIG.split("[[channels]]")[0]
    Path("dronewatch.toml").write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 2
    assert "no channels configured" in result.output

    Path("dronewatch.toml").write_text(CONFIG, encoding="utf-8")
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 2
    assert "run `dronewatch login` first" in result.output
    assert "0123456789abcdef" not in result.output


def test_session_file_is_private(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        path = private_session_file(tmp_path / "data" / "dronewatch")
    finally:
        os.umask(previous)
    assert path.name == "dronewatch.session"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)  # a file left readable by an older version is tightened
    private_session_file(tmp_path / "data" / "dronewatch")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("command", [["run"], ["login"], ["config", "check"]])
def test_a_malformed_session_string_is_a_config_error(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("dronewatch.toml").write_text(CONFIG, encoding="utf-8")
    secret = "1BVtsOKABu6Xq9Z-not-quite-a-session"
    monkeypatch.setenv("DRONEWATCH_TELEGRAM__SESSION_STRING", secret)
    result = runner.invoke(app, command)
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        "config error: telegram.session_string: not a valid Telethon session string "
        "(`dronewatch login --string` prints one)"
    )
    assert secret[:8] not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_session_file_that_is_not_one_is_a_config_error(tmp_path: Path) -> None:
    Path("dronewatch.toml").write_text(
        CONFIG.replace("[telegram]", f'data_dir = "{tmp_path / "data"}"\n[telegram]'),
        encoding="utf-8",
    )
    session = private_session_file(tmp_path / "data" / "dronewatch")
    session.write_bytes(b"not sqlite at all " * 20)
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 2, result.output
    assert "config error: telegram.session:" in result.output
    assert "is not a Telethon session file" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_login_and_run_are_refused_while_the_daemon_holds_the_session(
    configured: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_session_file(Path("data/dronewatch"))
    Path("dronewatch.toml").write_text('data_dir = "data"\n' + CONFIG, encoding="utf-8")
    daemon = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with configured.session() as session:
            state.beat(
                session, "daemon", socket.gethostname(), daemon.pid, now(), now(), every_seconds=15
            )
        for command, doing in (("login", "logging in again"), ("run", "starting another")):
            result = runner.invoke(app, [command])
            assert result.exit_code == 1
            assert result.output.strip() == (
                f"error: the daemon (pid {daemon.pid}) is running and holds the Telegram "
                f"session: stop it before {doing}"
            )
    finally:
        daemon.kill()
        daemon.wait()

    def no_network(context: object) -> None:
        raise typer.Exit(7)

    # Killed a moment ago: its beat is still fresh, but the process is gone.
    monkeypatch.setattr(run_command, "telegram_client", no_network)
    assert runner.invoke(app, ["run"]).exit_code == 7
