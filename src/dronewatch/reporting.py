"""The reporting day and the rule for combining sources: one definition for every output.

A reporting day is the 24 hours of wall-clock time up to `[digest] day_starts` (default
08:00) in `[digest] timezone`, named after the date on which it ends: the morning its
digest goes out. The 12 October day runs from 08:00 on 11 October to 08:00 on
12 October, so the night's attacks reported at dawn belong to it. A report counts on
the day that holds its `period_end` (the end of the window the post gives, else its
date); a window ending at 08:00 sharp belongs to the day ending then. A `day_starts`
of 00:00 is the end of the day, so it gives calendar days. The zone's clock changes
come from `zoneinfo`: the day they happen in has 23 or 25 hours.

The digest, its PNG chart, the SQL views, the canned queries and the web chart all
count days this way (the views through `dronewatch.store.calendar`, written from
these functions) and combine figures by `combined`, whose wording, `COMBINING_RULE`,
every chart's legend and the digest print.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

COMBINING_RULE = (
    "A region's figure for a day is the larger of its governor's and the Ministry of "
    "Defence's, never their sum: both count the same drones."
)
SOURCE_RULE = (
    "A channel's figure is its new counts added up, or its largest running total "
    "when that is larger."
)


def combined(governor: int | None, ministry: int | None) -> int | None:
    """A region's figure for a day: the larger of the two sources (see COMBINING_RULE)."""
    if governor is None:
        return ministry
    if ministry is None:
        return governor
    return max(governor, ministry)


def day_end(day: date, starts: time, zone: ZoneInfo) -> datetime:
    """When reporting day `day` ends (a `starts` of 00:00 ends it at midnight after `day`)."""
    end_date = day + timedelta(days=1) if starts == time(0) else day
    return datetime.combine(end_date, starts, tzinfo=zone)


def day_bounds(day: date, starts: time, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The instants reporting day `day` runs between: (start, end], both aware."""
    return day_end(day - timedelta(days=1), starts, zone), day_end(day, starts, zone)


def day_of(moment: datetime, starts: time, zone: ZoneInfo) -> date:
    """The reporting day holding `moment` (a day includes the instant it ends)."""
    local = moment.astimezone(zone)
    candidate = local.date() - timedelta(days=1) if starts == time(0) else local.date()
    if moment.astimezone(UTC) <= day_end(candidate, starts, zone).astimezone(UTC):
        return candidate
    return candidate + timedelta(days=1)


def latest_ended(now: datetime, starts: time, zone: ZoneInfo) -> date:
    """The newest reporting day that has ended at `now`."""
    day = day_of(now, starts, zone)
    ended = now.astimezone(UTC) >= day_end(day, starts, zone).astimezone(UTC)
    return day if ended else day - timedelta(days=1)
