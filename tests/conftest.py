"""Fixtures every test package shares: real databases, SQLite and PostgreSQL.

PostgreSQL tests run against the server named by DRONEWATCH_TEST_POSTGRES_URL
(`.ci/run` starts one); each test gets a database of its own, dropped afterwards.
Without the variable they are skipped, except under CI, where that is a failure.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dronewatch.store import Database, open_database

POSTGRES_URL_ENV = "DRONEWATCH_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own config, data directory or DRONEWATCH_ variables."""
    for name in list(os.environ):
        if name.startswith("DRONEWATCH_") and name != POSTGRES_URL_ENV:
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def _root_logging_restored() -> Iterator[None]:
    """A command run through CliRunner configures the root logger with a stream the
    runner closes afterwards; later tests must not log into that closed stream."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _postgres_server_url() -> str:
    url = os.environ.get(POSTGRES_URL_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{POSTGRES_URL_ENV} is not set: CI must test PostgreSQL")
    pytest.skip(f"{POSTGRES_URL_ENV} not set: no PostgreSQL server to test against")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    server = make_url(_postgres_server_url()).set(drivername="postgresql+psycopg")
    name = f"dronewatch_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty database URL: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dronewatch.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated database on each backend."""
    db = open_database(database_url)
    try:
        yield db
    finally:
        db.dispose()
