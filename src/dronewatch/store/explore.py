"""The SQL of the canned queries dronewatch serve offers in Datasette (SQLite only).

Days are reporting days (`dronewatch.reporting`) and times local times with the zone's
abbreviation, both read from the calendar the commands write into the database
(`dronewatch.store.calendar`), so they agree with the digest and the views, daylight
saving time included. Every query takes the parameters Datasette shows as a form:
`since`/`until` (YYYY-MM-DD, reporting days; an empty `until` is today, or the last
day with reports when today has none) and `region` (an ISO code with or without
`RU-`, or part of a region's name). Every row links to its source posts on t.me.

The queries call three SQL functions that the Datasette plugin registers on each
connection (`dronewatch.web.plugin`): `region_name(code)`, `region_matches(code,
pattern)` and `fold(text)` (case- and ё-insensitive matching, which SQLite's
`lower()` and `LIKE` do not do for Cyrillic).

How drones are counted for a region and a day: `dronewatch.store.region_days`, the
SQL `region_day_view` uses too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from dronewatch.folding import fold
from dronewatch.parsing.report import DAMAGE_TAGS
from dronewatch.regions import region_name, regions
from dronewatch.reporting import COMBINING_RULE, SOURCE_RULE
from dronewatch.store.calendar import day_sql, local_time_sql
from dronewatch.store.region_days import COMBINED, per_day_ctes, post_link

PARAMETERS = ("since", "until", "hours", "place", "region")
DEFAULT_RANGE = (
    "default: the 30 days up to today, or up to the last day with reports when today has none"
)


@dataclass(frozen=True)
class CannedQuery:
    """One query as Datasette shows it: a URL name, a title, what it answers, its SQL."""

    name: str
    title: str
    description: str
    sql: str

    @property
    def params(self) -> list[str]:
        """The form fields, in the order they first appear in the SQL."""
        found = [name for name in PARAMETERS if f":{name}" in self.sql]
        return sorted(found, key=lambda name: self.sql.index(f":{name}"))


# Now, and when the newest report counts: the pages end on the reporting day of the
# earlier, so that a database whose last report is older than today (the demo's) shows
# its last days rather than empty ones. `max()` over the index is one look-up.
_NOW = "datetime('now')"
_LAST_REPORT = "(SELECT max(period_end) FROM reports)"
TODAY = day_sql(_NOW)
ANCHOR_DAY = day_sql(f"min({_NOW}, coalesce({_LAST_REPORT}, {_NOW}))")
_LAST_POST = f"min({_NOW}, coalesce((SELECT max(date) FROM posts), {_NOW}))"
# The newest post, in local time, when it is older than :hours (else NULL).
STALE_POSTS = (
    f"SELECT {local_time_sql('sqlite', 'newest')} AS newest FROM "
    "(SELECT max(date) AS newest FROM posts) "
    f"WHERE newest < datetime({_NOW}, '-' || :hours || ' hours')"
)


class Days:
    """SQL for reporting days and local times, read from the stored calendar."""

    def day(self, column: str) -> str:
        """The reporting day (YYYY-MM-DD) of a stored UTC time."""
        return day_sql(column)

    def time(self, column: str) -> str:
        """A stored UTC time as local time with the zone's abbreviation."""
        return local_time_sql("sqlite", column)

    def in_range(self, column: str, default_days: int | None) -> str:
        """column within the reporting days :since to :until (both included).

        An empty `until` means today, or the last day with reports when today has none
        (`ANCHOR_DAY`); an empty `since` the `default_days` days up to it (or no lower
        bound when `default_days` is None). The bounds are UTC times from the calendar,
        so that the index on the column can be used.
        """
        until = f"coalesce(nullif(:until, ''), {ANCHOR_DAY})"
        if default_days is None:
            lower = f"(:since = '' OR {column} > {_bound('starts_at', ':since')})"
        else:
            since = f"coalesce(nullif(:since, ''), date({until}, '-{default_days - 1} days'))"
            lower = f"{column} > {_bound('starts_at', since)}"
        return f"{lower}\n    AND {column} <= {_bound('ends_at', until)}"


def _bound(edge: str, day: str) -> str:
    return f"(SELECT {edge} FROM reporting_days WHERE day = {day})"


_CURRENT_REPORTS = """reports AS r
  JOIN posts AS p ON p.id = r.post_id
  JOIN channels AS c ON c.id = p.channel_id"""

_LIVE = "r.is_current AND NOT p.deleted"

_CHANNEL = "coalesce(c.username, c.title, c.telegram_id) AS channel"

_REGIONS = """(SELECT group_concat(code || coalesce(' ' || drones, ''), ', ')
     FROM (SELECT code, drones FROM report_regions
           WHERE report_id = r.id ORDER BY position)) AS regions"""

_PLACES = """(SELECT group_concat(name, ', ')
     FROM (SELECT name FROM report_places
           WHERE report_id = r.id ORDER BY position)) AS places"""

_DAMAGE = """(SELECT group_concat(tag, ', ')
     FROM (SELECT tag FROM report_damage WHERE report_id = r.id ORDER BY tag)) AS damage"""

_IN_REGION = """(:region = ''
       OR region_matches(c.region, :region)
       OR EXISTS (SELECT 1 FROM report_regions AS x
                  WHERE x.report_id = r.id AND region_matches(x.code, :region)))"""

_TEXT = "replace(p.text, char(10), ' ') AS text"

# The place names matching :place. fold() is called once per distinct name (a few
# thousand), not once per row of report_places (a million): the distinct names come
# from the index on name; the rows of the names found, from it again.
_MATCHING_PLACES = """SELECT name FROM (SELECT DISTINCT name FROM report_places)
    WHERE fold(name) LIKE '%' || fold(:place) || '%'"""


def _per_region_day(days: Days) -> str:
    """CTEs ending in per_day: a region's day, the governor's and ministry's figures."""
    condition = f"{days.in_range('r.period_end', 30)}\n    AND region_matches(rr.code, :region)"
    return per_day_ctes("sqlite", condition)


def drones_per_region_per_day(days: Days) -> CannedQuery:
    return CannedQuery(
        name="drones_per_region_per_day",
        title="Drones per region per day",
        description=(
            f"Drones reported over each region, per reporting day ({DEFAULT_RANGE}). "
            "governor is the figure from channels with a region configured, ministry "
            f"from national channels. {SOURCE_RULE} {COMBINING_RULE} Empty: the source "
            "gave no number."
        ),
        sql=f"""{_per_region_day(days)}
SELECT day, region, region_name(region) AS region_name,
  {COMBINED} AS drones,
  governor, ministry, reports,
  trim(coalesce(governor_posts, '') || ' ' || coalesce(ministry_posts, '')) AS posts
FROM per_day
ORDER BY day DESC, drones DESC, region""",
    )


def governor_vs_ministry(days: Days) -> CannedQuery:
    return CannedQuery(
        name="governor_vs_ministry",
        title="Governor and ministry disagree",
        description=(
            "Days on which a region's governor and the Ministry of Defence give different "
            "numbers of drones for that region (regions whose governor's channel is "
            "watched) and both gave a number, the largest differences first. "
            "difference = governor - ministry."
        ),
        sql=f"""{_per_region_day(days)}
SELECT day, region, region_name(region) AS region_name,
  governor, ministry, governor - ministry AS difference,
  governor_posts, ministry_posts
FROM per_day
WHERE region IN (SELECT region FROM channels WHERE region IS NOT NULL)
  AND governor <> ministry
ORDER BY day DESC, abs(governor - ministry) DESC, region""",
    )


def last_hours(days: Days) -> CannedQuery:
    return CannedQuery(
        name="last_24_hours",
        title="The last 24 hours",
        description=(
            "Every attack and alert posted in the last 24 hours (or hours), newest "
            "first, with the report read from each post; when nothing was posted that "
            "recently, the 24 hours up to the newest post. Times are local."
        ),
        sql=f"""SELECT {days.time("p.date")} AS posted, {_CHANNEL},
  r.kind, r.drones, r.cumulative,
  {_REGIONS},
  {_PLACES},
  r.killed, r.injured,
  {_DAMAGE},
  {post_link()} AS post,
  {_TEXT}
FROM {_CURRENT_REPORTS}
WHERE {_LIVE} AND r.kind <> 'none'
  AND p.date > datetime({_LAST_POST}, '-' || coalesce(nullif(:hours, ''), 24) || ' hours')
  AND {_IN_REGION}
ORDER BY p.date DESC""",
    )


def place_history(days: Days) -> CannedQuery:
    return CannedQuery(
        name="place_history",
        title="A place's history",
        description=(
            "Every report naming a place (any part of its name, case and ё ignored: "
            "'обнин' finds Обнинск), newest first, over all time unless since is given."
        ),
        sql=f"""SELECT {days.time("p.date")} AS posted, rp.name AS place, {_CHANNEL},
  r.drones, r.cumulative,
  {_REGIONS},
  r.killed, r.injured,
  {_DAMAGE},
  {_PLACES},
  {post_link()} AS post,
  {_TEXT}
FROM report_places AS rp
  JOIN reports AS r ON r.id = rp.report_id
  JOIN posts AS p ON p.id = r.post_id
  JOIN channels AS c ON c.id = p.channel_id
WHERE {_LIVE}
  AND rp.name IN ({_MATCHING_PLACES})
  AND {days.in_range("r.period_end", None)}
  AND {_IN_REGION}
ORDER BY p.date DESC""",
    )


def damage_by_region(days: Days) -> CannedQuery:
    tag_counts = ",\n    ".join(
        f"sum(EXISTS (SELECT 1 FROM report_damage AS d WHERE d.report_id = dr.report_id "
        f"AND d.tag = '{tag}')) AS {tag}"
        for tag in DAMAGE_TAGS
    )
    return CannedQuery(
        name="damage_by_region",
        title="Damage and casualties by region",
        description=(
            f"Per region and reporting day ({DEFAULT_RANGE}): people killed and "
            "injured as the posts report them (added up over the day's posts: a later "
            "post restating a toll is counted again, so open the posts), and how many "
            "reports name each kind of damage. A report counts for its channel's region, "
            "or for the first region it names when the channel is national."
        ),
        sql=f"""WITH damage_reports AS (
  SELECT {days.day("r.period_end")} AS day,
    coalesce(c.region, (SELECT code FROM report_regions
                        WHERE report_id = r.id ORDER BY position LIMIT 1)) AS region,
    r.id AS report_id, r.killed, r.injured, r.no_damage,
    {post_link()} AS post
  FROM {_CURRENT_REPORTS}
  WHERE {_LIVE} AND r.kind = 'attack'
    AND {days.in_range("r.period_end", 30)}
)
SELECT day, region, region_name(region) AS region_name,
  sum(killed) AS killed, sum(injured) AS injured,
  {tag_counts},
  sum(no_damage) AS no_damage_reports,
  group_concat(post, ' ') AS posts
FROM damage_reports AS dr
WHERE region_matches(region, :region)
  AND (coalesce(killed, 0) > 0 OR coalesce(injured, 0) > 0
       OR EXISTS (SELECT 1 FROM report_damage AS d WHERE d.report_id = dr.report_id))
GROUP BY day, region
ORDER BY day DESC, killed DESC, injured DESC, region""",
    )


def edited_posts(days: Days) -> CannedQuery:
    return CannedQuery(
        name="edited_posts",
        title="Edited posts",
        description=(
            "Posts whose text was edited after publication, newest first, by the "
            f"reporting day of their publication ({DEFAULT_RANGE}): the report now "
            "stored is read from the current text; every earlier text is kept in "
            "post_revisions. previous_text is the text the last edit replaced."
        ),
        sql=f"""SELECT {days.time("p.date")} AS posted, {days.time("p.edit_date")} AS edited,
  {_CHANNEL},
  (SELECT count(*) FROM post_revisions WHERE post_id = p.id) AS revisions,
  r.kind, r.drones, r.cumulative, r.killed, r.injured,
  {_REGIONS},
  {_DAMAGE},
  p.deleted,
  (SELECT text FROM post_revisions WHERE post_id = p.id ORDER BY id DESC LIMIT 1)
    AS previous_text,
  p.text AS current_text,
  {post_link()} AS post
FROM {_CURRENT_REPORTS}
WHERE r.is_current
  AND EXISTS (SELECT 1 FROM post_revisions WHERE post_id = p.id)
  AND {days.in_range("p.date", 30)}
  AND {_IN_REGION}
ORDER BY p.date DESC""",
    )


def canned_queries() -> list[CannedQuery]:
    """Every canned query, in the order Datasette lists them."""
    days = Days()
    return [
        drones_per_region_per_day(days),
        last_hours(days),
        place_history(days),
        damage_by_region(days),
        edited_posts(days),
        governor_vs_ministry(days),
    ]


def _sql_fold(text: str | None) -> str | None:
    """fold() for SQL, where a NULL passes through."""
    return None if text is None else fold(text)


def region_matches(code: str | None, pattern: str | None) -> bool:
    """True when pattern is empty, or names the region: its code (with or without
    `RU-`), or part of its English or Russian name."""
    if not pattern or not pattern.strip():
        return True
    if code is None:
        return False
    wanted = fold(pattern.strip())
    region = regions().get(code)
    names = (region.name_en, region.name_ru) if region else ()
    return wanted in (fold(code), fold(code.removeprefix("RU-"))) or any(
        wanted in fold(name) for name in names
    )


def register_functions(connection: sqlite3.Connection) -> None:
    """Make the SQL functions the canned queries call available on a connection."""
    connection.create_function("fold", 1, _sql_fold, deterministic=True)
    connection.create_function("region_name", 1, region_name, deterministic=True)
    connection.create_function("region_matches", 2, region_matches, deterministic=True)
