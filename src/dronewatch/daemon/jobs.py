"""The daemon's timetable: the one place scheduled features attach their jobs.

The scheduler runs on the daemon's own event loop, so a job can use the daemon's
Telegram client and database. It starts once the client is first connected and
shuts down with the daemon.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from dronewatch.config import Settings
from dronewatch.daemon.client import TelegramClientLike
from dronewatch.store import Database

log = logging.getLogger(__name__)

Closer = Callable[[], Awaitable[None]]


async def attach_jobs(
    scheduler: AsyncIOScheduler,
    settings: Settings,
    database: Database,
    client: TelegramClientLike,
) -> list[Closer]:
    """Add every scheduled job to the daemon's scheduler; returns what to close at exit.

    The digest (unless `[digest] enabled = false`) goes through the user's client
    (to "me") and, when `[digest] bot_token` is set, through the bot (to chat ids),
    which also answers the recipients' /today, /week... commands. A bot that cannot
    log in is logged; the daemon goes on and the digest reports what it could not send.
    """
    if not settings.digest.enabled:
        log.info("digest disabled ([digest] enabled = false)")
        return []
    # Imported here: the digest's chart brings matplotlib, 40 MB a daemon without
    # a digest has no use for.
    from dronewatch.digest.bot import open_senders
    from dronewatch.digest.delivery import DeliveryError, RoutingSender, TelethonSender
    from dronewatch.digest.schedule import attach_digest_jobs

    try:
        senders = await open_senders(settings, database, client)
    except DeliveryError as error:
        log.error("digest: %s", error)
        sender = RoutingSender(
            user=TelethonSender(client), ids_as_user=settings.digest.send_as == "user"
        )
        attach_digest_jobs(scheduler, settings, database, sender)
        return []
    attach_digest_jobs(scheduler, settings, database, senders.sender)
    return [senders.close]
