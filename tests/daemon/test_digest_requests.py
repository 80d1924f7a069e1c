"""`digest --send`: through the running daemon (it owns the session), once, unless --force."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from daemon_harness import StartDaemon
from sqlalchemy import func, select
from telegram_fakes import FakeTelegram, now, world
from typer.testing import CliRunner

from dronewatch.cli import app
from dronewatch.commands import digest as digest_command
from dronewatch.daemon.requests import Asking, NotTakenError, RequestFailedError, ask
from dronewatch.store import Database
from dronewatch.store import models as m
from dronewatch.store import status as state

runner = CliRunner()
DAY = "2026-06-08"  # long past: the daemon's own start-up digest is of another day


def env(database: Database, tmp_path: Path) -> dict[str, str]:
    """A command's environment: the daemon's database, no Telegram credentials at all."""
    return {
        "DRONEWATCH_DATABASE__URL": database.engine.url.render_as_string(hide_password=False),
        "DRONEWATCH_DATA_DIR": str(tmp_path / "cli"),
        "DRONEWATCH_DIGEST__RECIPIENTS": '["me"]',
    }


async def send(database: Database, tmp_path: Path, *options: str) -> Result:
    """The command in a thread: it blocks while the daemon works on this event loop."""
    args = ["digest", "--date", DAY, "--send", *options]
    handlers = logging.getLogger().handlers[:]
    try:
        return await asyncio.to_thread(runner.invoke, app, args, env=env(database, tmp_path))
    finally:  # the command pointed logging at its own (now closed) stderr
        logging.getLogger().handlers[:] = handlers


def sent_for(client: FakeTelegram, day: str = "8 June 2026") -> int:
    """Messages of the digest of `day` sent so far (its text parts and chart)."""
    texts = [text for _, text in client.sent]
    return sum(day in text for text in texts) + texts.count("<photo>")


async def test_digest_send_goes_through_the_running_daemon_once_and_force_resends(
    start_daemon: StartDaemon, database: Database, tmp_path: Path
) -> None:
    client = world()
    running = await start_daemon(client, digest={"recipients": ["me"]}, heartbeat_seconds=5)
    for _ in range(500):  # the digest missed "while stopped" goes out at start: let it
        with database.session() as session:
            if session.scalar(select(func.count()).where(m.Digest.sent_at.is_not(None))):
                break
        await asyncio.sleep(0.02)
    client.sent.clear()

    first = await send(database, tmp_path)
    assert first.exit_code == 0, first.output
    assert "the daemon is running: it sends the digest" in first.output
    assert f"{DAY} to me: sent" in first.output
    once = sent_for(client)
    assert once >= 2  # the text and the chart, by the daemon's own client
    assert all(recipient == "me" for recipient, _ in client.sent)

    again = await send(database, tmp_path)
    assert again.exit_code == 0, again.output
    assert f"{DAY} to me: already sent" in again.output
    assert "--force sends it again" in again.output
    assert sent_for(client) == once

    forced = await send(database, tmp_path, "--force")
    assert forced.exit_code == 0, forced.output
    assert f"{DAY} to me: sent" in forced.output
    assert sent_for(client) == 2 * once
    with database.session() as session:
        rows = session.scalars(select(m.DaemonRequest)).all()
    assert [(row.claimed_at is not None, row.error) for row in rows] == [(True, None)] * 3
    await running.stop()


def test_without_a_daemon_the_command_sends_itself_once(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clients: list[FakeTelegram] = []

    def own_client(context: Any) -> FakeTelegram:
        clients.append(world())
        return clients[-1]

    monkeypatch.setattr(digest_command, "telegram_client", own_client)
    environment = {
        **env(database, tmp_path),
        "DRONEWATCH_TELEGRAM__API_ID": "1",
        "DRONEWATCH_TELEGRAM__API_HASH": "h",
    }
    args = ["digest", "--date", DAY, "--send"]
    first = runner.invoke(app, args, env=environment)
    assert first.exit_code == 0, first.output
    assert "the daemon is running" not in first.output
    assert sent_for(clients[0]) >= 2
    second = runner.invoke(app, args, env=environment)
    assert second.exit_code == 0
    assert f"{DAY} to me: already sent" in second.output
    assert sent_for(clients[1]) == 0
    forced = runner.invoke(app, [*args, "--force"], env=environment)
    assert forced.exit_code == 0
    assert sent_for(clients[2]) == sent_for(clients[0])
    assert runner.invoke(app, ["digest", "--force"], env=environment).exit_code == 2


def test_a_request_the_daemon_never_takes_is_withdrawn(database: Database) -> None:
    with database.session() as session:  # a heartbeat says "running", but nobody serves
        state.beat(session, state.DAEMON, "box", 1, now(), now(), every_seconds=3600)
    started = time.monotonic()
    with pytest.raises(NotTakenError, match="did not take it"):
        ask(database, "digest", {"day": DAY}, Asking(now, every=0.05, claim_timeout=0.2))
    assert time.monotonic() - started < 5
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(m.DaemonRequest)) == 0
        state.beat(
            session, state.DAEMON, "box", 1, now(), now() - timedelta(hours=1), every_seconds=1
        )
    with pytest.raises(NotTakenError, match="is not running"):
        ask(database, "digest", {"day": DAY}, Asking(now, every=0.05))


def test_an_interrupted_wait_withdraws_a_request_not_yet_taken(database: Database) -> None:
    with database.session() as session:
        state.beat(session, state.DAEMON, "box", 1, now(), now(), every_seconds=3600)

    def interrupted(_seconds: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ask(database, "digest", {"day": DAY}, Asking(now, sleep=interrupted))
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(m.DaemonRequest)) == 0


async def test_a_request_the_daemon_cannot_do_fails_with_its_reason(
    start_daemon: StartDaemon, database: Database
) -> None:
    await start_daemon(heartbeat_seconds=5)
    with pytest.raises(RequestFailedError, match="does not handle 'nothing' requests"):
        await asyncio.to_thread(ask, database, "nothing", {}, Asking(now, every=0.05))
