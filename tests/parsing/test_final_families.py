"""Damage and no-damage families found on held-out posts, tested on sentences written here."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("В селе Ивановка обломками дрона повреждена газовая труба.", ["fuel"]),
        ("Дрон атаковал автомобиль газовой службы, машина повреждена.", ["vehicle"]),
        ("Беспилотник ударил по зданию ФАПа в селе, выбиты окна.", ["social"]),
        ("При атаке дрона повреждён фельдшерско-акушерский пункт.", ["social"]),
        ("Дрон попал в здание общежития, выбиты стёкла.", ["residential"]),
        ("A drone hit a student dormitory, blowing out windows.", ["residential"]),
        ("A drone struck a minibus on the highway, wounding the driver.", ["vehicle"]),
        (
            "Атакован беспилотник. Повреждены два дома и объект инфраструктуры.",
            ["residential", "other"],
        ),
        ("Дрон атаковал объект железнодорожной инфраструктуры, пострадавших нет.", ["transport"]),
        ("Беспилотник сбит над промзоной, обломки повредили кровлю магазина.", ["commercial"]),
    ],
)
def test_damage_families(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-BEL").damage == damage


@pytest.mark.parametrize(
    ("text", "no_damage", "killed"),
    [
        ("Над Курском уничтожен беспилотник. Обошлось без жертв и разрушений.", True, 0),
        ("Ночью над районом сбиты три БПЛА. Обошлось без пострадавших и разрушений.", True, 0),
        ("Дрон упал на крышу магазина. Пострадавших нет, повреждения незначительные.", False, 0),
    ],
)
def test_no_damage_families(text: str, no_damage: bool, killed: int | None) -> None:
    report = parse(text, "RU-KRS")
    assert (report.no_damage, report.killed) == (no_damage, killed)
