"""`dronewatch demo`: the whole pipeline on a bundled week of posts, no credentials needed."""

from __future__ import annotations

from typing import Annotated

import typer

from dronewatch.commands.context import EXIT_USAGE, app_context, database_url
from dronewatch.commands.db import opened_store
from dronewatch.commands.digest import show_digest
from dronewatch.digest.build import build_summary, digest_day_of
from dronewatch.pipeline import Pipeline
from dronewatch.sources.demo import demo_posts
from dronewatch.store.database import shown_url
from dronewatch.store.digests import latest_period_end
from dronewatch.store.posts import channel_telegram_ids


def demo(
    ctx: typer.Context,
    force: Annotated[
        bool,
        typer.Option("--force", help="Load the demo even into a database holding real channels."),
    ] = False,
) -> None:
    """Parse a bundled week of sample posts into SQLite and print the last day's digest.

    The global `--database PATH|URL` chooses where (default <data_dir>/demo.db).
    """
    context = app_context(ctx)
    settings = context.settings
    url = (
        database_url(context.database)
        if context.database
        else f"sqlite:///{settings.data_dir / 'demo.db'}"
    )
    shown = shown_url(url)
    with opened_store(context, url=url) as store:
        posts = list(demo_posts())
        with store.session() as session:
            real = channel_telegram_ids(session) - {post.channel.telegram_id for post in posts}
        if real and not force:
            context.fail(
                f"{shown} holds {len(real)} channel(s) that are not the demo's: its invented "
                "posts would mix with real ones; choose another --database, or add --force",
                EXIT_USAGE,
            )
        stats = Pipeline(store).ingest(posts)
        with store.session() as session:
            last = latest_period_end(session)
        if last is None:
            context.fail("the demo history produced no reports")
        context.say(
            f"demo: {stats.total} posts ingested into {shown} "
            f"({', '.join(f'{count} {kind}' for kind, count in sorted(stats.kinds.items()))})"
        )
        day = digest_day_of(last, settings.digest)
        show_digest(context, build_summary(store, settings.digest, day))
