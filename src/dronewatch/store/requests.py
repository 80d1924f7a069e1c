"""Requests a command leaves for the running daemon, and the daemon's answers.

The daemon owns the Telegram session (Telethon keeps it in a SQLite file that one
process at a time can use), so a command that needs Telegram while the daemon runs
asks it through the database. A request moves through three states:
    waiting:  claimed_at NULL           (the command may still withdraw it)
    claimed:  claimed_at set            (the daemon is working on it)
    done:     done_at set, with result or error
Claiming and withdrawing are single conditional statements, so a request is either
withdrawn by its command or taken by exactly one daemon, never both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from dronewatch.store.models import DaemonRequest


@dataclass(frozen=True, slots=True)
class Request:
    id: int
    kind: str
    arguments: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RequestState:
    claimed_at: datetime | None
    done_at: datetime | None
    result: list[Any] | None
    error: str | None


def submit(session: Session, kind: str, arguments: dict[str, Any], now: datetime) -> int:
    """Leave a request for the daemon; its id."""
    row = DaemonRequest(kind=kind, arguments=arguments, created_at=now)
    session.add(row)
    session.flush()
    return row.id


def claim_next(session: Session, now: datetime) -> Request | None:
    """Take the oldest waiting request, if any; another daemon can never take it too."""
    while True:
        row = session.execute(
            select(DaemonRequest.id, DaemonRequest.kind, DaemonRequest.arguments)
            .where(DaemonRequest.claimed_at.is_(None))
            .order_by(DaemonRequest.id)
            .limit(1)
        ).first()
        if row is None:
            return None
        taken = session.execute(
            update(DaemonRequest)
            .where(DaemonRequest.id == row.id, DaemonRequest.claimed_at.is_(None))
            .values(claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount:  # type: ignore[attr-defined]
            return Request(row.id, row.kind, dict(row.arguments))


def finish(
    session: Session,
    request_id: int,
    now: datetime,
    *,
    result: list[Any] | None = None,
    error: str | None = None,
) -> None:
    session.execute(
        update(DaemonRequest)
        .where(DaemonRequest.id == request_id)
        .values(done_at=now, result=result, error=error)
        .execution_options(synchronize_session=False)
    )


def state(session: Session, request_id: int) -> RequestState | None:
    row = session.get(DaemonRequest, request_id, populate_existing=True)
    if row is None:
        return None
    return RequestState(row.claimed_at, row.done_at, row.result, row.error)


def withdraw(session: Session, request_id: int) -> bool:
    """Delete a request nobody has claimed yet; False when the daemon already took it."""
    gone = session.execute(
        delete(DaemonRequest).where(
            DaemonRequest.id == request_id, DaemonRequest.claimed_at.is_(None)
        )
    )
    return bool(gone.rowcount)  # type: ignore[attr-defined]
