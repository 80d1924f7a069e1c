"""`dronewatch db`: the database's schema."""

from __future__ import annotations

import typer

from dronewatch.commands.context import AppContext, app_context
from dronewatch.config import masked_dump
from dronewatch.store import Database, SchemaOutdatedError, open_database

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


def open_store(context: AppContext) -> Database:
    """The configured database, schema checked: what every data command starts with."""
    settings = context.settings
    try:
        return open_database(settings.database_url, echo=settings.database.echo)
    except SchemaOutdatedError as error:
        context.fail(str(error))


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply pending schema migrations (safe to run at any time)."""
    context = app_context(ctx)
    database = Database(context.settings.database_url)
    before = database.current_revision()
    database.upgrade()
    after = database.current_revision()
    url = masked_dump(context.settings)["database"]["url"]
    if before == after:
        context.say(f"{url}: already at revision {after}")
    else:
        context.say(f"{url}: upgraded from {before or 'empty'} to {after}")
    database.dispose()


@app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the database's schema revision and the one this dronewatch needs."""
    context = app_context(ctx)
    database = Database(context.settings.database_url)
    typer.echo(f"current: {database.current_revision() or 'empty'}")
    typer.echo(f"head:    {database.head_revision()}")
    database.dispose()
