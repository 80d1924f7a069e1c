"""The migrated schema is exactly the ORM's, on every backend."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from dronewatch.store import Database, SchemaOutdatedError, open_database
from dronewatch.store.models import Base


def test_migrations_match_orm_metadata(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_new_database_is_created_at_head(database_url: str) -> None:
    database = open_database(database_url)
    try:
        assert database.current_revision() == database.head_revision()
        assert {"channels", "posts", "reports", "digests"} <= set(
            inspect(database.engine).get_table_names()
        )
    finally:
        database.dispose()


def test_upgrade_is_idempotent(database: Database) -> None:
    head = database.current_revision()
    database.upgrade()
    assert database.current_revision() == head


def test_outdated_database_is_refused(database_url: str) -> None:
    database = Database(database_url)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE something_else (id INTEGER)")
        with pytest.raises(SchemaOutdatedError, match="dronewatch db upgrade"):
            database.ensure_schema()
    finally:
        database.dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path: str) -> None:
    database = open_database(f"sqlite:///{tmp_path}/pragmas.db")
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    finally:
        database.dispose()
