"""Telethon objects, built offline, converted to the pipeline's own types."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from telethon import events
from telethon.tl import types

from dronewatch import model
from dronewatch.sources.telegram import (
    channel_from_entity,
    channel_id_of,
    deletion_from_event,
    new_title,
    post_from_message,
)

CHANNEL = model.Channel(telegram_id=1234567890, username="kursk_gov", region="RU-KRS")
WHEN = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)


def test_a_message_becomes_a_post_with_a_small_json_raw() -> None:
    message = types.Message(
        id=77,
        peer_id=types.PeerChannel(CHANNEL.telegram_id),
        date=WHEN,
        message="Над Курском сбиты 3 БПЛА. Подробности",
        post=True,
        edit_date=datetime(2026, 11, 20, 7, 0, tzinfo=UTC),
        views=5400,
        forwards=12,
        post_author="пресс-служба",
        reply_to=types.MessageReplyHeader(reply_to_msg_id=70),
        fwd_from=types.MessageFwdHeader(
            date=datetime(2026, 11, 20, 5, 0, tzinfo=UTC),
            from_id=types.PeerChannel(555),
            channel_post=9,
        ),
        entities=[types.MessageEntityTextUrl(offset=27, length=11, url="https://example.org/x")],
        media=types.MessageMediaDocument(
            document=types.Document(
                id=1,
                access_hash=2,
                file_reference=b"",
                date=WHEN,
                mime_type="video/mp4",
                size=10,
                dc_id=2,
                attributes=[],
            )
        ),
    )
    post = post_from_message(message, CHANNEL)
    assert post == model.Post(
        channel=CHANNEL,
        message_id=77,
        date=WHEN,
        text="Над Курском сбиты 3 БПЛА. Подробности",
        edit_date=datetime(2026, 11, 20, 7, 0, tzinfo=UTC),
    )
    assert post.raw == {
        "media": "video",
        "views": 5400,
        "forwards": 12,
        "author": "пресс-служба",
        "reply_to": 70,
        "forwarded_from": {
            "date": "2026-11-20T05:00:00+00:00",
            "peer_id": -1000000000555,
            "message_id": 9,
        },
        "links": ["https://example.org/x"],
    }
    assert json.loads(json.dumps(post.raw)) == post.raw


def test_album_items_keep_their_group_and_captionless_media_has_empty_text() -> None:
    photo = types.MessageMediaPhoto(photo=types.PhotoEmpty(id=1))
    captioned = types.Message(
        id=1, peer_id=types.PeerChannel(1), date=WHEN, message="Caption", grouped_id=9, media=photo
    )
    bare = types.Message(
        id=2, peer_id=types.PeerChannel(1), date=WHEN, message="", grouped_id=9, media=photo
    )
    first, second = (post_from_message(m, CHANNEL) for m in (captioned, bare))
    assert first is not None
    assert second is not None
    assert (first.text, first.grouped_id, first.raw["media"]) == ("Caption", 9, "photo")
    assert (second.text, second.grouped_id, second.raw) == ("", 9, {"media": "photo"})


def test_naive_dates_are_taken_as_utc() -> None:
    message = types.Message(
        id=1, peer_id=types.PeerChannel(1), date=datetime(2026, 1, 1), message="x"
    )
    post = post_from_message(message, CHANNEL)
    assert post is not None
    assert post.date == datetime(2026, 1, 1, tzinfo=UTC)


def test_service_and_empty_messages_are_not_posts() -> None:
    service = types.MessageService(
        id=3,
        peer_id=types.PeerChannel(1),
        date=WHEN,
        action=types.MessageActionChatEditTitle(title="Новое имя"),
    )
    assert post_from_message(service, CHANNEL) is None
    assert post_from_message(types.MessageEmpty(id=4, peer_id=None), CHANNEL) is None
    assert new_title(service) == "Новое имя"
    assert (
        new_title(types.Message(id=5, peer_id=types.PeerChannel(1), date=WHEN, message="")) is None
    )


def test_channel_deletions_become_deletions_and_private_ones_are_ignored() -> None:
    update = types.UpdateDeleteChannelMessages(
        channel_id=1234567890, messages=[5, 6], pts=1, pts_count=2
    )
    event = events.MessageDeleted.build(update)
    assert deletion_from_event(event) == model.Deletion(1234567890, (5, 6))

    private = events.MessageDeleted.build(
        types.UpdateDeleteMessages(messages=[1], pts=1, pts_count=1)
    )
    assert deletion_from_event(private) is None


def test_channel_entity_takes_the_first_active_username() -> None:
    entity = types.Channel(
        id=42,
        title="Губернатор",
        photo=types.ChatPhotoEmpty(),
        date=WHEN,
        username=None,
        usernames=[
            types.Username(username="old_name", active=False),
            types.Username(username="gov42", active=True),
        ],
    )
    assert channel_from_entity(entity, region="RU-BEL", label="gov") == model.Channel(
        telegram_id=42, title="Губернатор", username="gov42", region="RU-BEL", label="gov"
    )
    assert channel_id_of(entity) == 42
    assert channel_id_of(types.PeerChannel(42)) == 42
    assert channel_id_of(types.PeerUser(42)) is None
