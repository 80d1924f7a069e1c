"""Rule families found on held-out posts, tested on sentences written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A drone struck a pharmacy in the village, injuring a pharmacist.", None, 1),
        ("A drone hit a bus stop, injuring a man and a woman.", None, 2),
        ("Дрон ударил по трактору, ранены тракторист и его напарник.", None, 2),
        ("Дрон атаковал машину. Водитель и пассажир получили ранения.", None, 2),
        (
            "Дрон ударил по остановке. Госпитализирован мужчина, ещё у троих жителей травмы.",
            None,
            4,
        ),
        ("При атаке дрона погиб охранник, двое госпитализированы.", 1, 2),
        ("Дрон попал в дом, хозяин получил осколочную травму.", None, 1),
        ("Дрон попал в дом. Жильцы успели спуститься в подвал и не пострадали.", 0, 0),
        ("Дрон упал во дворе, к счастью, не было жертв.", 0, None),
    ],
)
def test_casualty_families(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-KRS")
    assert (report.killed, report.injured) == (killed, injured)


def test_a_damaged_hospital_leaves_the_town_a_place() -> None:
    text = "В Рыльске при атаке дрона повреждена районная больница. Пострадавших нет."
    assert parse(text, "RU-KRS").places == ["Рыльск"]


def test_the_town_of_the_hospital_is_not_the_scene() -> None:
    text = "Дрон атаковал машину в Глушково, водитель доставлен в больницу Рыльска."
    assert parse(text, "RU-KRS").places == ["Глушково"]


@pytest.mark.parametrize(
    "text",
    [
        "В Грайвороне закончили ремонт школы, пострадавшей при ударе дрона в прошлом месяце.",
        "Идёт восстановление домов, повреждённых после атаки беспилотников 3 марта.",
        "Crews finished repairing the roofs damaged by a drone attack last week.",
    ],
)
def test_repairs_after_an_earlier_attack_are_not_attacks(text: str) -> None:
    assert parse(text, "RU-BEL").kind == "none"


def test_repairs_beside_a_fresh_attack_keep_it_an_attack() -> None:
    text = "Дрон атаковал подстанцию, начато восстановление электроснабжения."
    assert parse(text, "RU-BEL").kind == "attack"


@pytest.mark.parametrize(
    "text",
    [
        "Аэропорт Калуги временно ограничил приём и выпуск воздушных судов.",
        "В аэропорту Сочи введены временные ограничения на полёты.",
        "Flights at Kazan airport were temporarily suspended.",
    ],
)
def test_airport_restrictions_are_alerts(text: str) -> None:
    assert parse(text, None).kind == "alert"


@pytest.mark.parametrize(
    ("text", "drones", "cumulative"),
    [
        ("Количество уничтоженных над областью беспилотников достигло 31.", 31, True),
        ("Число сбитых дронов возросло до 9.", 9, True),
        ("Air defences have downed 14 drones since the start of the day.", 14, True),
        ("Seven drones have been shot down over the city so far today.", 7, True),
        ("Сбиты 12 беспилотников. К утру все дроны были уничтожены над тремя районами.", 12, True),
        ("Итоги за сутки. Над областью уничтожены 15 беспилотников.", 15, True),
        ("Над областью сбиты 8 беспилотников. Больше всего дронов — над Курском.", 8, False),
        ("Debris from three downed drones fell near a farm.", 3, False),
        ("В течение ночи и утра над областью сбиты шесть БПЛА.", 6, True),
    ],
)
def test_running_totals(text: str, drones: int, cumulative: bool) -> None:
    report = parse(text, "RU-KRS")
    assert (report.drones, report.cumulative) == (drones, cumulative)


def test_parts_of_a_stated_total_are_not_added() -> None:
    text = "Уничтожены 5 БПЛА. Два из них сбиты над городом, ещё три — над районом."
    assert parse(text, "RU-KRS").drones == 5


def test_incidents_in_different_villages_add_up() -> None:
    text = (
        "В селе Ивановка три FPV-дрона атаковали фермы. "
        "В посёлке Петровский беспилотник сбросил взрывное устройство на гараж."
    )
    assert parse(text, "RU-KRS").drones == 4


def test_a_colon_before_a_clause_is_not_a_list_of_counts() -> None:
    text = (
        "В селе Ивановка два дрона атаковали дома: в одном выбиты окна. "
        "В селе Петровка беспилотник ударил по сараю."
    )
    assert parse(text, "RU-KRS").drones == 3


def test_strike_drones_on_display_are_no_attack() -> None:
    text = "На выставке показали новые ударные беспилотники."
    assert parse(text, None).kind == "none"


def test_a_fallen_drone_found_is_an_attack() -> None:
    text = "В лесу обнаружен упавший беспилотник, на месте работают взрывотехники."
    report = parse(text, "RU-NGR")
    assert (report.kind, report.drones) == ("attack", 1)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Отремонтированы дома, повреждённые обломками дронов в октябре.", "none"),
        ("В Валуйках простились с водителем, погибшим при ударе дрона в прошлом месяце.", "none"),
        ("The governor warned of a drone attack threat; the airport suspended flights.", "alert"),
        ("Аэропорт Пулково временно не принимает и не отправляет рейсы.", "alert"),
        ("Аэропорт Сочи возобновил приём и отправку рейсов.", "alert"),
    ],
)
def test_aftermath_threats_and_airports(text: str, kind: str) -> None:
    assert parse(text, "RU-BEL").kind == kind


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        ("В станице Каневской обломки дрона повредили крышу дома.", "RU-KDA", ["Каневская"]),
        ("В селе Никольском сбит беспилотник.", "RU-BEL", ["Никольское"]),
        ("В посёлке Октябрьском дрон атаковал гараж.", "RU-BEL", ["Октябрьский"]),
        ("Над Чайковским сбит беспилотник.", "RU-PER", ["Чайковский"]),
        ("В Лисках обломки БПЛА повредили склад.", "RU-VOR", ["Лиски"]),
        ("В Славянске-на-Кубани упали обломки дрона.", "RU-KDA", ["Славянск-на-Кубани"]),
        ("В Селятине обломки дрона повредили дом.", "RU-MOS", ["Селятино"]),
        ("Без света остались жители сёл Ивановка и Петровка после атаки дрона.", "RU-LIP",
         ["Ивановка", "Петровка"]),
        ("В селе Муром FPV-дрон атаковал машину.", "RU-BEL", ["Муром"]),
        ("Над морем в районе Кацивели сбит беспилотник.", "UA-43", ["Кацивели"]),
        ("Два БПЛА уничтожены над Псковским районом.", "RU-PSK", ["Псковский район"]),
    ],
)  # fmt: skip
def test_settlement_names_in_the_nominative(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "district"),
    [
        ("Two drones were downed over the Olkhovatsky district.", "RU-VOR", "Ольховатский район"),
        ("A drone was destroyed over the Liski district.", "RU-VOR", "Лискинский район"),
    ],
)
def test_english_districts_romanised(text: str, region: str, district: str) -> None:
    assert parse(text, region).places == [district]


def test_injured_woman_in_a_town_with_her_hospital() -> None:
    text = "Над областью сбиты 3 БПЛА. В Россоши ранена женщина, она госпитализирована."
    assert parse(text, "RU-VOR").places == ["Россошь"]


def test_objects_unhurt_is_no_damage_and_says_nothing_of_people() -> None:
    report = parse("Над морем сбито 5 БПЛА. Гражданские объекты не пострадали.", "UA-40")
    assert (report.no_damage, report.killed, report.injured) == (True, None, None)


def test_a_count_after_a_dash_belongs_to_its_region() -> None:
    text = "За ночь над Брянской областью уничтожены 9 БПЛА, над акваторией Азовского моря — 4."
    report = parse(text, None)
    assert report.drones == 13
    assert {r.code: r.drones for r in report.regions} == {"RU-BRY": 9, "SEA-AZOV": 4}


def test_one_count_before_regions_listed_together_is_shared() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены 12 беспилотников над территорией "
        "Курской области и акваторией Чёрного моря."
    )
    report = parse(text, None)
    assert report.drones == 12
    assert {r.code: r.drones for r in report.regions} == {"RU-KRS": None, "SEA-BLACK": None}
