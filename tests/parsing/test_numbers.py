"""Numbers written as digits or words (numbers.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над областью уничтожено свыше 7 тысяч беспилотников.", 7000),
        ("Сбиты семь тысяч пятьсот дронов.", 7500),
        ("Air defences shot down 1,200 drones over the regions.", 1200),
        ("Сбиты 3 500 беспилотников.", 3500),
        ("Сбиты двадцать два беспилотника.", 22),
        ("Over the region 3 thousand drones were destroyed.", 3000),
    ],
)
def test_large_numbers(text: str, drones: int) -> None:
    assert parse(text, "RU-BRY").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Forty-one drones were downed over the regions overnight.", 41),
        ("Air defences destroyed twenty-six drones over the region.", 26),
    ],
)
def test_english_hyphenated_numbers(text: str, drones: int) -> None:
    assert parse(text, "RU-KRS").drones == drones
