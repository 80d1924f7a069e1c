"""report views: readable reports for sqlite3, DBeaver, Datasette and other SQL clients

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Two views, the same on SQLite and PostgreSQL. Both hold only the *current* report
(latest text, latest parser) of posts that are *not deleted*. Times are UTC
(SQLite: text `YYYY-MM-DD HH:MM:SS[.ffffff]`; PostgreSQL: `timestamp`).

`report_view`: one row per report.
    report_id, post_id          row ids (reports.id, posts.id)
    channel_telegram_id         the channel's positive Telegram id
    channel_username            @username without the @, or NULL
    channel_title, channel_label, channel_region (ISO code of the governor's region)
    message_id                  the post's id in its channel
    posted_at, edited_at        publication and last edit time
    link                        https://t.me/<username>/<id>, or https://t.me/c/<id>/<id>
    kind                        attack | alert | none
    drones                      headline number of drones (NULL: not stated)
    cumulative                  1/true when `drones` is a running total over a period
    killed, injured             people (NULL: the post is silent; 0: nobody)
    no_damage                   the post states there is no damage
    window_start, window_end    the period the post covers, when it gives clock times
    period_end                  when the report counts: window end, else posted_at
    parser_version              the parser that made the report
    regions                     region codes, comma-joined in the post's order ("RU-BEL, RU-KUR")
    places                      districts and towns, comma-joined in order
    damage                      damage tags, comma-joined alphabetically
    text                        the post's current text

`region_drones_view`: one row per region of a report (a report naming three regions
gives three rows), for `GROUP BY region_code`.
    report_id, post_id, channel_telegram_id, channel_username, message_id, posted_at,
    period_end, link, kind, cumulative, parser_version   as in report_view
    region_code                 ISO code of the region
    region_drones               drones attributed to this region (NULL: not stated)
    report_drones               the report's headline number
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("region_drones_view", "report_view")

LINK = """CASE WHEN c.username IS NOT NULL AND c.username <> ''
        THEN 'https://t.me/' || c.username || '/' || CAST(p.message_id AS TEXT)
        ELSE 'https://t.me/c/' || CAST(c.telegram_id AS TEXT) || '/' || CAST(p.message_id AS TEXT)
    END"""

CURRENT_REPORTS = """FROM reports r
    JOIN posts p ON p.id = r.post_id
    JOIN channels c ON c.id = p.channel_id
    WHERE r.is_current AND NOT p.deleted"""


def _joined(dialect: str, column: str, table: str, order: str) -> str:
    """A comma-joined list of one report's child rows, in a fixed order."""
    if dialect == "postgresql":
        return (
            f"(SELECT string_agg(x.{column}, ', ' ORDER BY x.{order}) "
            f"FROM {table} x WHERE x.report_id = r.id)"
        )
    # SQLite keeps a subquery's order through group_concat (ORDER BY inside an
    # aggregate needs SQLite 3.44, newer than many systems ship).
    return (
        f"(SELECT group_concat(y.{column}, ', ') FROM "
        f"(SELECT x.{column} FROM {table} x WHERE x.report_id = r.id ORDER BY x.{order}) y)"
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute(
        f"""CREATE VIEW report_view AS
SELECT
    r.id AS report_id,
    p.id AS post_id,
    c.telegram_id AS channel_telegram_id,
    c.username AS channel_username,
    c.title AS channel_title,
    c.label AS channel_label,
    c.region AS channel_region,
    p.message_id AS message_id,
    p.date AS posted_at,
    p.edit_date AS edited_at,
    {LINK} AS link,
    r.kind AS kind,
    r.drones AS drones,
    r.cumulative AS cumulative,
    r.killed AS killed,
    r.injured AS injured,
    r.no_damage AS no_damage,
    r.window_start AS window_start,
    r.window_end AS window_end,
    r.period_end AS period_end,
    r.parser_version AS parser_version,
    {_joined(dialect, "code", "report_regions", "position")} AS regions,
    {_joined(dialect, "name", "report_places", "position")} AS places,
    {_joined(dialect, "tag", "report_damage", "tag")} AS damage,
    p.text AS text
{CURRENT_REPORTS}"""
    )
    op.execute(
        f"""CREATE VIEW region_drones_view AS
SELECT
    r.id AS report_id,
    p.id AS post_id,
    c.telegram_id AS channel_telegram_id,
    c.username AS channel_username,
    p.message_id AS message_id,
    p.date AS posted_at,
    r.period_end AS period_end,
    {LINK} AS link,
    r.kind AS kind,
    r.cumulative AS cumulative,
    r.parser_version AS parser_version,
    rr.code AS region_code,
    rr.drones AS region_drones,
    r.drones AS report_drones
FROM reports r
    JOIN report_regions rr ON rr.report_id = r.id
    JOIN posts p ON p.id = r.post_id
    JOIN channels c ON c.id = p.channel_id
    WHERE r.is_current AND NOT p.deleted"""
    )


def downgrade() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
