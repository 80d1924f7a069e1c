"""`dronewatch db`: the database's schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from sqlalchemy.exc import DBAPIError

from dronewatch.commands.context import EXIT_USAGE, AppContext, app_context
from dronewatch.config import masked_dump
from dronewatch.store import (
    Database,
    DatabaseMissingError,
    DatabaseUnavailableError,
    SchemaOutdatedError,
    connect_database,
    open_database,
)
from dronewatch.store.database import first_line

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)

MISSING_HINT = (
    "set database.url (default: <data_dir>/dronewatch.db) or --database; "
    "`dronewatch import`, `run` or `db upgrade` create one"
)


@contextmanager
def opened_store(
    context: AppContext, *, create: bool = True, url: str | None = None
) -> Iterator[Database]:
    """The configured database (or `url`), schema checked, closed when the block ends.

    What every data command starts with. Commands that only read pass
    `create=False`: they never make a database. A database that cannot be used ends
    the command with one line (see `fail_to_open`).
    """
    database = open_store(context, create=create, url=url)
    try:
        yield database
    finally:
        database.dispose()


def open_store(context: AppContext, *, create: bool = True, url: str | None = None) -> Database:
    """The configured database (or `url`), schema checked; the caller disposes of it."""
    settings = context.settings
    try:
        database = open_database(
            url or settings.database_url, echo=settings.database.echo, create=create
        )
    except (SchemaOutdatedError, DatabaseUnavailableError) as error:
        fail_to_open(context, error)
    if create:
        keep_calendar(context, database)
    return database


def keep_calendar(context: AppContext, database: Database) -> None:
    """Write the config's reporting day into the database for SQL to read, if it changed."""
    from dronewatch.store.calendar import sync_calendar

    digest = context.settings.digest
    try:
        written = sync_calendar(database.engine, digest.timezone, digest.day_starts)
    except DBAPIError as error:
        database.dispose()
        context.fail(f"cannot write the reporting calendar: {first_line(error)}")
    if written:
        context.say(
            f"reporting days: {digest.day_starts:%H:%M} to {digest.day_starts:%H:%M} "
            f"{digest.timezone}, written for the views and queries"
        )


def fail_to_open(context: AppContext, error: Exception) -> NoReturn:
    """One line saying why the database cannot be used: exit 2 for a bad URL, else 1."""
    if isinstance(error, DatabaseMissingError):
        context.fail(f"{error}: {MISSING_HINT}")
    usage = isinstance(error, DatabaseUnavailableError) and error.usage
    context.fail(f"database.url: {error}" if usage else str(error), EXIT_USAGE if usage else 1)


def _connect(context: AppContext, *, create: bool) -> Database:
    try:
        return connect_database(context.settings.database_url, create=create)
    except DatabaseUnavailableError as error:
        fail_to_open(context, error)


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply pending schema migrations (safe to run at any time)."""
    context = app_context(ctx)
    database = _connect(context, create=True)
    try:
        before = database.current_revision()
        database.upgrade()
        after = database.current_revision()
        keep_calendar(context, database)
    finally:
        database.dispose()
    url = masked_dump(context.settings)["database"]["url"]
    if before == after:
        context.say(f"{url}: already at revision {after}")
    else:
        context.say(f"{url}: upgraded from {before or 'empty'} to {after}")


@app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the database's schema revision and the one this dronewatch needs."""
    context = app_context(ctx)
    database = _connect(context, create=False)
    try:
        typer.echo(f"current: {database.current_revision() or 'empty'}")
        typer.echo(f"head:    {database.head_revision()}")
    finally:
        database.dispose()
