"""The web tests' fixtures: a database of known posts, `dronewatch serve`, and Chromium.

Browser tests drive Debian's Chromium (`/usr/bin/chromium`, installed by `.ci/run`)
through Playwright; no browser is ever downloaded. Without Chromium they are skipped,
except under CI, where that is a failure.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from known_posts import fill
from served import Served, read_lines

from dronewatch.pipeline import Pipeline
from dronewatch.sources.demo import demo_posts
from dronewatch.store import open_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 60
_LISTENING = re.compile(r"Datasette on (http://\S+/)")


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    """A SQLite file holding the known posts and the edit, ingested through the pipeline."""
    path = tmp_path / "dronewatch.db"
    database = open_database(f"sqlite:///{path}")
    try:
        fill(database)
    finally:
        database.dispose()
    return path


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """The demo's database (a week of sample posts, older than today), through the parser."""
    path = tmp_path / "demo.db"
    database = open_database(f"sqlite:///{path}")
    try:
        Pipeline(database).ingest(demo_posts())
    finally:
        database.dispose()
    return path


@pytest.fixture
def served(filled_db: Path, tmp_path: Path) -> Iterator[Served]:
    """`dronewatch serve --port 0` (a real process) on the filled database, on loopback."""
    with serving(filled_db, tmp_path) as running:
        yield running


@pytest.fixture
def served_demo(demo_db: Path, tmp_path: Path) -> Iterator[Served]:
    """`dronewatch serve` on the demo's database."""
    with serving(demo_db, tmp_path) as running:
        yield running


@contextmanager
def serving(path: Path, tmp_path: Path) -> Iterator[Served]:
    """`dronewatch serve --port 0` (a real process) on `path`, on loopback."""
    env = {**os.environ, "DRONEWATCH_DATABASE__URL": f"sqlite:///{path}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "dronewatch", "serve", "--host", "127.0.0.1", "--port", "0"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    lines, output = read_lines(process.stderr)
    try:
        url = None
        while url is None:
            try:
                line = lines.get(timeout=STARTUP_SECONDS)
            except queue.Empty:
                pytest.fail(f"serve printed no address: {''.join(output)}")
            if match := _LISTENING.search(line):
                url = match[1]
            elif process.poll() is not None:
                pytest.fail(f"serve exited with {process.returncode}: {''.join(output)}")
        yield Served(url, process, output)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def browser() -> Iterator[Any]:
    """Headless Chromium from the system, driven by Playwright."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()
