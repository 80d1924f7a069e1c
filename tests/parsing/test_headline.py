"""The post's headline count and whether it is cumulative (headline.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # incidents in the clauses of one sentence add up
        (
            "В Грайвороне от детонации беспилотника повреждена крыша склада, в селе Дорогощь "
            "дрон атаковал легковой автомобиль.",
            2,
        ),
        (
            "Накануне над Белгородом сбиты 4 БПЛА, в районе села Дорогощь – ещё два БПЛА.",
            6,
        ),
        # a sentence naming no place happened where the sentence before says
        (
            "В селе Дорогощь ранен тракторист. Дрон атаковал его трактор. В Грайвороне "
            "беспилотник ударил по магазину.",
            2,
        ),
        (
            "Сообщили о гибели водителя в Грайвороне. Машину атаковали два дрона. Днём в "
            "селе Дорогощь дрон ударил по гаражу.",
            3,
        ),
        # the same place with and without its type word is one incident
        ('Дрон атаковал Шебекино. "Город Шебекино атакован FPV-дроном", - написал он.', 1),
    ],
)
def test_incidents_by_place(text: str, drones: int) -> None:
    assert parse(text, "RU-BEL").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a retelling quotes the increment it told
        (
            "Над областью сбит ещё один беспилотник, сообщил губернатор. «Ещё один вражеский "
            "БПЛА уничтожен силами ПВО», — написал он.",
            1,
        ),
        # "ещё один" after a drone of another event adds to it
        ("Беспилотник упал на территории предприятия. Позже был сбит ещё один БПЛА.", 2),
        ("One drone crashed into the depot. Later, another drone was shot down.", 2),
        ("One drone was shot down over the plant. A second drone was also downed.", 2),
        ("Над городом сбит один беспилотник. Второй беспилотник подавлен средствами РЭБ.", 2),
    ],
)
def test_increments(text: str, drones: int) -> None:
    assert parse(text, "RU-BRY").drones == drones
