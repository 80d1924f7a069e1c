"""Datasette on a dronewatch SQLite database, read-only, with dronewatch's metadata.

Datasette opens a mutable database file with `mode=ro` for every read and the plugin
makes those connections query-only; SQLite's WAL mode (set by the store) lets the
daemon write while pages are read. Immutable mode would be wrong: it assumes the file
never changes.
"""

from __future__ import annotations

import importlib
import socket
from pathlib import Path
from typing import Any

import uvicorn
from datasette.app import Datasette
from datasette.plugins import pm

from dronewatch.web import plugin
from dronewatch.web.metadata import PLUGIN_NAME, Options, build_metadata, version_note

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Aggregates over months of reports take longer than Datasette's default 1 s; the
# connections are read-only and WAL readers never block the daemon, so this is safe.
SETTINGS = {"sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000}


def database_name(path: Path) -> str:
    """The name Datasette gives a database file (its stem), used in every URL."""
    return path.stem


def register_plugin() -> None:
    """Register dronewatch's plugin with Datasette, once per process."""
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(plugin, name=PLUGIN_NAME)
    # Datasette prints every rejected query as a rich traceback with the locals of each
    # frame (hundreds of lines); the plugin logs one line instead. Errors that are bugs
    # (status 500) still get Datasette's plain traceback.
    # (Imported here, not at the top: importing it before `datasette.app` leaves its hook
    # unregistered, a circular import inside Datasette.)
    datasette_errors: Any = importlib.import_module("datasette.handle_exception")
    datasette_errors.rich = None


def create_datasette(path: Path, options: Options) -> Datasette:
    register_plugin()
    return Datasette(
        files=[str(path)],
        metadata=build_metadata(options),
        template_dir=str(TEMPLATES),
        settings=SETTINGS,
        version_note=version_note(),
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound before Datasette starts so that errors are clear.

    Port 0 picks a free port; `socket.getsockname()` tells which.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def run(datasette: Datasette, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM)."""
    config: Any = uvicorn.Config(
        datasette.app(), log_level=log_level, access_log=log_level == "debug"
    )
    uvicorn.Server(config).run(sockets=[sock])
