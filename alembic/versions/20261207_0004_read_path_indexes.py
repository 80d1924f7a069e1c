"""read path indexes: one current report per post, no index led by a column of few values

Revision ID: 0004
Revises: 0003_daemon
Create Date: 2026-12-07

Export and query joined each post to its current report through
`ix_reports_current_period (is_current, period_end)`: without statistics SQLite took
`is_current = ?` for a selective look-up and scanned every current report for every
post (O(n^2)). Now:

- `uq_reports_post_id_current`: a unique index on `reports(post_id)` over current
  reports only. The schema itself holds one current report per post, and the join is
  a unique look-up. Should a database hold two current reports of one post (no code
  path writes that), the newest one stays current.
- `ix_reports_period_end (period_end)` replaces `(is_current, period_end)` for the
  digest's ranges. `ix_reports_kind`, `ix_report_regions_code` and
  `ix_report_damage_tag` go: no query needs them, a few values are never selective,
  and each was a trap (without statistics SQLite takes any indexed equality for a
  selective one; with them, it read all of report_regions in code order to spare a
  GROUP BY region a sort).
- `ix_posts_channel_id_date (channel_id, date)`: a channel's newest post and its
  posts of a day, for `status` and the daemon's catch-up, without reading the
  channel's whole history.

Statistics are gathered at the end, in full (sampled statistics misled SQLite worse
than none): a few seconds on a million posts.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003_daemon"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

reports = sa.table(
    "reports", sa.column("id", sa.Integer), sa.column("post_id", sa.Integer),
    sa.column("is_current", sa.Boolean),
)  # fmt: skip


def upgrade() -> None:
    # Dropped first, so that the look-up of a post's newer report below goes by post_id.
    op.drop_index("ix_reports_current_period", table_name="reports")
    op.drop_index("ix_reports_kind", table_name="reports")
    op.drop_index("ix_report_regions_code", table_name="report_regions")
    op.drop_index("ix_report_damage_tag", table_name="report_damage")
    newer = reports.alias("newer")
    newer_current = sa.exists().where(
        newer.c.post_id == reports.c.post_id,
        newer.c.is_current == sa.true(),
        newer.c.id > reports.c.id,
    )
    op.execute(
        reports.update()
        .where(reports.c.is_current == sa.true(), newer_current)
        .values(is_current=False)
    )
    op.create_index(
        "uq_reports_post_id_current",
        "reports",
        ["post_id"],
        unique=True,
        sqlite_where=sa.text("is_current = 1"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_index("ix_reports_period_end", "reports", ["period_end"])
    op.create_index("ix_posts_channel_id_date", "posts", ["channel_id", "date"])
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_posts_channel_id_date", table_name="posts")
    op.drop_index("ix_reports_period_end", table_name="reports")
    op.drop_index("uq_reports_post_id_current", table_name="reports")
    op.create_index("ix_report_damage_tag", "report_damage", ["tag"])
    op.create_index("ix_report_regions_code", "report_regions", ["code"])
    op.create_index("ix_reports_kind", "reports", ["kind"])
    op.create_index("ix_reports_current_period", "reports", ["is_current", "period_end"])
