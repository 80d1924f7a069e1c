"""Who each day's digest went to: claims taken before sending, and what became of them.

A digest row moves through three states:
  in flight: sent_at NULL, last_error NULL  (claimed; a sender is working on it)
  failed:    sent_at NULL, last_error set   (the last attempt failed)
  sent:      sent_at set                    (never sent again unless forced)
The holder refreshes claimed_at before every attempt. A failed row whose claim is
older than the lease may be claimed again; an in-flight row is never taken over,
because its message may already have gone out. Both ways to claim (insert a new
row, or update a claimable one) are single statements the database makes atomic,
so two processes sharing it can never both hold a claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from dronewatch.store.models import Digest


@dataclass(frozen=True, slots=True)
class Claim:
    """A held right to send one digest to one recipient."""

    digest_id: int
    day: date
    recipient: str


@dataclass(frozen=True, slots=True)
class DigestState:
    day: date
    recipient: str
    claimed_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    """The claim, or the row that stands in the way of one."""

    claim: Claim | None = None
    existing: DigestState | None = None


def claim_digest(
    session: Session,
    day: date,
    recipient: str,
    now: datetime,
    *,
    stale_before: datetime,
    max_attempts: int,
    force: bool = False,
) -> ClaimOutcome:
    """Take the right to send `day`'s digest to `recipient`, if nobody holds or used it.

    `force` also takes a sent or exhausted row (a resend the user asked for), never one
    another process is sending. The caller commits before sending.
    """
    dialect = session.get_bind().dialect.name
    statement = postgresql.insert(Digest) if dialect == "postgresql" else sqlite.insert(Digest)
    digest_id = session.scalar(
        statement.values(day=day, recipient=recipient, claimed_at=now, attempts=0)
        .on_conflict_do_nothing(index_elements=["day", "recipient"])
        .returning(Digest.id)
    )
    if digest_id is not None:
        return ClaimOutcome(Claim(digest_id, day, recipient))
    in_flight = and_(
        Digest.sent_at.is_(None), Digest.last_error.is_(None), Digest.claimed_at > stale_before
    )
    claimable = (
        ~in_flight
        if force
        else and_(
            Digest.sent_at.is_(None),
            Digest.last_error.is_not(None),
            Digest.claimed_at <= stale_before,
            Digest.attempts < max_attempts,
        )
    )
    digest_id = session.scalar(
        update(Digest)
        .where(Digest.day == day, Digest.recipient == recipient, claimable)
        .values(claimed_at=now, sent_at=None, last_error=None)
        .returning(Digest.id)
        .execution_options(synchronize_session=False)
    )
    if digest_id is not None:
        return ClaimOutcome(Claim(digest_id, day, recipient))
    row = session.scalars(
        select(Digest).where(Digest.day == day, Digest.recipient == recipient)
    ).one()
    return ClaimOutcome(existing=_state(row))


def touch_claim(session: Session, claim: Claim, *, now: datetime) -> None:
    """Mark the row in flight for the attempt about to start (and renew the lease)."""
    _update(session, claim, claimed_at=now, last_error=None)


def record_failure(session: Session, claim: Claim, error: str) -> None:
    """Count a failed attempt; once the lease runs out the row may be claimed again."""
    _update(session, claim, attempts=Digest.attempts + 1, last_error=error[:2000])


def record_sent(session: Session, claim: Claim, *, now: datetime) -> None:
    """Close the row: this digest never goes to this recipient again."""
    _update(session, claim, attempts=Digest.attempts + 1, sent_at=now, last_error=None)


def _update(session: Session, claim: Claim, **values: Any) -> None:
    session.execute(
        update(Digest)
        .where(Digest.id == claim.digest_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def digest_states(session: Session, day: date | None = None) -> list[DigestState]:
    """Delivery rows, of one day or the latest first."""
    query = select(Digest).order_by(Digest.day.desc(), Digest.recipient)
    if day is not None:
        query = query.where(Digest.day == day)
    return [_state(row) for row in session.scalars(query.limit(100))]


def _state(row: Digest) -> DigestState:
    return DigestState(
        row.day, row.recipient, row.claimed_at, row.sent_at, row.attempts, row.last_error
    )
