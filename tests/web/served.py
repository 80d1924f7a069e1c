"""A running `dronewatch serve` as the browser tests see it."""

from __future__ import annotations

import queue
import subprocess
import threading
from dataclasses import dataclass
from typing import IO


@dataclass
class Served:
    """A running `dronewatch serve`: its base URL, process and everything it printed."""

    url: str
    process: subprocess.Popen[str]
    output: list[str]


def _pump(stream: IO[str], lines: queue.Queue[str], output: list[str]) -> None:
    for line in stream:
        output.append(line)
        lines.put(line)


def read_lines(stream: IO[str]) -> tuple[queue.Queue[str], list[str]]:
    """Read a process's output in the background: new lines queued, all lines kept."""
    lines: queue.Queue[str] = queue.Queue()
    output: list[str] = []
    threading.Thread(target=_pump, args=(stream, lines, output), daemon=True).start()
    return lines, output
