"""reporting day: the calendar SQL reads days and local times from, and views using it

Revision ID: 0008_reporting_day
Revises: 0007_place_coordinates
Create Date: 2026-12-07

`calendar_settings`, `reporting_days`, `utc_offsets`: the reporting day of the config
(`[digest] day_starts`, `timezone`) as tables, written with the defaults here and
rewritten from the config by the commands that store (`dronewatch.store.calendar`).
The views are recreated from `dronewatch.store.views`: `day` and local times join
`report_view`, `region_drones_view` and `place_map_view` (its popup too), and
`region_day_view` gives the digest's figures per reporting day and region.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

import dronewatch.store.models
from dronewatch.store.calendar import DEFAULT_DAY_STARTS, DEFAULT_TIMEZONE, write_calendar
from dronewatch.store.views import VIEWS, create_views

revision: str = "0008_reporting_day"
down_revision: str | None = "0007_place_coordinates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_VIEWS = ("place_map_view", "region_drones_view", "report_view")


def upgrade() -> None:
    op.create_table(
        "calendar_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("day_starts", sa.String(length=5), nullable=False),
        sa.Column("written_at", dronewatch.store.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_settings")),
    )
    op.create_table(
        "reporting_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", dronewatch.store.models.UTCDateTime(), nullable=False),
        sa.Column("ends_at", dronewatch.store.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_reporting_days")),
        sa.UniqueConstraint("ends_at", name=op.f("uq_reporting_days_ends_at")),
    )
    op.create_table(
        "utc_offsets",
        sa.Column("starts_at", dronewatch.store.models.UTCDateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("abbreviation", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("starts_at", name=op.f("pk_utc_offsets")),
    )
    write_calendar(op.get_bind(), DEFAULT_TIMEZONE, DEFAULT_DAY_STARTS)
    for view in OLD_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for statement in create_views(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for table in ("utc_offsets", "reporting_days", "calendar_settings"):
        op.drop_table(table)
    # The views as revisions 0002 and 0007 created them.
    _revision("20261122_0002_report_views.py").upgrade()
    dialect = op.get_bind().dialect.name
    op.execute(_revision("20261207_0007_place_coordinates.py")._map_view(dialect))


def _revision(name: str) -> ModuleType:
    """An earlier migration's module, loaded from its file."""
    spec = importlib.util.spec_from_file_location(
        name.removesuffix(".py"), Path(__file__).with_name(name)
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
