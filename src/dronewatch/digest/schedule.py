"""When digests go out, and the guarantee that each goes out exactly once.

The daemon calls one function:

    attach_digest_jobs(scheduler, settings, database, sender, *, clock=utcnow) -> DigestService

It adds to an APScheduler 3.x `AsyncIOScheduler` (running on the daemon's loop) a cron
job at the digest time in the configured zone, a job that runs once at start (a digest
missed while the daemon was down goes out then), and a retry job for failed sends.
All three call `DigestService.send_due`, which is safe to call any number of times
from any number of processes: a digest row (day, recipient) is claimed in the
database before sending (the unique constraint makes the claim atomic) and marked
sent after, so a restart never sends a day twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session

from dronewatch.config import Settings
from dronewatch.digest.build import prepare_outgoing
from dronewatch.digest.delivery import (
    DeliveryError,
    Outgoing,
    Sender,
    Sleep,
    deliver,
    describe,
    recipients,
)
from dronewatch.reporting import latest_ended
from dronewatch.store import Database
from dronewatch.store import deliveries as claims
from dronewatch.store.types import utcnow

log = logging.getLogger(__name__)

# Posts published just before the digest time reach the database a little later.
SETTLE = timedelta(minutes=1)
MISFIRE_GRACE_SECONDS = 6 * 3600
RETRY_EVERY = timedelta(minutes=30)
# A claim not marked sent within this time belongs to a process that stopped.
LEASE = timedelta(minutes=30)
MAX_ATTEMPTS = 12

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Delivery:
    """What happened to one recipient's digest in one pass."""

    day: date
    recipient: str
    # "sent", "failed", "already sent", "failed earlier", "in progress elsewhere",
    # "in doubt" (a stopped process may have sent it) or "gave up"
    status: str
    detail: str = ""

    def as_json(self) -> dict[str, str]:
        """The delivery as the daemon hands it back to a command (see `daemon.requests`)."""
        return {
            "day": self.day.isoformat(),
            "recipient": self.recipient,
            "status": self.status,
            "detail": self.detail,
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Delivery:
        return cls(
            date.fromisoformat(data["day"]), data["recipient"], data["status"], data["detail"]
        )


class DigestService:
    """Builds, claims and sends digests; every entry point is idempotent."""

    def __init__(
        self,
        settings: Settings,
        database: Database,
        sender: Sender,
        *,
        clock: Clock = utcnow,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.settings = settings
        self.database = database
        self.sender = sender
        self.clock = clock
        self.sleep = sleep
        self._lock = asyncio.Lock()

    def due_day(self) -> date:
        digest = self.settings.digest
        return latest_ended(self.clock(), digest.day_starts, digest.zone)

    async def send_due(self) -> list[Delivery]:
        """Send the newest digest whose period has ended to everyone who lacks it."""
        return await self.send_day(self.due_day())

    async def send_day(self, day: date, *, force: bool = False) -> list[Delivery]:
        """Send `day`'s digest to every configured recipient not yet served.

        With `force` (the user asked on the command line) a digest already sent is
        sent again; one in flight in another process is still left alone.
        """
        async with self._lock:  # the cron, start and retry jobs never overlap
            targets = recipients(self.settings)
            if not targets:
                log.warning("digest: no recipients configured (digest.recipients), nothing sent")
                return []
            outgoing: Outgoing | None = None
            results = []
            for recipient in targets:
                claim = await asyncio.to_thread(self._claim, day, recipient, force)
                if isinstance(claim, Delivery):
                    results.append(claim)
                    continue
                if outgoing is None:
                    outgoing = await asyncio.to_thread(
                        prepare_outgoing, self.database, self.settings, day
                    )
                results.append(await self._send(claim, outgoing))
            return results

    def _claim(self, day: date, recipient: str, force: bool) -> claims.Claim | Delivery:
        """The claim, or why there is none (as the delivery's outcome)."""
        now = self.clock()
        with self.database.session() as session:
            outcome = claims.claim_digest(
                session,
                day,
                recipient,
                now,
                stale_before=now - LEASE,
                max_attempts=MAX_ATTEMPTS,
                force=force,
            )
        if outcome.claim is not None:
            return outcome.claim
        state = outcome.existing
        assert state is not None
        if state.sent_at is not None:
            status, detail = "already sent", f"at {state.sent_at:%Y-%m-%d %H:%M} UTC"
        elif state.attempts >= MAX_ATTEMPTS and state.last_error is not None:
            status, detail = "gave up", f"after {state.attempts} attempts: {state.last_error}"
            log.error("digest %s to %s: gave up %s", day, recipient, detail)
        elif state.last_error is None and state.claimed_at <= now - LEASE:
            # Claimed, never marked sent or failed: the process stopped mid-send. The
            # message may have gone out; sending again could duplicate it.
            status = "in doubt"
            detail = (
                f"claimed at {state.claimed_at:%Y-%m-%d %H:%M} UTC by a process that stopped "
                f"while sending; not resent (dronewatch digest --date {day} --send resends)"
            )
            log.warning("digest %s to %s: %s", day, recipient, detail)
        elif state.last_error is not None:
            retry_at = state.claimed_at + LEASE
            status = "failed earlier"
            detail = f"{state.last_error}; retried after {retry_at:%Y-%m-%d %H:%M} UTC"
        else:
            status, detail = "in progress elsewhere", f"claimed at {state.claimed_at:%H:%M} UTC"
        return Delivery(day, recipient, status, detail)

    async def _send(self, claim: claims.Claim, outgoing: Outgoing) -> Delivery:
        async def before_attempt(_attempt: int) -> None:
            await self._record(partial(claims.touch_claim, claim=claim, now=self.clock()))

        async def on_failure(_attempt: int, error: BaseException) -> None:
            await self._record(partial(claims.record_failure, claim=claim, error=describe(error)))

        try:
            await deliver(
                self.sender,
                claim.recipient,
                outgoing,
                sleep=self.sleep,
                before_attempt=before_attempt,
                on_failure=on_failure,
            )
        except DeliveryError as error:
            log.error("digest %s: %s", claim.day, error)
            return Delivery(claim.day, claim.recipient, "failed", str(error))
        await self._record(partial(claims.record_sent, claim=claim, now=self.clock()))
        log.info("digest %s sent to %s", claim.day, claim.recipient)
        return Delivery(claim.day, claim.recipient, "sent")

    async def _record(self, change: Callable[[Session], None]) -> None:
        def write() -> None:
            with self.database.session() as session:
                change(session)

        await asyncio.to_thread(write)


def attach_digest_jobs(
    scheduler: AsyncIOScheduler,
    settings: Settings,
    database: Database,
    sender: Sender,
    *,
    clock: Clock = utcnow,
) -> DigestService:
    """Schedule the daily digest on the daemon's scheduler; returns the service behind it.

    Adds nothing when `[digest] enabled` is false or there are no recipients (logged).
    Jobs: "digest" (cron at the digest time plus a minute's settling, in the configured
    zone, misfire grace and coalescing), "digest-catch-up" (once, now) and
    "digest-retry" (every 30 minutes, for sends that failed).
    """
    service = DigestService(settings, database, sender, clock=clock)
    digest = settings.digest
    if not digest.enabled:
        log.info("digest disabled ([digest] enabled = false)")
        return service
    if not recipients(settings):
        log.warning("digest: digest.recipients is empty, no digest will be sent")
        return service
    send_at = (datetime.combine(date(2000, 1, 1), digest.time) + SETTLE).time()
    scheduler.add_job(
        service.send_due,
        CronTrigger(
            hour=send_at.hour, minute=send_at.minute, second=send_at.second, timezone=digest.zone
        ),
        id="digest",
        name="daily digest",
        replace_existing=True,
        misfire_grace_time=MISFIRE_GRACE_SECONDS,
        coalesce=True,
        max_instances=1,
    )
    scheduler.add_job(
        service.send_due,
        id="digest-catch-up",
        name="digest missed while stopped",
        replace_existing=True,
        misfire_grace_time=None,
    )
    scheduler.add_job(
        service.send_due,
        IntervalTrigger(seconds=RETRY_EVERY.total_seconds(), timezone=digest.zone),
        id="digest-retry",
        name="digest retry",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )
    log.info(
        "digest: daily at %s %s to %d recipient(s)",
        digest.time.strftime("%H:%M"),
        digest.timezone,
        len(recipients(settings)),
    )
    return service
