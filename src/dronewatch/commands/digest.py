"""`dronewatch digest`: the digest of a day in the terminal, its chart, and sending it now."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Annotated

import typer

from dronewatch.commands.context import EXIT_CONFIG, AppContext, app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.telegram import telegram_client
from dronewatch.config import Settings
from dronewatch.daemon.client import DronewatchClient, bot_client
from dronewatch.daemon.requests import Asking, NotTakenError, RequestError, ask
from dronewatch.digest.bot import open_senders
from dronewatch.digest.build import build_summary, write_chart
from dronewatch.digest.delivery import SELF, DeliveryError, recipients
from dronewatch.digest.render import digest_lines, to_rich
from dronewatch.digest.schedule import Delivery, DigestService
from dronewatch.digest.summary import Summary
from dronewatch.reporting import latest_ended
from dronewatch.store import Database
from dronewatch.store import status as state
from dronewatch.store.types import utcnow


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
            help="The digest's reporting day (it ends at digest.day_starts that day). "
            "Default: the latest complete one.",
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Also deliver it to the configured recipients who have not had it yet "
            "(through the daemon when one is running).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="With --send: send it again to recipients who had it."),
    ] = False,
) -> None:
    """Print a day's digest and write its chart; with --send, deliver it now."""
    context = app_context(ctx)
    if force and not send:
        context.fail("--force only goes with --send", EXIT_CONFIG)
    settings = context.settings
    config = settings.digest
    target = day.date() if day else latest_ended(utcnow(), config.day_starts, config.zone)
    if target > utcnow().astimezone(config.zone).date():
        context.say(f"warning: {target} is in the future: its digest is empty or incomplete")
    with opened_store(context, create=send) as database:
        show_digest(context, build_summary(database, config, target))
        if send:
            _send(context, database, target, force)


def _send(context: AppContext, database: Database, day: date, force: bool) -> None:
    """Deliver once per recipient: the daemon sends when it runs (it owns the session)."""
    settings = context.settings
    if not recipients(settings):
        context.fail("digest.recipients is empty: nobody to send the digest to")
    results = _through_daemon(context, database, day, force) if _daemon_runs(database) else None
    if results is None:
        results = _send_here(context, database, day, force)
    for result in results:
        detail = f" ({result.detail})" if result.detail else ""
        context.say(f"{result.day} to {result.recipient}: {result.status}{detail}")
    if any(result.status == "already sent" for result in results):
        context.say("each digest goes to each recipient once; --force sends it again")
    if any(result.status not in ("sent", "already sent") for result in results):
        raise typer.Exit(1)


def _daemon_runs(database: Database) -> bool:
    with database.session() as session:
        return state.daemon_liveness(session, utcnow()).running


def _through_daemon(
    context: AppContext, database: Database, day: date, force: bool
) -> list[Delivery] | None:
    """The daemon's deliveries; None when it stopped before taking the request."""
    context.say("the daemon is running: it sends the digest; waiting for it")
    try:
        answer = ask(database, "digest", {"day": day.isoformat(), "force": force}, Asking(utcnow))
    except NotTakenError as error:
        if _daemon_runs(database):
            context.fail(str(error))
        context.say(f"{error}: sending it from here")
        return None
    except RequestError as error:
        context.fail(str(error))
    return [Delivery.from_json(item) for item in answer]


def _send_here(context: AppContext, database: Database, day: date, force: bool) -> list[Delivery]:
    context.telegram_credentials()
    settings = context.settings
    needs_user = SELF in recipients(settings) or settings.digest.send_as == "user"
    user = telegram_client(context) if needs_user else None
    try:
        return asyncio.run(_deliver(settings, database, user, day, force))
    except DeliveryError as error:
        context.fail(str(error))


async def _deliver(
    settings: Settings, database: Database, user: DronewatchClient | None, day: date, force: bool
) -> list[Delivery]:
    """Connect what the recipients need (bot, user client), send, disconnect."""
    senders = await open_senders(
        settings, database, user, new_bot=bot_client, answer_commands=False
    )
    try:
        if user is not None:
            await user.connect()
            if not await user.is_user_authorized():
                raise DeliveryError("the user client is not logged in: run `dronewatch login`")
        service = DigestService(settings, database, senders.sender)
        return await service.send_day(day, force=force)
    finally:
        await senders.close()
        if user is not None:
            await user.disconnect()
