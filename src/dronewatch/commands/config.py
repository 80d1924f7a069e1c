"""`dronewatch config`: inspect the configuration."""

from __future__ import annotations

import json

import typer

from dronewatch.commands.context import EXIT_CONFIG, app_context
from dronewatch.config import ConfigError, masked_dump

app = typer.Typer(help="Inspect the configuration.", no_args_is_help=True)


@app.command("check")
def check(ctx: typer.Context) -> None:
    """Validate the configuration and print it as it takes effect, secrets masked."""
    context = app_context(ctx)
    settings = context.settings
    if settings.telegram.session_string is not None:
        from dronewatch.daemon.client import open_session  # Telethon: only when needed

        try:
            open_session(settings)
        except ConfigError as error:
            for problem in error.problems:
                context.say(f"config error: {problem}")
            raise typer.Exit(EXIT_CONFIG) from None
    effective = masked_dump(settings)
    context.out.print_json(json.dumps(effective, ensure_ascii=False))
    context.say(
        f"config ok: {len(settings.channels)} channel(s), database {effective['database']['url']}"
    )
    digest = settings.digest
    if digest.chat_ids and digest.send_as == "user":
        context.say(
            f"note: the digest goes to chat ids {', '.join(digest.chat_ids)} from your own "
            'Telegram account (send_as = "user"): they see your name and profile'
        )
