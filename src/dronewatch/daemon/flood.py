"""Telegram's rate limits: wait as long as it asks, say so once, carry on."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telethon.errors import FloodWaitError

log = logging.getLogger(__name__)

T = TypeVar("T")

# Telegram's figure is a minimum; a second more avoids asking again too early.
FLOOD_MARGIN_SECONDS = 1


async def wait_out(error: FloodWaitError, doing: str) -> None:
    """Sleep for the time a FloodWaitError asks, logged once."""
    seconds = int(error.seconds) + FLOOD_MARGIN_SECONDS
    log.warning("Telegram rate limit while %s: waiting %d s, then resuming", doing, seconds)
    await asyncio.sleep(seconds)


async def patiently(call: Callable[[], Awaitable[T]], doing: str) -> T:
    """`call()`, repeated after every flood wait until it succeeds."""
    while True:
        try:
            return await call()
        except FloodWaitError as error:
            await wait_out(error, doing)
