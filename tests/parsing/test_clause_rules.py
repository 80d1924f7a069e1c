"""Casualty, damage, count and district rules that read a clause as a whole (sentences
written for these tests, in the styles of governors' posts and English news)."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A drone struck a bus near the border, wounding four passengers.", None, 4),
        ("Two people were killed and five were wounded when a drone hit a market.", 2, 5),
        ("Air defences downed nine drones. No damage or casualties were reported.", 0, 0),
        ("Дрон атаковал трактор. Отец и сын получили осколочные ранения.", None, 2),
        ("Беспилотник ударил по автобусу, трое были ранены.", None, 3),
        ("Погибли оба пассажира легковушки, которую атаковал FPV-дрон.", 2, None),
    ],
)
def test_casualty_counts(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


def test_people_wounded_are_not_a_drone_count() -> None:
    report = parse("Three were wounded when a drone struck a van in Shebekino.", None)
    assert report.drones == 1
    assert report.injured == 3


@pytest.mark.parametrize(
    ("text", "no_damage"),
    [
        ("Сбиты три БПЛА. Пострадавших нет, капитальные строения не повреждены.", True),
        ("Сбиты три БПЛА. Гражданские объекты не повреждены.", True),
        ("Сбиты три БПЛА. Серьёзных повреждений и пострадавших на месте падения нет.", True),
        # said of homes only: it states no damage where the post reports none ...
        ("Сбиты три БПЛА, обломки упали у фермы, жилые строения не повреждены.", True),
        # ... and leaves the rest open where it reports some
        ("Сбиты три БПЛА, загорелся сарай, жилые строения не повреждены.", False),
        ("Сбиты три БПЛА. Повреждения есть, пострадавших нет.", False),
    ],
)
def test_no_damage_statements(text: str, no_damage: bool) -> None:
    assert parse(text, "RU-VOR").no_damage is no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the hospital the injured were taken to is no target
        ("Дрон атаковал машину, водитель ранен и доставлен в больницу.", ["vehicle"]),
        ("A drone hit a car; the driver was taken to hospital.", ["vehicle"]),
        # a district's name is no plant
        ("В Заводском районе обломки БПЛА повредили два автомобиля.", ["vehicle"]),
        # a roof after the building it belongs to
        (
            "Обломки беспилотника упали на крышу торгового центра. Повреждена кровля.",
            ["commercial"],
        ),
        ("Беспилотник упал во дворе. Повреждены кровля и окна.", ["residential"]),
        ("Загорелась крыша складского помещения после удара дрона.", ["fire", "commercial"]),
    ],
)
def test_damage_owners(text: str, damage: list[str]) -> None:
    assert sorted(parse(text, "RU-SAR").damage) == sorted(damage)


def test_a_hospital_town_is_not_a_place() -> None:
    text = "В Рыльске дрон атаковал машину. Водителя ранило, его доставили в Курск, в больницу."
    assert parse(text, "RU-KRS").places == ["Рыльск"]


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над районом уничтожены пять беспилотников. Кроме того, один БПЛА сбит над городом.", 6),
        ("Уничтожены пять беспилотников. Помимо этого, над городом сбиты два БПЛА.", 7),
        # "Также" restates as often as it adds: no sum
        ("Сбиты 3 БПЛА. Также, по данным Минобороны, над регионом уничтожены 3 БПЛА.", 3),
        ("Five drones were destroyed. In addition, three drones were downed near the city.", 8),
        ("Оба беспилотника подавлены средствами РЭБ.", 2),
    ],
)
def test_counts_added_by_an_opening_phrase(text: str, drones: int) -> None:
    assert parse(text, "RU-KLU").drones == drones


def test_a_town_beside_its_district_keeps_its_own_case() -> None:
    report = parse("Над Кузнецком и Кузнецким районом сбиты беспилотники.", "RU-PNZ")
    assert report.places == ["Кузнецк", "Кузнецкий район"]


def test_coordinated_district_adjectives_share_one_type_word() -> None:
    report = parse("Над Боровским, Дзержинским и Жуковским районами сбиты БПЛА.", "RU-KLU")
    assert report.places == ["Боровский район", "Дзержинский район", "Жуковский район"]


def test_english_districts_with_one_plural_type_word() -> None:
    text = "Nine drones were downed over the Kamensky and Chertkovsky districts overnight."
    assert parse(text, "RU-ROS").places == ["Каменский район", "Чертковский район"]


def test_english_town_after_an_attack_verb() -> None:
    text = "Drones attacked Ust-Luga overnight, starting a fire at a terminal."
    assert parse(text, None).places == ["Усть-Луга"]


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


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Дрон атаковал нефтебазу. Возгорания удалось избежать.", ["fuel"]),
        ("Обломки БПЛА упали на проезжую часть, повреждено дорожное покрытие.", ["transport"]),
    ],
)
def test_avoided_fire_and_roads(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-BA").damage == damage


def test_a_hashtag_is_not_a_place() -> None:
    report = parse("В деревне Череха обломки БПЛА повредили машину.\n\n#Псков #БПЛА", "RU-PSK")
    assert report.places == ["Череха"]


def test_a_place_adjective_before_bpla_does_not_make_it_singular() -> None:
    assert parse("Над Котовском БПЛА были сбиты силами ПВО.", "RU-TAM").drones is None


@pytest.mark.parametrize(
    ("text", "drones", "regions"),
    [
        ("Sobyanin said 20 drones flying towards Moscow had been shot down.", 20, ["RU-MOW"]),
        ("Ten drones were destroyed over the Moscow region overnight.", 10, ["RU-MOS"]),
        ("Two drones were downed over the Kaluga region that is closer to Moscow.", 2, ["RU-KLU"]),
        ("Ukraine launched a massive drone attack on Russia's Kursk region.", None, ["RU-KRS"]),
    ],
)
def test_english_moscow_and_drone_attacks(
    text: str, drones: int | None, regions: list[str]
) -> None:
    report = parse(text)
    assert report.drones == drones
    assert [r.code for r in report.regions] == regions


def test_english_totals_with_numbers_in_the_phrase() -> None:
    text = "The ministry said 120 drones were destroyed over Russian regions in the past 24 hours."
    assert parse(text).cumulative is True


def test_killing_the_driver_is_one_killed() -> None:
    report = parse("An FPV drone attacked a car in the Kursk region, killing the driver.")
    assert report.killed == 1


def test_the_people_before_casualty_words_are_no_drones() -> None:
    text = "Мирный житель погиб, ещё двое получили ранения при атаке дронов на село Теткино."
    report = parse(text, None)
    assert (report.drones, report.killed, report.injured) == (None, 1, 2)


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("Над областью уничтожены три беспилотных воздушных судна.", "RU-YAR", 3),
        ("Над городом сбито беспилотное воздушное судно.", "RU-YAR", 1),
        ("A drone hit a house in the village, and another drone hit a shop nearby.", "RU-KRS", 2),
    ],
)
def test_drone_count_phrasings(text: str, region: str, expected: int) -> None:
    assert parse(text, region).drones == expected


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        (
            "Drones attacked the town, damaging a substation and leaving it without power.",
            ["energy"],
        ),
        ("Falling drone debris shattered windows in several private houses.", ["residential"]),
        ("Обломки БПЛА повредили ЛЭП, часть домов без света.", ["energy"]),
    ],
)
def test_english_damage_verbs_and_outages(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-KRS").damage == damage


def test_an_agency_dateline_names_no_region() -> None:
    text = "МОСКВА, 11 фев — РИА Новости. Над Брянской областью сбиты 15 беспилотников."
    assert [r.code for r in parse(text).regions] == ["RU-BRY"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A drone hit a refinery in the town of Slavyansk-on-Kuban overnight.",
            "Славянск-на-Кубани",
        ),
        ("Drone debris fell in Rostov-on-Don, damaging a car.", "Ростов-на-Дону"),
        ("A drone struck a car in the village of Dubovoye.", "Дубовое"),
    ],
)
def test_english_names_of_towns(text: str, place: str) -> None:
    assert parse(text).places == [place]


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Отражена атака дронов на НПЗ. На территории завода возник пожар.", ["fuel", "fire"]),
        ("Дрон повредил здание школы и вышку сотовой связи.", ["social", "other"]),
    ],
)
def test_plants_and_towers(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-SAM").damage == damage


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Ночью над районами области сбиты 7 БПЛА: над Людиновским — 4, над Кировским — 3.",
            ["Людиновский район", "Кировский район"],
        ),
        (
            "Сбиты 6 БПЛА: над Козельским районом — четыре, над Сухиничским — два.",
            ["Козельский район", "Сухиничский район"],
        ),
    ],
)
def test_district_adjectives_after_one_type_word(text: str, places: list[str]) -> None:
    assert parse(text, "RU-KLU").places == places


def test_an_exercise_is_no_attack() -> None:
    text = "На предприятии прошли учения по отражению атаки беспилотников, отработана эвакуация."
    assert parse(text, "RU-RYA").kind == "none"


def test_a_fire_put_out_is_no_drone_downed() -> None:
    text = (
        "В Шебекино дрон атаковал грузовик. В селе Новая Таволжанка от удара FPV-дрона "
        "загорелась крыша дома, возгорание ликвидировали. В Козинке беспилотник атаковал "
        "магазин."
    )
    assert parse(text, "RU-BEL").drones == 3


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над районом сбит беспилотник. Ещё один БПЛА сбит над посёлком.", 2),
        ("Собянин: ПВО сбили дрон\nПерехвачен ещё один беспилотник, летевший на Москву.", 1),
    ],
)
def test_another_after_a_single_incident(text: str, drones: int) -> None:
    assert parse(text, "RU-KDA").drones == drones


def test_no_casualties_then_consequences_being_checked() -> None:
    report = parse("Сбиты 11 БПЛА. Пострадавших нет, последствия уточняются.", "RU-SMO")
    assert (report.killed, report.injured) == (0, 0)


def test_infrastructure_objects_not_damaged() -> None:
    assert parse("Сбиты 4 БПЛА. Объекты инфраструктуры не повреждены.", "RU-TVE").no_damage


@pytest.mark.parametrize(
    ("text", "region", "field", "value"),
    [
        ("Дрон атаковал машину на улице Губкина в Белгороде.", "RU-BEL", "places", ["Белгород"]),
        (
            "Дрон атаковал пгт Климово Климовского р-на.",
            "RU-BRY",
            "places",
            ["Климово", "Климовский район"],
        ),
        ("Отражена атака БПЛА, летевшего на Москву.", "RU-MOW", "drones", 1),
        (
            "Дрон сбросил ВОП на машину, погиб мужчина, ещё один человек ранен.",
            "UA-14",
            "drones",
            1,
        ),
        ("Удар дрона по дому. Мирный житель получил баротравму.", "RU-BEL", "injured", 1),
        ("Атака БПЛА отражена без ущерба и пострадавших.", "RU-TA", "killed", 0),
    ],
)
def test_streets_abbreviations_and_agreement(
    text: str, region: str, field: str, value: object
) -> None:
    assert getattr(parse(text, region), field) == value


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Противник выпустил 47 беспилотников, 29 из них сбиты и подавлены.", 29),
        ("Противник выпустил двадцать пять дронов, двадцать один из них сбит.", 21),
        ("Ukraine launched 112 drones overnight, of which air defences destroyed 105.", 105),
        # a part of drones already said to be downed: the whole counts
        ("Уничтожены 47 БПЛА, 29 из них над Курской областью.", 47),
    ],
)
def test_the_downed_part_of_drones_launched(text: str, drones: int) -> None:
    assert parse(text, "RU-BEL").drones == drones


@pytest.mark.parametrize(
    ("text", "region", "drones", "region_count"),
    [
        ("Ещё три БПЛА сбиты над Смоленской областью. Всего за ночь — 12.", "RU-SMO", 12, 12),
        (
            "Sobyanin said two more drones heading for Moscow were shot down, "
            "bringing the total for the night to 24.",
            None,
            24,
            24,
        ),
        ("Air defences destroyed 40 drones, including 18 over the Moscow region.", None, 40, 18),
    ],
)
def test_bare_totals_and_single_regions(
    text: str, region: str | None, drones: int, region_count: int
) -> None:
    report = parse(text, region)
    assert report.drones == drones
    assert [r.drones for r in report.regions] == [region_count]


def test_a_microdistrict_name_may_end_in_a_common_noun() -> None:
    text = "В Белгороде, в микрорайоне Харьковская гора, дрон повредил фасад дома."
    assert parse(text, "RU-BEL").places == ["Белгород", "Харьковская гора"]


def test_a_settlement_name_does_not_take_the_drone_after_it() -> None:
    text = "В посёлке Октябрьский дрон атаковал автомобиль."
    assert parse(text, "RU-BEL").places == ["Октябрьский"]


def test_a_hyphenated_adjective_name_in_any_case() -> None:
    text = "Сбиты 5 БПЛА. В Каменске-Шахтинском обломками повреждена кровля дома."
    assert parse(text, "RU-ROS").places == ["Каменск-Шахтинский"]


def test_english_moscow_in_a_list_of_regions_is_the_oblast() -> None:
    report = parse("The drones were downed over the Moscow and Kursk regions.")
    assert [r.code for r in report.regions] == ["RU-MOS", "RU-KRS"]


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Дрон атаковал машину. Автомобиль уничтожен огнём.", ["vehicle", "fire"]),
        # "огнём ПВО" is gunfire
        ("Над городом уничтожены огнём ПВО 5 беспилотников.", []),
        # a multiple rocket launcher is no fire
        ("Сбиты 186 БПЛА и 2 снаряда реактивной системы залпового огня.", []),
    ],
)
def test_fire_by_instrumental(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-KRS").damage == damage


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        (
            "Подвели итоги года: за 2025 год над областью уничтожено более 3 500 беспилотников.",
            3500,
        ),
        (
            "Итоги 2024 года. За год противник выпустил по области более 7 тысяч беспилотников.",
            7000,
        ),
    ],
)
def test_a_year_summed_up_is_a_cumulative_attack(text: str, drones: int) -> None:
    # the contract: a summary over a period is an attack, cumulative, with its number
    report = parse(text, "RU-BRY")
    assert (report.kind, report.drones, report.cumulative) == ("attack", drones, True)


def test_a_year_summed_up_beside_a_fresh_report_is_background() -> None:
    text = "Этой ночью над областью сбиты 4 беспилотника. За 2025 год уничтожено 3 500 дронов."
    report = parse(text, "RU-BRY")
    assert (report.drones, report.cumulative) == (4, False)


def test_debris_of_one_more_drone_is_one_more_downed() -> None:
    text = "Над районом силами ПВО сбит беспилотник. Обломки ещё одного БПЛА упали на пустыре."
    assert parse(text, "RU-KDA").drones == 2


def test_a_reminder_line_in_the_middle_of_a_post_is_read_safely() -> None:
    text = (
        "Дрон атаковал машину в Белгороде.\nРанее, в январе, в этом районе был ранен мужчина."
        "\nВ Шебекино сбиты 2 БПЛА."
    )
    report = parse(text, "RU-BEL")
    assert (report.kind, report.drones, report.injured) == ("attack", 2, None)


@pytest.mark.parametrize(
    ("text", "kind", "drones"),
    [
        # ordinary attack reports that mention a fire put out, a year, a workout, a reminder
        ("В Шебекино беспилотник сбит, возгорание потушено.", "attack", 1),
        ("Впервые за год беспилотник атаковал Белгород, повреждён жилой дом.", "attack", 1),
        ("Самая массированная атака за год: над Белгородом сбиты 15 БПЛА.", "attack", 15),
        ("Беспилотник атаковал стадион во время тренировки, ранены двое детей.", "attack", 1),
        (
            "Беспилотник атаковал дом, повреждена кровля. Ремонт начнётся завтра.\n"
            "Напоминаем: не прикасайтесь к обломкам.",
            "attack",
            1,
        ),
        ("В селе дрон ударил по машине, погиб мужчина 1968 года рождения.", "attack", 1),
        # totals of something else than drones
        ("Угроза атаки БПЛА на территории области. Всего за сутки тревог — 5.", "alert", None),
        ("Над Белгородом сбит БПЛА. Всего пострадавших: 5.", "attack", 1),
    ],
)
def test_ordinary_posts_stay_ordinary(text: str, kind: str, drones: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.kind, report.drones) == (kind, drones)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "В Белгородском р-не сбит БПЛА, в Шебекинском — ещё один.",
            ["Белгородский район", "Шебекинский район"],
        ),
        ("В Белгородском районе сбит БПЛА, в Курской — ещё один.", ["Белгородский район"]),
        (
            "В Белгородском районе сбит БПЛА, в Октябрьском — повреждён дом.",
            ["Белгородский район", "Октябрьский"],
        ),
    ],
)
def test_elliptic_districts_agree_and_yield_to_settlements(text: str, places: list[str]) -> None:
    assert parse(text, "RU-BEL").places == places


def test_earlier_with_a_preposition_needs_a_date() -> None:
    text = "Над Шебекино сбит БПЛА.\nРанее, в Белгороде беспилотник атаковал автомобиль."
    assert parse(text, "RU-BEL").places == ["Шебекино", "Белгород"]


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


def test_a_petrol_station_after_the_plant_does_not_make_it_a_refinery() -> None:
    text = "Беспилотник атаковал завод, возник пожар. Водители на трассе у АЗС не пострадали."
    assert parse(text, "RU-SAM").damage == ["industrial", "fire"]
