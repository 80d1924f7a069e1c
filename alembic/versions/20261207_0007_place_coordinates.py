"""place coordinates: where each report's places lie, and a view for the map

Revision ID: 0007_place_coordinates
Revises: 0006_fts
Create Date: 2026-12-07

`report_places.latitude`, `report_places.longitude`: the GeoNames coordinates of the
settlement a place names, or of the town a district is named after
(`dronewatch.geo.place_point`); empty for names the gazetteer lacks. Places already
stored are filled here by the same rule.

`place_map_view`: one row per located place of each current report of a post still in
its channel, with the link to the post: Datasette's cluster map reads its latitude and
longitude columns. Times are UTC, as in the other views.
    report_id, post_id, channel_username, message_id, posted_at, period_end, link,
    kind, drones, killed, injured   as in report_view
    place, latitude, longitude      the place and where it lies
    popup                           the map marker's text and link (JSON)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dronewatch.geo import candidates, is_district

revision: str = "0007_place_coordinates"
down_revision: str | None = "0006_fts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

places = sa.table(
    "report_places", sa.column("report_id", sa.Integer), sa.column("name", sa.String),
    sa.column("latitude", sa.Float), sa.column("longitude", sa.Float),
)  # fmt: skip
regions = sa.table(
    "report_regions", sa.column("report_id", sa.Integer), sa.column("code", sa.String),
    sa.column("position", sa.Integer),
)  # fmt: skip

LINK = """CASE WHEN c.username IS NOT NULL AND c.username <> ''
        THEN 'https://t.me/' || c.username || '/' || CAST(p.message_id AS TEXT)
        ELSE 'https://t.me/c/' || CAST(c.telegram_id AS TEXT) || '/' || CAST(p.message_id AS TEXT)
    END"""


def _popup(dialect: str) -> str:
    """The marker's popup as datasette-cluster-map reads it: JSON title, description, link."""
    if dialect == "postgresql":
        posted, json_object = "to_char(p.date, 'YYYY-MM-DD HH24:MI')", "json_build_object"
    else:
        posted, json_object = "substr(p.date, 1, 16)", "json_object"
    description = (
        f"{posted} || ' UTC, ' || COALESCE(c.username, c.title, '') || ': ' || r.kind"
        " || COALESCE(', ' || CAST(r.drones AS TEXT) || ' drones', '')"
    )
    popup = f"{json_object}('title', rp.name, 'description', {description}, 'link', {LINK})"
    return f"CAST({popup} AS TEXT)"


def _map_view(dialect: str) -> str:
    return f"""CREATE VIEW place_map_view AS
SELECT
    r.id AS report_id,
    p.id AS post_id,
    c.username AS channel_username,
    p.message_id AS message_id,
    p.date AS posted_at,
    r.period_end AS period_end,
    {LINK} AS link,
    r.kind AS kind,
    r.drones AS drones,
    r.killed AS killed,
    r.injured AS injured,
    rp.name AS place,
    rp.latitude AS latitude,
    rp.longitude AS longitude,
    {_popup(dialect)} AS popup
FROM reports r
    JOIN report_places rp ON rp.report_id = r.id
    JOIN posts p ON p.id = r.post_id
    JOIN channels c ON c.id = p.channel_id
    WHERE r.is_current AND NOT p.deleted AND rp.latitude IS NOT NULL"""


def _backfill(connection: sa.Connection) -> None:
    """`place_point` in SQL: one UPDATE for the names of a single settlement, and one per
    region for the others, taking the first of a report's regions that has the place."""
    stored = connection.execute(sa.select(places.c.name).distinct()).scalars()
    found = {name: points for name in stored if (points := candidates(name))}
    located = sa.update(places).values(latitude=sa.bindparam("lat"), longitude=sa.bindparam("lon"))
    alone = {
        name: next(iter(points.values()))
        for name, points in found.items()
        if len(points) == 1 and not is_district(name)
    }
    if alone:
        connection.execute(
            located.where(places.c.name == sa.bindparam("wanted")),
            [{"wanted": name, "lat": lat, "lon": lon} for name, (lat, lon) in alone.items()],
        )
    first_region = (
        sa.select(regions.c.code)
        .where(
            regions.c.report_id == places.c.report_id,
            regions.c.code.in_(sa.bindparam("codes", expanding=True)),
        )
        .order_by(regions.c.position)
        .limit(1)
        .scalar_subquery()
    )
    for name, points in found.items():
        if name in alone:
            continue
        for code, (lat, lon) in points.items():
            connection.execute(
                located.where(places.c.name == name, first_region == code),
                {"lat": lat, "lon": lon, "codes": list(points)},
            )


def upgrade() -> None:
    op.add_column("report_places", sa.Column("latitude", sa.Float(), nullable=True))
    op.add_column("report_places", sa.Column("longitude", sa.Float(), nullable=True))
    _backfill(op.get_bind())
    op.execute(_map_view(op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute("DROP VIEW place_map_view")
    # Not a batch (a copy of the table): SQLite refuses to rename a table under the views
    # that read it; its own DROP COLUMN (SQLite 3.35) needs no copy.
    op.drop_column("report_places", "longitude")
    op.drop_column("report_places", "latitude")
