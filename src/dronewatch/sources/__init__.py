"""Where posts come from; every source yields `model.Post`s for the pipeline."""

from __future__ import annotations

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
