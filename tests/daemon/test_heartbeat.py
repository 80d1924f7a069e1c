"""`status --check` against a real daemon process: running, stopped cleanly, killed."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dronewatch.cli import app

CHILD = Path(__file__).with_name("sigterm_child.py")
BEAT = 0.3  # the child's heartbeat interval, seconds

runner = CliRunner()


def start_child(database_url: str, tmp_path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), database_url, str(tmp_path), str(BEAT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(CHILD.parent)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def check(database_url: str) -> tuple[int, dict[str, Any], str]:
    env = {"DRONEWATCH_DATABASE__URL": database_url}
    line = runner.invoke(app, ["status", "--check"], env=env)
    result = runner.invoke(app, ["status", "--check", "--json"], env=env)
    assert result.exit_code == line.exit_code
    daemon_line = next(x for x in line.output.splitlines() if x.startswith("daemon:"))
    return result.exit_code, json.loads(result.stdout)["daemon"], daemon_line


def wait_until_running(database_url: str) -> None:
    """Until the daemon's first beat is committed ("ready" may come just before it)."""
    deadline = time.monotonic() + 30
    while check(database_url)[1]["state"] != "running":
        assert time.monotonic() < deadline, "the daemon never beat"
        time.sleep(BEAT / 3)


def test_a_clean_stop_clears_the_heartbeat_at_once(database_url: str, tmp_path: Path) -> None:
    child = start_child(database_url, tmp_path)
    wait_until_running(database_url)
    code, daemon, line = check(database_url)
    assert (code, daemon["state"]) == (0, "running")
    assert line.startswith(f"daemon: running on {os.uname().nodename} (pid {child.pid})")
    assert re.search(r"last beat \d s ago$", line)

    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 0
    code, daemon, line = check(database_url)
    assert (code, daemon["state"]) == (1, "stopped")
    assert daemon["stopped_at"] is not None
    assert re.match(r"daemon: NOT running; stopped \d+ s ago on ", line)


def test_a_killed_daemon_turns_stale_within_two_beats(database_url: str, tmp_path: Path) -> None:
    child = start_child(database_url, tmp_path)
    wait_until_running(database_url)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    killed = time.monotonic()
    time.sleep(2 * BEAT + 0.1)
    code, daemon, line = check(database_url)
    assert (code, daemon["state"]) == (1, "gone")
    assert daemon["age_seconds"] >= 2 * BEAT
    assert daemon["age_seconds"] <= time.monotonic() - killed + BEAT + 1
    assert "NOT running; last beat" in line
    assert f"beats every {BEAT:g} s" in line
