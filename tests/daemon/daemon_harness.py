"""A daemon running in the test's event loop, against a fake Telegram and a real database."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from telegram_fakes import BELGOROD, FakeTelegram

from dronewatch.config import Settings
from dronewatch.daemon.service import Daemon
from dronewatch.store import Database
from dronewatch.store import models as m


def settings_for(
    tmp_path: Path,
    digest: dict[str, Any] | None = None,
    alerts: list[dict[str, Any]] | None = None,
    **telegram: Any,
) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        digest=digest or {},
        alerts=alerts or [],
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
