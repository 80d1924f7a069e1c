"""Telegram offline: real Telethon objects and a client whose network is a script.

`FakeTelegram` is a real `DronewatchClient` (so updates go through Telethon's own
event builders and dispatch, exactly as in production) with the network replaced:
channel history lives in a dict, a flood wait or a dropped connection can be armed.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from telethon.errors import FloodWaitError
from telethon.sessions import StringSession
from telethon.tl import types
from telethon.tl.functions.channels import GetMessagesRequest, JoinChannelRequest

from dronewatch.daemon.client import DronewatchClient
from dronewatch.parsing import RegionCount, Report

SELF_ID = 424242
KURSK = 1001
BELGOROD = 1002
OTHER = 1003  # a channel the account sees but nobody configured


def drone_parser(text: str, region: str | None, date: datetime | None) -> Report:
    """Reads "N drones" and nothing else: tests check storage, not the real parser."""
    if "BOOM" in text:
        raise RuntimeError("parser exploded")
    match = re.search(r"(\d+) drones", text)
    if match is None:
        return Report()
    drones = int(match[1])
    regions = [RegionCount(code=region, drones=drones)] if region else []
    return Report(kind="attack", drones=drones, regions=regions)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def channel_entity(
    channel_id: int, title: str, username: str | None, *, left: bool = False
) -> types.Channel:
    return types.Channel(
        id=channel_id,
        title=title,
        photo=types.ChatPhotoEmpty(),
        date=datetime(2022, 2, 1, tzinfo=UTC),
        broadcast=True,
        left=left,
        access_hash=channel_id * 7,
        username=username,
    )


def message(
    channel_id: int,
    message_id: int,
    text: str,
    *,
    date: datetime | None = None,
    edit_date: datetime | None = None,
    grouped_id: int | None = None,
    media: Any = None,
) -> types.Message:
    return types.Message(
        id=message_id,
        peer_id=types.PeerChannel(channel_id),
        date=date or now(),
        message=text,
        post=True,
        edit_date=edit_date,
        grouped_id=grouped_id,
        media=media,
        views=100 + message_id,
    )


def photo() -> types.MessageMediaPhoto:
    return types.MessageMediaPhoto(photo=types.PhotoEmpty(id=1))


def new_message(msg: types.Message) -> types.UpdateNewChannelMessage:
    return types.UpdateNewChannelMessage(message=msg, pts=msg.id, pts_count=1)


def edited_message(msg: types.Message) -> types.UpdateEditChannelMessage:
    return types.UpdateEditChannelMessage(message=msg, pts=msg.id, pts_count=1)


def deleted_messages(channel_id: int, ids: Iterable[int]) -> types.UpdateDeleteChannelMessages:
    return types.UpdateDeleteChannelMessages(
        channel_id=channel_id, messages=list(ids), pts=1, pts_count=1
    )


class FakeTelegram(DronewatchClient):
    """A logged-in account that follows scripted channels, reachable or not at will."""

    def __init__(self, channels: Iterable[types.Channel] = ()) -> None:
        super().__init__(StringSession(), 1, "0" * 32)
        self._mb_entity_cache.set_self_user(SELF_ID, False, 0)
        self.channels = {channel.id: channel for channel in channels}
        self.history: dict[int, dict[int, types.Message]] = {cid: {} for cid in self.channels}
        self.connected = False
        self.connects = 0
        self.joined: list[int] = []
        self.requests: list[dict[str, Any]] = []
        self.lookups: list[list[int]] = []  # ids asked for by channels.getMessages
        self.listing_limit: int | None = None  # a listing stops after this many messages
        self.unlisted: set[int] = set()  # messages that exist but listings leave out
        self.sent: list[tuple[Any, str]] = []  # (recipient, text or "<photo>") sent by the account
        self.flood_after: int | None = None  # raise FloodWaitError once after N messages
        self.flood_seconds = 0
        self.refuse_connect = 0  # connection attempts that fail before one succeeds
        self._gone = asyncio.Event()

    # The network, scripted --------------------------------------------------------------

    async def connect(self) -> None:
        if self.refuse_connect:
            self.refuse_connect -= 1
            raise ConnectionError("network is unreachable")
        self.connected = True
        self.connects += 1
        self._gone = asyncio.Event()

    def is_connected(self) -> bool:
        return self.connected

    async def is_user_authorized(self) -> bool:
        return True

    async def get_me(self, input_peer: bool = False) -> Any:
        return types.InputPeerUser(SELF_ID, 0) if input_peer else None

    async def get_entity(self, entity: Any) -> Any:
        if isinstance(entity, types.PeerChannel):
            if entity.channel_id in self.channels:
                return self.channels[entity.channel_id]
        else:
            for channel in self.channels.values():
                if channel.username and channel.username.lower() == str(entity).lower():
                    return channel
        raise ValueError(f'No user has "{entity}" as username')

    async def __call__(self, request: Any, ordered: bool = False) -> Any:
        if isinstance(request, JoinChannelRequest):
            self.joined.append(request.channel.id)
            return None
        if isinstance(request, GetMessagesRequest):
            return self._look_up(request)
        raise NotImplementedError(type(request).__name__)

    def _look_up(self, request: GetMessagesRequest) -> types.messages.ChannelMessages:
        """Telegram's answer to a look-up by id: a deleted id comes back as MessageEmpty."""
        if not self.connected:
            raise ConnectionError("connection lost")
        channel = request.channel.channel_id
        ids = [getattr(item, "id", item) for item in request.id]
        self.lookups.append(ids)
        history = self.history[channel]
        return types.messages.ChannelMessages(
            pts=1,
            count=len(ids),
            messages=[
                history.get(mid) or types.MessageEmpty(id=mid, peer_id=types.PeerChannel(channel))
                for mid in ids
            ],
            topics=[],
            chats=[self.channels[channel]],
            users=[],
        )

    def iter_messages(self, entity: Any, *args: Any, **kwargs: Any) -> Any:
        """A listing from the script; a look-up by `ids` goes through Telethon's own code."""
        if "ids" in kwargs:
            return super().iter_messages(entity, *args, **kwargs)
        return self._listing(entity, **kwargs)

    async def _listing(
        self,
        entity: Any,
        *,
        reverse: bool = False,
        wait_time: float | None = None,
        min_id: int = 0,
        offset_date: datetime | None = None,
    ) -> AsyncIterator[types.Message]:
        assert reverse, "the daemon reads history oldest first"
        self.requests.append({"channel": entity.id, "min_id": min_id, "offset_date": offset_date})
        listed = 0
        for msg in sorted(self.history[entity.id].values(), key=lambda m: m.id):
            if not self.connected:
                raise ConnectionError("connection lost")
            if msg.id <= min_id or (offset_date is not None and msg.date <= offset_date):
                continue
            if msg.id in self.unlisted:
                continue
            if self.listing_limit is not None and listed == self.listing_limit:
                return  # the server cut the listing short
            listed += 1
            if self.flood_after is not None:
                if self.flood_after == 0:
                    self.flood_after = None
                    raise FloodWaitError(request=None, capture=self.flood_seconds)
                self.flood_after -= 1
            yield msg
            await asyncio.sleep(0)

    async def send_message(self, entity: Any, message: str = "", **kwargs: Any) -> Any:
        self.sent.append((entity, message))

    async def send_file(self, entity: Any, file: Any, **kwargs: Any) -> Any:
        self.sent.append((entity, "<photo>"))

    async def run_until_disconnected(self) -> None:
        await self._gone.wait()

    async def disconnect(self) -> None:
        self.connected = False
        self._gone.set()

    # What the test does to the world ---------------------------------------------------------

    def publish(self, *messages: types.Message) -> None:
        """Messages that exist on Telegram (for catch-up), not delivered live."""
        for msg in messages:
            self.history[msg.peer_id.channel_id][msg.id] = msg

    def delete(self, channel_id: int, *ids: int) -> None:
        for message_id in ids:
            self.history[channel_id].pop(message_id)

    async def deliver(self, update: Any, chats: Iterable[types.Channel] = ()) -> None:
        """An update arriving live, processed the way Telethon processes one."""
        if isinstance(update, types.UpdateNewChannelMessage | types.UpdateEditChannelMessage):
            self.publish(update.message)
        for processed in await self._preprocess_updates([update], [], list(chats)):
            await self._dispatch_update(processed)

    def drop_connection(self) -> None:
        """The network goes away under the client."""
        self.connected = False
        self._gone.set()


def days_ago(days: float) -> datetime:
    return now() - timedelta(days=days)


def world() -> FakeTelegram:
    return FakeTelegram(
        [
            channel_entity(KURSK, "Губернатор Курской области", "kursk_gov"),
            channel_entity(BELGOROD, "Гладков", "vvgladkov", left=True),
            channel_entity(OTHER, "Someone else", "other"),
        ]
    )
