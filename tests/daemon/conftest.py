"""A daemon running against a fake Telegram and a real database (SQLite, PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from daemon_harness import Running, StartDaemon, settings_for
from telegram_fakes import FakeTelegram, drone_parser, world

from dronewatch.daemon.service import Daemon
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database


@pytest.fixture
async def start_daemon(database: Database, tmp_path: Path) -> AsyncIterator[StartDaemon]:
    """Start a daemon (once per test) and stop it at the end."""
    started: list[Running] = []

    async def start(
        client: FakeTelegram | None = None,
        digest: dict[str, Any] | None = None,
        heartbeat_seconds: float = 0.05,
        alerts: list[dict[str, Any]] | None = None,
        **telegram: Any,
    ) -> Running:
        client = client or world()
        daemon = Daemon(
            settings_for(tmp_path, digest, alerts, **telegram),
            database,
            client,
            pipeline=Pipeline(database, parser=drone_parser, parser_version="test"),
            heartbeat_seconds=heartbeat_seconds,
            reconnect_seconds=(0.01,),
            alert_seconds=0.05,
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
