"""Exactly once: across restarts, after a missed run, under failures and concurrency."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from digest_scenario import DAY, Clock, FakeSender, load_known_day, msk, no_sleep, settings_with
from telethon import errors

from dronewatch.config import Settings
from dronewatch.digest.build import prepare_outgoing
from dronewatch.digest.schedule import DigestService, attach_digest_jobs
from dronewatch.store import Database, open_database
from dronewatch.store import deliveries as claims


def service(
    settings: Settings, database: Database, sender: FakeSender, clock: Clock
) -> DigestService:
    return DigestService(settings, database, sender, clock=clock, sleep=no_sleep)


def states(database: Database) -> dict[tuple[str, str], claims.DigestState]:
    with database.session() as session:
        return {(str(s.day), s.recipient): s for s in claims.digest_states(session)}


async def test_sent_once_and_never_again_after_a_restart(known_database: Database) -> None:
    settings = settings_with(recipients=["me", 4242])
    sender, clock = FakeSender(), Clock(msk(8, 8, 1))
    results = await service(settings, known_database, sender, clock).send_due()
    assert [(r.recipient, r.status) for r in results] == [("me", "sent"), ("4242", "sent")]
    photos = [call for call in sender.calls if call[0] == "photo"]
    assert [recipient for _, recipient, _ in photos] == ["me", "4242"]
    assert sender.calls[0][2].startswith("<b>Drone digest · Mon 8 June 2026</b>")
    sent = states(known_database)
    assert sent[("2026-06-08", "me")].sent_at == clock.now
    assert sent[("2026-06-08", "me")].attempts == 1

    calls = len(sender.calls)
    clock.advance(minutes=5)
    restarted = service(settings, known_database, sender, clock)  # a new process, same database
    again = await restarted.send_due()
    assert {r.status for r in again} == {"already sent"}
    clock.advance(hours=20)  # still the same due day
    assert {r.status for r in await restarted.send_due()} == {"already sent"}
    assert len(sender.calls) == calls


async def test_a_missed_digest_is_sent_on_start(known_database: Database) -> None:
    settings = settings_with()
    sender = FakeSender()
    clock = Clock(msk(8, 13, 30))  # the daemon was down at 08:00
    results = await service(settings, known_database, sender, clock).send_due()
    assert [(r.day, r.status) for r in results] == [(DAY, "sent")]
    clock.now = msk(9, 7, 0)  # next morning before the digest time: nothing new is due
    assert {
        r.status for r in await service(settings, known_database, sender, clock).send_due()
    } == {"already sent"}


async def test_transient_failures_are_retried_without_resending_parts(
    known_database: Database,
) -> None:
    settings = settings_with()
    sender = FakeSender(failures=[ConnectionError("reset"), TimeoutError()])
    results = await service(settings, known_database, sender, Clock(msk(8, 8, 1))).send_due()
    assert [r.status for r in results] == ["sent"]
    messages = prepare_outgoing(known_database, settings, DAY).messages
    kinds = [kind for kind, _, _ in sender.calls]
    assert kinds == ["text"] * len(messages) + ["photo"]
    row = states(known_database)[("2026-06-08", "me")]
    assert (row.attempts, row.last_error, row.sent_at is not None) == (3, None, True)


async def test_a_failed_digest_is_retried_after_the_lease(known_database: Database) -> None:
    settings = settings_with()
    sender = FakeSender(failures=[ConnectionError("down")] * 4)
    clock = Clock(msk(8, 8, 1))
    digest = service(settings, known_database, sender, clock)
    assert [r.status for r in await digest.send_due()] == ["failed"]
    row = states(known_database)[("2026-06-08", "me")]
    assert row.sent_at is None
    assert row.attempts == 4
    assert "down" in (row.last_error or "")
    clock.advance(minutes=5)
    assert [r.status for r in await digest.send_due()] == ["failed earlier"]
    assert sender.calls == []
    clock.advance(minutes=30)
    assert [r.status for r in await digest.send_due()] == ["sent"]
    assert states(known_database)[("2026-06-08", "me")].attempts == 5


async def test_permanent_errors_are_not_retried(known_database: Database) -> None:
    settings = settings_with(recipients=[4242, 777])
    sender = FakeSender(failures=[errors.UserIsBlockedError(request=None)])
    results = await service(settings, known_database, sender, Clock(msk(8, 8, 1))).send_due()
    assert [(r.recipient, r.status) for r in results] == [("4242", "failed"), ("777", "sent")]
    assert states(known_database)[("2026-06-08", "4242")].attempts == 1


async def test_a_send_cut_off_by_a_crash_is_never_repeated(known_database: Database) -> None:
    clock = Clock(msk(8, 8, 1))
    with known_database.session() as session:  # a process claimed it, then died mid-send
        claims.claim_digest(session, DAY, "me", clock.now, stale_before=clock.now, max_attempts=12)
    clock.advance(hours=2)
    sender = FakeSender()
    results = await service(settings_with(), known_database, sender, clock).send_due()
    assert [r.status for r in results] == ["in doubt"]
    assert sender.calls == []
    forced = await service(settings_with(), known_database, sender, clock).send_day(DAY, force=True)
    assert [r.status for r in forced] == ["sent"]


async def test_two_processes_racing_send_once(database_url: str) -> None:
    first, second = open_database(database_url), open_database(database_url)
    try:
        load_known_day(first)
        sender, clock = FakeSender(), Clock(msk(8, 8, 1))
        results = await asyncio.gather(
            *(
                service(settings_with(), db, sender, clock).send_due()
                for db in (first, second, first, second)
            )
        )
        statuses = sorted(r.status for batch in results for r in batch)
        assert statuses.count("sent") == 1
        assert [kind for kind, _, _ in sender.calls].count("photo") == 1
    finally:
        first.dispose()
        second.dispose()


async def _wait_for(condition: Callable[[], bool], seconds: float = 10) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)


async def test_scheduler_jobs_catch_up_then_fire_daily(known_database: Database) -> None:
    settings = settings_with()
    sender, clock = FakeSender(), Clock(msk(8, 9, 0))
    scheduler = AsyncIOScheduler()
    attach_digest_jobs(scheduler, settings, known_database, sender, clock=clock)
    daily = scheduler.get_job("digest")
    assert daily is not None
    assert daily.coalesce
    assert daily.misfire_grace_time >= 3600
    assert daily.trigger.get_next_fire_time(None, msk(8, 9)) == msk(9, 8, 1)
    scheduler.start()
    try:
        await _wait_for(lambda: any(kind == "photo" for kind, _, _ in sender.calls))
    finally:
        scheduler.shutdown(wait=False)
    assert [recipient for kind, recipient, _ in sender.calls if kind == "photo"] == ["me"]

    # The daemon restarts an hour later: the catch-up job finds the digest sent.
    clock.advance(hours=1)
    restarted = AsyncIOScheduler()
    digest = attach_digest_jobs(restarted, settings, known_database, sender, clock=clock)
    calls = len(sender.calls)
    restarted.start()
    try:
        await asyncio.sleep(0.5)
        assert len(sender.calls) == calls
        clock.now = msk(9, 8, 1)  # the cron job fires the next morning
        job = restarted.get_job("digest")
        assert job is not None
        results = await job.func()
    finally:
        restarted.shutdown(wait=False)
    assert [(r.day.isoformat(), r.status) for r in results] == [("2026-06-09", "sent")]
    assert digest.due_day().isoformat() == "2026-06-09"


def test_no_jobs_without_recipients_or_when_disabled(database: Database) -> None:
    for settings in (Settings(), settings_with(enabled=False)):
        scheduler = AsyncIOScheduler()
        attach_digest_jobs(scheduler, settings, database, FakeSender())
        assert scheduler.get_jobs() == []


@pytest.mark.parametrize("hour", [0, 23])
def test_cron_wraps_past_midnight(database: Database, hour: int) -> None:
    scheduler = AsyncIOScheduler()
    attach_digest_jobs(scheduler, settings_with(time=f"{hour:02d}:59"), database, FakeSender())
    job = scheduler.get_job("digest")
    assert job is not None
    fire = job.trigger.get_next_fire_time(None, msk(8, 12))
    assert (fire.hour, fire.minute) == ((hour + 1) % 24, 0)
    assert fire - msk(8, 12) < timedelta(days=1)
