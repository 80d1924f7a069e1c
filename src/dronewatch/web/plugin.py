"""dronewatch's Datasette plugin: SQL functions, links to posts, and the home-page chart.

Registered on Datasette's plugin manager by `dronewatch.web.server` (no entry point
needed). It also makes every connection to the dronewatch database query-only, on top
of Datasette's own read-only (`mode=ro`) connections.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from functools import partial
from typing import Any, TypeVar, cast

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from dronewatch.store.explore import ANCHOR_DAY, STALE_POSTS, TODAY, register_functions
from dronewatch.store.search import fts5_query
from dronewatch.web import chart
from dronewatch.web.metadata import PLUGIN_NAME

log = logging.getLogger(__name__)

_POST_LINKS = re.compile(r"https://t\.me/\S+(?: https://t\.me/\S+)*")
MAX_CHART_DAYS = 366

Hook = TypeVar("Hook", bound=Callable[..., Any])


def hook(function: Hook) -> Hook:
    """`datasette.hookimpl`, typed (Datasette ships no type information)."""
    return cast(Hook, hookimpl(function))


def last_hook(function: Hook) -> Hook:
    """A hook run after Datasette's own (its default plugins register SQL functions)."""
    return cast(Hook, hookimpl(trylast=True)(function))


def _config(datasette: Any) -> dict[str, Any]:
    config: dict[str, Any] = datasette.plugin_config(PLUGIN_NAME) or {}
    return config


@last_hook
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    if database != _config(datasette).get("database"):
        return
    register_functions(conn)
    # The table page's search box matches `escape_fts(:search)`; in place of Datasette's
    # (each word exact), every word in any of its forms, ё as е, as `query --text` does.
    conn.create_function("escape_fts", 1, fts5_query)
    conn.execute("PRAGMA query_only = 1")


@hook
def handle_exception(request: Any, exception: Exception) -> None:
    """One log line per rejected request (a write query, bad SQL, a missing table).

    SQL that SQLite rejects is logged by Datasette itself, in one line.

    Datasette then renders its error page as usual; `server` has stopped it from also
    printing each of these as a rich traceback with every frame's local variables.
    """
    if isinstance(exception.__context__, sqlite3.DatabaseError):
        return  # SQLite's own error: Datasette has written its one line already
    reason = str(exception).strip().splitlines()[0] if str(exception).strip() else ""
    log.warning("%s %s: %s %s", request.method, request.path, type(exception).__name__, reason)


@hook
def render_cell(value: Any) -> Markup | None:
    """A cell of t.me post addresses becomes links labelled `channel/message`."""
    if not isinstance(value, str) or not _POST_LINKS.fullmatch(value):
        return None
    links = (
        Markup('<a href="{0}" target="_blank" rel="noopener">{1}</a>').format(
            url, url.removeprefix("https://t.me/")
        )
        for url in value.split(" ")
    )
    return Markup("<br>").join(links)


async def anchor(datasette: Any) -> tuple[date, date]:
    """Today's reporting day, and the day pages end on: today, or the last day with
    reports when today has none (the database's calendar decides both)."""
    database = datasette.get_database(_config(datasette)["database"])
    result = await database.execute(f"SELECT {TODAY} AS today, {ANCHOR_DAY} AS last")
    row = result.first()
    return date.fromisoformat(row["today"]), date.fromisoformat(row["last"])


async def chart_svg(datasette: Any, days: int, regions: int) -> str:
    """The chart of `days` reporting days up to the anchor day, from the canned query."""
    config = _config(datasette)
    database = config["database"]
    today, last = await anchor(datasette)
    first = last - timedelta(days=days - 1)
    query = await datasette.get_canned_query(database, config["chart_query"], None)
    result = await datasette.get_database(database).execute(
        query["sql"], {"since": first.isoformat(), "until": last.isoformat(), "region": ""}
    )
    points = [
        chart.Point(date.fromisoformat(row["day"]), row["region"], row["drones"])
        for row in result.rows
        if row["drones"]
    ]
    return chart.render(points, first, last, top=regions, note=chart.anchor_note(today, last))


@hook
def extra_template_vars(
    view_name: str, datasette: Any, request: Any
) -> Callable[[], Awaitable[dict[str, Any]]] | None:
    if view_name == "table":  # Datasette serves a canned query through its table view
        return partial(_query_page, datasette, request)
    if view_name != "index":
        return None

    async def home_page() -> dict[str, Any]:
        config = _config(datasette)
        database = config["database"]
        svg = await chart_svg(datasette, config["chart_days"], config["chart_regions"])
        queries = await datasette.get_canned_queries(database, None)
        return {
            "dronewatch_chart": Markup(svg),
            "dronewatch_chart_url": datasette.urls.path("/-/dronewatch/chart.svg"),
            "dronewatch_numbers_url": datasette.urls.query(database, config["chart_query"]),
            "dronewatch_queries": [
                {
                    "title": query.get("title") or name,
                    "description": query.get("description", ""),
                    "url": datasette.urls.query(database, name),
                }
                for name, query in queries.items()
            ],
        }

    return home_page


async def _query_page(datasette: Any, request: Any) -> dict[str, Any]:
    """A canned query's page says when its days end before today (see `anchor`)."""
    database = _config(datasette).get("database")
    if request is None or request.url_vars.get("database") != database:
        return {}
    query = await datasette.get_canned_query(database, request.url_vars.get("table", ""), None)
    params = query.get("params", []) if query else []
    if "hours" in params:
        hours = _bounded(request.args.get("hours"), 24, 100_000)
        result = await datasette.get_database(database).execute(STALE_POSTS, {"hours": hours})
        row = result.first()
        if row is None:
            return {}
        return {
            "dronewatch_note": f"Nothing was posted in the last {hours} hours: these are the "
            f"{hours} hours up to the newest post, {row['newest']}."
        }
    if "until" not in params or request.args.get("until"):
        return {}
    today, last = await anchor(datasette)
    return {"dronewatch_note": chart.anchor_note(today, last, "the default range")}


def _bounded(value: str | None, default: int, maximum: int) -> int:
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return min(max(number, 1), maximum)


@hook
def register_routes() -> list[tuple[str, Callable[..., Awaitable[Response]]]]:
    async def chart_route(datasette: Any, request: Any) -> Response:
        config = _config(datasette)
        days = _bounded(request.args.get("days"), config["chart_days"], MAX_CHART_DAYS)
        regions = _bounded(request.args.get("regions"), config["chart_regions"], 20)
        svg = await chart_svg(datasette, days, regions)
        return Response(svg, content_type="image/svg+xml; charset=utf-8")

    return [(r"^/-/dronewatch/chart\.svg$", chart_route)]
