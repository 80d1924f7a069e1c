"""The reporting day in the database, for SQL that cannot read the config.

The views and the canned queries must count days as the digest does (the day ends at
`[digest] day_starts` in `[digest] timezone`, with its clock changes) and show local
times ("2026-10-12 07:15 MSK"), on SQLite and PostgreSQL, in Datasette and in any SQL
client. So the commands that store write the calendar into the database from the
config, with the same functions the digest uses (`dronewatch.reporting`):

- `reporting_days`: one row per reporting day from 2013 to 2040, the UTC instants it
  runs between, (starts_at, ends_at]. A report's day is the first day whose end is at
  or after its `period_end`: an indexed look-up.
- `utc_offsets`: the zone's offset and abbreviation from each of its changes on, so
  a UTC time becomes local time with its abbreviation, right on both sides of a
  daylight saving change.
- `calendar_settings`: the zone and day start they were written for; a config that
  differs rewrites both (a few milliseconds), nothing else changes.

The alternatives fail somewhere: a SQL function registered by dronewatch exists only
in dronewatch's own connections (Datasette through the plugin), so views calling it
break in sqlite3, DBeaver or psql; PostgreSQL's `AT TIME ZONE` has no SQLite
equivalent and a second copy of the zone rules (the server's tzdata, not zoneinfo's);
a fixed UTC offset is wrong across daylight saving time. Plain tables read the same
everywhere, and the migration writes the defaults (Europe/Moscow, 08:00) so the views
work before any command has run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from dronewatch.reporting import day_bounds, day_end
from dronewatch.store.models import CalendarSetting, ReportingDay, UtcOffset
from dronewatch.store.types import utcnow

FIRST_DAY = date(2013, 1, 1)  # before Telegram had channels
LAST_DAY = date(2040, 12, 31)
DEFAULT_TIMEZONE = "Europe/Moscow"
DEFAULT_DAY_STARTS = time(8, 0)


@dataclass(frozen=True, slots=True)
class Offset:
    starts_at: datetime
    minutes: int
    abbreviation: str


def _offset_at(moment: datetime, zone: ZoneInfo) -> tuple[int, str]:
    local = moment.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60), local.tzname() or ""


def offsets(zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[Offset]:
    """The zone's offsets from `start` to `end` (UTC): each change found to the second.

    Zones change their offset at most a few times a year, never twice within a day:
    days are stepped through and a change is bisected.
    """
    current = _offset_at(start, zone)
    yield Offset(start, *current)
    moment = start
    while moment < end:
        following = moment + timedelta(days=1)
        if _offset_at(following, zone) != current:
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (low, middle) if _offset_at(middle, zone) != current else (middle, high)
            current = _offset_at(high, zone)
            yield Offset(high.replace(microsecond=0), *current)
        moment = following


def calendar_days(zone: ZoneInfo, day_starts: time) -> list[tuple[date, datetime, datetime]]:
    """Every reporting day from FIRST_DAY to LAST_DAY with its bounds in UTC."""
    days = []
    start = day_bounds(FIRST_DAY, day_starts, zone)[0].astimezone(UTC)
    day = FIRST_DAY
    while day <= LAST_DAY:
        end = day_end(day, day_starts, zone).astimezone(UTC)
        days.append((day, start, end))
        start, day = end, day + timedelta(days=1)
    return days


def _stored(sqlite: bool, moment: datetime) -> datetime | str:
    """A UTC time as `UTCDateTime` stores it (SQLite: text), for a plain executemany."""
    naive = moment.replace(tzinfo=None)
    return naive.isoformat(" ", "microseconds") if sqlite else naive


@lru_cache(maxsize=4)
def _rows(
    timezone: str, day_starts: time, sqlite: bool
) -> tuple[list[tuple[object, ...]], list[dict[str, object]]]:
    """The rows of `reporting_days` and `utc_offsets`, ready to insert.

    Ten thousand rows through SQLAlchemy's type processing take half a second, and every
    new database writes them: they go through a plain executemany, computed once.
    """
    zone = ZoneInfo(timezone)
    days = calendar_days(zone, day_starts)
    bounds = [_stored(sqlite, days[0][1]), *(_stored(sqlite, end) for _, _, end in days)]
    day_rows: list[tuple[object, ...]] = [
        (day.isoformat() if sqlite else day, bounds[index], bounds[index + 1])
        for index, (day, _, _) in enumerate(days)
    ]
    offset_rows: list[dict[str, object]] = [
        {"starts_at": span.starts_at, "minutes": span.minutes, "abbreviation": span.abbreviation}
        for span in offsets(zone, days[0][1] - timedelta(days=1), days[-1][2])
    ]
    return day_rows, offset_rows


def write_calendar(connection: Connection, timezone: str, day_starts: time) -> bool:
    """Write the calendar for `timezone` and `day_starts` unless it is there; True if written."""
    starts = day_starts.strftime("%H:%M")
    stored = connection.execute(
        select(CalendarSetting.timezone, CalendarSetting.day_starts)
    ).first()
    if stored is not None and tuple(stored) == (timezone, starts):
        return False
    sqlite = connection.dialect.name == "sqlite"
    day_rows, offset_rows = _rows(timezone, day_starts, sqlite)
    for table in (CalendarSetting, ReportingDay, UtcOffset):
        connection.execute(delete(table))
    connection.exec_driver_sql(
        "INSERT INTO reporting_days (day, starts_at, ends_at) VALUES "
        + ("(?, ?, ?)" if sqlite else "(%s, %s, %s)"),
        day_rows,
    )
    connection.execute(insert(UtcOffset), offset_rows)
    connection.execute(
        insert(CalendarSetting),
        {"id": 1, "timezone": timezone, "day_starts": starts, "written_at": utcnow()},
    )
    return True


def day_sql(column: str) -> str:
    """SQL for the reporting day (a date) of a stored UTC time."""
    return (
        f"(SELECT d.day FROM reporting_days AS d WHERE d.ends_at >= {column} "
        "ORDER BY d.ends_at LIMIT 1)"
    )


def local_time_sql(dialect: str, column: str) -> str:
    """SQL for a stored UTC time as local text: '2026-10-12 07:15 MSK'."""
    if dialect == "postgresql":
        local = f"to_char({column} + o.minutes * interval '1 minute', 'YYYY-MM-DD HH24:MI')"
    else:
        local = f"strftime('%Y-%m-%d %H:%M', {column}, o.minutes || ' minutes')"
    return (
        f"(SELECT {local} || ' ' || o.abbreviation FROM utc_offsets AS o "
        f"WHERE o.starts_at <= {column} ORDER BY o.starts_at DESC LIMIT 1)"
    )


def sync_calendar(engine: Engine, timezone: str, day_starts: time) -> bool:
    """Bring the stored calendar in line with the config; True when it was rewritten.

    Two processes rewriting it at once: the second finds the first one's rows and
    leaves them, since both wrote the same calendar.
    """
    try:
        with engine.begin() as connection:
            return write_calendar(connection, timezone, day_starts)
    except IntegrityError:
        return False
