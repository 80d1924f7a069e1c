"""`dronewatch import`: a Telegram Desktop channel export into the database.

Safe to interrupt at any point (even kill -9): every batch of posts is committed
whole, and running the same import again stores exactly what is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from dronewatch import model
from dronewatch.commands.arguments import channel_username as checked_username
from dronewatch.commands.arguments import region_code
from dronewatch.commands.context import AppContext, app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.filters import WorkersOption, progress_bar
from dronewatch.config import Settings
from dronewatch.model import channel_id
from dronewatch.pipeline import IngestStats, Outcome, Pipeline
from dronewatch.sources.export import ChannelExport, ExportError

MAX_DEFAULT_WORKERS = 4


def free_cores() -> int:
    """Cores this process may run on that the last minute's load leaves idle (at least 1)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busy = round(os.getloadavg()[0]) if hasattr(os, "getloadavg") else 0
    return max(1, (cores or 1) - busy)


def parser_workers(context: AppContext, requested: int | None) -> int:
    """Parser processes: as asked (default up to 4), at most the free cores but one.

    One core stays with the process reading and writing; more processes than idle
    cores only take turns and make the import slower than parsing in one.
    """
    free = free_cores()
    limit = max(1, free - 1)
    if requested is None:
        return min(limit, MAX_DEFAULT_WORKERS)
    if requested > limit:
        context.say(f"--workers {requested}: {free} core(s) free here, so {limit} parser(s)")
    return min(requested, limit)


def configured_channel(
    settings: Settings, channel: model.Channel, region: str | None, username: str | None
) -> model.Channel:
    """The export's channel with the region, username and label the user gave.

    `--region` and `--channel-username` win; otherwise the `[[channels]]` entry
    naming this channel (by numeric id, or by the username given) supplies them.
    """
    entry = None
    for candidate in settings.channels:
        number = candidate.numeric_id
        if (number is not None and channel_id(number) == channel.telegram_id) or (
            number is None and username and candidate.channel.lower() == username.lower()
        ):
            entry = candidate
    if entry is not None:
        region = region or entry.region
        if entry.numeric_id is None:
            username = username or entry.channel
    return replace(
        channel,
        region=region or channel.region,
        username=username or channel.username,
        label=entry.label if entry is not None else channel.label,
    )


def _tracked(
    posts: Iterable[model.Post], export: ChannelExport, progress: Progress | None
) -> Iterator[model.Post]:
    for count, post in enumerate(posts, start=1):
        yield post
        if progress is not None and count % 200 == 0:
            progress.update(progress.task_ids[0], completed=export.position)


def _summary(context: AppContext, export: ChannelExport, stats: IngestStats) -> None:
    counts = export.counts
    skipped = counts["service"] + counts["malformed"]
    outcomes = stats.outcomes
    kinds = ", ".join(f"{kind} {number}" for kind, number in sorted(stats.kinds.items())) or "none"
    lines = [
        f"messages read {counts['messages']}: posts {counts['posts']}, skipped {skipped} "
        f"(service {counts['service']}, malformed {counts['malformed']})",
        f"posts: new {outcomes[Outcome.NEW]}, updated {outcomes[Outcome.UPDATED]}, "
        f"older versions kept {outcomes[Outcome.OLDER]}, unchanged {outcomes[Outcome.UNCHANGED]}",
        f"reports made: {kinds}",
    ]
    for line in lines:
        context.out.print(line, markup=False, highlight=False)


def import_export(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="The export's result.json, or the folder holding it.")
    ],
    region: Annotated[
        str | None,
        typer.Option("--region", "-r", help="The channel's region: ISO code (RU-BEL) or name."),
    ] = None,
    channel_username: Annotated[
        str | None,
        typer.Option(
            "--channel-username",
            help="The channel's @username (exports lack it): for t.me links and the config.",
        ),
    ] = None,
    workers: WorkersOption = None,
) -> None:
    """Import a Telegram Desktop channel export (JSON); run again to finish an interrupted one."""
    context = app_context(ctx)
    region = region_code(context, region)
    username = checked_username(context, channel_username)
    try:
        export = ChannelExport(path)
    except ExportError as error:
        context.fail(str(error))
    channel = configured_channel(context.settings, export.channel, region, username)
    described = f"{channel.title or 'channel'} (id {channel.telegram_id}"
    described += f", @{channel.username}" if channel.username else ""
    described += f", region {channel.region})" if channel.region else ", no region)"
    stats = IngestStats()
    with opened_store(context) as database:
        context.say(f"importing {export.path}: {described}")
        pipeline = Pipeline(database, workers=parser_workers(context, workers))
        try:
            with progress_bar(context, "importing", export.size) as progress:
                pipeline.ingest(_tracked(export.posts(channel), export, progress), stats)
        except ExportError as error:
            context.fail(f"{error}; {_stored(stats)} before it, run the import again once fixed")
        except KeyboardInterrupt:
            context.fail(f"interrupted; {_stored(stats)}: run the same import again to finish")
    _summary(context, export, stats)


def _stored(stats: IngestStats) -> str:
    """What an import cut short really stored, for its last line."""
    if not stats.total:
        return "no post was stored"
    posts = "1 post was" if stats.total == 1 else f"{stats.total} posts were"
    return f"{posts} stored (new {stats.outcomes[Outcome.NEW]})"
