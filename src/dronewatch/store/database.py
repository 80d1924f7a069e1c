"""Engines, sessions and schema migrations, the same for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from dronewatch.store import statistics

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 30_000
# The newest migration (a test keeps it equal to alembic's head). A database at this
# revision is up to date, which every command checks without importing alembic.
SCHEMA_REVISION = "0009_region_day_view_by_day"


SUPPORTED_BACKENDS = ("sqlite", "postgresql")
URL_FORMS = "sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME"


class SchemaOutdatedError(Exception):
    """The database is older than this dronewatch; `dronewatch db upgrade` fixes it."""


class DatabaseUnavailableError(Exception):
    """The database cannot be opened; the message says why in one line, password hidden.

    `usage` marks a URL that can never work (a configuration error) from a database
    that cannot be reached or read right now.
    """

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


class DatabaseMissingError(DatabaseUnavailableError):
    """A command that only reads found no database where the configuration points."""


def shown_url(url: str) -> str:
    """The URL as it may be printed: any password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def checked_url(url: str) -> URL:
    """The parsed URL of a supported database, or `DatabaseUnavailableError`."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUnavailableError(
            f"{url!r} is not a database URL (use {URL_FORMS})", usage=True
        ) from None
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise DatabaseUnavailableError(
            f"unsupported database {parsed.get_backend_name()!r} in {shown_url(url)} "
            f"(use {URL_FORMS})",
            usage=True,
        )
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL (none for in-memory and server databases)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser()


def create_private(path: Path) -> None:
    """Create `path` empty and readable by its owner only (0600), unless it exists.

    The database holds months of collected posts and the log names channels and
    recipients: neither is for other users of the machine. SQLite gives its -wal and
    -shm files the database file's mode.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    except OSError as error:
        raise DatabaseUnavailableError(
            f"cannot create the database {path}: {error.strerror or error}"
        ) from None


def first_line(error: BaseException) -> str:
    """A driver's error without its hints and the SQL it ran, for a one-line message."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__


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
    parsed = checked_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseUnavailableError(
                    f"cannot create the directory {path.parent} for the database: "
                    f"{error.strerror or error}"
                ) from None
            create_private(path)
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
    """No JIT: at a million posts it spent 4 s compiling a query that ran in 0.8 s.

    Random reads priced as on an SSD or from the cache (1.1, PostgreSQL's advice for
    them), not a spinning disk (4, the default): at the default, a month's `query` of a
    million posts hashed every report (a million rows, and a sort spilled to disk)
    rather than look up the month's 40,000 by the index on the current report's post.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("SET jit = off")
    cursor.execute("SET random_page_cost = 1.1")
    cursor.close()
    dbapi_connection.commit()


class Database:
    """One database: its engine, a session factory, and its schema version."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.engine = create_db_engine(url, echo=echo)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory. The ORM is imported on first use: `status` reads with
        Core only, and importing the ORM and building the mappers would double its
        start-up."""
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

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

    def is_empty(self) -> bool:
        """No schema revision and no tables: a database nothing was ever stored in."""
        return self.current_revision() is None and not inspect(self.engine).get_table_names()

    def ensure_schema(self) -> None:
        """Create the schema in a new empty database; refuse to run on an outdated one."""
        current = self.current_revision()
        if current == SCHEMA_REVISION:
            return
        if current is None and self.is_empty():
            log.info("new database: creating the schema")
            self.upgrade()
            return
        raise SchemaOutdatedError(
            f"the database is at schema revision {current or 'none'}, this dronewatch needs "
            f"{self.head_revision()}: run `dronewatch db upgrade`"
        )

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _reachable(database: Database, url: str) -> Iterator[None]:
    """Driver errors as one line; the engine is let go when anything fails."""
    try:
        yield
    except DBAPIError as error:
        database.dispose()
        raise DatabaseUnavailableError(
            f"cannot open the database {shown_url(url)}: {first_line(error)}"
        ) from None
    except BaseException:
        database.dispose()
        raise


def connect_database(url: str, *, echo: bool = False, create: bool = True) -> Database:
    """A database that answers, its schema not checked yet.

    Without `create` (the commands that only read), a missing SQLite file is an
    error rather than a new database made by mistake.
    """
    if not create:
        path = sqlite_path(checked_url(url))
        if path is not None and not path.is_file():
            raise DatabaseMissingError(f"no database at {path}")
    database = Database(url, echo=echo)
    with _reachable(database, url):
        database.current_revision()
    return database


def open_database(url: str, *, echo: bool = False, create: bool = True) -> Database:
    """Open a database ready for use, creating the schema if it is new (and `create`)."""
    database = connect_database(url, echo=echo, create=create)
    with _reachable(database, url):
        if not create and database.is_empty():
            raise DatabaseMissingError(f"{shown_url(url)} holds no dronewatch database")
        database.ensure_schema()
    return database
