"""Thousands written with spaces, English clock windows, substations and drones that
landed on a site: sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dronewatch.parsing import parse
from dronewatch.parsing.text import tokenize

_PUBLISHED = datetime(2025, 9, 14, 6, 30, tzinfo=UTC)  # 09:30 in Moscow


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("За неделю над территорией России сбиты 1 318 беспилотных летательных аппаратов.", 1318),
        ("Над Смоленской областью уничтожены 2\u00a0075 БПЛА.", 2075),
        ("Над Тверской областью перехвачены 1\u202f102 дрона.", 1102),
        ("Над Орловской областью сбиты 14 и 6 беспилотников.", 6),
    ],
)
def test_thousands_separated_by_spaces(text: str, drones: int) -> None:
    assert parse(text).drones == drones


def test_only_three_digit_groups_join() -> None:
    numbers = [
        t.low for t in tokenize("Сбиты 12 34 дрона, 5 1000 и 7 250 ракет.") if t.kind == "num"
    ]
    assert numbers == ["12", "34", "5", "1000", "7250"]


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
    ("text", "tag"),
    [
        ("В Курской области дрон атаковал посёлок, повреждена электроподстанция.", "energy"),
        ("Под Брянском после удара беспилотника повреждена подстанция.", "energy"),
        (
            "В Тульской области беспилотник попал на территорию машиностроительного завода.",
            "industrial",
        ),
    ],
)
def test_damage_families(text: str, tag: str) -> None:
    assert tag in parse(text).damage


def test_debris_that_landed_on_a_site_needs_reported_damage() -> None:
    text = "Обломки беспилотника попали на территорию завода, пострадавших нет."
    assert parse(text).damage == []
