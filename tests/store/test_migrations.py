"""The migrated schema is exactly the ORM's, on every backend."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, true
from sqlalchemy.exc import IntegrityError

from dronewatch.store import Database, SchemaOutdatedError, open_database
from dronewatch.store.database import SCHEMA_REVISION, alembic_config
from dronewatch.store.models import Base
from dronewatch.store.search import include_object


def test_migrations_match_orm_metadata(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": include_object},
        )
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


def test_schema_revision_is_the_newest_migration(database: Database) -> None:
    """Commands check the revision against a constant rather than importing alembic."""
    assert SCHEMA_REVISION == database.head_revision() == database.current_revision()


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


def _report(report_id: int, version: str) -> dict[str, object]:
    stamp = datetime(2026, 11, 1, tzinfo=UTC)
    return {
        "id": report_id, "post_id": 1, "parser_version": version, "is_current": True,
        "kind": "attack", "cumulative": False, "no_damage": False, "period_end": stamp,
        "evidence": [], "created_at": stamp,
    }  # fmt: skip


def test_upgrade_keeps_one_current_report_per_post(database_url: str) -> None:
    """Two current reports of one post (no code path writes that): the newest stays."""
    database = Database(database_url)
    try:
        command.upgrade(alembic_config(database.engine), "0002")
        stamp = datetime(2026, 11, 1, tzinfo=UTC)
        tables = Base.metadata.tables
        with database.engine.begin() as connection:
            connection.execute(
                tables["channels"].insert(),
                {"id": 1, "telegram_id": 1, "created_at": stamp, "updated_at": stamp},
            )
            connection.execute(
                tables["posts"].insert(),
                {
                    "id": 1,
                    "channel_id": 1,
                    "message_id": 1,
                    "date": stamp,
                    "text": "",
                    "deleted": False,
                    "raw": {},
                    "first_seen_at": stamp,
                    "updated_at": stamp,
                },
            )
            connection.execute(tables["reports"].insert(), [_report(1, "1.0"), _report(2, "1.1")])
        database.upgrade()
        reports = tables["reports"]
        with database.engine.connect() as connection:
            current = connection.execute(
                select(reports.c.id).where(reports.c.is_current == true())
            ).all()
            assert current == [(2,)]
            with pytest.raises(IntegrityError):
                connection.execute(
                    reports.update().where(reports.c.id == 1).values(is_current=True)
                )
    finally:
        database.dispose()
