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


def _reporting_day_reports(dialect: str) -> str:
    """Current attack reports of live posts with their region rows, joined to their
    reporting day: `d.day` is a column, so a filter on the day reaches `reporting_days`'
    index and each day's reports come from the index on `reports.period_end`.

    A report counts on the day `(starts_at, ends_at]` holds its `period_end`, as
    `day_sql` finds it (the days are contiguous). Both databases must take the days
    first, then each day's range of period_end, and misjudge a range join without help:

    - SQLite built an index over `kind` on every run (half a minute over a month), and
      guessing a day holds 1/64 of the reports (it holds about 1/10,000 of them), read
      every post into a Bloom filter first: it is told the index and the likelihood.
    - PostgreSQL took every report and looked its day up by a scan of reporting_days
      (nine minutes over a month): the day's reports are a LATERAL subquery, planned
      on its own (OFFSET 0) for the one day it is given.
    """
    columns = f"""rr.code AS region,
    p.channel_id AS channel_id,
    c.region IS NULL AS national,
    r.id AS report_id,
    rr.position AS position,
    r.cumulative AS cumulative,
    rr.drones AS drones,
    {post_link()} AS post"""
    joins = """JOIN posts AS p ON p.id = r.post_id
  JOIN channels AS c ON c.id = p.channel_id
  JOIN report_regions AS rr ON rr.report_id = r.id"""
    live = "r.is_current AND NOT p.deleted AND r.kind = 'attack'"
    if dialect == "postgresql":
        return f"""SELECT d.day AS day,
    p.code AS region,
    p.channel_id AS channel_id,
    c.region IS NULL AS national,
    r.id AS report_id,
    p.position AS position,
    r.cumulative AS cumulative,
    p.drones AS drones,
    {post_link()} AS post
  FROM reporting_days AS d
  CROSS JOIN LATERAL (
    SELECT r.id, r.post_id, r.cumulative FROM reports AS r
    WHERE r.period_end > d.starts_at AND r.period_end <= d.ends_at
      AND r.is_current AND r.kind = 'attack'
    OFFSET 0
  ) AS r
  CROSS JOIN LATERAL (
    SELECT p.channel_id, p.message_id, rr.code, rr.position, rr.drones
    FROM posts AS p
    JOIN report_regions AS rr ON rr.report_id = r.id
    WHERE p.id = r.post_id AND NOT p.deleted
    OFFSET 0
  ) AS p
  JOIN channels AS c ON c.id = p.channel_id"""
    return f"""SELECT d.day AS day,
    {columns}
  FROM reporting_days AS d
  CROSS JOIN reports AS r INDEXED BY ix_reports_period_end
  {joins}
  WHERE likelihood(r.period_end > d.starts_at, 0.001)
    AND likelihood(r.period_end <= d.ends_at, 0.001)
    AND {live}"""


def _aggregate(dialect: str, expression: str, window: str) -> str:
    """`joined` as a window function over `window`."""
    return f"{joined(dialect, expression)} OVER {window}"


def region_day_ctes(dialect: str) -> str:
    """`WITH ...` CTEs ending in `per_day`, the same rows and figures as `per_day_ctes`
    over every report, built so that a filter on `day` or `region` reaches the tables.

    `per_day_ctes` groups twice (per channel, then per day); a filter on a grouped
    query's output goes into its HAVING, and SQLite (3.40) pushes it no further, so
    `WHERE day >= ...` on a view over it still added up every report of the database
    (ten seconds at a million posts). Here both steps are window functions
    partitioned by the day and region, each followed by a filter keeping one row per
    partition: SQLite and PostgreSQL push a filter on a partition's columns through
    both, down to `reporting_days`. The posts of a channel are listed in report order
    and the channels of a side in channel order, as the grouping listed them.
    """
    new = "coalesce(sum(CASE WHEN NOT cumulative THEN drones END) OVER w, 0)"
    top = "coalesce(max(CASE WHEN cumulative THEN drones END) OVER w, 0)"
    whole = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
    return f"""WITH region_reports AS (
  {_reporting_day_reports(dialect)}
),
channel_rows AS (
  SELECT day, region, national, channel_id,
    CASE WHEN count(drones) OVER w > 0 THEN {_larger(new, top)} END AS drones,
    count(*) OVER w AS reports,
    {_aggregate(dialect, "post", "w")} AS posts,
    row_number() OVER w AS n
  FROM region_reports
  WINDOW w AS (PARTITION BY day, region, national, channel_id
    ORDER BY report_id, position {whole})
),
per_channel AS (
  SELECT day, region, national, channel_id, drones, reports, posts
  FROM channel_rows
  WHERE n = 1
),
day_rows AS (
  SELECT day, region,
    max(CASE WHEN NOT national THEN drones END) OVER w AS governor,
    max(CASE WHEN national THEN drones END) OVER w AS ministry,
    sum(reports) OVER w AS reports,
    {_aggregate(dialect, "CASE WHEN NOT national THEN posts END", "w")} AS governor_posts,
    {_aggregate(dialect, "CASE WHEN national THEN posts END", "w")} AS ministry_posts,
    row_number() OVER w AS n
  FROM per_channel
  WINDOW w AS (PARTITION BY day, region ORDER BY national, channel_id {whole})
),
per_day AS (
  SELECT day, region, governor, ministry, reports, governor_posts, ministry_posts
  FROM day_rows
  WHERE n = 1
)"""
