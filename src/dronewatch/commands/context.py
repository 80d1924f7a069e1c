"""What every command needs: the options given before it, settings, output, and errors."""

from __future__ import annotations

import logging
import os
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from dronewatch.terminal import printable

if TYPE_CHECKING:
    from dronewatch.config import Settings

EXIT_CONFIG = 2
EXIT_USAGE = 2  # a command line that cannot work as given; runtime failures exit 1
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
    database: str | None = None  # the global --database: a SQLite file or a URL
    out: Console = field(default_factory=_output_console)
    err: Console = field(default_factory=lambda: Console(stderr=True))

    @cached_property
    def settings(self) -> Settings:
        # Imported here: `--help` needs no configuration, and pydantic takes a while.
        from dronewatch.config import ConfigError, load_settings

        try:
            settings = load_settings(self.config_path)
        except ConfigError as error:
            for problem in error.problems:
                self.say(f"config error: {problem}")
            raise typer.Exit(EXIT_CONFIG) from None
        if self.database is not None:
            settings.database.url = database_url(self.database)
        self._configure_logging(settings)
        return settings

    def telegram_credentials(self) -> tuple[int, str]:
        """api_id and api_hash, or exit 2 naming the missing keys."""
        from dronewatch.config import ConfigError

        try:
            return self.settings.require_telegram()
        except ConfigError as error:
            for problem in error.problems:
                self.say(f"config error: {problem}")
            raise typer.Exit(EXIT_CONFIG) from None

    def say(self, message: str) -> None:
        """A line for the person at the terminal, on stderr, as written (no escapes from posts)."""
        self.err.print(printable(message), markup=False, highlight=False, soft_wrap=True)

    def fail(self, message: str, code: int = 1) -> NoReturn:
        self.say(f"error: {message}")
        raise typer.Exit(code)

    def _configure_logging(self, settings: Settings) -> None:
        from rich.logging import RichHandler

        level = logging.DEBUG if self.verbosity else getattr(logging, settings.logging.level)
        handlers: list[logging.Handler] = [
            RichHandler(console=self.err, show_path=False, rich_tracebacks=True)
            if self.err.is_terminal
            else logging.StreamHandler(sys.stderr)
        ]
        if settings.logging.file is not None:
            settings.logging.file.parent.mkdir(parents=True, exist_ok=True)
            with suppress(FileExistsError):  # new log files are the owner's only (0600)
                os.close(os.open(settings.logging.file, os.O_CREAT | os.O_EXCL, 0o600))
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


def database_url(value: str) -> str:
    """A `--database` value as a URL: URLs stay as given, anything else is a SQLite file."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_root().obj
    if not isinstance(obj, AppContext):  # a command invoked outside the main app, e.g. in tests
        obj = AppContext()
        ctx.find_root().obj = obj
    return obj
