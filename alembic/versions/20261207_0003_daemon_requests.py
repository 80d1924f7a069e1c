"""daemon requests and a heartbeat that tells a clean stop

Revision ID: 0003_daemon
Revises: 0002
Create Date: 2026-12-07

`daemon_requests`: work a command hands to the running daemon, which owns the
Telegram session (`dronewatch digest --send` while the daemon runs).
`heartbeats.every_seconds`: the daemon's beat interval, so that `status` knows when a
beat is overdue; `heartbeats.stopped_at`: set by a clean stop.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import dronewatch.store.models

revision: str = "0003_daemon"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "daemon_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("created_at", dronewatch.store.models.UTCDateTime(), nullable=False),
        sa.Column("claimed_at", dronewatch.store.models.UTCDateTime(), nullable=True),
        sa.Column("done_at", dronewatch.store.models.UTCDateTime(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daemon_requests")),
    )
    with op.batch_alter_table("daemon_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_daemon_requests_claimed_at"), ["claimed_at"], unique=False
        )
    with op.batch_alter_table("heartbeats", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("every_seconds", sa.Float(), nullable=False, server_default="30")
        )
        batch_op.add_column(
            sa.Column("stopped_at", dronewatch.store.models.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("heartbeats", schema=None) as batch_op:
        batch_op.drop_column("stopped_at")
        batch_op.drop_column("every_seconds")
    with op.batch_alter_table("daemon_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_daemon_requests_claimed_at"))
    op.drop_table("daemon_requests")
