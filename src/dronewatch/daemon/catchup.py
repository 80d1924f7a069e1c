"""Catch-up: fetch what a channel published while the daemon was not listening.

For a channel seen for the first time, the last `backfill_days` of history; for a
known one, every message newer than the newest stored, and, when re-checking, the
last `recheck_days` of posts again, so that edits (a later edit date) and deletions
made during the downtime are recorded.

A post missing from a history listing is not taken for deleted: listings end early
for many reasons (flood limits, server hiccups, a server that cuts them). Every
stored post of the window the listing did not show is looked up by id, and only one
Telegram answers as gone is flagged. A post flagged deleted that shows up again is
restored by the pipeline.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from telethon.errors import FloodWaitError

from dronewatch import model
from dronewatch.config import TelegramConfig
from dronewatch.daemon.channels import WatchedChannel
from dronewatch.daemon.client import TelegramClientLike
from dronewatch.daemon.flood import patiently, wait_out
from dronewatch.daemon.writer import Writer
from dronewatch.sources.telegram import post_from_message
from dronewatch.store import Database
from dronewatch.store import status as state
from dronewatch.store.status import ChannelMark, RecentPost

log = logging.getLogger(__name__)

BATCH = 100
# Message ids per look-up request (Telegram's limit for channels.getMessages).
LOOKUP_IDS = 100
# Fetch a little before the re-check window so that its first post is surely included.
WINDOW_MARGIN = timedelta(minutes=1)


@dataclass
class CatchUpResult:
    new: int = 0
    edited: int = 0
    deleted: int = 0
    restored: int = 0

    def __str__(self) -> str:
        text = f"{self.new} new, {self.edited} edited, {self.deleted} deleted"
        return f"{text}, {self.restored} restored" if self.restored else text


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
            if (post.channel.telegram_id, post.message_id) in self.writer.deleted:
                continue  # deleted while this page was on its way: the page is stale
            if self._wanted(post, plan, result):
                batch.append(post)
            if len(batch) >= BATCH:
                self.writer.posts(batch)
                batch = []
        self.writer.posts(batch)
        if plan.since is not None:
            await self._confirm_missing(watched, plan, seen, result)
        return result

    async def _confirm_missing(
        self, watched: WatchedChannel, plan: _Plan, seen: set[int], result: CatchUpResult
    ) -> None:
        """Look up by id each stored post of the window the listing did not show.

        Telegram answers a deleted message's id with nothing (Telethon: None); only
        those are flagged. The others were merely left out of the listing; one of them
        flagged deleted before (by a deletion inferred from a short listing, as older
        versions did) is restored.
        """
        missing = sorted(mid for mid in plan.known if mid not in seen)
        gone: list[int] = []
        found: list[model.Post] = []
        for start in range(0, len(missing), LOOKUP_IDS):
            ids = missing[start : start + LOOKUP_IDS]
            messages = await patiently(
                partial(self.client.get_messages, watched.entity, ids=ids),
                f"looking up posts of {watched.name}",
            )
            if len(messages) != len(ids):  # not an answer per id: nothing is confirmed
                log.warning(
                    "%s: look-up of %d posts answered %d; no deletion inferred from it",
                    watched.name,
                    len(ids),
                    len(messages),
                )
                continue
            for message_id, message in zip(ids, messages, strict=True):
                if message is None:
                    if not plan.known[message_id].deleted:
                        gone.append(message_id)
                    continue
                post = post_from_message(message, watched.channel)
                if post is not None and self._wanted(post, plan, result):
                    found.append(post)
        self.writer.posts(found)
        if gone:
            result.deleted = len(gone)
            self.writer.deletion(model.Deletion(watched.channel.telegram_id, tuple(gone)))
        log.info(
            "re-checked %s since %s: %d stored posts, %d listed, %d not listed and looked up "
            "by id, %d of them deleted",
            watched.name,
            f"{plan.since:%Y-%m-%d %H:%M} UTC",
            len(plan.known),
            len(plan.known.keys() & seen),
            len(missing),
            len(gone),
        )

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
        if stored is not None and stored.deleted:
            result.restored += 1  # flagged deleted, yet Telegram shows it: the pipeline restores
            return True
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
        """Messages oldest first, asked again after the last one until none is left.

        A listing can stop early (a short page, a flood wait, a server that cuts it);
        it resumes after the last message received, so the whole range is covered.
        """
        last: int | None = None
        while True:
            received = False
            try:
                async for message in self.client.iter_messages(
                    watched.entity, reverse=True, wait_time=1, **query
                ):
                    if last is not None and message.id <= last:
                        continue
                    last, received = message.id, True
                    yield message
            except FloodWaitError as error:
                await wait_out(error, f"fetching the history of {watched.name}")
                received = True  # ask again, from where it stopped
            if not received:
                return
            if last is not None:
                query = {"min_id": last}
