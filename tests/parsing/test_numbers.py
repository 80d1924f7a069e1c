"""Numbers written as digits or words (numbers.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse
from dronewatch.parsing.numbers import is_month
from dronewatch.parsing.text import tokenize


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


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("мая", True),
        ("марта", True),
        ("августа", True),
        ("may", True),
        ("march", True),
        # words that only begin as May does are no months
        ("малоразмерный", False),
        ("массированной", False),
        ("машины", False),
        ("mayor", False),
    ],
)
def test_month_words(word: str, month: bool) -> None:
    assert is_month(word) is month


def test_a_number_before_a_word_beginning_as_may_is_a_number() -> None:
    report = parse(
        "Сбиты два беспилотника над Орловской областью и один малый аэростат — "
        "над Тульской областью.",
        None,
    )
    assert {r.code: r.drones for r in report.regions} == {"RU-ORL": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В ночь с 11 на 12 марта над Липецкой областью сбиты четыре беспилотника.",
            (4, {"RU-LIP": 4}),
        ),
        (
            "С 5 по 7 апреля над Курской областью уничтожены два дрона.",
            (2, {"RU-KRS": 2}),
        ),
        # a day with no second day after it stays a date, the count is the drones'
        ("12 марта над Курской областью сбиты 6 БПЛА.", (6, {"RU-KRS": 6})),
    ],
)
def test_the_first_day_of_a_pair_is_no_count(
    text: str, expected: tuple[int, dict[str, int | None]]
) -> None:
    report = parse(text)
    assert (report.drones, {r.code: r.drones for r in report.regions}) == expected
