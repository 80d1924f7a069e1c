"""The last line of defence: an error no command caught becomes one line, not a traceback.

Commands turn the failures they expect into clear messages themselves; this catches
what they did not (a network that is down, a disk that is full, a database that goes
away mid-command) so that a user still reads one line and gets exit code 1. `-v`
shows the traceback for a bug report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer

from dronewatch.commands.context import AppContext

T = TypeVar("T")
EXIT_RUNTIME = 1


def describe(error: Exception) -> str:
    """One line saying what failed, for a person rather than a developer."""
    # Imported here, on failure only: `--help` and `status --check` must start fast.
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from dronewatch.store.database import first_line

    if isinstance(error, DBAPIError):
        return f"database: {first_line(error)}"
    if isinstance(error, ConnectionError | TimeoutError):
        return f"cannot connect ({type(error).__name__}): {first_line(error)}"
    if isinstance(error, OSError):
        reason = error.strerror or first_line(error)
        return f"{error.filename}: {reason}" if error.filename else reason
    if isinstance(error, SQLAlchemyError):
        return f"database: {first_line(error)}"
    return f"unexpected {type(error).__name__}: {first_line(error)} (-v shows the traceback)"


def guarded(invoke: Callable[[], T], context: Callable[[], object]) -> T:
    """Run a command; an uncaught error is printed as one line and exits 1 (`-v`: re-raised)."""
    try:
        return invoke()
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except Exception as error:
        found = context()
        app = found if isinstance(found, AppContext) else None
        if app is not None and app.verbosity:
            raise
        message = f"error: {describe(error)}"
        if app is not None:
            app.say(message)
        else:
            typer.echo(message, err=True)
        raise typer.Exit(EXIT_RUNTIME) from None
