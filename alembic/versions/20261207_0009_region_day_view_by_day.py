"""region_day_view by day: a filter on the day reads that day's reports only

Revision ID: 0009_region_day_view_by_day
Revises: 0008_reporting_day
Create Date: 2026-12-07

`region_day_view` is recreated from `dronewatch.store.views`: the same rows, figures
and links, but each report is joined to its reporting day (`reporting_days`, by the
index on `reports.period_end`) and the two steps that add up channels and sides are
window functions partitioned by day and region. `WHERE day >= ...` (or a region) now
reaches the tables, where before it filtered the figures of every day ever reported:
a month of a million posts took ten seconds, now a fraction of one.

`report_view` is recreated too: on SQLite it looks each post's channel up rather than
each channel's posts, so a range of dates reads the posts in date order.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from dronewatch.store.region_days import COMBINED, per_day_ctes
from dronewatch.store.views import region_day_view, report_view

revision: str = "0009_region_day_view_by_day"
down_revision: str | None = "0008_reporting_day"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, create in (("region_day_view", region_day_view), ("report_view", report_view)):
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(create(dialect))


def downgrade() -> None:
    """The views as revision 0008 created them: region_day_view grouped per channel,
    then per day; report_view free to take each channel's posts."""
    op.execute("DROP VIEW IF EXISTS report_view")
    op.execute(report_view(op.get_bind().dialect.name).replace("+p.channel_id", "p.channel_id"))
    op.execute("DROP VIEW IF EXISTS region_day_view")
    op.execute(
        f"""CREATE VIEW region_day_view AS
{per_day_ctes(op.get_bind().dialect.name)}
SELECT day, region AS region_code, {COMBINED} AS drones, governor, ministry, reports,
  governor_posts, ministry_posts
FROM per_day"""
    )
