"""Options shared by the commands that read stored posts: dates, channels, progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from sqlalchemy.orm import Session

from dronewatch.commands.context import EXIT_USAGE, AppContext
from dronewatch.store.queries import find_channels

DATE_HELP = "YYYY-MM-DD or an ISO 8601 time; without a zone, in digest.timezone."

WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers", min=1, help="Parser processes (default and limit: free cores - 1, max 4)."
    ),
]


def parse_when(
    context: AppContext, value: str | None, zone: ZoneInfo, *, end: bool = False
) -> datetime | None:
    """A `--since`/`--until` value as an aware time; a bare date ending a range includes its day."""
    if value is None:
        return None
    try:
        if len(value.strip()) == len("YYYY-MM-DD"):
            day = date.fromisoformat(value.strip())
            return datetime.combine(day + timedelta(days=1 if end else 0), time(), zone)
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        context.fail(f"{value!r} is not a date (YYYY-MM-DD) or an ISO 8601 time", EXIT_USAGE)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def date_range(
    context: AppContext, since: str | None, until: str | None, zone: ZoneInfo
) -> tuple[datetime | None, datetime | None]:
    """`--since` and `--until` as aware times; a range that ends before it starts is refused."""
    start = parse_when(context, since, zone)
    end = parse_when(context, until, zone, end=True)
    if start is not None and end is not None and start >= end:
        context.fail(f"--since {since} is not before --until {until}", EXIT_USAGE)
    return start, end


def channel_ids(
    context: AppContext, session: Session, channel: str | None
) -> tuple[int, ...] | None:
    """The stored channel `--channel` names, or a clear error when none is stored."""
    if channel is None:
        return None
    found = find_channels(session, channel)
    if not found:
        context.fail(f"no stored channel {channel!r} (give its username or numeric id)")
    return tuple(found)


@contextmanager
def progress_bar(
    context: AppContext, description: str, total: float | None
) -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal; `None` when piped or logged."""
    if not context.err.is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=context.err, transient=False) as progress:
        progress.add_task(description, total=total)
        yield progress
