"""The long-running service behind `dronewatch run`.

It connects, resolves the configured channels, listens for new, edited and deleted
messages in them, and catches up on start, after every reconnect and every
`poll_seconds` (Telegram pushes no updates for channels the account has not
joined). Everything bound for the database goes through the single `Writer`.
A failing handler is logged and the daemon carries on; SIGTERM or SIGINT stop it
after the work in hand is stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telethon import events

from dronewatch.alerts.service import POLL_SECONDS
from dronewatch.config import Settings
from dronewatch.daemon.catchup import CatchUp
from dronewatch.daemon.channels import WatchedChannel, resolve_channels
from dronewatch.daemon.client import TelegramClientLike
from dronewatch.daemon.jobs import Closer, DigestOnRequest, attach_jobs
from dronewatch.daemon.requests import serve_requests
from dronewatch.daemon.writer import StoredCallback, Writer
from dronewatch.pipeline import Pipeline
from dronewatch.sources.telegram import (
    channel_id_of,
    deletion_from_event,
    new_title,
    post_from_message,
)
from dronewatch.store import Database
from dronewatch.store import status as state
from dronewatch.store.status import HEARTBEAT_SECONDS
from dronewatch.store.types import utcnow

log = logging.getLogger(__name__)

RECONNECT_SECONDS = (5, 10, 30, 60, 120, 300)


class NotAuthorizedError(Exception):
    """The session is not logged in: `dronewatch login` first."""


class Daemon:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        client: TelegramClientLike,
        *,
        pipeline: Pipeline | None = None,
        clock: Callable[[], datetime] = utcnow,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
        reconnect_seconds: tuple[float, ...] = RECONNECT_SECONDS,
        on_stored: StoredCallback | None = None,
        alert_seconds: float = POLL_SECONDS,
    ) -> None:
        self.settings = settings
        self.database = database
        self.client = client
        self.clock = clock
        self.heartbeat_seconds = heartbeat_seconds
        self.reconnect_seconds = reconnect_seconds
        self.alert_seconds = alert_seconds
        self.writer = Writer(pipeline or Pipeline(database), on_stored=on_stored)
        self.catch_up = CatchUp(client, database, self.writer, settings.telegram, clock)
        self.channels: dict[int, WatchedChannel] = {}
        self.started_at = clock()
        self.catch_ups = 0  # completed rounds, for logs and tests
        self.connects = 0
        self._stopping = asyncio.Event()
        self._ready = asyncio.Event()
        self._catch_up_wanted = asyncio.Event()
        self._recheck_wanted = False
        self._subscribed = False
        self._beat_lock = threading.Lock()  # a late beat must not undo the stop mark
        self._beating = True

    # Lifecycle ---------------------------------------------------------------------

    async def run(self) -> None:
        """Watch until stopped; then store what is queued and let go of everything."""
        loop = asyncio.get_running_loop()
        self._install_signal_handlers(loop)
        scheduler = AsyncIOScheduler(event_loop=loop, timezone=self.settings.digest.zone)
        closers: list[Closer] = []
        writer = asyncio.create_task(self.writer.run(), name="writer")
        helpers = [
            asyncio.create_task(self._heartbeat_loop(), name="heartbeat"),
            asyncio.create_task(self._catch_up_loop(), name="catch-up"),
            asyncio.create_task(self._poll_loop(), name="poll"),
            asyncio.create_task(self._start_jobs(scheduler, closers), name="jobs"),
        ]
        try:
            await self._watch()
        finally:
            log.info("stopping: storing the work in hand")
            if scheduler.running:
                scheduler.shutdown(wait=False)
            for task in helpers:
                task.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)
            for close in closers:
                with contextlib.suppress(Exception):
                    await close()
            with contextlib.suppress(Exception):
                await self.client.disconnect()
            self.writer.close()
            await writer
            await self._stop_beating()
            self._remove_signal_handlers(loop)
            log.info("stopped")

    def stop(self) -> None:
        """Ask the daemon to stop (what SIGTERM and SIGINT do)."""
        if not self._stopping.is_set():
            log.info("stop requested")
        self._stopping.set()

    async def ready(self) -> None:
        """Wait until the channels are resolved and the handlers listen."""
        await self._ready.wait()

    def request_catch_up(self, *, recheck: bool) -> None:
        self._recheck_wanted |= recheck
        self._catch_up_wanted.set()

    async def _start_jobs(self, scheduler: AsyncIOScheduler, closers: list[Closer]) -> None:
        """Once the client is first connected: start the scheduled jobs (the digest),
        then answer the requests commands leave for the daemon (`digest --send`) and
        look for posts the `[[alerts]]` rules match."""
        await self._ready.wait()
        digest = DigestOnRequest(self.settings, self.database, self.client)
        loops = [serve_requests(self.database, {"digest": digest}, self.clock)]
        try:
            jobs = await attach_jobs(scheduler, self.settings, self.database, self.client)
        except Exception:
            log.exception("scheduled jobs could not be set up; the daemon goes on without them")
        else:
            closers.extend(jobs.closers)
            digest.service = jobs.digest
            scheduler.start()
            if jobs.alerts is not None:
                loops.append(jobs.alerts.run(self.alert_seconds))
        await asyncio.gather(*loops)

    async def _watch(self) -> None:
        """Stay connected: after every disconnect, reconnect (backing off) and catch up."""
        failures = 0
        while not self._stopping.is_set():
            try:
                await self._connect()
                log.info("%s Telegram", "reconnected to" if self.connects else "connected to")
                self.connects += 1
                failures = 0
                await self._until_disconnected_or_stopped()
            except (TimeoutError, OSError, ConnectionError) as error:
                log.warning("Telegram unreachable: %s", error or type(error).__name__)
            if self._stopping.is_set():
                return
            delay = self.reconnect_seconds[min(failures, len(self.reconnect_seconds) - 1)]
            failures += 1
            log.warning("disconnected from Telegram; reconnecting in %s s", delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)

    async def _connect(self) -> None:
        await self.client.connect()
        if not await self.client.is_user_authorized():
            raise NotAuthorizedError("this session is not logged in: run `dronewatch login`")
        if not self._subscribed:
            self.channels = await resolve_channels(self.client, self.settings.channels)
            for watched in self.channels.values():
                self.writer.channel(watched.channel)
            self._subscribe()
        self.request_catch_up(recheck=True)
        self._ready.set()

    async def _until_disconnected_or_stopped(self) -> None:
        disconnected = asyncio.ensure_future(self.client.run_until_disconnected())
        stopping = asyncio.create_task(self._stopping.wait())
        await asyncio.wait({disconnected, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not disconnected.done():
            await self.client.disconnect()
        try:
            await disconnected
        except (TimeoutError, OSError, ConnectionError):
            raise
        except Exception:
            log.exception("Telegram client failed; reconnecting")

    def _subscribe(self) -> None:
        self.client.add_event_handler(self._on_new_message, events.NewMessage())
        self.client.add_event_handler(self._on_edited_message, events.MessageEdited())
        self.client.add_event_handler(self._on_deleted_messages, events.MessageDeleted())
        self.client.add_event_handler(self._on_chat_action, events.ChatAction())
        self.client.add_reconnect_handler(self._on_reconnect)
        self._subscribed = True

    def _on_reconnect(self) -> None:
        """Telethon reconnected on its own after a network hiccup: catch up on the gap."""
        log.info("reconnected to Telegram (the connection had dropped): catching up")
        self.request_catch_up(recheck=True)

    # Live events -------------------------------------------------------------------

    async def _on_new_message(self, event: Any) -> None:
        await self._guarded("new message", self._message, event)

    async def _on_edited_message(self, event: Any) -> None:
        await self._guarded("edited message", self._message, event)

    async def _on_chat_action(self, event: Any) -> None:
        await self._guarded("channel change", self._chat_action, event)

    async def _on_deleted_messages(self, event: Any) -> None:
        await self._guarded("deletion", self._deletion, event)

    async def _guarded(self, what: str, handle: Callable[[Any], None], event: Any) -> None:
        """Run a handler; whatever it raises is logged and the daemon goes on."""
        try:
            handle(event)
        except Exception:
            log.exception("%s: handler failed, event skipped", what)

    def _message(self, event: Any) -> None:
        watched = self._watched(event.message)
        if watched is None:
            return
        # The update carries the channel as it is now: a new title or username shows.
        renamed = event.chat is not None and watched.refresh(event.chat)
        post = post_from_message(event.message, watched.channel)
        if post is not None:
            self.writer.posts([post])
        elif renamed:
            self.writer.channel(watched.channel)

    def _chat_action(self, event: Any) -> None:
        """Service messages: a "channel renamed" one updates the stored title."""
        watched = self._watched(event.action_message)
        if watched is None:
            return
        changed = event.chat is not None and watched.refresh(event.chat)
        title = new_title(event.action_message)
        if title is not None:
            changed = watched.retitle(title) or changed
        if changed:
            self.writer.channel(watched.channel)

    def _watched(self, message: Any) -> WatchedChannel | None:
        if message is None:
            return None
        return self.channels.get(channel_id_of(message.peer_id) or 0)

    def _deletion(self, event: Any) -> None:
        deletion = deletion_from_event(event)
        if deletion is not None and deletion.channel_telegram_id in self.channels:
            self.writer.deletion(deletion)

    # Catch-up, polling, heartbeat ----------------------------------------------------

    async def _catch_up_loop(self) -> None:
        while True:
            await self._catch_up_wanted.wait()
            self._catch_up_wanted.clear()
            recheck, self._recheck_wanted = self._recheck_wanted, False
            await self._catch_up_all(recheck=recheck)

    async def _catch_up_all(self, *, recheck: bool) -> None:
        for watched in list(self.channels.values()):
            try:
                result = await self.catch_up.channel(watched, recheck=recheck)
            except (TimeoutError, OSError, ConnectionError) as error:
                log.warning("catch-up interrupted (%s); it resumes after reconnecting", error)
                return
            except Exception:
                log.exception("catch-up of %s failed; next round retries it", watched.name)
                continue
            if result.new or result.edited or result.deleted:
                log.info("caught up %s: %s", watched.name, result)
        self.catch_ups += 1

    async def _poll_loop(self) -> None:
        seconds = self.settings.telegram.poll_seconds
        if not seconds:
            return
        while True:
            await asyncio.sleep(seconds)
            self.request_catch_up(recheck=False)

    async def _heartbeat_loop(self) -> None:
        host, pid = socket.gethostname(), os.getpid()
        while True:
            started = time.monotonic()
            try:
                await asyncio.to_thread(self._beat, host, pid)
            except Exception:
                log.exception("heartbeat not written")
            await asyncio.sleep(max(self.heartbeat_seconds - (time.monotonic() - started), 0))

    def _beat(self, host: str, pid: int) -> None:
        with self._beat_lock:
            if not self._beating:
                return
            with self.database.session() as session:
                state.beat(
                    session,
                    state.DAEMON,
                    host,
                    pid,
                    self.started_at,
                    self.clock(),
                    every_seconds=self.heartbeat_seconds,
                )

    async def _stop_beating(self) -> None:
        """Mark the heartbeat stopped, so that `status` says so at once."""

        def mark() -> None:
            with self._beat_lock:
                self._beating = False
                with self.database.session() as session:
                    state.stop_beating(session, state.DAEMON, os.getpid(), self.clock())

        try:
            await asyncio.to_thread(mark)
        except Exception as error:  # the beat goes stale on its own, after two intervals
            log.warning("could not mark the heartbeat stopped: %s", error)

    # Signals -------------------------------------------------------------------------

    def _install_signal_handlers(self, loop: asyncio.AbstractEventLoop) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                loop.add_signal_handler(signum, self.stop)

    @staticmethod
    def _remove_signal_handlers(loop: asyncio.AbstractEventLoop) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
