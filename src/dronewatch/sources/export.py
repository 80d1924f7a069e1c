"""Telegram Desktop channel exports (`result.json`), read as a stream.

Exports of a busy channel reach gigabytes, so the file is never loaded whole: the
header (channel name, type and id) is read first, then messages one at a time.
Service messages (channel created, photo changed) are skipped; a malformed message
is logged with its id and skipped; everything else becomes a `model.Post`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import IO, Any

import ijson  # type: ignore[import-untyped]

from dronewatch import model
from dronewatch.model import channel_id

log = logging.getLogger(__name__)

EXPORT_FILE_NAME = "result.json"
SOURCE_NAME = "telegram-desktop-export"
CHANNEL_TYPES = frozenset({"public_channel", "private_channel"})
GROUP_TYPES = frozenset({"public_supergroup", "private_supergroup"})
# Small facts worth keeping beside the text; media itself and reactions are not.
RAW_KEYS = (
    "media_type",
    "mime_type",
    "photo",
    "file",
    "forwarded_from",
    "reply_to_message_id",
    "author",
    "via_bot",
)


class ExportError(Exception):
    """The file cannot be imported: not JSON, or not a channel's Telegram Desktop export."""


class MalformedMessageError(ValueError):
    """One message of the export cannot be read; it is skipped."""


@dataclass(frozen=True, slots=True)
class ExportHeader:
    title: str | None
    type: str
    telegram_id: int


class ChannelExport:
    """One channel's `result.json`: its channel, then its posts, streamed.

    `naive_timezone` is the zone for exports so old that they carry only local
    `date` strings (no `date_unixtime`); default: this machine's local zone, the
    zone Telegram Desktop wrote them in when the export was made here.
    """

    def __init__(self, path: Path, *, naive_timezone: tzinfo | None = None) -> None:
        self.path = path / EXPORT_FILE_NAME if path.is_dir() else path
        if not self.path.is_file():
            raise ExportError(f"{self.path}: no such file")
        self.naive_timezone = naive_timezone
        self.header = _read_header(self.path)
        self.counts: Counter[str] = Counter()
        self._file: IO[bytes] | None = None

    @property
    def channel(self) -> model.Channel:
        """The channel as the export names it (no username: exports do not carry one)."""
        return model.Channel(telegram_id=self.header.telegram_id, title=self.header.title)

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def position(self) -> int:
        """Bytes read so far, for a progress bar."""
        return self._file.tell() if self._file is not None and not self._file.closed else 0

    def posts(self, channel: model.Channel | None = None) -> Iterator[model.Post]:
        """Every readable post in file order, attributed to `channel` (default: the export's)."""
        channel = channel or self.channel
        with self.path.open("rb") as self._file:
            try:
                for message in ijson.items(self._file, "messages.item", use_float=True):
                    self.counts["messages"] += 1
                    if isinstance(message, dict) and message.get("type") == "service":
                        self.counts["service"] += 1
                        continue
                    try:
                        post = message_post(message, channel, self.naive_timezone)
                    except MalformedMessageError as error:
                        self.counts["malformed"] += 1
                        message_id = message.get("id") if isinstance(message, dict) else None
                        log.warning("%s: message %s skipped: %s", self.path, message_id, error)
                        continue
                    self.counts["posts"] += 1
                    yield post
            except ijson.JSONError as error:
                raise ExportError(
                    f"{self.path}: broken JSON after {self.counts['messages']} messages "
                    f"({_first_line(error)})"
                ) from error


def message_post(message: Any, channel: model.Channel, naive_timezone: tzinfo | None) -> model.Post:
    """One exported message as a post; `MalformedMessageError` says what is wrong with it."""
    if not isinstance(message, dict):
        raise MalformedMessageError("not a JSON object")
    message_id = message.get("id")
    if not isinstance(message_id, int) or isinstance(message_id, bool) or message_id <= 0:
        raise MalformedMessageError(f"bad id {message_id!r}")
    date = _timestamp(message, "date", naive_timezone)
    if date is None:
        raise MalformedMessageError("no date")
    raw = {key: message[key] for key in RAW_KEYS if key in message}
    raw["source"] = SOURCE_NAME
    return model.Post(
        channel=channel,
        message_id=message_id,
        date=date,
        text=message_text(message.get("text", "")),
        edit_date=_timestamp(message, "edited", naive_timezone),
        raw=raw,
    )


def message_text(text: Any) -> str:
    """The plain text of a message: a string, or a list of strings and entity parts."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        raise MalformedMessageError(f"text is a {type(text).__name__}")
    parts = []
    for part in text:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
        else:
            raise MalformedMessageError(f"text part {part!r} has no text")
    return "".join(parts)


def _timestamp(message: dict[str, Any], key: str, naive_timezone: tzinfo | None) -> datetime | None:
    """`<key>_unixtime` (exact) or else `<key>` (local time, older exports) as aware UTC."""
    unixtime = message.get(f"{key}_unixtime")
    text = message.get(key)
    try:
        if unixtime is not None and not isinstance(unixtime, bool):
            return datetime.fromtimestamp(int(unixtime), UTC)
        if text is None:
            return None
        if not isinstance(text, str):
            raise MalformedMessageError(f"{key} is a {type(text).__name__}")
        local = datetime.fromisoformat(text)
    except (ValueError, OverflowError, OSError) as error:
        raise MalformedMessageError(f"bad {key}: {error}") from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=naive_timezone) if naive_timezone else local.astimezone()
    return local.astimezone(UTC)


def _first_line(error: Exception) -> str:
    """yajl's message without the lines that draw the bytes around the error."""
    return str(error).strip().splitlines()[0].rstrip(".")


def _read_header(path: Path) -> ExportHeader:
    """Name, type and id from the top of the file, without reading the messages."""
    if path.stat().st_size == 0:
        raise ExportError(f"{path}: the file is empty, not a Telegram Desktop export")
    fields: dict[str, Any] = {}
    has_messages = False
    with path.open("rb") as file:
        try:
            events = ijson.parse(file, use_float=True)
            first = next(events, None)
            if first is None or first[1] != "start_map":
                raise ExportError(f"{path}: not a Telegram Desktop export (not a JSON object)")
            for prefix, event, value in events:
                if prefix == "" and event == "map_key":
                    if value == "chats":
                        raise ExportError(
                            f"{path}: a whole-account export; export the channel alone "
                            "(channel menu > Export chat history, format JSON)"
                        )
                    has_messages = has_messages or value == "messages"
                elif prefix in ("name", "type", "id") and event in ("string", "number"):
                    fields[prefix] = value
                if has_messages and {"type", "id"} <= fields.keys():
                    break
        except ijson.JSONError as error:
            raise ExportError(f"{path}: not a JSON file ({_first_line(error)})") from error
    if not has_messages or "id" not in fields:
        raise ExportError(f"{path}: not a Telegram Desktop export (no chat id and messages)")
    kind = str(fields.get("type", ""))
    if kind not in CHANNEL_TYPES | GROUP_TYPES:
        raise ExportError(
            f"{path}: an export of a {kind or 'chat of unknown type'}, not of a channel"
        )
    try:
        telegram_id = channel_id(fields["id"])
    except ValueError as error:
        raise ExportError(f"{path}: bad chat id {fields['id']!r}") from error
    title = fields.get("name")
    return ExportHeader(title=str(title) if title else None, type=kind, telegram_id=telegram_id)


def with_channel(channel: model.Channel, **changes: Any) -> model.Channel:
    """The export's channel with what the config or the command line adds (region, username)."""
    return replace(channel, **{key: value for key, value in changes.items() if value is not None})
