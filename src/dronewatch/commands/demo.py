"""`dronewatch demo`: the whole pipeline on a bundled week of posts, no credentials needed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dronewatch.commands.context import app_context
from dronewatch.commands.digest import show_digest
from dronewatch.digest.build import build_summary, digest_day_of
from dronewatch.pipeline import Pipeline
from dronewatch.sources.demo import demo_posts
from dronewatch.store import SchemaOutdatedError, open_database
from dronewatch.store.digests import latest_period_end


def demo(
    ctx: typer.Context,
    database: Annotated[
        Path | None,
        typer.Option(
            "--database", help="SQLite file to load the demo into (default <data_dir>/demo.db)."
        ),
    ] = None,
) -> None:
    """Parse a bundled week of sample posts into SQLite and print the last day's digest."""
    context = app_context(ctx)
    settings = context.settings
    path = database or settings.data_dir / "demo.db"
    try:
        store = open_database(f"sqlite:///{path}")
    except SchemaOutdatedError as error:
        context.fail(f"{path}: {error}")
    try:
        stats = Pipeline(store).ingest(demo_posts())
        with store.session() as session:
            last = latest_period_end(session)
        if last is None:
            context.fail("the demo history produced no reports")
        context.say(
            f"demo: {stats.total} posts ingested into {path} "
            f"({', '.join(f'{count} {kind}' for kind, count in sorted(stats.kinds.items()))})"
        )
        day = digest_day_of(last, settings.digest)
        show_digest(context, build_summary(store, settings.digest, day))
    finally:
        store.dispose()
