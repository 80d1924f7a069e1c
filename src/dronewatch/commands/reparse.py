"""`dronewatch reparse`: read stored posts again with the current parser."""

from __future__ import annotations

from typing import Annotated

import typer

from dronewatch.commands.context import app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.filters import (
    DATE_HELP,
    WorkersOption,
    channel_ids,
    parse_when,
    progress_bar,
)
from dronewatch.commands.imports import parser_workers
from dronewatch.parsing import PARSER_VERSION
from dronewatch.pipeline import Outcome, Pipeline
from dronewatch.store import posts as stored


def reparse(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", help=f"Posts published from. {DATE_HELP}")
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Only this channel (username or id).")
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Every post, not only those read by an older parser.")
    ] = False,
    workers: WorkersOption = None,
) -> None:
    """Re-parse stored posts whose report an older parser version made (or all, with --all)."""
    context = app_context(ctx)
    zone = context.settings.digest.zone
    with opened_store(context) as database:
        pipeline = Pipeline(database, workers=parser_workers(context, workers))
        with database.session() as session:
            ids = channel_ids(context, session, channel)
            selection = stored.ReparseFilter(
                parser_version=None if everything else PARSER_VERSION,
                since=parse_when(context, since, zone),
                channel_ids=ids,
            )
            total = stored.count_posts_to_reparse(session, selection)
        with progress_bar(context, "re-parsing", total) as progress:
            stats = pipeline.reparse(
                selection,
                progress=(lambda done: progress.advance(progress.task_ids[0], done))
                if progress is not None
                else None,
            )
    kinds = ", ".join(f"{kind} {number}" for kind, number in sorted(stats.kinds.items()))
    context.out.print(
        f"re-parsed {stats.outcomes[Outcome.UPDATED]} posts with parser {PARSER_VERSION}"
        + (f": {kinds}" if kinds else ""),
        markup=False,
        highlight=False,
    )
