"""Deletions on evidence only: short listings flag nothing, a look-up confirms, posts return."""

from __future__ import annotations

import logging

import pytest
from daemon_harness import Running, StartDaemon
from sqlalchemy import update
from telegram_fakes import KURSK, days_ago, deleted_messages, edited_message, message, now, world

from dronewatch.store import models as m


def flag_deleted(running: Running, *message_ids: int) -> None:
    """What the old catch-up did to posts a short listing left out."""
    with running.database.session() as session:
        session.execute(
            update(m.Post).where(m.Post.message_id.in_(message_ids)).values(deleted=True)
        )


def deleted(running: Running) -> set[int]:
    return {mid for mid, post in running.posts(KURSK).items() if post.deleted}


def recheck_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("re-checked")]


async def test_short_history_pages_are_followed_to_the_end(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    client = world()
    client.publish(*(message(KURSK, i, f"{i} drones", date=days_ago(1)) for i in range(1, 151)))
    running = await start_daemon(client)
    await running.stop()

    client.listing_limit = 40  # every listing stops after 40 messages
    with caplog.at_level(logging.INFO):
        running = await start_daemon(client)
    assert deleted(running) == set()
    assert client.lookups == []  # resuming the listing covered the whole window
    [line] = recheck_lines(caplog)
    assert "@kursk_gov" in line
    assert "150 stored posts, 150 listed, 0 not listed" in line


async def test_a_listing_that_leaves_posts_out_flags_only_those_confirmed_gone(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    client = world()
    client.publish(*(message(KURSK, i, f"{i} drones", date=days_ago(1)) for i in range(1, 141)))
    running = await start_daemon(client)
    await running.stop()

    # The server lists only the newest 58 posts; the 82 before still exist, but post 7
    # was really deleted, and post 9 was edited meanwhile.
    client.unlisted = set(range(1, 83))
    client.delete(KURSK, 7)
    client.publish(message(KURSK, 9, "90 drones", date=days_ago(1), edit_date=now()))
    with caplog.at_level(logging.INFO):
        running = await start_daemon(client)

    assert deleted(running) == {7}
    assert running.posts(KURSK)[9].text == "90 drones"
    assert sorted(mid for chunk in client.lookups for mid in chunk) == list(range(1, 83))
    assert max(len(chunk) for chunk in client.lookups) <= 100
    [line] = recheck_lines(caplog)
    assert "140 stored posts, 58 listed, 82 not listed and looked up by id, 1 of them deleted" in (
        line
    )


async def test_a_post_flagged_deleted_that_is_seen_again_is_restored(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    client = world()
    client.publish(*(message(KURSK, i, f"{i} drones", date=days_ago(1)) for i in range(1, 6)))
    running = await start_daemon(client)
    await running.stop()
    flag_deleted(running, 2, 3, 4)
    client.delete(KURSK, 4)  # this one is really gone

    client.unlisted = {3}  # listed or not, a post still there is found and restored
    with caplog.at_level(logging.INFO):
        running = await start_daemon(client)
    assert deleted(running) == {4}
    restored = [m for m in caplog.messages if "flagged deleted are in the channel again" in m]
    assert sorted(m.rsplit(": ", 1)[1] for m in restored) in (["2", "3"], ["2, 3"])
    assert client.lookups == [[3, 4]]

    # Seen live: an edit of a post flagged deleted brings it back too.
    flag_deleted(running, 5)
    await client.deliver(
        edited_message(message(KURSK, 5, "50 drones", date=days_ago(1), edit_date=now()))
    )
    await running.settle()
    assert deleted(running) == {4}
    assert running.posts(KURSK)[5].text == "50 drones"


async def test_a_live_deletion_is_not_undone_by_a_stale_listing(
    start_daemon: StartDaemon,
) -> None:
    client = world()
    client.publish(*(message(KURSK, i, f"{i} drones", date=days_ago(1)) for i in range(1, 4)))
    running = await start_daemon(client)
    # The deletion arrives live; the history page of the next catch-up was fetched
    # before it and still lists the post.
    await client.deliver(deleted_messages(KURSK, [2]))
    await running.settle()
    running.daemon.request_catch_up(recheck=True)
    await running.caught_up(2)
    assert deleted(running) == {2}
