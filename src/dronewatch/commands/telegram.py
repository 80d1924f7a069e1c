"""The user's Telegram client for a command, or one clear line and the right exit code.

One process at a time can use the session: a command that would open it while the
daemon runs is refused (or, like `digest --send`, hands its work to the daemon).
"""

from __future__ import annotations

import os
import socket

import typer
from sqlalchemy.exc import SQLAlchemyError

from dronewatch.commands.context import EXIT_CONFIG, AppContext
from dronewatch.config import ConfigError
from dronewatch.daemon.client import DronewatchClient, SessionInUseError, create_client
from dronewatch.store import Database
from dronewatch.store import status as state
from dronewatch.store.types import utcnow


def telegram_client(context: AppContext) -> DronewatchClient:
    """The client; exit 2 for a session a person must fix, 1 for one in use elsewhere."""
    context.telegram_credentials()
    try:
        return create_client(context.settings)
    except ConfigError as error:
        for problem in error.problems:
            context.say(f"config error: {problem}")
        raise typer.Exit(EXIT_CONFIG) from None
    except SessionInUseError as error:
        context.fail(str(error))


def refuse_while_daemon_runs(context: AppContext, doing: str) -> None:
    """Exit 1 when a daemon on this machine, with this database, holds the session file.

    A database that cannot be read says nothing either way: the command goes on.
    """
    settings = context.settings
    if settings.telegram.session_string is not None:
        return  # a session string is no file to lock
    database = Database(settings.database_url)
    try:
        with database.session() as session:
            daemon = state.daemon_liveness(session, utcnow())
    except SQLAlchemyError:
        return
    finally:
        database.dispose()
    beat = daemon.beat
    if (
        daemon.running
        and beat is not None
        and beat.host == socket.gethostname()
        and beat.pid != os.getpid()
        and _alive(beat.pid)
    ):
        context.fail(
            f"the daemon (pid {beat.pid}) is running and holds the Telegram session: "
            f"stop it before {doing}"
        )


def _alive(pid: int) -> bool:
    """Whether a process `pid` exists here (a daemon killed a moment ago still beats)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True
