"""Datasette metadata for a dronewatch database: titles, descriptions, facets, queries.

Built in Python rather than shipped as JSON so that the canned queries follow the
configured time zone and every table the schema has is described (a test checks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from typing import Any

from dronewatch import __version__
from dronewatch.reporting import COMBINING_RULE, SOURCE_RULE
from dronewatch.store.explore import canned_queries
from dronewatch.store.search import FTS_SHADOW_TABLES, FTS_TABLE

PLUGIN_NAME = "dronewatch"

# Bookkeeping nobody needs to browse; still reachable from the database page.
HIDDEN_TABLES = (
    "alembic_version",
    "calendar_settings",
    "daemon_requests",
    "digests",
    "heartbeats",
    "reporting_days",
    "utc_offsets",
    FTS_TABLE,
    *FTS_SHADOW_TABLES,
)
_DAY = "The reporting day the report counts on (as in the digest)"
_LOCAL = "Local time, with the zone's abbreviation"


@dataclass(frozen=True)
class Described:
    """A table or view as Datasette shows it."""

    title: str
    description: str
    facets: tuple[str, ...] = ()
    sort_desc: str | None = None
    label_column: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    # The FTS5 table searched by the table page's search box, by `fts_pk`.
    fts_table: str | None = None

    def metadata(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"title": self.title, "description": self.description}
        if self.facets:
            entry["facets"] = list(self.facets)
        if self.sort_desc:
            entry["sort_desc"] = self.sort_desc
        if self.label_column:
            entry["label_column"] = self.label_column
        if self.columns:
            entry["columns"] = self.columns
        if self.fts_table:
            entry.update(fts_table=self.fts_table, fts_pk="id")
        return entry


# Every table and view of the schema (a test checks none is missing).
TABLES: dict[str, Described] = {
    "channels": Described(
        "Channels",
        "The Telegram channels dronewatch watches. region is the ISO 3166-2 code of the "
        "region whose governor runs the channel; empty for national channels such as the "
        "Ministry of Defence.",
        facets=("region",),
        label_column="username",
        columns={
            "telegram_id": "Telegram's numeric id of the channel",
            "region": "ISO 3166-2 code; empty for a national channel",
            "label": "Your label from the config",
        },
    ),
    "posts": Described(
        "Posts",
        "Every post stored, with its current text. Edited posts keep their earlier texts "
        "in post_revisions; deleted posts stay here, marked deleted. The search box finds "
        "posts holding every word searched, in any form (нефтебаза finds нефтебазе), ё "
        "and е alike.",
        facets=("channel_id", "deleted"),
        fts_table=FTS_TABLE,
        sort_desc="date",
        columns={
            "message_id": "The post's id in its channel: t.me/<channel>/<message_id>",
            "date": "Published (UTC)",
            "edit_date": "Last edited (UTC)",
            "grouped_id": "Album id: posts of one album share it",
            "raw": "The message as Telegram sent it (JSON)",
        },
    ),
    "post_revisions": Described(
        "Post revisions",
        "Texts that posts had before an edit replaced them, oldest first: nothing a "
        "channel published is lost.",
        sort_desc="recorded_at",
        columns={"edit_date": "When this text was published or last edited (UTC)"},
    ),
    "reports": Described(
        "Reports",
        "The parser's reading of each post: one per post and parser version. "
        "is_current marks the one that stands for the post today. kind: attack, "
        "alert or none. drones is the post's headline number; cumulative means a "
        "running total that may repeat drones reported earlier. period_end (UTC) is "
        "when the report counts: the end of the time window the post gives, or its date.",
        facets=("kind", "is_current", "cumulative"),
        sort_desc="period_end",
        columns={
            "drones": "Headline number of drones (shot down, intercepted or attacking)",
            "cumulative": "A running total over a period: may include drones already reported",
            "killed": "People killed; 0 when the post says nobody was; empty when silent",
            "injured": "People injured; 0 when the post says nobody was; empty when silent",
            "no_damage": "The post states there was no damage",
            "window_start": "Start of the period the post covers (UTC)",
            "window_end": "End of the period the post covers (UTC)",
            "period_end": "When the report counts: window end, or the post's date (UTC)",
            "evidence": "The words each value was read from (JSON)",
        },
    ),
    "report_regions": Described(
        "Report regions",
        "The regions each report attributes drones to, with that region's count "
        "(a governor's post gives its region the whole count).",
        facets=("code",),
        columns={"code": "ISO 3166-2 region code", "drones": "Drones over this region"},
    ),
    "report_places": Described(
        "Report places",
        "Districts, towns and villages each report names as where drones were downed or "
        "damage happened (Russian, nominative), with where the settlement lies.",
        facets=("name",),
        columns={
            "latitude": "GeoNames latitude of the settlement (a district: of the town it is "
            "named after); empty when the gazetteer lacks the name, or several regions "
            "have it and the report names none of them",
            "longitude": "GeoNames longitude, as latitude",
        },
    ),
    "place_map_view": Described(
        "Map of reported places",
        "One row per located place of each current report of a post still in its "
        "channel, with the link to the post: the map shows them, clustered, and each "
        "marker links to its post. Narrow it by kind, channel or reporting day, or by "
        "posted_at (UTC) with the filters below. A district is drawn at the town it is named "
        "after; places without a known point are left out.",
        facets=("kind", "channel_username"),
        sort_desc="posted_at",
        columns={
            "day": _DAY,
            "posted_local": f"Published. {_LOCAL}",
            "posted_at": "Published (UTC)",
            "link": "The post on t.me",
            "popup": "The map marker's title, description and link (JSON)",
        },
    ),
    "report_damage": Described(
        "Report damage",
        "What each report says was damaged: vehicle, residential, commercial, "
        "industrial, energy, fuel, transport, social, fire or other.",
        facets=("tag",),
    ),
    "report_view": Described(
        "Reports, readable",
        "One row per current report of a post that is not deleted: channel, times, a "
        "link to the post, the figures, and its regions, places and damage tags "
        "comma-joined. The easiest place to start filtering by hand.",
        facets=("kind", "channel_username", "channel_region"),
        sort_desc="period_end",
        columns={
            "day": _DAY,
            "posted_local": f"Published. {_LOCAL}",
            "edited_local": f"Last edited. {_LOCAL}",
            "period_end_local": f"When the report counts. {_LOCAL}",
            "link": "The post on t.me",
            "regions": "Region codes in the post's order",
            "places": "Districts and towns in the post's order",
            "damage": "Damage tags, alphabetical",
            "period_end": "When the report counts: window end, or the post's date (UTC)",
        },
    ),
    "region_drones_view": Described(
        "Drones by region, per report",
        "One row per region of each current report (a national summary naming three "
        "regions gives three rows), ready for GROUP BY region_code.",
        facets=("region_code", "kind", "channel_username"),
        sort_desc="period_end",
        columns={
            "day": _DAY,
            "posted_local": f"Published. {_LOCAL}",
            "region_drones": "Drones attributed to this region (empty: not stated)",
            "report_drones": "The report's headline number",
        },
    ),
    "region_day_view": Described(
        "Drones by region, per reporting day",
        "One row per reporting day and region, the digest's numbers: governor from "
        "channels with a region configured, ministry from national channels, drones "
        f"the day's figure. {SOURCE_RULE} {COMBINING_RULE}",
        facets=("region_code",),
        sort_desc="day",
        columns={
            "drones": "The larger of governor and ministry",
            "governor": "The region's own channels' figure (empty: none gave a number)",
            "ministry": "The national channels' figure (empty: none gave a number)",
        },
    ),
    "calendar_settings": Described(
        "Calendar settings",
        "The reporting day (time zone, start) reporting_days and utc_offsets were "
        "written for, from the config.",
    ),
    "reporting_days": Described(
        "Reporting days",
        "Each reporting day's bounds in UTC, (starts_at, ends_at]: what the views and "
        "queries count days by.",
    ),
    "utc_offsets": Described(
        "UTC offsets",
        "The time zone's offset from UTC and abbreviation from each change on.",
    ),
    "alembic_version": Described("Schema version", "The schema migration applied."),
    "digests": Described(
        "Digests", "Which daily digests were claimed and sent, per day and recipient."
    ),
    "heartbeats": Described("Heartbeats", "The daemon's sign of life."),
    "alerts": Described(
        "Instant alerts",
        "Every alert an [[alerts]] rule sent (or failed to send): once per post, rule "
        "and recipient, with the message as sent.",
        facets=("rule", "recipient"),
        sort_desc="claimed_at",
        columns={
            "post_id": "The post that matched (posts.id)",
            "report_id": "The report that matched (reports.id)",
            "message": "The alert as sent (Telegram HTML)",
            "claimed_at": "When the alert was recorded, just before sending (UTC)",
            "sent_at": "When Telegram accepted it (UTC); empty: not sent, see last_error",
        },
    ),
    "daemon_requests": Described(
        "Daemon requests",
        "Work a command asked the running daemon to do (it owns the Telegram session).",
    ),
    FTS_TABLE: Described(
        "Post text search index",
        "SQLite's full-text index of posts.text (FTS5), kept in step by triggers; the "
        "posts table's search box reads it.",
    ),
    **{
        name: Described("Post text search index (internal)", "A table FTS5 keeps for posts_fts.")
        for name in FTS_SHADOW_TABLES
    },
}


@dataclass(frozen=True)
class Options:
    """What the metadata depends on: the reporting day and the home chart's size."""

    database_name: str
    timezone: str = "Europe/Moscow"
    day_starts: time = time(8, 0)
    chart_days: int = 14
    chart_regions: int = 6


def build_metadata(options: Options) -> dict[str, Any]:
    """Datasette's metadata dict for one dronewatch database."""
    table_metadata = {name: described.metadata() for name, described in TABLES.items()}
    for name in HIDDEN_TABLES:
        table_metadata[name]["hidden"] = True
    queries = {
        query.name: {
            "title": query.title,
            "description": query.description,
            "sql": query.sql,
            "params": query.params,
            "hide_sql": True,
        }
        for query in canned_queries()
    }
    return {
        "title": "dronewatch",
        "description": (
            "Drone reports read from Russian governors' and the Ministry of Defence's "
            f"Telegram channels. Days are reporting days: {options.day_starts:%H:%M} to "
            f"{options.day_starts:%H:%M} in {options.timezone}, named after the date they "
            "end on, as in the digest; times are local (stored times are UTC). "
            f"{COMBINING_RULE} The queries below answer the usual questions; every row "
            "links to its source posts."
        ),
        "databases": {
            options.database_name: {
                "title": "dronewatch",
                "description": (
                    "Posts, their edits, and the reports read from them. The canned "
                    "queries take since/until (YYYY-MM-DD) and region (a code such "
                    "as RU-KLU or KLU, or part of a name such as Kaluga or Калуж)."
                ),
                "tables": table_metadata,
                "queries": queries,
            }
        },
        "plugins": {
            PLUGIN_NAME: {
                "database": options.database_name,
                "chart_days": options.chart_days,
                "chart_regions": options.chart_regions,
                "chart_query": "drones_per_region_per_day",
            }
        },
    }


def version_note() -> str:
    return f"dronewatch {__version__}"
