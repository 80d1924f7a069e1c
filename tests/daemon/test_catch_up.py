"""Catch-up: first-start backfill, downtime, flood waits and lost connections lose nothing."""

from __future__ import annotations

import logging

import pytest
from daemon_harness import Running, StartDaemon
from sqlalchemy import select
from telegram_fakes import BELGOROD, KURSK, days_ago, message, new_message, now, world

from dronewatch.daemon import flood
from dronewatch.store import models as m


@pytest.fixture(autouse=True)
def _no_flood_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flood, "FLOOD_MARGIN_SECONDS", 0)


def assert_each_stored_once(running: Running, channel: int, ids: set[int]) -> None:
    """Exactly these posts, one current report each, no spurious revisions."""
    assert set(running.posts(channel)) == ids
    with running.database.session() as session:
        rows = session.execute(
            select(m.Post.message_id, m.Report.id)
            .join(m.Channel)
            .join(m.Report)
            .where(m.Channel.telegram_id == channel, m.Report.is_current)
        ).all()
    assert sorted(message_id for message_id, _ in rows) == sorted(ids)


async def test_first_start_backfills_the_last_days_and_joins(start_daemon: StartDaemon) -> None:
    client = world()
    client.publish(
        message(KURSK, 1, "old 9 drones", date=days_ago(5)),
        message(KURSK, 2, "old 8 drones", date=days_ago(2.5)),
        message(KURSK, 3, "1 drones", date=days_ago(1.5)),
        message(KURSK, 4, "2 drones", date=days_ago(0.1)),
        message(BELGOROD, 7, "3 drones", date=days_ago(0.2)),
    )
    running = await start_daemon(client)

    assert_each_stored_once(running, KURSK, {3, 4})
    assert_each_stored_once(running, BELGOROD, {7})
    assert client.joined == [BELGOROD]  # join = true, and the account had left it


async def test_downtime_edits_deletions_and_a_flood_wait(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    client = world()
    client.publish(*(message(KURSK, i, f"{i} drones", date=days_ago(1)) for i in range(1, 6)))
    running = await start_daemon(client)
    await running.stop()
    assert_each_stored_once(running, KURSK, {1, 2, 3, 4, 5})

    # While the daemon is down: three new posts, one edit, one deletion.
    client.publish(*(message(KURSK, i, f"{i} drones") for i in range(6, 9)))
    client.publish(message(KURSK, 2, "20 drones", date=days_ago(1), edit_date=now()))
    client.delete(KURSK, 4)
    client.flood_after = 3
    with caplog.at_level(logging.WARNING):
        running = await start_daemon(client)

    assert_each_stored_once(running, KURSK, {1, 2, 3, 4, 5, 6, 7, 8})
    posts = running.posts(KURSK)
    assert posts[2].text == "20 drones"
    assert posts[4].deleted
    assert not any(posts[i].deleted for i in (1, 2, 3, 5, 6, 7, 8))
    with running.database.session() as session:
        revisions = session.scalars(select(m.PostRevision.text)).all()
    assert revisions == ["2 drones"]
    flood_lines = [r for r in caplog.records if "rate limit" in r.getMessage()]
    assert len(flood_lines) == 1
    # After the flood wait the history resumed after the last message received, and
    # was asked once more after the newest, to be sure nothing was left.
    kursk_requests = [r for r in client.requests if r["channel"] == KURSK]
    assert [r["min_id"] for r in kursk_requests[-2:]] == [3, 8]
    assert client.lookups == [[4]]  # the one post the listing left out, looked up


async def test_a_dropped_connection_is_reconnected_and_caught_up(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    client = world()
    running = await start_daemon(client)
    await client.deliver(new_message(message(KURSK, 1, "1 drones")))
    await running.settle()

    client.drop_connection()
    client.refuse_connect = 2  # the network stays away for two attempts
    client.publish(message(KURSK, 2, "2 drones"), message(KURSK, 3, "3 drones"))
    with caplog.at_level(logging.INFO):
        await running.caught_up(2)
    assert client.connects == 2
    assert "reconnected to Telegram" in caplog.messages
    await client.deliver(new_message(message(KURSK, 4, "4 drones")))
    await client.deliver(new_message(message(KURSK, 3, "3 drones")))  # delivered twice
    await running.settle()

    assert_each_stored_once(running, KURSK, {1, 2, 3, 4})
    assert running.count(m.PostRevision) == 0


async def test_telethons_own_reconnect_triggers_a_catch_up(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    client = world()
    running = await start_daemon(client)
    client.publish(message(KURSK, 9, "9 drones"))  # posted while the socket was down
    with caplog.at_level(logging.INFO):
        await client._handle_auto_reconnect()
    assert any(m.startswith("reconnected to Telegram (the connection") for m in caplog.messages)
    await running.caught_up(2)
    assert_each_stored_once(running, KURSK, {9})


async def test_channels_not_joined_are_polled(start_daemon: StartDaemon) -> None:
    client = world()
    running = await start_daemon(client, poll_seconds=1)
    client.publish(message(KURSK, 12, "12 drones"))  # Telegram pushes nothing for it
    await running.caught_up(2)
    assert_each_stored_once(running, KURSK, {12})
