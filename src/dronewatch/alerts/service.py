"""The daemon's alert loop: every couple of seconds, new reports against the rules.

The daemon owns the Telegram session, so it alone sends alerts, through the digest's
senders and `deliver` (the same routing, retries and permanent-error handling). Each
look reads the current reports stored since the last one (and a minute before, for
transactions that committed late); the first look after a start reads those stored in
the last `MAX_AGE`, so a post stored just before a crash is not missed. Only posts
published or edited within `MAX_AGE` alert. A report is looked at once; an alert is recorded in the
database before it is sent, once per post, rule and recipient, so an edit that still
matches, a restart or a second daemon never sends it again. A send cut off by a crash
is not repeated (it may have gone out); a failed one is recorded with its error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from dronewatch.alerts.message import alert_html
from dronewatch.alerts.rules import Match, matches
from dronewatch.config import Settings
from dronewatch.digest.delivery import (
    DeliveryError,
    Outgoing,
    Sender,
    Sleep,
    deliver,
    describe,
    recipients,
)
from dronewatch.store import Database
from dronewatch.store import alerts as stored
from dronewatch.store.digests import PeriodReport
from dronewatch.store.types import utcnow

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0
# Posts whose newest version is older than this when first seen (catch-up after a long
# downtime, imports, re-parsed history) never alert: the digest reports them.
MAX_AGE = timedelta(hours=6)
# Each look reads this far back again: a batch is stamped before its transaction commits.
OVERLAP = timedelta(seconds=60)

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class AlertDelivery:
    """What happened to one alert: "sent" or "failed"."""

    rule: str
    post_id: int
    recipient: str
    status: str
    detail: str = ""


class AlertService:
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
        self.kinds = tuple(sorted({kind for rule in settings.alerts for kind in rule.kinds}))
        self._cursor: datetime | None = None  # when the newest report read was stored
        self._seen: set[tuple[int, datetime]] = set()  # reports read within OVERLAP of it

    async def run(self, poll_seconds: float = POLL_SECONDS) -> None:
        """Look for new matches until cancelled; a failed look is logged and retried."""
        log.info("alerts: %d rule(s), sent to %d recipient(s)", len(self.settings.alerts),
                 len(recipients(self.settings)))  # fmt: skip
        while True:
            try:
                await self.check()
            except Exception:
                log.exception("alerts: looking for new matches failed; retrying")
            await asyncio.sleep(poll_seconds)

    async def check(self) -> list[AlertDelivery]:
        """Send the alerts of the reports stored since the last look."""
        now = self.clock()
        reports = await asyncio.to_thread(self._unseen, now)
        deliveries = []
        for report in reports:
            for found in matches(self.settings.alerts, report):
                for recipient in recipients(self.settings):
                    delivery = await self._send(found, recipient)
                    if delivery is not None:
                        deliveries.append(delivery)
        return deliveries

    def _unseen(self, now: datetime) -> list[PeriodReport]:
        """Reports of fresh posts stored since the last look and not looked at yet."""
        since = now - MAX_AGE if self._cursor is None else self._cursor - OVERLAP
        with self.database.session() as session:
            found = stored.reports_stored(
                session, self.kinds, since=since, fresh_since=now - MAX_AGE
            )
        fresh = [r for r in found if (r.report_id, r.stored_at) not in self._seen]
        if found:
            newest = max(report.stored_at for report in found)
            self._cursor = max(self._cursor or newest, newest)
        elif self._cursor is None:
            self._cursor = since
        self._seen.update((report.report_id, report.stored_at) for report in fresh)
        floor = self._cursor - OVERLAP
        self._seen = {seen for seen in self._seen if seen[1] > floor}
        return fresh

    async def _send(self, found: Match, recipient: str) -> AlertDelivery | None:
        """Claim and send one alert; None when it was claimed before."""
        report, rule = found.report, found.rule.name
        message = alert_html(found, self.settings.digest.zone)

        def claim() -> int | None:
            with self.database.session() as session:
                return stored.record_alert(
                    session,
                    post_id=report.post_id,
                    rule=rule,
                    recipient=recipient,
                    report_id=report.report_id,
                    message=message,
                    now=self.clock(),
                )

        alert_id = await asyncio.to_thread(claim)
        if alert_id is None:
            return None
        what = f"alert {rule!r} on post {report.message_id}"
        try:
            await deliver(
                self.sender, recipient, Outgoing((message,), None, ""), sleep=self.sleep, what=what
            )
        except DeliveryError as error:
            log.error("%s", error)
            await self._record(stored.record_failure, alert_id, describe(error))
            return AlertDelivery(rule, report.post_id, recipient, "failed", str(error))
        await self._record(stored.record_sent, alert_id, self.clock())
        log.info("%s sent to %s", what, recipient)
        return AlertDelivery(rule, report.post_id, recipient, "sent")

    async def _record(self, change: Callable[..., None], *arguments: object) -> None:
        def write() -> None:
            with self.database.session() as session:
                change(session, *arguments)

        await asyncio.to_thread(write)
