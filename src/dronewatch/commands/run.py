"""`dronewatch run`: the long-running daemon."""

from __future__ import annotations

import asyncio

import typer

from dronewatch.commands.context import EXIT_CONFIG, app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.telegram import refuse_while_daemon_runs, telegram_client
from dronewatch.daemon.channels import NoChannelsError
from dronewatch.daemon.client import session_file
from dronewatch.daemon.service import Daemon, NotAuthorizedError


def run(ctx: typer.Context) -> None:
    """Watch the configured channels live, catching up after any downtime (Ctrl-C stops).

    Exits 0 when stopped (SIGTERM, SIGINT), 2 when a person must act first (config,
    login, no channel resolvable), 1 on anything else.
    """
    context = app_context(ctx)
    context.telegram_credentials()
    settings = context.settings
    if not settings.channels:
        context.fail("no channels configured: add [[channels]] entries to the config", EXIT_CONFIG)
    if (
        settings.telegram.session_string is None
        and not session_file(settings.session_path).exists()
    ):
        context.fail("not logged in yet: run `dronewatch login` first", EXIT_CONFIG)
    refuse_while_daemon_runs(context, "starting another")
    client = telegram_client(context)
    with opened_store(context) as database:
        try:
            asyncio.run(Daemon(settings, database, client).run())
        except (NotAuthorizedError, NoChannelsError) as error:
            context.fail(str(error), EXIT_CONFIG)  # a person must act: restarting will not help
