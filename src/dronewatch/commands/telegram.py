"""The user's Telegram client for a command, or one clear line and the right exit code."""

from __future__ import annotations

import typer

from dronewatch.commands.context import EXIT_CONFIG, AppContext
from dronewatch.config import ConfigError
from dronewatch.daemon.client import DronewatchClient, SessionInUseError, create_client


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
