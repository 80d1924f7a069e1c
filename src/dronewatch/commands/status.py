"""`dronewatch status`: is the daemon alive, and what has each channel brought today."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Annotated, Any

import typer
from rich.table import Table

from dronewatch.commands.context import AppContext, app_context
from dronewatch.commands.db import opened_store
from dronewatch.config import ChannelConfig, Settings
from dronewatch.model import channel_id
from dronewatch.store import health as state
from dronewatch.store.types import utcnow


def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 unless the daemon is running: its heartbeat is fresh (healthchecks).",
        ),
    ] = False,
) -> None:
    """Per channel: the last post, posts and drone reports today; and the daemon's heartbeat."""
    context = app_context(ctx)
    settings = context.settings
    now = utcnow()
    zone = settings.digest.zone
    midnight = datetime.now(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    # Core, not the ORM: a health check run every minute must start at once.
    with opened_store(context, create=False) as database, database.engine.begin() as connection:
        channels = state.channel_statuses(connection, midnight)
        daemon = state.daemon_liveness(connection, now)
    missing = _never_seen(settings, channels)
    if as_json:
        typer.echo(json.dumps(_as_json(channels, missing, daemon), ensure_ascii=False))
    else:
        _show(context, channels, missing, zone, now)
        context.say(_daemon_line(daemon, now))
    if check and not daemon.running:
        raise typer.Exit(1)


def _never_seen(settings: Settings, channels: list[state.ChannelStatus]) -> list[ChannelConfig]:
    """Configured channels with nothing stored yet."""
    names = {c.username.lower() for c in channels if c.username}
    ids = {c.telegram_id for c in channels}
    return [
        config
        for config in settings.channels
        if config.channel.lower() not in names
        and (config.numeric_id is None or channel_id(config.numeric_id) not in ids)
    ]


def _show(
    context: AppContext,
    channels: list[state.ChannelStatus],
    missing: list[ChannelConfig],
    zone: Any,
    now: datetime,
) -> None:
    table = Table(header_style="bold")
    for column in ("channel", "region", "last post", "posts today", "reports today"):
        table.add_column(column, justify="right" if "today" in column else "left")
    for channel in channels:
        last = (
            f"{channel.last_post_at.astimezone(zone):%Y-%m-%d %H:%M} "
            f"({_ago(now - channel.last_post_at)} ago)"
            if channel.last_post_at
            else "–"
        )
        name = f"@{channel.username}" if channel.username else str(channel.telegram_id)
        table.add_row(
            name, channel.region or "", last, str(channel.posts_today), str(channel.reports_today)
        )
    for config in missing:
        table.add_row(config.channel, config.region or "", "never seen", "0", "0")
    context.out.print(table)
    context.say(f"times in {zone.key}; today since local midnight")


def _daemon_line(daemon: state.Liveness, now: datetime) -> str:
    beat = daemon.beat
    if beat is None or daemon.age is None:
        return "daemon: has never run against this database"
    where = f"on {beat.host} (pid {beat.pid})"
    last = f"last beat {_ago(daemon.age)} ago"
    if daemon.state == "running":
        return f"daemon: running {where}, up {_ago(now - beat.started_at)}, {last}"
    if daemon.state == "stopped" and beat.stopped_at is not None:
        return f"daemon: NOT running; stopped {_ago(now - beat.stopped_at)} ago {where}"
    return (
        f"daemon: NOT running; {last} {where} (it beats every {beat.every_seconds:g} s: "
        "killed, crashed or stuck)"
    )


def _as_json(
    channels: list[state.ChannelStatus], missing: list[ChannelConfig], daemon: state.Liveness
) -> dict[str, Any]:
    beat = daemon.beat
    return {
        "daemon": {
            "state": daemon.state,
            "fresh": daemon.running,
            "age_seconds": round(daemon.age.total_seconds(), 1) if daemon.age else None,
            "host": beat.host if beat else None,
            "pid": beat.pid if beat else None,
            "started_at": beat.started_at.isoformat() if beat else None,
            "beat_at": beat.beat_at.isoformat() if beat else None,
            "stopped_at": beat.stopped_at.isoformat() if beat and beat.stopped_at else None,
        },
        "channels": [
            {
                "telegram_id": c.telegram_id,
                "username": c.username,
                "title": c.title,
                "region": c.region,
                "last_post_at": c.last_post_at.isoformat() if c.last_post_at else None,
                "posts_today": c.posts_today,
                "reports_today": c.reports_today,
            }
            for c in channels
        ],
        "never_seen": [config.channel for config in missing],
    }


def _ago(delta: timedelta) -> str:
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"
