"""What dronewatch leaves on disk is its owner's alone; the systemd unit confines the daemon."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dronewatch.cli import app
from dronewatch.store import open_database

UNIT = Path(__file__).resolve().parent.parent / "deploy" / "dronewatch.service"


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A permissive umask, as on many desktops: the modes below must not depend on it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_a_new_database_and_its_wal_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dronewatch.db"
    database = open_database(f"sqlite:///{path}")
    try:
        assert mode(path) == 0o600
        assert mode(path.with_name("dronewatch.db-wal")) == 0o600
    finally:
        database.dispose()


@pytest.mark.usefixtures("open_umask")
def test_a_new_log_file_is_0600(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "dronewatch.log"
    env = {"DRONEWATCH_LOGGING__FILE": str(log), "DRONEWATCH_DATA_DIR": str(tmp_path)}
    assert CliRunner().invoke(app, ["db", "upgrade"], env=env).exit_code == 0
    assert mode(log) == 0o600


def test_the_systemd_unit_confines_the_daemon() -> None:
    lines = set(UNIT.read_text(encoding="utf-8").splitlines())
    for directive in (
        "CapabilityBoundingSet=",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "SystemCallFilter=@system-service",
        "ProtectKernelModules=yes",
        "ProtectKernelLogs=yes",
        "RestrictNamespaces=yes",
        "UMask=0077",
        "NoNewPrivileges=yes",
    ):
        assert directive in lines, directive
