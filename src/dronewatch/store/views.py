"""The SQL views, the same on SQLite and PostgreSQL, for people who query the database.

Each view holds only the *current* report (latest text, latest parser) of posts that
are *not deleted*. `day` is the reporting day (`dronewatch.reporting`) and the
`*_local` columns are local times with the zone's abbreviation ('2026-10-12 07:15
MSK'), both from the calendar the commands write (`dronewatch.store.calendar`); the
`*_at` columns and `period_end` stay UTC (SQLite: text `YYYY-MM-DD HH:MM:SS[.ffffff]`;
PostgreSQL: `timestamp`) for filtering by index.

`report_view`: one row per report.
    report_id, post_id          row ids (reports.id, posts.id)
    day                         the reporting day the report counts on
    posted_local, edited_local  publication and last edit, local time
    channel_telegram_id, channel_username, channel_title, channel_label,
    channel_region              the channel (region: ISO code of the governor's region)
    message_id, link            the post's id in its channel, its t.me address
    kind                        attack | alert | none
    drones                      headline number of drones (NULL: not stated)
    cumulative                  1/true when `drones` is a running total over a period
    killed, injured             people (NULL: the post is silent; 0: nobody)
    no_damage                   the post states there is no damage
    window_start, window_end    the period the post covers (UTC), when it gives times
    period_end, period_end_local   when the report counts: window end, else posted_at
    posted_at, edited_at        publication and last edit (UTC)
    parser_version              the parser that made the report
    regions, places, damage     comma-joined: codes and places in the post's order,
                                damage tags alphabetically
    text                        the post's current text

`region_drones_view`: one row per region of a report, for `GROUP BY region_code`:
    report_id, post_id, day, posted_local, channel_telegram_id, channel_username,
    message_id, posted_at, period_end, link, kind, cumulative, parser_version,
    region_code, region_drones (NULL: not stated), report_drones (headline number).

`place_map_view`: one row per located place of a report, for Datasette's cluster map:
    report_id, post_id, day, posted_local, channel_username, message_id, posted_at,
    period_end, link, kind, drones, killed, injured   as in report_view
    place, latitude, longitude      the place and where it lies
    popup                           the marker's title, description and link (JSON)

`region_day_view`: one row per reporting day and region, the digest's figures:
    day, region_code, drones (the larger of governor and ministry), governor,
    ministry (each side's figure, NULL: it gave none), reports, governor_posts,
    ministry_posts (t.me links).
"""

from __future__ import annotations

from functools import partial

from dronewatch.store.calendar import day_sql, local_time_sql
from dronewatch.store.region_days import COMBINED, post_link, region_day_ctes

VIEWS = ("place_map_view", "region_day_view", "region_drones_view", "report_view")


def _current_reports(dialect: str) -> str:
    """report_view's rows. On SQLite the channel is looked up from the post, never the
    posts from the channel (`+p.channel_id`): given a range of dates it took each
    channel in turn and its posts by (channel_id, date), a month's posts in sixty
    passes over their pages; at a million posts those pages outgrow SQLite's cache
    and each post was read from the file again (85,000 page reads for 40,000 posts,
    2,700 for 4,000 at 100,000)."""
    channel = "+p.channel_id" if dialect == "sqlite" else "p.channel_id"
    return f"""FROM reports r
    JOIN posts p ON p.id = r.post_id
    JOIN channels c ON c.id = {channel}
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


def report_view(dialect: str) -> str:
    local = partial(local_time_sql, dialect)
    return f"""CREATE VIEW report_view AS
SELECT
    r.id AS report_id,
    p.id AS post_id,
    {day_sql("r.period_end")} AS day,
    {local("p.date")} AS posted_local,
    {local("p.edit_date")} AS edited_local,
    c.telegram_id AS channel_telegram_id,
    c.username AS channel_username,
    c.title AS channel_title,
    c.label AS channel_label,
    c.region AS channel_region,
    p.message_id AS message_id,
    {post_link()} AS link,
    r.kind AS kind,
    r.drones AS drones,
    r.cumulative AS cumulative,
    r.killed AS killed,
    r.injured AS injured,
    r.no_damage AS no_damage,
    r.window_start AS window_start,
    r.window_end AS window_end,
    r.period_end AS period_end,
    {local("r.period_end")} AS period_end_local,
    p.date AS posted_at,
    p.edit_date AS edited_at,
    r.parser_version AS parser_version,
    {_joined(dialect, "code", "report_regions", "position")} AS regions,
    {_joined(dialect, "name", "report_places", "position")} AS places,
    {_joined(dialect, "tag", "report_damage", "tag")} AS damage,
    p.text AS text
{_current_reports(dialect)}"""


def region_drones_view(dialect: str) -> str:
    return f"""CREATE VIEW region_drones_view AS
SELECT
    r.id AS report_id,
    p.id AS post_id,
    {day_sql("r.period_end")} AS day,
    {local_time_sql(dialect, "p.date")} AS posted_local,
    c.telegram_id AS channel_telegram_id,
    c.username AS channel_username,
    p.message_id AS message_id,
    p.date AS posted_at,
    r.period_end AS period_end,
    {post_link()} AS link,
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


def region_day_view(dialect: str) -> str:
    return f"""CREATE VIEW region_day_view AS
{region_day_ctes(dialect)}
SELECT day, region AS region_code, {COMBINED} AS drones, governor, ministry, reports,
  governor_posts, ministry_posts
FROM per_day"""


def _popup(dialect: str) -> str:
    """The marker's popup as datasette-cluster-map reads it: JSON title, description, link."""
    json_object = "json_build_object" if dialect == "postgresql" else "json_object"
    description = (
        f"{local_time_sql(dialect, 'p.date')} || ', ' || COALESCE(c.username, c.title, '') "
        "|| ': ' || r.kind || COALESCE(', ' || CAST(r.drones AS TEXT) || ' drones', '')"
    )
    popup = f"{json_object}('title', rp.name, 'description', {description}, 'link', {post_link()})"
    return f"CAST({popup} AS TEXT)"


def place_map_view(dialect: str) -> str:
    return f"""CREATE VIEW place_map_view AS
SELECT
    r.id AS report_id,
    p.id AS post_id,
    {day_sql("r.period_end")} AS day,
    {local_time_sql(dialect, "p.date")} AS posted_local,
    c.username AS channel_username,
    p.message_id AS message_id,
    p.date AS posted_at,
    r.period_end AS period_end,
    {post_link()} AS link,
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


def create_views(dialect: str) -> list[str]:
    """The statements creating every view on `dialect`."""
    return [
        report_view(dialect),
        region_drones_view(dialect),
        region_day_view(dialect),
        place_map_view(dialect),
    ]
