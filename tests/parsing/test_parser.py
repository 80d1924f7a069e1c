"""Rule families of the parser, on sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from dronewatch.parsing import PARSER_VERSION, Report, parse


@pytest.mark.parametrize(
    ("text", "drones", "places", "no_damage"),
    [
        ("В микрорайоне Северный автомобиль повреждён после удара дрона.", 1, ["Северный"], False),
        (
            "Дрон повредил линию электропередачи. Из-за повреждения линии света в домах "
            "жителей сейчас нет.",
            1,
            [],
            False,
        ),
        ("Противник выпустил 10 беспилотников, 6 из которых были сбиты.", 6, [], False),
    ],
)
def test_review_cases(text: str, drones: int, places: list[str], no_damage: bool) -> None:
    report = parse(text, "RU-BEL")
    assert (report.drones, report.places, report.no_damage) == (drones, places, no_damage)


def test_version_names_rules_and_data() -> None:
    assert "+" in PARSER_VERSION


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над районом силами ПВО уничтожены восемнадцать беспилотников.", 18),
        ("Средствами РЭБ подавлены 18 БПЛА самолётного типа.", 18),
        ("Дежурные средства ПВО сбили двух дронов над городом.", 2),
        ("Уничтожен один беспилотный летательный аппарат.", 1),
        ("Беспилотник уничтожен на подлёте к городу.", 1),
        ("БПЛА был сбит над лесом.", 1),
        ("БПЛА были сбиты над полем.", None),
        ("Сбит ещё один беспилотник.", 1),
        ("Всего сбито более 60 беспилотников.", 60),
        ("Ночью сбиты 3 ракеты и 12 БПЛА.", 12),
        ("FPV-дрон атаковал автомобиль на окраине села.", 1),
        ("Несколько беспилотников сбиты над районом.", None),
        ("Сбито 4 беспилотника. Позже над городом уничтожены ещё 2 БПЛА.", 6),
    ],
)
def test_drone_counts(text: str, drones: int | None) -> None:
    report = parse(text, "RU-KLU")
    assert report.kind == "attack"
    assert report.drones == drones
    assert report.regions[0].code == "RU-KLU"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Внимание! Объявлена угроза атаки БПЛА. Оставайтесь в укрытии.", "alert"),
        ("Отбой воздушной тревоги.", "alert"),
        ("В регионе введён режим беспилотной опасности.", "alert"),
        ("Над городом сбита ракета, пострадавших нет.", "none"),
        ("Фермеры получили пять дронов для опрыскивания полей.", "none"),
        ("Семьям пострадавших от атаки беспилотника выплатят компенсацию.", "none"),
        ("A drone was shot down over the city overnight.", "attack"),
        ("Threat of a UAV attack has been announced in the region.", "alert"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert parse(text, "RU-TUL").kind == kind


def test_not_attack_is_empty() -> None:
    report = parse("Угроза атаки БПЛА для города.", "RU-LIP")
    assert report.contract_dict() == Report(kind="alert").contract_dict()


def test_places_districts_and_villages() -> None:
    report = parse(
        "Беспилотники сбиты над Дятьковским, Суземским и Карачевским районами. "
        "В селе Красная Поляна обломки повредили крышу дома, пос. Шайковка не пострадал.",
        "RU-BRY",
    )
    assert {"Дятьковский район", "Суземский район", "Карачевский район", "Красная Поляна"} <= set(
        report.places
    )


def test_places_from_gazetteer_in_any_case() -> None:
    report = parse("В Обнинске сбит беспилотник, обломки упали у дороги.", "RU-KLU")
    assert report.places == ["Обнинск"]


def test_adjective_of_object_is_not_a_place() -> None:
    report = parse("Рязанский нефтезавод подвергся атаке БПЛА, начался пожар.", "RU-RYA")
    assert report.places == []
    assert set(report.damage) == {"fuel", "fire"}


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Сбит беспилотник. Пострадавших нет.", 0, 0),
        ("Сбит беспилотник, никто не пострадал.", 0, 0),
        ("Дрон атаковал машину, погибли двое, ранены три человека.", 2, 3),
        ("Дрон атаковал машину. Ранен водитель.", None, 1),
        ("Сбиты два БПЛА. Жертв нет.", 0, None),
        ("Сбиты два БПЛА. О пострадавших информации пока нет.", None, None),
        ("A drone struck a car, injuring four people.", None, 4),
        ("Two drones were shot down, there were no casualties.", 0, 0),
    ],
)
def test_casualties(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        (
            "После атаки дрона повреждены частный дом и легковой автомобиль.",
            {"residential", "vehicle"},
        ),
        ("Обломки БПЛА упали на территорию нефтебазы, произошло возгорание.", {"fuel", "fire"}),
        ("Удар беспилотника по подстанции, часть посёлка без света.", {"energy"}),
        ("При падении обломков беспилотника повреждены окна школы.", {"social"}),
        ("Дрон атаковал магазин, выбиты витрины.", {"commercial"}),
        ("Обломки беспилотника упали в поле. Пострадавших нет.", set()),
        ("Сбит беспилотник, оценивается материальный ущерб.", {"other"}),
        ("A drone hit an oil depot and a fire broke out.", {"fuel", "fire"}),
    ],
)
def test_damage(text: str, tags: set[str]) -> None:
    assert set(parse(text, "RU-ORL").damage) == tags


def test_no_damage_partial_statement() -> None:
    report = parse(
        "Сбиты три БПЛА. Разрушений капитальных строений нет, повреждён автомобиль.", "RU-CU"
    )
    assert report.no_damage
    assert report.damage == ["vehicle"]


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("Всего за ночь над областью сбито 14 беспилотников.", True),
        ("В общей сложности уничтожено 9 БПЛА.", True),
        ("Этой ночью над областью сбито 14 беспилотников.", False),
        ("Сбит ещё один беспилотник.", False),
    ],
)
def test_cumulative(text: str, cumulative: bool) -> None:
    assert parse(text, "RU-VOR").cumulative is cumulative


def test_ministry_summary_with_regions_and_sea() -> None:
    text = (
        "В период с 20.00 мск 3 июня до 7.00 мск 4 июня дежурными средствами ПВО перехвачены "
        "и уничтожены 17 украинских беспилотных летательных аппаратов: 9 — над территорией "
        "Брянской области, по три — над Курской и Орловской областями, два — над акваторией "
        "Чёрного моря."
    )
    report = parse(text, None, datetime.fromisoformat("2026-06-04T07:40:00+03:00"))
    assert report.drones == 17
    assert {(r.code, r.drones) for r in report.regions} == {
        ("RU-BRY", 9),
        ("RU-KRS", 3),
        ("RU-ORL", 3),
        ("SEA-BLACK", 2),
    }
    assert report.window is not None
    assert report.window.start.isoformat() == "2026-06-03T20:00:00+03:00"
    assert report.window.end.isoformat() == "2026-06-04T07:00:00+03:00"


def test_window_without_dates_and_midnight() -> None:
    text = "С 20:00 до 24:00 мск над территорией Тульской области уничтожены пять БПЛА."
    report = parse(text, None, datetime.fromisoformat("2026-03-02T00:20:00+03:00"))
    assert report.window is not None
    assert report.window.start.isoformat() == "2026-03-01T20:00:00+03:00"
    assert report.window.end.isoformat() == "2026-03-02T00:00:00+03:00"


def test_war_total_is_a_cumulative_attack() -> None:
    # the contract: a summary "since the start of the operation" is an attack, cumulative
    text = (
        "Всего с начала проведения специальной военной операции уничтожено "
        "90000 беспилотных летательных аппаратов."
    )
    report = parse(text, None)
    assert (report.kind, report.drones, report.cumulative) == ("attack", 90000, True)


def test_english_regions_and_places() -> None:
    text = (
        "Air defences destroyed 30 Ukrainian drones: 20 over the Bryansk Region, "
        "5 each over Tula and Kursk Regions."
    )
    report = parse(text, None)
    assert report.drones == 30
    assert {(r.code, r.drones) for r in report.regions} == {
        ("RU-BRY", 20),
        ("RU-TUL", 5),
        ("RU-KRS", 5),
    }
    english = parse(
        "Three drones were downed near the town of Obninsk, no damage was reported.", "RU-KLU"
    )
    assert english.places == ["Обнинск"]
    assert english.drones == 3


def test_evidence_points_at_the_text() -> None:
    text = "Над Боровским районом сбиты два беспилотника. Пострадавших нет."
    report = parse(text, "RU-KLU")
    assert report.evidence
    for item in report.evidence:
        assert text[item.start : item.end] == item.text
    assert any(e.field == "drones" and e.value == 2 for e in report.evidence)


def test_homoglyphs_are_folded() -> None:
    assert parse("Город подвeргся атаке FPV-дрoна, никто не пострадал.", "RU-BEL").drones == 1
