"""The `dronewatch` command line: global options, and every command registered here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dronewatch import __version__
from dronewatch.commands import config as config_commands
from dronewatch.commands import db as db_commands
from dronewatch.commands import parse as parse_commands
from dronewatch.commands.context import AppContext

app = typer.Typer(
    name="dronewatch",
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
    ctx.obj = AppContext(config_path=config, verbosity=verbose)


# Every command, in one place.
app.add_typer(config_commands.app, name="config")
app.add_typer(db_commands.app, name="db")
app.command("parse")(parse_commands.parse)


def main() -> None:
    app()
