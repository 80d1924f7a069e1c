"""`dronewatch digest`: the digest of a day in the terminal, its chart, and sending it now."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Annotated

import typer

from dronewatch.commands.context import AppContext, app_context
from dronewatch.commands.db import open_store
from dronewatch.config import ConfigError, Settings
from dronewatch.daemon.client import create_client
from dronewatch.digest.bot import open_senders
from dronewatch.digest.build import build_summary, write_chart
from dronewatch.digest.delivery import SELF, DeliveryError, recipients
from dronewatch.digest.render import digest_lines, to_rich
from dronewatch.digest.schedule import Delivery, DigestService
from dronewatch.digest.summary import Summary, latest_due_day
from dronewatch.store import Database
from dronewatch.store.models import utcnow


def show_digest(context: AppContext, summary: Summary) -> None:
    """Print the digest and write its chart, naming the file."""
    context.out.print(to_rich(digest_lines(summary)), highlight=False, soft_wrap=True)
    path = write_chart(summary, context.settings.digest, context.settings.data_dir)
    context.say(f"chart: {path}")


def digest(
    ctx: typer.Context,
    day: Annotated[
        datetime | None,
        typer.Option(
            "--date",
            formats=["%Y-%m-%d"],
            help="The digest's day (its period ends at the digest time that day). "
            "Default: the latest complete one.",
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option("--send", help="Also deliver it now to the configured recipients."),
    ] = False,
) -> None:
    """Print a day's digest and write its chart; with --send, deliver it now."""
    context = app_context(ctx)
    settings = context.settings
    config = settings.digest
    target = day.date() if day else latest_due_day(utcnow(), config.time, config.zone)
    if target > utcnow().astimezone(config.zone).date():
        context.say(f"warning: {target} is in the future: its digest is empty or incomplete")
    database = open_store(context, create=send)
    try:
        show_digest(context, build_summary(database, config, target))
        if send:
            _send(context, settings, database, target)
    finally:
        database.dispose()


def _send(context: AppContext, settings: Settings, database: Database, day: date) -> None:
    if not recipients(settings):
        context.fail("digest.recipients is empty: nobody to send the digest to")
    try:
        results = asyncio.run(_deliver(settings, database, day))
    except (ConfigError, DeliveryError) as error:
        context.fail(str(error))
    for result in results:
        detail = f" ({result.detail})" if result.detail else ""
        context.say(f"{result.day} to {result.recipient}: {result.status}{detail}")
    if any(result.status != "sent" for result in results):
        raise typer.Exit(1)


async def _deliver(settings: Settings, database: Database, day: date) -> list[Delivery]:
    """Connect what the recipients need (bot, user client), send, disconnect."""
    needs_user = SELF in recipients(settings) or settings.digest.send_as == "user"
    user = create_client(settings) if needs_user else None
    senders = await open_senders(settings, database, user, answer_commands=False)
    try:
        if user is not None:
            await user.connect()
            if not await user.is_user_authorized():
                raise DeliveryError("the user client is not logged in: run `dronewatch login`")
        service = DigestService(settings, database, senders.sender)
        return await service.send_day(day, force=True)
    finally:
        await senders.close()
        if user is not None:
            await user.disconnect()
