"""Clock windows written with hour words ("с 9 утра до 7 утра", "с 8 вечера"): sentences
written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dronewatch.parsing import parse

_PUBLISHED = datetime(2025, 9, 14, 6, 30, tzinfo=UTC)  # 09:30 in Moscow


_PUBLISHED = datetime(2025, 9, 14, 6, 30, tzinfo=UTC)  # 09:30 in Moscow


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Air defences downed 31 drones over Bryansk region between 9 p.m. and 5 a.m. "
            "Moscow time.",
            "2025-09-13T21:00:00+03:00",
            "2025-09-14T05:00:00+03:00",
        ),
        (
            "Air defences downed 12 drones over Oryol region from 22:30 to 04:15 Moscow time.",
            "2025-09-13T22:30:00+03:00",
            "2025-09-14T04:15:00+03:00",
        ),
        (
            "Air defences downed 57 drones over several regions between 1900 GMT and 0200 GMT.",
            "2025-09-13T19:00:00+00:00",
            "2025-09-14T02:00:00+00:00",
        ),
    ],
)
def test_english_clock_windows(text: str, start: str, end: str) -> None:
    window = parse(text, date=_PUBLISHED).window
    assert window is not None
    assert (window.start.isoformat(), window.end.isoformat()) == (start, end)


def test_a_bare_four_digit_number_is_no_clock() -> None:
    text = "Air defences downed 40 drones over Kursk region between 2024 and 2025."
    assert parse(text, date=_PUBLISHED).window is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "За сутки, с 9 часов 12 сентября до 7 утра 13 сентября, над районом сбиты 8 дронов.",
            "2025-09-12T09:00:00+03:00",
            "2025-09-13T07:00:00+03:00",
        ),
        (
            "С 8 вечера до 6 утра дежурные средства ПВО уничтожили 4 БПЛА.",
            "2025-09-13T20:00:00+03:00",
            "2025-09-14T06:00:00+03:00",
        ),
        (
            "В период с 11 ночи до 3 часов над областью перехвачены 2 беспилотника.",
            "2025-09-13T23:00:00+03:00",
            "2025-09-14T03:00:00+03:00",
        ),
        (
            "С 12 часов дня до 8 утра сбиты 3 беспилотника.",
            "2025-09-13T12:00:00+03:00",
            "2025-09-14T08:00:00+03:00",
        ),
        (
            "С 2 часов ночи до 7 утра сбиты 3 беспилотника.",
            "2025-09-14T02:00:00+03:00",
            "2025-09-14T07:00:00+03:00",
        ),
    ],
)
def test_hours_named_by_words(text: str, start: str, end: str) -> None:
    window = parse(text, "RU-BRY", _PUBLISHED).window
    assert window is not None
    assert (window.start.isoformat(), window.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "С 5 беспилотниками справились расчёты ПВО.",
        "С 3 до 5 беспилотников сбивают за ночь.",
    ],
)
def test_a_bare_number_is_no_clock(text: str) -> None:
    assert parse(text, "RU-BRY", _PUBLISHED).window is None
