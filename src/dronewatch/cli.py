"""The `dronewatch` command line: global options, and every command registered here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from dronewatch import __version__
from dronewatch.commands import config as config_commands
from dronewatch.commands import db as db_commands
from dronewatch.commands import demo as demo_commands
from dronewatch.commands import digest as digest_commands
from dronewatch.commands import export as export_commands
from dronewatch.commands import imports as import_commands
from dronewatch.commands import login as login_commands
from dronewatch.commands import parse as parse_commands
from dronewatch.commands import query as query_commands
from dronewatch.commands import reparse as reparse_commands
from dronewatch.commands import run as run_commands
from dronewatch.commands import serve as serve_commands
from dronewatch.commands import status as status_commands
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


class _GlobalOptionsAnywhere(TyperGroup):
    # `ctx` is typer's vendored click Context, which typer does not export.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

    def invoke(self, ctx: Any) -> Any:
        return guarded(lambda: super(_GlobalOptionsAnywhere, self).invoke(ctx), lambda: ctx.obj)


app = typer.Typer(
    name="dronewatch",
    cls=_GlobalOptionsAnywhere,
    help="Structured drone reports from Russian governors' Telegram channels.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"dronewatch {__version__}")
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


# Every command, in one place, in the order `--help` lists them.
app.command("demo")(demo_commands.demo)
app.command("login")(login_commands.login)
app.command("run")(run_commands.run)
app.command("status")(status_commands.status)
app.command("digest")(digest_commands.digest)
app.command("import")(import_commands.import_export)
app.command("reparse")(reparse_commands.reparse)
app.command("query")(query_commands.query)
app.command("export")(export_commands.export)
app.command("serve")(serve_commands.serve)
app.command("parse")(parse_commands.parse)
app.add_typer(config_commands.app, name="config")
app.add_typer(db_commands.app, name="db")


def main() -> None:
    app()
