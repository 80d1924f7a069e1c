"""The daemon's single writer: everything bound for the database, in arrival order.

Live handlers and the catch-up only queue work here, so the event loop never waits
for the database; one task applies the queue in a worker thread, in order (a post
before its edit, an edit before its deletion). Consecutive posts are stored as one
batch. A database outage is waited out, never dropped; a post the pipeline cannot
handle is logged and skipped so that it cannot block the ones behind it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.exc import InterfaceError, OperationalError

from dronewatch import model

log = logging.getLogger(__name__)

Work = list[model.Post] | model.Deletion | model.Channel
StoredCallback = Callable[[list[float]], None]

BATCH_POSTS = 200
RETRY_SECONDS = (1, 2, 5, 10, 30, 60)
# Once asked to stop, a database that stays away is given this many more tries.
RETRIES_WHEN_CLOSING = 3


class Sink(Protocol):
    """Where the writer's work goes: the pipeline (`dronewatch.pipeline.Pipeline`).

    The writer only orders and batches; storing, parsing and the database are the
    pipeline's.
    """

    def ingest(self, posts: list[model.Post], *, restore: bool) -> Any: ...

    def delete(self, deletion: model.Deletion) -> Any: ...

    def update_channel(self, channel: model.Channel) -> None: ...


@dataclass
class _Job:
    work: Work
    received: list[float] = field(default_factory=list)


class Writer:
    def __init__(
        self,
        pipeline: Sink,
        *,
        on_stored: StoredCallback | None = None,
        batch_posts: int = BATCH_POSTS,
    ) -> None:
        self.pipeline = pipeline
        self.on_stored = on_stored
        self.batch_posts = batch_posts
        self._jobs: deque[_Job] = deque()
        self._wakeup = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._closing = False
        # Posts a deletion was queued for in this run: a history page fetched before
        # the deletion may still list them, and must not bring them back.
        self.deleted: set[tuple[int, int]] = set()

    def posts(self, posts: list[model.Post]) -> None:
        if posts:
            self._put(_Job(list(posts), [time.perf_counter()] * len(posts)))

    def deletion(self, deletion: model.Deletion) -> None:
        self.deleted.update((deletion.channel_telegram_id, mid) for mid in deletion.message_ids)
        self._put(_Job(deletion, [time.perf_counter()]))

    def channel(self, channel: model.Channel) -> None:
        """Store a channel's new title or username when no post carries it."""
        self._put(_Job(channel, [time.perf_counter()]))

    @property
    def pending(self) -> int:
        return len(self._jobs)

    async def drained(self) -> None:
        """Wait until everything queued so far is stored."""
        await self._idle.wait()

    async def run(self) -> None:
        """Apply queued work until `close()`, then finish what is queued and return."""
        while True:
            if not self._jobs:
                self._idle.set()
                if self._closing:
                    return
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            job = self._take()
            await self._apply(job)
            if self.on_stored is not None:
                self.on_stored(job.received)

    def close(self) -> None:
        """Stop taking new work; `run()` returns once the queue is empty."""
        self._closing = True
        self._wakeup.set()

    def _put(self, job: _Job) -> None:
        if self._closing:
            log.warning("shutting down: not storing %s", _describe(job.work))
            return
        self._jobs.append(job)
        self._idle.clear()
        self._wakeup.set()

    def _take(self) -> _Job:
        """The next job, merged with the posts queued right behind it."""
        job = self._jobs.popleft()
        if not isinstance(job.work, list):
            return job
        posts = job.work
        keys = _keys(posts)
        while self._jobs:
            following = self._jobs[0]
            if not isinstance(following.work, list):
                break
            following_keys = {
                (post.channel.telegram_id, post.message_id) for post in following.work
            }
            # A post and its edit in one batch would race inside it: keep them apart.
            if len(posts) + len(following.work) > self.batch_posts or keys & following_keys:
                break
            self._jobs.popleft()
            posts.extend(following.work)
            job.received.extend(following.received)
            keys |= following_keys
        return job

    async def _apply(self, job: _Job) -> None:
        attempt = 0
        while True:
            try:
                await asyncio.to_thread(self._store, job.work)
                return
            except (OperationalError, InterfaceError) as error:
                if self._closing and attempt >= RETRIES_WHEN_CLOSING:
                    log.error(
                        "database unavailable at shutdown, not stored: %s", _describe(job.work)
                    )
                    return
                delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                if attempt == 0:
                    log.warning("database unavailable (%s): retrying until it is back", error)
                attempt += 1
                await asyncio.sleep(delay)
            except Exception:
                if isinstance(job.work, list) and len(job.work) > 1:
                    for post in job.work:  # store the others, find the one that fails
                        await self._apply(_Job([post]))
                    return
                log.exception("cannot store %s: skipped", _describe(job.work))
                return

    def _store(self, work: Work) -> None:
        if isinstance(work, list):
            self.pipeline.ingest(work, restore=True)  # every post here was just on Telegram
        elif isinstance(work, model.Deletion):
            self.pipeline.delete(work)
        else:
            self.pipeline.update_channel(work)


def _keys(posts: list[model.Post]) -> set[tuple[int, int]]:
    return {(post.channel.telegram_id, post.message_id) for post in posts}


def _describe(work: Work) -> str:
    if isinstance(work, list):
        return ", ".join(f"post {p.channel.telegram_id}/{p.message_id}" for p in work)
    if isinstance(work, model.Deletion):
        return f"deletion of {work.channel_telegram_id}/{list(work.message_ids)}"
    return f"channel {work.telegram_id}"
