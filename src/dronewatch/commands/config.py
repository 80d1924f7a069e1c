"""`dronewatch config`: inspect the configuration."""

from __future__ import annotations

import json

import typer

from dronewatch.commands.context import app_context
from dronewatch.config import masked_dump

app = typer.Typer(help="Inspect the configuration.", no_args_is_help=True)


@app.command("check")
def check(ctx: typer.Context) -> None:
    """Validate the configuration and print it as it takes effect, secrets masked."""
    context = app_context(ctx)
    settings = context.settings
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
