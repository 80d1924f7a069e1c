"""`dronewatch serve`: browse the database in Datasette, read-only, beside the daemon."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from dronewatch.commands.context import AppContext, app_context
from dronewatch.commands.db import keep_calendar, opened_store

POSTGRES_TOOLS = (
    "Datasette reads SQLite only. For PostgreSQL, point a database client at it instead: "
    "Metabase or Apache Superset for charts and saved questions, DBeaver or pgAdmin for "
    "browsing, psql for queries"
)


def _sqlite_path(context: AppContext) -> Path:
    """The configured SQLite file, or a clear refusal for anything else."""
    url = make_url(context.settings.database_url)
    if url.get_backend_name() != "sqlite":
        context.fail(
            f"`serve` needs a SQLite database, not {url.get_backend_name()}. {POSTGRES_TOOLS}."
        )
    if not url.database or url.database == ":memory:":
        context.fail("`serve` needs a SQLite database file, not an in-memory database")
    return Path(url.database).expanduser().resolve()


def serve(
    ctx: typer.Context,
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port (0: any free port).")
    ] = 8001,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes it to the network."),
    ] = "127.0.0.1",
) -> None:
    """Explore the database in a browser (Datasette): tables, canned queries, a chart.

    Read-only: the daemon keeps writing while you browse.
    """
    context = app_context(ctx)
    path = _sqlite_path(context)
    try:
        from dronewatch.web import metadata, server
    except ImportError as error:
        context.fail(
            f"Datasette is not installed ({error.name or error}): "
            "install the web extra, e.g. `pip install 'dronewatch[web]'` "
            "or `uv sync --extra web`"
        )
    with opened_store(context, create=False) as store:  # refuses a missing or outdated one
        keep_calendar(context, store)  # the queries count days as the config says
    try:
        sock = server.bind(host, port)
    except OSError as error:
        context.fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
    digest = context.settings.digest
    options = metadata.Options(
        database_name=server.database_name(path),
        timezone=digest.timezone,
        day_starts=digest.day_starts,
        chart_days=digest.chart_days,
        chart_regions=digest.chart_regions,
    )
    datasette = server.create_datasette(path, options)
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    context.say(
        f"Datasette on http://{shown_host}:{bound_port}/ reading {path} (read-only); "
        "Ctrl+C stops it"
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        context.say(
            f"warning: listening on {host}: anyone who can reach this address can read "
            "the database (Datasette has no login here)"
        )
    server.run(datasette, sock, log_level="debug" if context.verbosity else "warning")
