"""Catch-up: fetch what a channel published while the daemon was not listening.

For a channel seen for the first time, the last `backfill_days` of history; for a
known one, every message newer than the newest stored, and, when re-checking, the
last `recheck_days` of posts again, so that edits (a later edit date) and deletions
(a stored post Telegram no longer returns) made during the downtime are recorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telethon.errors import FloodWaitError

from dronewatch import model
from dronewatch.config import TelegramConfig
from dronewatch.daemon.channels import WatchedChannel
from dronewatch.daemon.client import TelegramClientLike
from dronewatch.daemon.flood import wait_out
from dronewatch.daemon.writer import Writer
from dronewatch.sources.telegram import post_from_message
from dronewatch.store import Database
from dronewatch.store import status as state
from dronewatch.store.status import ChannelMark, RecentPost

log = logging.getLogger(__name__)

BATCH = 100
# Fetch a little before the re-check window so that its first post is surely included.
WINDOW_MARGIN = timedelta(minutes=1)


@dataclass
class CatchUpResult:
    new: int = 0
    edited: int = 0
    deleted: int = 0

    def __str__(self) -> str:
        return f"{self.new} new, {self.edited} edited, {self.deleted} deleted"


@dataclass(frozen=True)
class _Plan:
    """What to fetch for one channel and what is stored already."""

    query: dict[str, Any]
    mark: ChannelMark | None
    since: datetime | None
    known: dict[int, RecentPost]


class CatchUp:
    def __init__(
        self,
        client: TelegramClientLike,
        database: Database,
        writer: Writer,
        config: TelegramConfig,
        clock: Callable[[], datetime],
    ) -> None:
        self.client = client
        self.database = database
        self.writer = writer
        self.config = config
        self.clock = clock

    async def channel(self, watched: WatchedChannel, *, recheck: bool) -> CatchUpResult:
        """Queue everything `watched` published (or edited) that the store lacks."""
        plan = await asyncio.to_thread(self._plan, watched.channel.telegram_id, recheck)
        result = CatchUpResult()
        if plan is None:
            return result
        seen: set[int] = set()
        batch: list[model.Post] = []
        async for message in self._history(watched, plan.query):
            post = post_from_message(message, watched.channel)
            if post is None:
                continue
            seen.add(post.message_id)
            if self._wanted(post, plan, result):
                batch.append(post)
            if len(batch) >= BATCH:
                self.writer.posts(batch)
                batch = []
        self.writer.posts(batch)
        gone = [mid for mid, post in plan.known.items() if mid not in seen and not post.deleted]
        if gone:
            result.deleted = len(gone)
            self.writer.deletion(model.Deletion(watched.channel.telegram_id, tuple(sorted(gone))))
        return result

    def _plan(self, telegram_id: int, recheck: bool) -> _Plan | None:
        now = self.clock()
        with self.database.session() as session:
            mark = state.channel_marks(session, [telegram_id]).get(telegram_id)
            if mark is None:
                if not self.config.backfill_days:
                    return None
                start = now - timedelta(days=self.config.backfill_days)
                return _Plan({"offset_date": start}, None, None, {})
            since = now - timedelta(days=self.config.recheck_days)
            if not recheck or not self.config.recheck_days or mark.last_date < since:
                return _Plan({"min_id": mark.last_message_id}, mark, None, {})
            known = state.recent_posts(session, telegram_id, since)
        return _Plan({"offset_date": since - WINDOW_MARGIN}, mark, since, known)

    @staticmethod
    def _wanted(post: model.Post, plan: _Plan, result: CatchUpResult) -> bool:
        stored = plan.known.get(post.message_id)
        if stored is None:
            # Newer than the store, or older but missing (or in the window's margin):
            # the pipeline tells new from unchanged.
            if plan.mark is None or post.message_id > plan.mark.last_message_id:
                result.new += 1
            return True
        if post.edit_date is not None and (
            stored.edit_date is None or post.edit_date > stored.edit_date
        ):
            result.edited += 1
            return True
        return False

    async def _history(self, watched: WatchedChannel, query: dict[str, Any]) -> AsyncIterator[Any]:
        """Messages oldest first; after a flood wait, resume after the last one received."""
        while True:
            try:
                async for message in self.client.iter_messages(
                    watched.entity, reverse=True, wait_time=1, **query
                ):
                    query = {"min_id": message.id}
                    yield message
                return
            except FloodWaitError as error:
                await wait_out(error, f"fetching the history of {watched.name}")
