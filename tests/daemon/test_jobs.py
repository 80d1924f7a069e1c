"""The daemon's scheduled jobs: the digest, and the bot that answers its commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from dronewatch.config import Settings
from dronewatch.daemon.jobs import attach_jobs
from dronewatch.digest import bot as digest_bot
from dronewatch.digest.delivery import DeliveryError
from dronewatch.store import Database


class FakeBot:
    """Records what the daemon registers on the bot's client."""

    def __init__(self) -> None:
        self.handlers: list[Any] = []
        self.disconnected = False

    def add_event_handler(self, handler: Any, event: Any) -> None:
        self.handlers.append(handler)

    async def disconnect(self) -> None:
        self.disconnected = True


def digest_settings(tmp_path: Path, **digest: Any) -> Settings:
    return Settings(
        data_dir=tmp_path,
        telegram={"api_id": 1, "api_hash": "h"},
        digest={"recipients": ["me", 42], "bot_token": "1:x", **digest},
    )


def job_ids(scheduler: AsyncIOScheduler) -> set[str]:
    return {job.id for job in scheduler.get_jobs()}


async def test_bot_answers_commands_and_digest_jobs_are_added(
    tmp_path: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = FakeBot()

    async def fake_start_bot(settings: Settings, new_client: object) -> FakeBot:
        return bot

    monkeypatch.setattr(digest_bot, "start_bot", fake_start_bot)
    scheduler = AsyncIOScheduler()
    jobs = await attach_jobs(scheduler, digest_settings(tmp_path), database, client=object())
    assert {"digest", "digest-catch-up"} <= job_ids(scheduler)
    assert jobs.digest is not None
    assert len(bot.handlers) == 1  # the /today, /week... command handler
    for close in jobs.closers:
        await close()
    assert bot.disconnected


async def test_a_bot_that_cannot_log_in_leaves_the_digest_to_the_user_client(
    tmp_path: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def refused(settings: Settings, new_client: object) -> None:
        raise DeliveryError("digest.bot_token: the bot could not log in")

    monkeypatch.setattr(digest_bot, "start_bot", refused)
    scheduler = AsyncIOScheduler()
    jobs = await attach_jobs(scheduler, digest_settings(tmp_path), database, client=object())
    assert "digest" in job_ids(scheduler)
    assert jobs.closers == []
    assert jobs.digest is not None


async def test_disabled_digest_adds_nothing(tmp_path: Path, database: Database) -> None:
    scheduler = AsyncIOScheduler()
    jobs = await attach_jobs(
        scheduler, digest_settings(tmp_path, enabled=False), database, client=object()
    )
    assert job_ids(scheduler) == set()
    assert (jobs.closers, jobs.digest) == ([], None)
