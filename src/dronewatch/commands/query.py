"""`dronewatch query`: stored reports, filtered, as a table or for scripts."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from dronewatch.commands.arguments import region_code
from dronewatch.commands.context import EXIT_USAGE, AppContext, app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.export import EXCEL_HELP, write_rows
from dronewatch.commands.filters import DATE_HELP, channel_ids, date_range
from dronewatch.store.queries import ReportFilter, ReportRow, report_rows
from dronewatch.store.search import words
from dronewatch.terminal import printable

DEFAULT_TABLE_LIMIT = 50


class QueryFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


class Kind(StrEnum):
    ATTACK = "attack"
    ALERT = "alert"
    NONE = "none"


def _show_table(
    context: AppContext, rows: list[ReportRow], truncated: bool, *, show_text: bool
) -> None:
    zone = context.settings.digest.zone
    table = Table(show_lines=show_text, header_style="bold")
    for column in ("date", "channel", "kind", "drones", "regions", "places", "killed/injured"):
        table.add_column(column, overflow="fold")
    table.add_column("link", overflow="fold", no_wrap=True)
    if show_text:
        table.add_column("text", overflow="fold", ratio=1)
    for row in rows:
        casualties = "/".join("–" if n is None else str(n) for n in (row.killed, row.injured))
        cells = (
            row.posted_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            row.channel_username or row.channel_title or str(row.channel_telegram_id),
            row.kind or "",
            "" if row.drones is None else f"{row.drones}{'Σ' if row.cumulative else ''}",
            ", ".join(row.regions),
            ", ".join(row.places),
            casualties,
            row.link,
            *((row.text,) if show_text else ()),
        )
        table.add_row(*map(printable, cells))
    context.out.print(table)
    more = f" (first {len(rows)}; --limit to see more)" if truncated else ""
    context.say(f"{len(rows)} reports{more}; times in {zone.key}; Σ = a running total")


def query(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help=f"From. {DATE_HELP}")] = None,
    until: Annotated[
        str | None, typer.Option("--until", help=f"Up to (a date: inclusive). {DATE_HELP}")
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region", "-r", help="ISO code (RU-BEL, BEL) or name (Белгородская, Belgorod)."
        ),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", "-p", help="A district or town (part of its name).")
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text", "-t", help="Words the post must hold, in any form (нефтебаза: нефтебазе)."
        ),
    ] = None,
    kind: Annotated[
        Kind | None, typer.Option("--kind", "-k", help="attack, alert or none.")
    ] = None,
    min_drones: Annotated[
        int | None, typer.Option("--min-drones", min=0, help="At least this many drones.")
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Only this channel (username or id).")
    ] = None,
    include_deleted: Annotated[
        bool, typer.Option("--include-deleted", help="Also posts deleted from the channel.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=1, help=f"At most N rows (table: {DEFAULT_TABLE_LIMIT})."
        ),
    ] = None,
    fmt: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, csv, json or jsonl.")
    ] = QueryFormat.TABLE,
    oldest_first: Annotated[
        bool, typer.Option("--oldest-first", help="Oldest posts first (default: newest).")
    ] = False,
    show_text: Annotated[
        bool, typer.Option("--show-text", help="Show each post's text in the table.")
    ] = False,
    excel: Annotated[bool, typer.Option("--excel", help=EXCEL_HELP)] = False,
) -> None:
    """Reports filtered by date, region, place, kind, drones and channel, newest first."""
    context = app_context(ctx)
    if excel and fmt != QueryFormat.CSV:
        context.fail("--excel is for --format csv", EXIT_USAGE)
    if text is not None and not words(text):
        context.fail(f"--text {text!r} has no word to search for", EXIT_USAGE)
    zone = context.settings.digest.zone
    table_limit = limit or DEFAULT_TABLE_LIMIT
    start, end = date_range(context, since, until, zone)
    code = region_code(context, region)
    with opened_store(context, create=False) as database, database.session() as session:
        selection = ReportFilter(
            since=start,
            until=end,
            region=code,
            place=place,
            text=text,
            kind=kind.value if kind else None,
            min_drones=min_drones,
            channel_ids=channel_ids(context, session, channel),
            include_deleted=include_deleted,
            limit=table_limit + 1 if fmt == QueryFormat.TABLE else limit,
            newest_first=not oldest_first,
        )
        rows = report_rows(session, selection)
        if fmt == QueryFormat.TABLE:
            shown = list(rows)
            _show_table(
                context,
                shown[:table_limit],
                truncated=len(shown) > table_limit,
                show_text=show_text,
            )
        else:
            write_rows(rows, fmt.value, None, excel=excel)
