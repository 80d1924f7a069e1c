"""The pipeline's own plain types, shared by every source of posts.

Sources (the live Telegram client, a Telegram Desktop export, the demo history)
convert whatever they read into these objects; nothing downstream of a source
knows where a post came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Channel:
    """A Telegram channel as far as dronewatch cares.

    `telegram_id` is the stable key: usernames and titles change, ids do not.
    It is the positive channel id (Telethon's `PeerChannel.channel_id`), never `-100…`-marked.
    """

    telegram_id: int
    title: str | None = None
    username: str | None = None
    region: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """One channel message, as published or as last edited."""

    channel: Channel
    message_id: int
    date: datetime
    text: str
    edit_date: datetime | None = None
    grouped_id: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Deletion:
    """Messages removed from a channel: stored posts are marked, never dropped."""

    channel_telegram_id: int
    message_ids: tuple[int, ...]


_MARKED_CHANNEL_OFFSET = 1_000_000_000_000


def channel_id(value: int | str) -> int:
    """The positive channel id (Telethon's `PeerChannel.channel_id`) of any spelling of it.

    Telegram tools write a channel's id bare (`1234567890`, Telegram Desktop exports),
    marked (`-1001234567890`, Bot API and `telethon.utils.get_peer_id`) or prefixed
    (`channel1234567890`, an export's `from_id`); `Channel.telegram_id` is always bare.
    """
    text = str(value).strip().removeprefix("channel")
    number = int(text)
    if number < 0:
        number = -number
        if number > _MARKED_CHANNEL_OFFSET:
            number -= _MARKED_CHANNEL_OFFSET
    if number == 0:
        raise ValueError(f"{value!r} is not a channel id")
    return number


def post_url(username: str | None, telegram_id: int, message_id: int) -> str:
    """A post's link: public by username, else the members-only `t.me/c/` form."""
    if username:
        return f"https://t.me/{username}/{message_id}"
    return f"https://t.me/c/{channel_id(telegram_id)}/{message_id}"
