"""The daemon's timetable and errands: scheduled jobs, and work asked of it on request.

The scheduler runs on the daemon's own event loop, so a job can use the daemon's
Telegram client and database. It starts once the client is first connected and
shuts down with the daemon. `DigestOnRequest` sends a digest that
`dronewatch digest --send` asked for, through the same senders and the same
exactly-once bookkeeping as the scheduled one. The alerts go through those senders too.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from dronewatch.config import Settings
from dronewatch.daemon.client import TelegramClientLike, bot_client
from dronewatch.store import Database

if TYPE_CHECKING:
    from dronewatch.alerts.service import AlertService
    from dronewatch.digest.delivery import Sender
    from dronewatch.digest.schedule import DigestService

log = logging.getLogger(__name__)

Closer = Callable[[], Awaitable[None]]


@dataclass
class Jobs:
    """What `attach_jobs` set up: what to close at exit, the digest's service, the alerts'."""

    closers: list[Closer] = field(default_factory=list)
    digest: DigestService | None = None
    alerts: AlertService | None = None


async def attach_jobs(
    scheduler: AsyncIOScheduler,
    settings: Settings,
    database: Database,
    client: TelegramClientLike,
) -> Jobs:
    """Add every scheduled job to the daemon's scheduler, and set up the alerts.

    The digest (unless `[digest] enabled = false`) and the alerts (with `[[alerts]]`
    rules) go through the user's client (to "me") and, when `[digest] bot_token` is set,
    through the bot (to chat ids), which also answers the recipients' /today, /week...
    commands. A bot that cannot log in is logged; the daemon goes on and the digest
    reports what it could not send.
    """
    if not settings.digest.enabled:
        log.info("digest disabled ([digest] enabled = false)")
        if not settings.alerts:
            return Jobs()
    # Imported here: the digest's chart brings matplotlib, 40 MB a daemon without
    # a digest has no use for.
    from dronewatch.alerts.service import AlertService
    from dronewatch.digest.bot import open_senders
    from dronewatch.digest.delivery import DeliveryError, RoutingSender, TelethonSender
    from dronewatch.digest.schedule import attach_digest_jobs

    jobs = Jobs()
    sender: Sender
    try:
        senders = await open_senders(settings, database, client, new_bot=bot_client)
    except DeliveryError as error:
        log.error("digest: %s", error)
        sender = RoutingSender(
            user=TelethonSender(client), ids_as_user=settings.digest.send_as == "user"
        )
    else:
        sender = senders.sender
        jobs.closers.append(senders.close)
    if settings.digest.enabled:
        jobs.digest = attach_digest_jobs(scheduler, settings, database, sender)
    if settings.alerts:
        jobs.alerts = AlertService(settings, database, sender)
    return jobs


class DigestOnRequest:
    """Sends the digest a command asked for: `{"day": "YYYY-MM-DD", "force": bool}`.

    With the scheduled digest's service when there is one; else (digest disabled)
    with senders opened for the occasion and closed after.
    """

    def __init__(self, settings: Settings, database: Database, client: TelegramClientLike) -> None:
        self.settings = settings
        self.database = database
        self.client = client
        self.service: DigestService | None = None

    async def __call__(self, arguments: dict[str, Any]) -> list[Any]:
        from dronewatch.digest.bot import open_senders
        from dronewatch.digest.schedule import DigestService

        day = date.fromisoformat(str(arguments["day"]))
        force = bool(arguments.get("force", False))
        if self.service is not None:
            deliveries = await self.service.send_day(day, force=force)
        else:
            senders = await open_senders(
                self.settings, self.database, self.client, new_bot=bot_client, answer_commands=False
            )
            try:
                service = DigestService(self.settings, self.database, senders.sender)
                deliveries = await service.send_day(day, force=force)
            finally:
                await senders.close()
        return [delivery.as_json() for delivery in deliveries]
