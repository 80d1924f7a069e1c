"""Parser processes: never more than the idle cores, and never outliving the import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from dronewatch.commands import imports
from dronewatch.commands.context import AppContext

CHILD = Path(__file__).resolve().parent / "endless_import_child.py"


@pytest.mark.parametrize(
    ("free", "requested", "expected", "said"),
    [
        (2, 8, 1, "--workers 8: 2 core(s) free here, so 1 parser(s)"),
        (2, None, 1, ""),
        (16, None, 4, ""),
        (16, 8, 8, ""),
        (5, 3, 3, ""),
        (1, 2, 1, "--workers 2: 1 core(s) free here, so 1 parser(s)"),
    ],
)
def test_workers_are_capped_at_the_free_cores(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    free: int,
    requested: int | None,
    expected: int,
    said: str,
) -> None:
    monkeypatch.setattr(imports, "free_cores", lambda: free)
    assert imports.parser_workers(AppContext(), requested) == expected
    assert capsys.readouterr().err.strip() == said


def marked(marker: str) -> set[int]:
    """Processes whose environment carries `marker`: the child and all it started."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.add(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_parser_processes_die_with_a_killed_import(tmp_path: Path) -> None:
    marker = f"DRONEWATCH_ORPHAN_TEST={uuid.uuid4().hex}"
    name, value = marker.split("=")
    env = {**os.environ, name: value}
    url = f"sqlite:///{tmp_path / 'endless.db'}"
    child = subprocess.Popen([sys.executable, str(CHILD), url], env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(marked(marker) - {child.pid}) < 3:
            time.sleep(0.2)  # the forkserver and its two workers
        assert len(marked(marker) - {child.pid}) >= 3, "the workers never started"
        child.send_signal(signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and marked(marker):
            time.sleep(0.2)
        assert marked(marker) == set(), "parser processes outlived the import"
    finally:
        for pid in marked(marker):
            os.kill(pid, signal.SIGKILL)
