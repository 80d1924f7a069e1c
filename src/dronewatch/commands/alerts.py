"""`dronewatch alerts test`: which stored reports the `[[alerts]]` rules would have matched."""

from __future__ import annotations

from collections import Counter, deque
from typing import Annotated

import typer

from dronewatch.alerts.message import alert_lines
from dronewatch.alerts.rules import Match, matches
from dronewatch.commands.context import EXIT_USAGE, app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.filters import DATE_HELP, date_range
from dronewatch.digest.render import to_rich
from dronewatch.store import alerts as stored

app = typer.Typer(
    help="Instant alerts: which stored reports each alert rule would have matched.",
    no_args_is_help=True,
)
PAGE = 1000


@app.command("test")
def dry_run(
    ctx: typer.Context,
    rule: Annotated[str | None, typer.Option("--rule", help="Only the rule of this name.")] = None,
    since: Annotated[str | None, typer.Option("--since", help=f"From. {DATE_HELP}")] = None,
    until: Annotated[
        str | None, typer.Option("--until", help=f"Up to (a date: inclusive). {DATE_HELP}")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show the newest N matches.")
    ] = 20,
) -> None:
    """Show the alerts the rules would have sent for stored posts (nothing is sent).

    Every stored report of a post still in its channel is matched, whatever its age;
    the daemon alerts only on posts that are new when it sees them.
    """
    context = app_context(ctx)
    settings = context.settings
    rules = settings.alerts
    if not rules:
        context.fail("no [[alerts]] rules in the configuration (config.example.toml)", EXIT_USAGE)
    if rule is not None:
        rules = [r for r in rules if r.name == rule]
        if not rules:
            names = ", ".join(repr(r.name) for r in settings.alerts)
            context.fail(f"no rule named {rule!r} (the rules: {names})", EXIT_USAGE)
    zone = settings.digest.zone
    start, end = date_range(context, since, until, zone)
    kinds = tuple(sorted({kind for r in rules for kind in r.kinds}))
    counts: Counter[str] = Counter()
    newest: deque[Match] = deque(maxlen=limit)
    with opened_store(context, create=False) as database, database.session() as session:
        after = 0
        while page := stored.reports_posted(
            session, kinds, since=start, until=end, after_id=after, limit=PAGE
        ):
            for report in page:
                for found in matches(rules, report):
                    counts[found.rule.name] += 1
                    newest.append(found)
            after = page[-1].report_id
    shown = sorted(newest, key=lambda found: found.report.posted_at, reverse=True)
    for found in shown:
        context.out.print(to_rich(alert_lines(found, zone)))
        context.out.print()
    for r in rules:
        context.say(f"{r.name}: {counts[r.name]} matching report(s)")
    if sum(counts.values()) > len(shown):
        context.say(f"showing the newest {len(shown)} (--limit to see more)")
