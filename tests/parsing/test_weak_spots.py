"""General fixes for known weak spots, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Дрон ударил по легковушке. Водитель получил травмы, несовместимые с жизнью.", 1, None),
        ("Над посёлком сбит беспилотник. Мирные жители не пострадали.", 0, 0),
        ("Сбиты два БПЛА, местные жители не пострадали.", 0, 0),
        ("A drone crashed into a barn. No one was injured.", 0, 0),
        ("Дрон атаковал трактор, погиб тракторист, ещё двое ранены.", 1, 2),
        ("При ударе дрона по рынку погибла женщина, травмированы четверо покупателей.", 1, 4),
    ],
)
def test_casualty_phrases(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BRY")
    assert (report.killed, report.injured) == (killed, injured)


def test_a_thing_that_was_not_hurt_says_nothing_of_people() -> None:
    report = parse("Сбит беспилотник, склад не пострадал.", "RU-BRY")
    assert (report.killed, report.injured) == (None, None)


def test_collective_numeral_after_more_counts_people_not_drones() -> None:
    report = parse("FPV-дрон атаковал грузовик, погиб водитель, ещё трое ранены.", "RU-KRS")
    assert report.drones == 1
    assert report.injured == 3


@pytest.mark.parametrize(
    ("text", "region", "place"),
    [
        ("В Торопце Тверской области обломки БПЛА повредили крышу гаража.", "RU-TVE", "Торопец"),
        ("Беспилотник сбит над Мценском, пострадавших нет.", "RU-ORL", "Мценск"),
        ("Обломки дрона упали во дворе в Малоярославце.", "RU-KLU", "Малоярославец"),
    ],
)
def test_towns_spelt_as_in_russian(text: str, region: str, place: str) -> None:
    assert place in parse(text, region).places


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("Над территорией Заводского района сбит беспилотник.", "Заводской район"),
        ("В Донском районе обломки дрона упали на пустырь.", "Донской район"),
        ("Беспилотники уничтожены в Каменском и Тарасовском районах.", "Каменский район"),
        ("В Бежицком районе обломками БПЛА повреждены гаражи.", "Бежицкий район"),
    ],
)
def test_district_adjectives_in_the_nominative(text: str, district: str) -> None:
    assert district in parse(text, "RU-ROS").places


@pytest.mark.parametrize(
    ("text", "region", "district"),
    [
        ("A drone was shot down over the Belgorod district.", "RU-BEL", "Белгородский район"),
        ("Debris of a drone fell on a field in the Yelets district.", "RU-LIP", "Елецкий район"),
        ("Two drones were downed over the Navlinsky district.", "RU-BRY", "Навлинский район"),
    ],
)
def test_english_districts_named_after_towns(text: str, region: str, district: str) -> None:
    assert parse(text, region).places == [district]


def test_towns_naming_a_road_are_not_places() -> None:
    report = parse("На трассе Курск — Льгов — Рыльск FPV-дрон атаковал фуру.", "RU-KRS")
    assert report.places == []
    assert parse("В Льгове дрон атаковал фуру.", "RU-KRS").places == ["Льгов"]


def test_two_word_town_with_a_lower_case_second_word() -> None:
    report = parse("Над Серебряными прудами сбит беспилотник.", "RU-MOS")
    assert report.places == ["Серебряные Пруды"]


def test_town_missing_from_the_old_gazetteer_spelling() -> None:
    assert parse("Ночью над Энгельсом уничтожен дрон.", "RU-SAR").places == ["Энгельс"]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Дрон атаковал нефтеперекачивающую станцию, начался пожар.", {"fuel", "fire"}),
        ("Обломки БПЛА упали на нефтеналивной терминал, возникло возгорание.", {"fuel", "fire"}),
        ("Беспилотник атаковал нефтеперерабатывающий завод.", {"fuel"}),
        ("Удар дрона повредил автомобильный мост через реку.", {"transport"}),
    ],
)
def test_fuel_compounds_and_road_adjectives(text: str, tags: set[str]) -> None:
    assert set(parse(text, "RU-KDA").damage) == tags


def test_one_incident_retold_is_one_drone() -> None:
    text = (
        "Дрон атаковал легковушку в Грайворонском округе. В селе Горьковский "
        "Грайворонского округа беспилотник ударил по машине, водитель ранен."
    )
    assert parse(text, "RU-BEL").drones == 1


def test_incidents_in_different_towns_add_up() -> None:
    text = "FPV-дрон ударил по автобусу в Белгороде. В Шебекино беспилотник атаковал дом."
    assert parse(text, "RU-BEL").drones == 2


def test_uncounted_increment_leaves_the_total_unknown() -> None:
    text = "Над городом сбиты два беспилотника. Ещё несколько БПЛА уничтожены над районом."
    assert parse(text, "RU-KRS").drones is None
