"""Sentences that retell earlier events ("Напомним, ...", "Ранее, 8 января, ..."): their
figures were counted when that event was reported (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "drones", "killed", "injured", "places"),
    [
        (
            "В Льгове дрон атаковал автомобиль, водитель ранен.\n\n"
            "Напомним, вчера в Курчатове при атаке беспилотников погибли двое.",
            1,
            None,
            1,
            ["Льгов"],
        ),
        (
            "Над Энгельсом сбит беспилотник. Пострадавших нет.\n\n"
            "Ранее, 3 мая, при атаке дронов на Саратов ранены пять человек.",
            1,
            0,
            0,
            ["Энгельс"],
        ),
        # a part of the day may stand between "Ранее" and the date
        (
            "Над Энгельсом сбит беспилотник. Пострадавших нет.\n\n"
            "Ранее вечером, 3 мая, при атаке дронов на Саратов ранены пять человек.",
            1,
            0,
            0,
            ["Энгельс"],
        ),
        # "Ранее" without a date is the same news, told by someone else
        (
            "Над областью сбиты два БПЛА.\n\nРанее губернатор сообщил, что пострадавших нет.",
            2,
            0,
            0,
            [],
        ),
    ],
)
def test_a_reminder_paragraph_tells_earlier_events(
    text: str, drones: int, killed: int | None, injured: int | None, places: list[str]
) -> None:
    report = parse(text, "RU-KRS" if "Льгов" in text else "RU-SAR")
    assert (report.drones, report.killed, report.injured) == (drones, killed, injured)
    assert report.places == places


def test_a_year_summed_up_beside_a_fresh_report_is_background() -> None:
    text = "Этой ночью над областью сбиты 4 беспилотника. За 2025 год уничтожено 3 500 дронов."
    report = parse(text, "RU-BRY")
    assert (report.drones, report.cumulative) == (4, False)


def test_a_reminder_line_in_the_middle_of_a_post_is_read_safely() -> None:
    text = (
        "Дрон атаковал машину в Белгороде.\nРанее, в январе, в этом районе был ранен мужчина."
        "\nВ Шебекино сбиты 2 БПЛА."
    )
    report = parse(text, "RU-BEL")
    assert (report.kind, report.drones, report.injured) == ("attack", 2, None)


def test_earlier_with_a_preposition_needs_a_date() -> None:
    text = "Над Шебекино сбит БПЛА.\nРанее, в Белгороде беспилотник атаковал автомобиль."
    assert parse(text, "RU-BEL").places == ["Шебекино", "Белгород"]


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a later paragraph that points at an earlier report ("Как сообщалось", "Как
        # заявляло ведомство") retells a count already told
        ("Над Торжком сбит беспилотник.\n\nКак сообщалось, утром над районом сбиты три БПЛА.", 1),
        (
            "За шесть часов над регионами сбиты пять беспилотников.\n"
            "Как заявляло ведомство, ночью были уничтожены 20 дронов.",
            5,
        ),
        ("Над Торжком сбит беспилотник.\n\nКак ранее сообщал губернатор, сбиты три БПЛА.", 1),
        # "Как сообщил" is the news itself
        ("Атака отражена.\n\nКак сообщил губернатор, над районом сбиты три БПЛА.", 3),
        # a retold increment adds to the news ("Как ранее сообщал ..., ещё один дрон упал")
        (
            "Над районом сбиты два беспилотника.\n"
            "Как ранее сообщал губернатор, ещё один дрон сбит у станции.",
            3,
        ),
    ],
)
def test_a_paragraph_that_points_at_an_earlier_report(text: str, drones: int) -> None:
    assert parse(text, "RU-TVE").drones == drones
