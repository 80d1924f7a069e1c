"""A daemon running against a fake Telegram and a real database (SQLite, PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from telegram_fakes import BELGOROD, FakeTelegram, drone_parser, world

from dronewatch.config import Settings
from dronewatch.daemon.service import Daemon
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store import models as m


def settings_for(tmp_path: Path, **telegram: Any) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        channels=[
            {"channel": "kursk_gov", "region": "RU-KRS"},
            {"channel": str(-(10**12 + BELGOROD)), "region": "RU-BEL", "join": True},
        ],
        telegram={"backfill_days": 2, "recheck_days": 2, "poll_seconds": 0, **telegram},
    )


@dataclass
class Running:
    """A daemon running in the test's event loop."""

    daemon: Daemon
    client: FakeTelegram
    database: Database
    task: asyncio.Task[None]

    async def settle(self) -> None:
        """Wait until queued catch-ups and writes are done."""
        for _ in range(500):
            await asyncio.sleep(0.01)
            if not self.daemon._catch_up_wanted.is_set() and not self.daemon.writer.pending:
                await self.daemon.writer.drained()
                if not self.daemon._catch_up_wanted.is_set():
                    return
        raise AssertionError("the daemon did not settle")

    async def caught_up(self, rounds: int) -> None:
        for _ in range(500):
            if self.daemon.catch_ups >= rounds:
                await self.settle()
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"catch-up round {rounds} never finished")

    async def stop(self) -> None:
        self.daemon.stop()
        await asyncio.wait_for(self.task, 10)

    def posts(self, channel: int) -> dict[int, m.Post]:
        with self.database.session() as session:
            rows = session.scalars(
                select(m.Post).join(m.Channel).where(m.Channel.telegram_id == channel)
            )
            return {row.message_id: row for row in rows}

    def count(self, model: Any) -> int:
        with self.database.session() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)


StartDaemon = Callable[..., Awaitable[Running]]


@pytest.fixture
async def start_daemon(database: Database, tmp_path: Path) -> AsyncIterator[StartDaemon]:
    """Start a daemon (once per test) and stop it at the end."""
    started: list[Running] = []

    async def start(client: FakeTelegram | None = None, **telegram: Any) -> Running:
        client = client or world()
        daemon = Daemon(
            settings_for(tmp_path, **telegram),
            database,
            client,
            pipeline=Pipeline(database, parser=drone_parser, parser_version="test"),
            heartbeat_seconds=0.05,
            reconnect_seconds=(0.01,),
        )
        running = Running(daemon, client, database, asyncio.create_task(daemon.run()))
        started.append(running)
        await asyncio.wait_for(daemon.ready(), 5)
        await running.caught_up(1)
        return running

    yield start
    for running in started:
        if not running.task.done():
            await running.stop()
