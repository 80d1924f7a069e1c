"""A daemon in a process of its own, for the SIGTERM test: prints "ready", then "stopped".

Usage: sigterm_child.py DATABASE_URL DATA_DIR [HEARTBEAT_SECONDS]
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from telegram_fakes import KURSK, drone_parser, message, new_message, world

from dronewatch.config import Settings
from dronewatch.daemon.service import Daemon
from dronewatch.pipeline import Pipeline
from dronewatch.store import open_database


async def main(url: str, data_dir: Path, heartbeat_seconds: float) -> None:
    database = open_database(url)
    client = world()
    settings = Settings(
        data_dir=data_dir, channels=[{"channel": "kursk_gov"}], telegram={"poll_seconds": 0}
    )
    daemon = Daemon(
        settings,
        database,
        client,
        pipeline=Pipeline(database, parser=drone_parser),
        heartbeat_seconds=heartbeat_seconds,
    )
    task = asyncio.create_task(daemon.run())
    await daemon.ready()
    for message_id in (1, 2, 3):
        await client.deliver(new_message(message(KURSK, message_id, f"{message_id} drones")))
    print("ready", flush=True)
    await task
    database.dispose()
    print("stopped", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]) if sys.argv[3:] else 15))
