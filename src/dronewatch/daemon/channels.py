"""The configured channels, resolved to Telegram entities and keyed by their stable id.

Configuration names a channel however the user likes (username, numeric id, t.me
link); from here on the daemon knows it by its Telegram id, because usernames and
titles change and ids do not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from telethon.errors import RPCError
from telethon.tl.functions.channels import JoinChannelRequest
from telethon.tl.types import PeerChannel

from dronewatch import model
from dronewatch.config import ChannelConfig
from dronewatch.daemon.client import TelegramClientLike
from dronewatch.daemon.flood import patiently
from dronewatch.model import channel_id
from dronewatch.sources.telegram import channel_from_entity, is_channel_entity

log = logging.getLogger(__name__)


class NoChannelsError(Exception):
    """Not one configured channel could be resolved: there is nothing to watch."""


@dataclass
class WatchedChannel:
    """A channel being watched: its config, its entity for requests, its current identity."""

    config: ChannelConfig
    entity: Any
    channel: model.Channel

    @property
    def name(self) -> str:
        username = self.channel.username
        return f"@{username}" if username else f"{self.channel.title} ({self.channel.telegram_id})"

    def refresh(self, entity: Any) -> bool:
        """Take a newer title or username from `entity`; True when something changed."""
        if not is_channel_entity(entity) or entity.id != self.channel.telegram_id:
            return False
        channel = _channel(entity, self.config)
        if (channel.title, channel.username) == (self.channel.title, self.channel.username):
            return False
        log.info("channel %s is now %r (@%s)", self.name, channel.title, channel.username)
        self.channel = channel
        return True

    def retitle(self, title: str) -> bool:
        """Take the title a "channel renamed" message announces; True when it is new."""
        if title == self.channel.title:
            return False
        log.info("channel %s renamed to %r", self.name, title)
        self.channel = replace(self.channel, title=title)
        return True


async def resolve_channels(
    client: TelegramClientLike, configs: list[ChannelConfig]
) -> dict[int, WatchedChannel]:
    """Every configured channel that resolves, by Telegram id; the others are logged."""
    watched: dict[int, WatchedChannel] = {}
    for config in configs:
        try:
            entity = await _resolve(client, config)
        except (ValueError, TypeError, RPCError) as error:
            log.error("channel %s: cannot be resolved, skipped: %s", config.channel, error)
            continue
        if not is_channel_entity(entity):
            log.error("channel %s: is not a channel, skipped", config.channel)
            continue
        item = WatchedChannel(config, entity, _channel(entity, config))
        if config.join and getattr(entity, "left", False):
            await _join(client, item)
        watched[item.channel.telegram_id] = item
        log.info("watching %s (%s)", item.name, item.channel.title)
    if not watched:
        raise NoChannelsError("none of the configured channels could be resolved")
    return watched


async def _resolve(client: TelegramClientLike, config: ChannelConfig) -> Any:
    # A number can only be resolved if this account has met the channel before.
    target: Any = config.channel
    if config.numeric_id is not None:
        target = PeerChannel(channel_id(config.numeric_id))
    return await patiently(lambda: client.get_entity(target), f"resolving {config.channel}")


async def _join(client: TelegramClientLike, item: WatchedChannel) -> None:
    try:
        await patiently(lambda: client(JoinChannelRequest(item.entity)), f"joining {item.name}")
    except RPCError as error:
        log.error("channel %s: cannot join (%s); watching it by polling", item.name, error)
    else:
        log.info("joined %s", item.name)


def _channel(entity: Any, config: ChannelConfig) -> model.Channel:
    return channel_from_entity(entity, region=config.region, label=config.label)
