"""Telethon objects to the pipeline's own types: the only place that reads them.

Live events and fetched history both arrive as Telethon `Message`s; this module turns
them into `model.Post`s (service messages such as "channel photo changed" are not
posts), deletion events into `model.Deletion`s and channel entities into
`model.Channel`s, so that nothing past it depends on Telethon.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from telethon import events, utils
from telethon.tl import types

from dronewatch import model

# Telethon's media class name, shortened to what an analyst wants to filter on.
_MEDIA_NAMES = {
    types.MessageMediaPhoto: "photo",
    types.MessageMediaDocument: "document",
    types.MessageMediaWebPage: "webpage",
    types.MessageMediaGeo: "geo",
    types.MessageMediaGeoLive: "geo",
    types.MessageMediaVenue: "venue",
    types.MessageMediaPoll: "poll",
    types.MessageMediaContact: "contact",
}


def channel_id_of(peer: Any) -> int | None:
    """The positive channel id of a peer, or None when the peer is not a channel."""
    if isinstance(peer, types.PeerChannel | types.InputPeerChannel):
        return int(peer.channel_id)
    if isinstance(peer, types.Channel):
        return int(peer.id)
    return None


def channel_from_entity(
    entity: types.Channel, *, region: str | None = None, label: str | None = None
) -> model.Channel:
    """A channel as dronewatch stores it; the username is the first active one."""
    username = entity.username
    if username is None and entity.usernames:
        username = next((name.username for name in entity.usernames if name.active), None)
    return model.Channel(
        telegram_id=int(entity.id),
        title=entity.title,
        username=username,
        region=region,
        label=label,
    )


def is_channel_entity(entity: Any) -> bool:
    """True for a channel (broadcast or supergroup) the account can read."""
    return isinstance(entity, types.Channel)


def new_title(message: Any) -> str | None:
    """The new title a "channel renamed" service message announces, if it is one."""
    if isinstance(message, types.MessageService) and isinstance(
        message.action, types.MessageActionChatEditTitle
    ):
        return str(message.action.title)
    return None


def post_from_message(message: Any, channel: model.Channel) -> model.Post | None:
    """A channel message as a post; None for service and empty messages.

    A photo or album item without a caption is a post with empty text: the album's
    caption travels on one of its messages, the others share its `grouped_id`.
    """
    if not isinstance(message, types.Message):
        return None
    return model.Post(
        channel=channel,
        message_id=int(message.id),
        date=_aware(message.date),
        text=message.message or "",
        edit_date=_aware(message.edit_date) if message.edit_date else None,
        grouped_id=message.grouped_id,
        raw=_raw(message),
    )


def deletion_from_event(event: events.MessageDeleted.Event) -> model.Deletion | None:
    """The channel messages a deletion event removes; None outside channels."""
    if event.chat_id is None or not event.deleted_ids:  # private chats name no peer
        return None
    channel, peer_type = utils.resolve_id(event.chat_id)
    if peer_type is not types.PeerChannel:
        return None
    return model.Deletion(channel_telegram_id=channel, message_ids=tuple(event.deleted_ids))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _raw(message: types.Message) -> dict[str, Any]:
    """Small JSON-safe facts beside the text: media kind, reach, forwards, hidden links."""
    raw: dict[str, Any] = {}
    if message.media is not None:
        raw["media"] = _media_name(message.media)
    if message.views is not None:
        raw["views"] = message.views
    if message.forwards is not None:
        raw["forwards"] = message.forwards
    if message.post_author:
        raw["author"] = message.post_author
    if isinstance(message.reply_to, types.MessageReplyHeader) and message.reply_to.reply_to_msg_id:
        raw["reply_to"] = message.reply_to.reply_to_msg_id
    if message.fwd_from is not None:
        raw["forwarded_from"] = _forward(message.fwd_from)
    links = [
        entity.url
        for entity in message.entities or ()
        if isinstance(entity, types.MessageEntityTextUrl)
    ]
    if links:
        raw["links"] = links
    return raw


def _media_name(media: Any) -> str:
    if isinstance(media, types.MessageMediaDocument) and isinstance(media.document, types.Document):
        mime = str(media.document.mime_type or "")
        if mime.startswith(("video/", "audio/", "image/")):
            return mime.split("/", 1)[0]
    name = _MEDIA_NAMES.get(type(media))
    return name or type(media).__name__.removeprefix("MessageMedia").lower()


def _forward(header: types.MessageFwdHeader) -> dict[str, Any]:
    forward: dict[str, Any] = {"date": _aware(header.date).isoformat()}
    if header.from_id is not None:
        forward["peer_id"] = utils.get_peer_id(header.from_id)
    if header.from_name:
        forward["name"] = header.from_name
    if header.channel_post:
        forward["message_id"] = header.channel_post
    return forward
