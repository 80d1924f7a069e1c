"""What every command needs: the options given before it, settings, output, and errors."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.logging import RichHandler

from dronewatch.config import ConfigError, Settings, load_settings

EXIT_CONFIG = 2
# Output going to a file or another program is not cut to a terminal's width.
PIPE_WIDTH = 100_000


def _output_console() -> Console:
    console = Console()
    piped = not console.is_terminal and "COLUMNS" not in os.environ
    return Console(width=PIPE_WIDTH) if piped else console


@dataclass
class AppContext:
    config_path: Path | None = None
    verbosity: int = 0
    out: Console = field(default_factory=_output_console)
    err: Console = field(default_factory=lambda: Console(stderr=True))

    @cached_property
    def settings(self) -> Settings:
        try:
            settings = load_settings(self.config_path)
        except ConfigError as error:
            for problem in error.problems:
                self.say(f"config error: {problem}")
            raise typer.Exit(EXIT_CONFIG) from None
        self._configure_logging(settings)
        return settings

    def telegram_credentials(self) -> tuple[int, str]:
        """api_id and api_hash, or exit 2 naming the missing keys."""
        try:
            return self.settings.require_telegram()
        except ConfigError as error:
            for problem in error.problems:
                self.say(f"config error: {problem}")
            raise typer.Exit(EXIT_CONFIG) from None

    def say(self, message: str) -> None:
        """A line for the person at the terminal, on stderr, exactly as written."""
        self.err.print(message, markup=False, highlight=False, soft_wrap=True)

    def fail(self, message: str, code: int = 1) -> NoReturn:
        self.say(f"error: {message}")
        raise typer.Exit(code)

    def _configure_logging(self, settings: Settings) -> None:
        level = logging.DEBUG if self.verbosity else getattr(logging, settings.logging.level)
        handlers: list[logging.Handler] = [
            RichHandler(console=self.err, show_path=False, rich_tracebacks=True)
            if self.err.is_terminal
            else logging.StreamHandler(sys.stderr)
        ]
        if settings.logging.file is not None:
            settings.logging.file.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.FileHandler(settings.logging.file, encoding="utf-8"))
        fmt = (
            "%(message)s"
            if self.err.is_terminal
            else "%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        logging.basicConfig(level=level, format=fmt, handlers=handlers, force=True)
        # Telethon, alembic, APScheduler and pymorphy3 are chatty at INFO; their warnings
        # still come through, and -v shows everything.
        for chatty in ("telethon", "alembic", "apscheduler", "pymorphy3"):
            logging.getLogger(chatty).setLevel(max(level, logging.WARNING))


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_root().obj
    if not isinstance(obj, AppContext):  # a command invoked outside the main app, e.g. in tests
        obj = AppContext()
        ctx.find_root().obj = obj
    return obj
