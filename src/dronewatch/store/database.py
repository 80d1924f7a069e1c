"""Engines, sessions and schema migrations, the same for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from dronewatch.store import statistics

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 30_000
# The newest migration (a test keeps it equal to alembic's head). A database at this
# revision is up to date, which every command checks without importing alembic.
SCHEMA_REVISION = "0003"


class SchemaOutdatedError(Exception):
    """The database is older than this dronewatch; `dronewatch db upgrade` fixes it."""


def migrations_dir() -> Path:
    """Alembic's scripts: packaged in the wheel, or `alembic/` in a source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "migrations"
    return packaged if packaged.is_dir() else package_dir.parent.parent / "alembic"


def alembic_config(engine: Engine) -> AlembicConfig:
    # Alembic is imported where it is used: commands that never open a database
    # (`--help`, `parse`) should not pay for it.
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine with WAL, foreign keys and a busy timeout on every SQLite connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "close", statistics.refresh)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, echo=echo, pool_pre_ping=True)
    if parsed.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _postgresql_settings)
    return engine


def _postgresql_settings(dbapi_connection: Any, _record: Any) -> None:
    """No JIT: at a million posts it spent 4 s compiling a query that ran in 0.8 s."""
    cursor = dbapi_connection.cursor()
    cursor.execute("SET jit = off")
    cursor.close()
    dbapi_connection.commit()


class Database:
    """One database: its engine, a session factory, and its schema version."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.engine = create_db_engine(url, echo=echo)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed together, or rolled back on any error."""
        with self.sessions.begin() as session:
            yield session

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def head_revision(self) -> str | None:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(alembic_config(self.engine)).get_current_head()

    def upgrade(self) -> None:
        """Apply every pending migration."""
        from alembic import command

        command.upgrade(alembic_config(self.engine), "head")

    def ensure_schema(self) -> None:
        """Create the schema in a new empty database; refuse to run on an outdated one."""
        current = self.current_revision()
        if current == SCHEMA_REVISION:
            return
        if current is None and not inspect(self.engine).get_table_names():
            log.info("new database: creating the schema")
            self.upgrade()
            return
        raise SchemaOutdatedError(
            f"the database is at schema revision {current or 'none'}, this dronewatch needs "
            f"{self.head_revision()}: run `dronewatch db upgrade`"
        )

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, echo: bool = False) -> Database:
    """Open a database ready for use, creating the schema if it is new."""
    database = Database(url, echo=echo)
    database.ensure_schema()
    return database
