"""Live-event latency and memory: 10,000 updates through the daemon's handlers into SQLite.

A daemon runs against an offline Telegram (the test suite's fake: a real Telethon
client whose network is scripted) watching 40 channels. Updates are built the way
Telegram sends them (`UpdateNewChannelMessage`, `UpdateEditChannelMessage`,
`UpdateDeleteChannelMessages`, with the channel entity attached), dispatched by
Telethon's own dispatcher one at a time, as live posts arrive, and each is timed
from the update's arrival to its post and report (real parser) committed in SQLite.
Texts are the shared corpus's real governor posts. Prints median and p99 latency
(target p99 < 50 ms) and the process's resident memory (target < 150 MB).

    uv run python benchmarks/live_events.py [--events 10000] [--corpus PATH] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHANNELS = 40
FIRST_ID = 2_000_000_000
REGIONS = ["RU-BEL", "RU-KRS", "RU-BRY", "RU-VOR", "RU-ORL", "RU-LIP", "RU-TUL", "RU-KLU"]


def load_texts(path: Path) -> list[str]:
    if not path.is_file():
        sys.exit(f"corpus {path} not found: pass --corpus PATH (JSON lines with a 'text')")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def rss_mb() -> tuple[float, float]:
    """Current and peak resident memory of this process, in MB."""
    current = 0.0
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return current, peak


async def bench(events: int, texts: list[str], data_dir: Path) -> None:
    # Imported here, in the measured process only: Linux counts a parent's peak memory
    # in the peak of the child it starts, so the parent stays light.
    sys.path.insert(0, str(ROOT / "tests" / "daemon"))
    from telegram_fakes import (  # a test helper, found through sys.path
        FakeTelegram,
        channel_entity,
        deleted_messages,
        edited_message,
        message,
        new_message,
        now,
    )

    from dronewatch.config import Settings
    from dronewatch.daemon.service import Daemon
    from dronewatch.store import open_database

    rng = random.Random(7)
    entities = [
        channel_entity(FIRST_ID + i, f"Губернатор {i}", f"gov_{i}") for i in range(CHANNELS)
    ]
    settings = Settings(
        data_dir=data_dir,
        channels=[
            {"channel": f"gov_{i}", "region": REGIONS[i % len(REGIONS)]} for i in range(CHANNELS)
        ],
        telegram={"backfill_days": 0, "poll_seconds": 0},
        digest={"enabled": False},
    )
    database = open_database(settings.database_url)
    client = FakeTelegram(entities)
    daemon = Daemon(settings, database, client)
    task = asyncio.create_task(daemon.run())
    await daemon.ready()
    await daemon.writer.drained()

    published: dict[int, list[int]] = {entity.id: [] for entity in entities}
    last_id = dict.fromkeys(published, 0)
    latencies: list[float] = []
    kinds = {"new": 0, "edit": 0, "delete": 0}
    for _ in range(events):
        entity = rng.choice(entities)
        ids = published[entity.id]
        roll = rng.random()
        if ids and roll < 0.05:
            update = deleted_messages(entity.id, [ids.pop(rng.randrange(len(ids)))])
            kind = "delete"
        elif ids and roll < 0.15:
            target = rng.choice(ids)
            edit = message(entity.id, target, rng.choice(texts), edit_date=now())
            update, kind = edited_message(edit), "edit"
        else:
            last_id[entity.id] += 1
            message_id = last_id[entity.id]
            ids.append(message_id)
            update, kind = new_message(message(entity.id, message_id, rng.choice(texts))), "new"
        kinds[kind] += 1
        started = time.perf_counter()
        await client.deliver(update, chats=[entity])
        await daemon.writer.drained()
        latencies.append(time.perf_counter() - started)
        client.history[entity.id].clear()  # the fake's memory of Telegram is not the daemon's

    daemon.stop()
    await task
    current, peak = rss_mb()
    database.dispose()

    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"events:          {events} ({kinds['new']} new, {kinds['edit']} edits, "
        f"{kinds['delete']} deletions) over {CHANNELS} channels"
    )
    print(
        f"event -> stored: median {statistics.median(latencies) * 1000:.1f} ms, "
        f"p99 {p99 * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms (target p99 < 50 ms)"
    )
    print(
        f"resident memory: {current:.0f} MB now, {peak:.0f} MB peak (target < 150 MB; "
        "bytecode compiled, as installed)"
    )


def run_compiled(argv: list[str]) -> None:
    """Measure in a child whose imports come from compiled bytecode, as when installed.

    Without bytecode every start compiles Telethon's 3 MB of generated types, and the
    memory that takes stays with the process: that would measure this checkout, not
    the daemon as `pip install` or `uv sync --compile-bytecode` leave it.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "dronewatch-bench-pycache")
    warm = "import dronewatch.daemon.service, dronewatch.parsing, telegram_fakes"
    env["PYTHONPATH"] = str(ROOT / "tests" / "daemon")
    subprocess.run([sys.executable, "-c", warm], env=env, check=True)
    subprocess.run([sys.executable, __file__, "--compiled", *argv], env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    )
    parser.add_argument("--keep", type=Path, help="Keep the SQLite database in this directory.")
    parser.add_argument("--compiled", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.compiled:
        run_compiled(sys.argv[1:])
        return
    texts = load_texts(args.corpus)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        asyncio.run(bench(args.events, texts, args.keep))
        return
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(bench(args.events, texts, Path(tmp)))


if __name__ == "__main__":
    main()
