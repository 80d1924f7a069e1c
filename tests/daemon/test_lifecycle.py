"""Stopping on SIGTERM, the heartbeat, and a database that goes away for a while."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from daemon_harness import StartDaemon
from sqlalchemy.exc import OperationalError
from telegram_fakes import KURSK, message, new_message

from dronewatch import model
from dronewatch.daemon import writer as writer_module
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store import status as state

CHILD = Path(__file__).with_name("sigterm_child.py")


async def test_sigterm_stores_the_work_in_hand_and_stops(start_daemon: StartDaemon) -> None:
    running = await start_daemon()
    for message_id in range(1, 21):
        await running.client.deliver(new_message(message(KURSK, message_id, "1 drones")))
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(running.task, 10)

    assert running.task.exception() is None
    assert set(running.posts(KURSK)) == set(range(1, 21))
    assert not running.client.is_connected()


async def test_heartbeat_is_written(start_daemon: StartDaemon) -> None:
    running = await start_daemon()
    with running.database.session() as session:
        first = state.heartbeat(session, "daemon")
        assert first is not None
        assert first.pid == os.getpid()
    await asyncio.sleep(0.2)
    with running.database.session() as session:
        later = state.heartbeat(session, "daemon")
        assert later is not None
        assert later.beat_at >= first.beat_at
        assert later.started_at == first.started_at


def test_sigterm_in_a_real_process_exits_zero(database_url: str, tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), database_url, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(CHILD.parent)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert out.strip() == "stopped"
    database = Database(database_url)
    with database.session() as session:
        assert state.channel_marks(session, [KURSK])[KURSK].last_message_id == 3
    database.dispose()


async def test_a_database_outage_is_waited_out(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "RETRY_SECONDS", (0.01,))
    pipeline = Pipeline(database)
    real_ingest = pipeline.ingest
    failures = iter([True, True, False])

    def flaky_ingest(posts: list[model.Post], *, restore: bool = False) -> object:
        if next(failures):
            raise OperationalError("INSERT", {}, Exception("server closed the connection"))
        return real_ingest(posts, restore=restore)

    monkeypatch.setattr(pipeline, "ingest", flaky_ingest)
    writer = writer_module.Writer(pipeline)
    task = asyncio.create_task(writer.run())
    post = model.Post(model.Channel(KURSK), 1, message(KURSK, 1, "").date, "text")
    writer.posts([post])
    writer.close()
    await asyncio.wait_for(task, 5)
    with database.session() as session:
        assert state.channel_marks(session, [KURSK])[KURSK].last_message_id == 1
