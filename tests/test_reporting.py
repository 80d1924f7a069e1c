"""The reporting day: its bounds, the day of a moment, clock changes, and the rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from dronewatch.reporting import combined, day_bounds, day_of, latest_ended

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")


def test_a_day_is_named_after_the_morning_it_ends() -> None:
    start, end = day_bounds(date(2026, 10, 12), time(8), MOSCOW)
    assert (start, end) == (
        datetime(2026, 10, 11, 8, tzinfo=MOSCOW),
        datetime(2026, 10, 12, 8, tzinfo=MOSCOW),
    )


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2026, 10, 12, 7, 59), date(2026, 10, 12)),
        (datetime(2026, 10, 12, 8, 0), date(2026, 10, 12)),  # the end belongs to the day
        (datetime(2026, 10, 12, 8, 0, 1), date(2026, 10, 13)),
        (datetime(2026, 10, 11, 23, 0), date(2026, 10, 12)),
    ],
)
def test_day_of(local: datetime, expected: date) -> None:
    assert day_of(local.replace(tzinfo=MOSCOW), time(8), MOSCOW) == expected
    assert day_of(local.replace(tzinfo=MOSCOW).astimezone(UTC), time(8), MOSCOW) == expected


def test_midnight_gives_calendar_days() -> None:
    assert day_bounds(date(2026, 10, 12), time(0), MOSCOW) == (
        datetime(2026, 10, 12, tzinfo=MOSCOW),
        datetime(2026, 10, 13, tzinfo=MOSCOW),
    )
    assert day_of(datetime(2026, 10, 12, 23, 59, tzinfo=MOSCOW), time(0), MOSCOW) == date(
        2026, 10, 12
    )
    assert day_of(datetime(2026, 10, 12, 0, 0, 1, tzinfo=MOSCOW), time(0), MOSCOW) == date(
        2026, 10, 12
    )


def test_days_keep_the_wall_clock_across_daylight_saving() -> None:
    spring = day_bounds(date(2026, 3, 29), time(8), BERLIN)  # clocks go forward that night
    autumn = day_bounds(date(2026, 10, 25), time(8), BERLIN)  # and back
    assert spring[1].astimezone(UTC) - spring[0].astimezone(UTC) == timedelta(hours=23)
    assert autumn[1].astimezone(UTC) - autumn[0].astimezone(UTC) == timedelta(hours=25)
    assert day_of(datetime(2026, 10, 25, 6, 30, tzinfo=UTC), time(8), BERLIN) == date(
        2026, 10, 25
    )  # 07:30 CET


def test_latest_ended() -> None:
    assert latest_ended(datetime(2026, 10, 12, 8, tzinfo=MOSCOW), time(8), MOSCOW) == date(
        2026, 10, 12
    )
    assert latest_ended(datetime(2026, 10, 12, 7, 59, tzinfo=MOSCOW), time(8), MOSCOW) == date(
        2026, 10, 11
    )


def test_combined_is_the_larger_never_the_sum() -> None:
    assert combined(15, 19) == 19
    assert combined(21, 18) == 21
    assert combined(None, 5) == 5
    assert combined(7, None) == 7
    assert combined(None, None) is None
