"""The SQL of a region's figure per reporting day: the digest's rules, for views and queries.

The same SQL serves `region_day_view` (SQLite and PostgreSQL) and the canned query
"Drones per region per day" (Datasette), so the numbers agree with each other and with
the digest (`dronewatch.digest.summary.figures_by_day`), which a test checks:

- per channel, region and reporting day: new reports add up, running totals are not
  added, the day keeps the largest; the channel's figure is the larger of the two
  (`dronewatch.reporting.SOURCE_RULE`);
- per side (governor: a channel with a region configured; ministry: a national
  channel): the largest channel figure, as channels of one side describe one night;
- the region's figure: the larger of the two sides (`dronewatch.reporting.combined`).
"""

from __future__ import annotations

from dronewatch.store.calendar import day_sql

# Telegram's numeric ids of channels carry a -100 prefix; t.me/c/ links want it stripped.
_CHANNEL_ID_PREFIX = 1_000_000_000_000

# `dronewatch.reporting.combined` in SQL.
COMBINED = "CASE WHEN ministry IS NULL OR governor >= ministry THEN governor ELSE ministry END"


def post_link(channel: str = "c", post: str = "p") -> str:
    """SQL for a post's t.me address: public channels by username, private ones by id."""
    return (
        f"CASE WHEN coalesce({channel}.username, '') <> '' "
        f"THEN 'https://t.me/' || {channel}.username || '/' || {post}.message_id "
        f"ELSE 'https://t.me/c/' || CASE WHEN {channel}.telegram_id < -{_CHANNEL_ID_PREFIX} "
        f"THEN -{_CHANNEL_ID_PREFIX} - {channel}.telegram_id ELSE abs({channel}.telegram_id) END "
        f"|| '/' || {post}.message_id END"
    )


def joined(dialect: str, expression: str) -> str:
    """An aggregate joining `expression` over a group's rows with spaces."""
    if dialect == "postgresql":
        return f"string_agg({expression}, ' ')"
    return f"group_concat({expression}, ' ')"


def _larger(first: str, second: str) -> str:
    return f"CASE WHEN {first} >= {second} THEN {first} ELSE {second} END"


def per_day_ctes(dialect: str, condition: str = "1 = 1") -> str:
    """`WITH ...` CTEs ending in `per_day`: day, region, governor, ministry, reports, and
    the posts of each side, over current attack reports of live posts meeting `condition`
    (on `r` reports, `p` posts, `c` channels, `rr` report_regions)."""
    new = "coalesce(sum(CASE WHEN NOT cumulative THEN drones END), 0)"
    top = "coalesce(max(CASE WHEN cumulative THEN drones END), 0)"
    return f"""WITH region_reports AS (
  SELECT {day_sql("r.period_end")} AS day,
    rr.code AS region,
    p.channel_id AS channel_id,
    c.region IS NULL AS national,
    r.cumulative AS cumulative,
    rr.drones AS drones,
    {post_link()} AS post
  FROM reports AS r
  JOIN posts AS p ON p.id = r.post_id
  JOIN channels AS c ON c.id = p.channel_id
  JOIN report_regions AS rr ON rr.report_id = r.id
  WHERE r.is_current AND NOT p.deleted AND r.kind = 'attack'
    AND {condition}
),
per_channel AS (
  SELECT day, region, national, channel_id,
    CASE WHEN count(drones) > 0 THEN {_larger(new, top)} END AS drones,
    count(*) AS reports,
    {joined(dialect, "post")} AS posts
  FROM region_reports
  GROUP BY day, region, national, channel_id
),
per_day AS (
  SELECT day, region,
    max(CASE WHEN NOT national THEN drones END) AS governor,
    max(CASE WHEN national THEN drones END) AS ministry,
    sum(reports) AS reports,
    {joined(dialect, "CASE WHEN NOT national THEN posts END")} AS governor_posts,
    {joined(dialect, "CASE WHEN national THEN posts END")} AS ministry_posts
  FROM per_channel
  GROUP BY day, region
)"""
