"""instant alerts: one row per post, rule and recipient

Revision ID: 0005_alerts
Revises: 0004
Create Date: 2026-12-07

`alerts`: the instant alerts of `[[alerts]]` rules. A row is inserted before the alert
is sent; the unique (post_id, rule, recipient) makes that atomic, so an alert goes out
once, across edits, restarts and daemons sharing the database.
`ix_reports_created_at`: the reports stored since the daemon's last look for alerts.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import dronewatch.store.models

revision: str = "0005_alerts"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("claimed_at", dronewatch.store.models.UTCDateTime(), nullable=False),
        sa.Column("sent_at", dronewatch.store.models.UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_alerts_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint(
            "post_id", "rule", "recipient", name=op.f("uq_alerts_post_id_rule_recipient")
        ),
    )
    op.create_index("ix_reports_created_at", "reports", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_reports_created_at", table_name="reports")
    op.drop_table("alerts")
