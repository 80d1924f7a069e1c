"""Instant alerts go out through the digest's delivery, once per post, rule and recipient."""

from __future__ import annotations

import asyncio
from typing import Any

from digest_scenario import BELGOROD, KURSK, Clock, FakeSender, Scripted, attack, msk, no_sleep
from sqlalchemy import select
from telethon import errors

from dronewatch.alerts.service import AlertService
from dronewatch.config import Settings
from dronewatch.digest.delivery import RoutingSender
from dronewatch.store import Database, open_database
from dronewatch.store.models import Alert

RULE = {"name": "Belgorod 10+", "regions": ["RU-BEL"], "min_drones": 10}


def settings(recipients: list[Any] | None = None) -> Settings:
    return Settings(
        digest={"recipients": recipients or ["me"], "bot_token": "1:test"}, alerts=[RULE]
    )


def service(database: Database, sender: FakeSender, clock: Clock, **options: Any) -> AlertService:
    return AlertService(options.get("settings") or settings(), database, sender, clock=clock,
                        sleep=no_sleep)  # fmt: skip


def alert_rows(database: Database) -> list[Alert]:
    with database.session() as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


async def test_a_matching_post_alerts_each_recipient_once_across_restarts(
    database: Database,
) -> None:
    scripted = Scripted()
    scripted.post(BELGOROD, 20, msk(8, 6), attack(12, [("RU-BEL", 12)]))
    scripted.post(KURSK, 10, msk(8, 6, 5), attack(30, [("RU-KRS", 30)]))  # another region
    scripted.pipeline(database).ingest(scripted.posts)
    sender, clock = FakeSender(), Clock(msk(8, 6, 10))

    results = await service(database, sender, clock, settings=settings(["me", 4242])).check()
    assert [(r.rule, r.recipient, r.status) for r in results] == [
        ("Belgorod 10+", "me", "sent"),
        ("Belgorod 10+", "4242", "sent"),
    ]
    assert sender.recipients() == ["me", "4242"]
    text = sender.calls[0][2]
    assert text.startswith("<b>Alert: Belgorod 10+</b>\n12 drones · Belgorod Oblast")
    assert '<a href="https://t.me/bel_gov/20">' in text
    assert [(row.rule, row.recipient, row.sent_at) for row in alert_rows(database)] == [
        ("Belgorod 10+", "me", clock.now),
        ("Belgorod 10+", "4242", clock.now),
    ]

    clock.advance(minutes=1)  # the daemon restarts: its first look reads the recent posts
    assert await service(database, sender, clock, settings=settings(["me", 4242])).check() == []
    assert len(sender.calls) == 2


async def test_an_edit_that_newly_matches_alerts_once(database: Database) -> None:
    scripted = Scripted()
    pipeline = scripted.pipeline(database)
    sender, clock = FakeSender(), Clock(msk(8, 6, 1))
    alerts = service(database, sender, clock)
    pipeline.ingest([scripted.post(BELGOROD, 20, msk(8, 6), attack(5, [("RU-BEL", 5)]))])
    assert await alerts.check() == []

    edit = scripted.post(
        BELGOROD, 20, msk(8, 6), attack(12, [("RU-BEL", 12)]), edit_date=msk(8, 6, 20)
    )
    pipeline.ingest([edit])
    clock.advance(minutes=20)
    assert [r.status for r in await alerts.check()] == ["sent"]
    assert "06:20 Europe/Moscow, edited" in sender.calls[0][2]

    again = scripted.post(
        BELGOROD, 20, msk(8, 6), attack(15, [("RU-BEL", 15)]), edit_date=msk(8, 6, 30)
    )
    pipeline.ingest([again])
    clock.advance(minutes=10)
    assert await alerts.check() == []  # still matching: alerted already
    assert len(sender.calls) == 1


async def test_posts_older_than_the_alert_age_never_alert(database: Database) -> None:
    scripted = Scripted()
    scripted.post(BELGOROD, 20, msk(8, 6), attack(12, [("RU-BEL", 12)]))
    sender, clock = FakeSender(), Clock(msk(8, 6, 10))
    alerts = service(database, sender, clock)
    assert await alerts.check() == []
    clock.advance(hours=7)  # a catch-up after a long downtime brings the post in now
    scripted.pipeline(database).ingest(scripted.posts)
    assert await alerts.check() == []
    assert sender.calls == []
    assert alert_rows(database) == []


async def test_a_failed_alert_is_recorded_and_not_repeated(database: Database) -> None:
    scripted = Scripted()
    scripted.post(BELGOROD, 20, msk(8, 6), attack(12, [("RU-BEL", 12)]))
    scripted.pipeline(database).ingest(scripted.posts)
    sender = FakeSender(failures=[ConnectionError("reset"), errors.UserIsBlockedError(None)])
    clock = Clock(msk(8, 6, 10))
    results = await service(database, sender, clock, settings=settings([4242])).check()
    assert [r.status for r in results] == ["failed"]
    assert "failed after 2 attempt(s)" in results[0].detail
    (row,) = alert_rows(database)
    assert row.sent_at is None
    assert "UserIsBlockedError" in (row.last_error or "")
    clock.advance(minutes=1)
    assert await service(database, sender, clock, settings=settings([4242])).check() == []


async def test_two_daemons_sharing_a_database_send_once(database_url: str) -> None:
    first, second = open_database(database_url), open_database(database_url)
    try:
        scripted = Scripted()
        scripted.post(BELGOROD, 20, msk(8, 6), attack(12, [("RU-BEL", 12)]))
        scripted.pipeline(first).ingest(scripted.posts)
        sender, clock = FakeSender(), Clock(msk(8, 6, 10))
        results = await asyncio.gather(
            *(service(db, sender, clock).check() for db in (first, second, first, second))
        )
        assert [r.status for batch in results for r in batch] == ["sent"]
        assert len(sender.calls) == 1
    finally:
        first.dispose()
        second.dispose()


async def test_reports_stored_after_a_look_are_found_by_the_next(database: Database) -> None:
    scripted = Scripted()
    pipeline = scripted.pipeline(database)
    sender, clock = FakeSender(), Clock(msk(8, 6))
    alerts = service(database, sender, clock)
    for minute in range(3):
        pipeline.ingest(
            [scripted.post(BELGOROD, 30 + minute, msk(8, 6, minute), attack(11, [("RU-BEL", 11)]))]
        )
        clock.advance(minutes=1)
        assert len(await alerts.check()) == 1
    clock.advance(minutes=5)
    assert await alerts.check() == []
    assert len(sender.calls) == 3


async def test_alerts_take_the_digests_routes_user_client_for_me_bot_for_chat_ids(
    database: Database,
) -> None:
    scripted = Scripted()
    scripted.post(BELGOROD, 20, msk(8, 6), attack(12, [("RU-BEL", 12)]))
    scripted.pipeline(database).ingest(scripted.posts)
    user, bot = FakeSender(), FakeSender()
    routes = RoutingSender(user=user, bot=bot)
    alerts = AlertService(settings(["me", 4242]), database, routes, clock=Clock(msk(8, 6, 1)))
    assert [r.status for r in await alerts.check()] == ["sent", "sent"]
    assert user.recipients() == ["me"]
    assert bot.recipients() == ["4242"]
