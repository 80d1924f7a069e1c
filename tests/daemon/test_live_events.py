"""Live updates through Telethon's own dispatch into the real handlers and database."""

from __future__ import annotations

import logging

import pytest
from daemon_harness import StartDaemon
from sqlalchemy import select
from telegram_fakes import (
    BELGOROD,
    KURSK,
    OTHER,
    channel_entity,
    deleted_messages,
    edited_message,
    message,
    new_message,
    now,
    photo,
)
from telethon.tl import types

from dronewatch.store import models as m


async def test_new_edit_delete_become_post_revision_and_mark(start_daemon: StartDaemon) -> None:
    running = await start_daemon()
    client = running.client

    await client.deliver(new_message(message(KURSK, 10, "Сбиты 3 drones над районом")))
    await running.settle()
    post = running.posts(KURSK)[10]
    assert post.text == "Сбиты 3 drones над районом"
    assert post.raw["views"] == 110

    edited_at = now()
    await client.deliver(
        edited_message(message(KURSK, 10, "Сбиты 5 drones над районом", edit_date=edited_at))
    )
    await running.settle()

    with running.database.session() as session:
        post = session.scalars(select(m.Post).where(m.Post.message_id == 10)).one()
        assert post.text == "Сбиты 5 drones над районом"
        assert post.edit_date == edited_at
        assert [r.text for r in post.revisions] == ["Сбиты 3 drones над районом"]
        current = [report for report in post.reports if report.is_current]
        assert [report.drones for report in current] == [5]

    await client.deliver(deleted_messages(KURSK, [10]))
    await running.settle()
    post = running.posts(KURSK)[10]
    assert post.deleted
    assert post.text == "Сбиты 5 drones над районом"  # kept, only marked


async def test_only_configured_channels_are_stored(start_daemon: StartDaemon) -> None:
    running = await start_daemon()
    await running.client.deliver(new_message(message(OTHER, 1, "12 drones elsewhere")))
    await running.client.deliver(deleted_messages(OTHER, [1]))
    await running.client.deliver(new_message(message(BELGOROD, 1, "1 drones")))
    await running.settle()
    assert running.posts(OTHER) == {}
    assert set(running.posts(BELGOROD)) == {1}


async def test_album_and_media_without_text_are_stored(start_daemon: StartDaemon) -> None:
    running = await start_daemon()
    group = 13_579_246_801
    album = [
        message(KURSK, 20, "Последствия атаки: 4 drones", grouped_id=group, media=photo()),
        message(KURSK, 21, "", grouped_id=group, media=photo()),
        message(KURSK, 22, "", grouped_id=group, media=photo()),
    ]
    for item in album:
        await running.client.deliver(new_message(item))
    await running.client.deliver(new_message(message(KURSK, 23, "", media=photo())))
    await running.settle()

    posts = running.posts(KURSK)
    assert {mid: posts[mid].text for mid in (20, 21, 22, 23)} == {
        20: "Последствия атаки: 4 drones",
        21: "",
        22: "",
        23: "",
    }
    assert {posts[mid].grouped_id for mid in (20, 21, 22)} == {group}
    assert posts[23].grouped_id is None
    assert all(posts[mid].raw["media"] == "photo" for mid in (20, 21, 22, 23))
    with running.database.session() as session:
        rows = session.execute(
            select(m.Post.message_id, m.Report.kind).join(m.Report).where(m.Report.is_current)
        )
        kinds = dict(rows.all())
    assert kinds[20] == "attack"
    assert kinds[21] == kinds[23] == "none"


async def test_renamed_channel_updates_title_and_username(start_daemon: StartDaemon) -> None:
    running = await start_daemon()
    renamed = channel_entity(KURSK, "Александр Хинштейн", "khinshtein")
    await running.client.deliver(new_message(message(KURSK, 30, "2 drones")), chats=[renamed])
    await running.settle()
    with running.database.session() as session:
        channel = session.scalars(select(m.Channel).where(m.Channel.telegram_id == KURSK)).one()
        assert (channel.title, channel.username, channel.region) == (
            "Александр Хинштейн",
            "khinshtein",
            "RU-KRS",
        )

    # A "channel renamed" service message: no post, the title still changes.
    service = types.MessageService(
        id=31,
        peer_id=types.PeerChannel(KURSK),
        date=now(),
        action=types.MessageActionChatEditTitle(title="Курская область"),
        post=True,
    )
    await running.client.deliver(new_message(service))
    await running.settle()
    assert 31 not in running.posts(KURSK)
    with running.database.session() as session:
        channel = session.scalars(select(m.Channel).where(m.Channel.telegram_id == KURSK)).one()
        assert (channel.title, channel.username) == ("Курская область", "khinshtein")


async def test_a_failing_handler_or_post_does_not_stop_the_daemon(
    start_daemon: StartDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    running = await start_daemon()
    broken = message(KURSK, 40, "1 drones")
    broken.date = None  # a message Telethon could not fill in: conversion fails
    with caplog.at_level(logging.ERROR):
        await running.client.deliver(new_message(broken))
        await running.client.deliver(new_message(message(KURSK, 41, "BOOM 2 drones")))
        await running.client.deliver(new_message(message(KURSK, 42, "3 drones")))
        await running.settle()

    assert not running.task.done()
    assert set(running.posts(KURSK)) == {42}
    assert "new message: handler failed" in caplog.text
    assert "cannot store post 1001/41" in caplog.text


async def test_live_post_and_its_edit_queued_together_keep_their_order(
    start_daemon: StartDaemon,
) -> None:
    running = await start_daemon()
    writer = running.daemon.writer
    original = message(KURSK, 50, "1 drones")
    edit = message(KURSK, 50, "6 drones", edit_date=now())
    # Queued before the writer wakes up: the edit must not be merged with the post.
    await running.client.deliver(new_message(original))
    await running.client.deliver(edited_message(edit))
    await running.client.deliver(new_message(message(KURSK, 51, "2 drones")))
    assert writer.pending == 3
    await running.settle()
    with running.database.session() as session:
        post = session.scalars(select(m.Post).where(m.Post.message_id == 50)).one()
        assert post.text == "6 drones"
        assert [r.text for r in post.revisions] == ["1 drones"]
    assert set(running.posts(KURSK)) == {50, 51}
