"""Both ends of a request to the daemon: the daemon serving them, a command asking.

One process owns the Telegram session: while a daemon runs, a command that needs
Telegram (`dronewatch digest --send`) leaves a request in the database and waits for
the answer instead of opening the session itself (which fails with "database is
locked"). See `store.requests` for the states a request moves through.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dronewatch.store import Database
from dronewatch.store import requests as stored
from dronewatch.store import status as state

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], Awaitable[list[Any]]]
Clock = Callable[[], datetime]

POLL_SECONDS = 1.0
# A running daemon takes a request within a poll; this long without it means it is stuck.
CLAIM_TIMEOUT_SECONDS = 60.0


async def serve_requests(
    database: Database, handlers: dict[str, Handler], clock: Clock, *, every: float = POLL_SECONDS
) -> None:
    """Claim and answer requests, one at a time, until cancelled."""
    while True:
        try:
            request = await asyncio.to_thread(_claim, database, clock)
        except Exception as error:  # the database is away: the writer says so, try later
            log.debug("requests not read: %s", error)
            request = None
        if request is None:
            await asyncio.sleep(every)
            continue
        result: list[Any] | None = None
        error_text: str | None = None
        handler = handlers.get(request.kind)
        try:
            if handler is None:
                raise ValueError(f"this daemon does not handle {request.kind!r} requests")
            log.info("request %d (%s) from the command line", request.id, request.kind)
            result = await handler(request.arguments)
        except Exception as error:
            log.exception("request %d (%s) failed", request.id, request.kind)
            error_text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        while True:  # the command waits for this answer: keep trying while the daemon lives
            try:
                await asyncio.to_thread(_finish, database, request.id, clock(), result, error_text)
                break
            except Exception as error:
                log.warning("request %d: answer not stored yet (%s); retrying", request.id, error)
                await asyncio.sleep(every)


def _claim(database: Database, clock: Clock) -> stored.Request | None:
    with database.session() as session:
        return stored.claim_next(session, clock())


def _finish(
    database: Database, request_id: int, now: datetime, result: list[Any] | None, error: str | None
) -> None:
    with database.session() as session:
        stored.finish(session, request_id, now, result=result, error=error)


class RequestError(Exception):
    """The daemon did not answer a request with a result."""


class NotTakenError(RequestError):
    """The daemon never took the request, which is withdrawn: nothing was done."""


class LeftWithDaemonError(RequestError):
    """The daemon took the request but the answer did not come back; it may have acted."""


class RequestFailedError(RequestError):
    """The daemon took the request and the work failed; the message is the daemon's."""


@dataclass(frozen=True)
class Asking:
    """How a command waits: the clock, how often it looks, and how it sleeps."""

    clock: Clock
    every: float = 0.5
    claim_timeout: float = CLAIM_TIMEOUT_SECONDS
    sleep: Callable[[float], None] = time.sleep


def ask(database: Database, kind: str, arguments: dict[str, Any], asking: Asking) -> list[Any]:
    """Leave a request for the running daemon and wait for its answer.

    Waits as long as the daemon is alive and working on it. Raises `NotTakenError`
    when the daemon stops, or does not take the request in `claim_timeout`, before
    taking it (the request is withdrawn, so it never runs behind the user's back);
    `LeftWithDaemonError` when it stops after taking it, or the wait is interrupted
    then; `RequestFailedError` when the work failed. Interrupted before the daemon
    took it, the request is withdrawn and KeyboardInterrupt goes on up.
    """
    with database.session() as session:
        request_id = stored.submit(session, kind, arguments, asking.clock())
    started = time.monotonic()
    try:
        while True:
            asking.sleep(asking.every)
            with database.session() as session:
                current = stored.state(session, request_id)
                alive = state.daemon_liveness(session, asking.clock()).running
            if current is None:
                raise NotTakenError("the request was withdrawn before the daemon took it")
            if current.done_at is not None:
                if current.error is not None:
                    raise RequestFailedError(current.error)
                return current.result or []
            if current.claimed_at is None:
                waited = time.monotonic() - started
                if (not alive or waited > asking.claim_timeout) and _withdraw(database, request_id):
                    why = "is not running" if not alive else f"did not take it in {waited:.0f} s"
                    raise NotTakenError(f"the daemon {why}; nothing was done")
            elif not alive:
                raise LeftWithDaemonError(
                    "the daemon stopped while working on the request; "
                    "`dronewatch status` and its log show how it ended"
                )
    except KeyboardInterrupt:
        if _withdraw(database, request_id):
            raise  # withdrawn: nothing was done, and nothing will be
        raise LeftWithDaemonError(
            "interrupted: the daemon had already taken the request and finishes it"
        ) from None


def _withdraw(database: Database, request_id: int) -> bool:
    with database.session() as session:
        return stored.withdraw(session, request_id)
