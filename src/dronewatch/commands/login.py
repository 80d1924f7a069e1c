"""`dronewatch login`: log the Telegram account in once, interactively."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from telethon.errors import RPCError

from dronewatch.commands.context import app_context
from dronewatch.commands.telegram import refuse_while_daemon_runs, telegram_client
from dronewatch.daemon.client import LoginPrompts, log_in, session_file, session_string

PROMPTS = LoginPrompts(
    phone=lambda: typer.prompt("Phone number (international format, e.g. +44...)"),
    code=lambda: typer.prompt("Login code Telegram sent you"),
    password=lambda: typer.prompt("Two-step verification password", hide_input=True),
)


def login(
    ctx: typer.Context,
    string: Annotated[
        bool,
        typer.Option(
            "--string",
            help="Also print the session as a string for [telegram] session_string "
            "(containers). Anyone holding it can read your account: keep it secret.",
        ),
    ] = False,
) -> None:
    """Log in to Telegram (phone, code, 2FA password); the session is kept for `run`."""
    context = app_context(ctx)
    settings = context.settings
    refuse_while_daemon_runs(context, "logging in again")
    client = telegram_client(context)

    async def go() -> str:
        try:
            return await log_in(client, PROMPTS)
        finally:
            await client.disconnect()

    try:
        who = asyncio.run(go())
    except RPCError as error:
        context.fail(f"Telegram refused the login: {error.message}")
    except (OSError, ConnectionError) as error:
        context.fail(f"cannot reach Telegram: {error}")
    where = (
        "the configured session_string"
        if settings.telegram.session_string is not None
        else str(session_file(settings.session_path))
    )
    context.say(f"logged in as {who}; session in {where}")
    if string:
        context.say("session string (treat it like a password):")
        typer.echo(session_string(client))
