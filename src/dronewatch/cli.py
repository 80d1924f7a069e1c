"""The `dronewatch` command line: global options, and every command registered here."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

import dronewatch
from dronewatch.commands.context import AppContext
from dronewatch.commands.errors import guarded

_VERBOSE_FLAGS = frozenset({"--verbose", "-v", "-vv", "-vvv"})
_VALUED_OPTIONS = ("--config", "--database")


def hoist_global_options(args: list[str]) -> list[str]:
    """Move `--config PATH`, `--database PATH|URL` and `-v` found after a command to the front.

    Users write `dronewatch config check --config x.toml` as often as
    `dronewatch --config x.toml config check`; both mean the same.
    """
    hoisted: list[str] = []
    rest: list[str] = []
    position = 0
    while position < len(args):
        arg = args[position]
        if arg == "--":
            rest.extend(args[position:])
            break
        if arg in _VALUED_OPTIONS and position + 1 < len(args):
            hoisted.extend(args[position : position + 2])
            position += 2
            continue
        if arg.startswith(tuple(f"{name}=" for name in _VALUED_OPTIONS)) or arg in _VERBOSE_FLAGS:
            hoisted.append(arg)
        else:
            rest.append(arg)
        position += 1
    return hoisted + rest


@dataclass(frozen=True, slots=True)
class LazyCommand:
    """A command known by name and help; its module is imported only when it runs.

    Importing every command up front cost each run seconds (Telethon, SQLAlchemy,
    matplotlib, the parser's dictionaries), `--help` and the minutely `status --check`
    included. `help` is what `dronewatch --help` lists (a test keeps it equal to the
    command's own first line).
    """

    module: str
    attribute: str
    help: str

    def load(self, name: str) -> Any:
        """The click command (or group) typer builds from the module's function or app."""
        target = getattr(importlib.import_module(self.module), self.attribute)
        if isinstance(target, typer.Typer):
            command: Any = typer.main.get_group(target)
        else:
            single = typer.Typer(rich_markup_mode="rich", add_completion=False)
            single.command(name)(target)
            command = typer.main.get_command(single)
        command.name = name
        return command

    def listing(self, name: str) -> Any:
        """A stand-in with the name and help only, for the list of commands."""
        return typer.core.TyperCommand(name, help=self.help, rich_markup_mode="rich")


# Every command, in one place, in the order `--help` lists them.
COMMANDS = {
    "demo": LazyCommand(
        "dronewatch.commands.demo",
        "demo",
        "Parse a bundled week of sample posts into SQLite and print the last day's digest.",
    ),
    "login": LazyCommand(
        "dronewatch.commands.login",
        "login",
        "Log in to Telegram (phone, code, 2FA password); the session is kept for `run`.",
    ),
    "run": LazyCommand(
        "dronewatch.commands.run",
        "run",
        "Watch the configured channels live, catching up after any downtime (Ctrl-C stops).",
    ),
    "status": LazyCommand(
        "dronewatch.commands.status",
        "status",
        "Per channel: the last post, posts and drone reports today; and the daemon's heartbeat.",
    ),
    "digest": LazyCommand(
        "dronewatch.commands.digest",
        "digest",
        "Print a day's digest and write its chart; with --send, deliver it now.",
    ),
    "import": LazyCommand(
        "dronewatch.commands.imports",
        "import_export",
        "Import a Telegram Desktop channel export (JSON); run again to finish an interrupted one.",
    ),
    "reparse": LazyCommand(
        "dronewatch.commands.reparse",
        "reparse",
        "Re-parse stored posts whose report an older parser version made (or all, with --all).",
    ),
    "query": LazyCommand(
        "dronewatch.commands.query",
        "query",
        "Reports filtered by date, region, place, kind, drones and channel, newest first.",
    ),
    "export": LazyCommand(
        "dronewatch.commands.export",
        "export",
        "Write one row per stored post with its current report (deleted posts flagged).",
    ),
    "serve": LazyCommand(
        "dronewatch.commands.serve",
        "serve",
        "Explore the database in a browser (Datasette): tables, canned queries, a chart.",
    ),
    "alerts": LazyCommand(
        "dronewatch.commands.alerts",
        "app",
        "Instant alerts: which stored reports each alert rule would have matched.",
    ),
    "parse": LazyCommand(
        "dronewatch.commands.parse", "parse", "Parse a post into the report contract's JSON."
    ),
    "config": LazyCommand("dronewatch.commands.config", "app", "Inspect the configuration."),
    "db": LazyCommand("dronewatch.commands.db", "app", "Manage the database schema."),
}


class _Commands(TyperGroup):
    """Global options anywhere, and commands imported only when they run."""

    _listing = False

    # `ctx` is typer's vendored click Context, which typer does not export.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

    def invoke(self, ctx: Any) -> Any:
        return guarded(lambda: super(_Commands, self).invoke(ctx), lambda: ctx.obj)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        lazy = COMMANDS.get(cmd_name)
        if lazy is None:
            return None
        return lazy.listing(cmd_name) if self._listing else lazy.load(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


app = typer.Typer(
    name="dronewatch",
    cls=_Commands,
    help="Structured drone reports from Russian governors' Telegram channels.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"dronewatch {dronewatch.__version__}")
        raise typer.Exit


@app.callback()
def _global_options(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Config file (default ./dronewatch.toml, then ~/.config/dronewatch/config.toml).",
            envvar="DRONEWATCH_CONFIG",
        ),
    ] = None,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="Database file or URL, instead of the configured one (database.url).",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="Log more (debug level).")
    ] = 0,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    ctx.obj = AppContext(config_path=config, verbosity=verbose, database=database)


def main() -> None:
    app()
