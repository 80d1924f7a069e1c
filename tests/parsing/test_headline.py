"""The post's headline count and whether it is cumulative (headline.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


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
        # "не достиг цели": the drone missed its target, no figure reached
        ("Беспилотник не достиг цели: его сбили над полем.", 1, False),
        ("Дроны не достигли целей, над районом сбиты 4 беспилотника.", 4, False),
        ("Количество сбитых дронов достигло тридцати.", 30, True),
        # "в целом" totals only in the number's own sentence
        ("В целом же за ночь над регионами перехвачены 44 беспилотника.", 44, True),
        (
            "Над областью сбиты 12 беспилотников. В целом число дронов по районам разное: "
            "по два над каждым.",
            12,
            False,
        ),
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


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над районом уничтожены пять беспилотников. Кроме того, один БПЛА сбит над городом.", 6),
        ("Уничтожены пять беспилотников. Помимо этого, над городом сбиты два БПЛА.", 7),
        # "Также" restates as often as it adds: no sum
        ("Сбиты 3 БПЛА. Также, по данным Минобороны, над регионом уничтожены 3 БПЛА.", 3),
        ("Five drones were destroyed. In addition, three drones were downed near the city.", 8),
        ("Оба беспилотника подавлены средствами РЭБ.", 2),
        # "также" right after a counted noun adds its drones to those told before
        (
            "Сбитый беспилотник упал на гараж в Людинове. Губернатор добавил, что шесть дронов "
            "также уничтожены над Кировским и Думиничским районами.",
            7,
        ),
        ("A drone fell on a barn. Four drones were also downed over two districts.", 5),
    ],
)
def test_counts_added_by_an_opening_phrase(text: str, drones: int) -> None:
    assert parse(text, "RU-KLU").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над районом сбит беспилотник. Ещё один БПЛА сбит над посёлком.", 2),
        ("Собянин: ПВО сбили дрон\nПерехвачен ещё один беспилотник, летевший на Москву.", 1),
    ],
)
def test_another_after_a_single_incident(text: str, drones: int) -> None:
    assert parse(text, "RU-KDA").drones == drones


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


def test_debris_of_one_more_drone_is_one_more_downed() -> None:
    text = "Над районом силами ПВО сбит беспилотник. Обломки ещё одного БПЛА упали на пустыре."
    assert parse(text, "RU-KDA").drones == 2


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
        # counts listed clause by clause add up, districts included
        (
            "Ночью в зоне Грайворона уничтожено 5 БПЛА, в районе Шебекинского округа – два БПЛА.",
            7,
        ),
        # a plural lead located where the incidents below happened sums them up
        (
            "Гладков сообщил об атаке дронов под Грайвороном. Недалеко от Грайворона дрон "
            "атаковал трактор. Кроме того, в селе Дорогощь дрон ударил по легковушке.",
            2,
        ),
        # ... but a plural naming no place of theirs is one more incident, uncounted
        (
            "Обломки беспилотников упали в нескольких районах области. В Грайвороне обломки "
            "дрона повредили крышу. В селе Дорогощь фрагменты беспилотника повредили забор.",
            None,
        ),
        # the same place with and without its type word is one incident
        ('Дрон атаковал Шебекино. "Город Шебекино атакован FPV-дроном", - написал он.', 1),
    ],
)
def test_incidents_by_place(text: str, drones: int | None) -> None:
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
        # ... and the lead tells the quoted increment without "ещё"
        (
            "Над Орловской областью уничтожены три беспилотника, сообщил губернатор. «Ещё три "
            "украинских БПЛА уничтожены над областью», — говорится в сообщении.",
            3,
        ),
        # "ещё один" after a drone of another event adds to it
        ("Беспилотник упал на территории предприятия. Позже был сбит ещё один БПЛА.", 2),
        ("One drone crashed into the depot. Later, another drone was shot down.", 2),
        ("One drone was shot down over the plant. A second drone was also downed.", 2),
        # ... past the modifiers of the noun
        ("A drone was destroyed over the region. Later another enemy drone was downed.", 2),
        ("Над городом сбит один беспилотник. Второй беспилотник подавлен средствами РЭБ.", 2),
        # "N других" / "N other": drones besides those told before
        ("Дрон ударил по гаражу, ранен мужчина. Три других беспилотника сбиты над лесом.", 4),
        ("При падении одного БПЛА выбиты окна школы. Два других дрона подавлены РЭБ.", 3),
        ("One drone hit a warehouse. Two other drones were shot down over the outskirts.", 3),
    ],
)
def test_increments(text: str, drones: int) -> None:
    assert parse(text, "RU-BRY").drones == drones


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        # a period anywhere in the post makes its figure a running total
        ("ПВО с начала ночи уничтожила 12 беспилотников, летевших на город.", True),
        (
            "За минувшие сутки противник выпустил по району 40 дронов. Из них 25 сбиты "
            "средствами ПВО.",
            True,
        ),
        (
            "Губернатор сообщил, что уничтожены 9 дронов. В течение дня обстрелам "
            "подверглись четыре села.",
            True,
        ),
        # an update anywhere in the post
        (
            "Уточнение вечерней информации. Над районом подавлены не два, а три беспилотника.",
            True,
        ),
        # a night is no such period
        ("В течение прошедшей ночи над областью сбиты 7 беспилотников.", False),
        # "ещё один" in the sentence of its base lists a part, not an update
        (
            "Сбиты два беспилотника: один над Белгородской областью, ещё один — над Курской.",
            False,
        ),
        # in a later sentence it updates the figure
        (
            "Над городом сбиты восемь дронов. Сначала сообщалось, что сбиты пять "
            "беспилотников. Позднее уничтожены ещё три дрона.",
            True,
        ),
    ],
)
def test_more_in_the_base_sentence_or_a_later_one(text: str, cumulative: bool) -> None:
    assert parse(text, "RU-KRS").cumulative is cumulative


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("За неделю средства ПВО сбили 412 беспилотников самолётного типа.", 412),
        ("Over the past week, air defences shot down 1,350 Ukrainian drones.", 1350),
        ("Since the start of the special military operation, 85,000 drones were destroyed.", 85000),
        ("За прошедший год над областью уничтожено более 6 000 дронов.", 6000),
    ],
)
def test_period_summaries_are_cumulative(text: str, drones: int) -> None:
    report = parse(text, None)
    assert (report.kind, report.drones, report.cumulative) == ("attack", drones, True)


@pytest.mark.xfail(strict=True, reason="an update told with no totalling word or increment")
def test_an_update_without_a_totalling_word() -> None:
    text = (
        "Ночью губернатор сообщил о более чем 10 сбитых беспилотниках. Через три часа он "
        "написал, что перехвачены и уничтожены 24 беспилотника."
    )
    assert parse(text, "RU-ROS").cumulative is True


@pytest.mark.parametrize(
    ("text", "region", "cumulative"),
    [
        # an ordinal numbers the new drone: "уже пятый" is no running total
        (
            "Над городом сбит БПЛА. Это уже пятый беспилотник, уничтоженный здесь с понедельника.",
            "RU-BRY",
            False,
        ),
        ("Над районом уже уничтожено 8 беспилотников.", "RU-BRY", True),
        # "в течение дня" bounded by clock times is the window's day
        ("В течение дня, с 9:00 до 13:00, над областью сбиты 7 БПЛА.", None, False),
        ("В течение дня над областью сбиты 7 БПЛА.", "RU-KRS", True),
        # regions adding up to the total: "Всего" still marks it, "ещё один" lists a part
        (
            "Всего министерство сообщает о 9 сбитых БПЛА. Из них 5 — над Курской областью, "
            "три — над Брянской и ещё один дрон сбит над Орловской областью.",
            None,
            True,
        ),
    ],
)
def test_ordinals_clocked_days_and_listed_totals(
    text: str, region: str | None, cumulative: bool
) -> None:
    assert parse(text, region).cumulative is cumulative


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a news title (no final stop) retold by its body counts once
        (
            "В Туапсе упали обломки беспилотника\nОбломки дрона нашли в селе Лермонтово, "
            "повреждена крыша дома.",
            1,
        ),
        # a stated number split by "один из них" is not located where its part fell
        (
            "В области упали три беспилотника, один из них — у завода в Ельце. «В Ельце "
            "упал БПЛА», — написал губернатор. Беспилотник также упал у дома в Задонске.",
            3,
        ),
    ],
)
def test_titles_and_split_counts(text: str, drones: int) -> None:
    assert parse(text, "RU-KDA").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a plural naming only a district sums up the incidents in its settlements
        (
            "Атаке дронов подвергся Грайворонский округ. В селе Козинка беспилотник "
            "атаковал автомобиль. В посёлке Горьковский дрон ударил по крыше дома.",
            2,
        ),
        # a plural in a settlement of its own is an incident of its own
        (
            "Дроны атаковали посёлок Разумное. В селе Козинка беспилотник атаковал "
            "автомобиль. В посёлке Горьковский дрон ударил по крыше дома.",
            None,
        ),
    ],
)
def test_a_district_plural_sums_up_its_incidents(text: str, drones: int | None) -> None:
    assert parse(text, "RU-BEL").drones == drones


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        # "currently ... destroyed N": the tally so far, in the number's own sentence
        ("Currently, air defences have destroyed 14 drones over the region.", True),
        ("Repair crews are currently at work. Air defences destroyed 14 drones.", False),
    ],
)
def test_currently_in_the_numbers_sentence(text: str, cumulative: bool) -> None:
    assert parse(text, "RU-BRY").cumulative is cumulative


@pytest.mark.parametrize(
    ("text", "drones", "cumulative"),
    [
        # period summaries: a year, a month, a week
        ("С начала года над областью уничтожено 410 беспилотников.", 410, True),
        ("С начала 2026 года силы ПВО сбили 950 БПЛА над регионом.", 950, True),
        ("За минувший месяц над регионом сбиты 230 дронов.", 230, True),
        ("В течение недели над областью уничтожены 64 БПЛА.", 64, True),
        ("В 2026 году над регионом сбито свыше 2000 беспилотников.", 2000, True),
        ("Since the start of the year, 780 drones have been downed over the region.", 780, True),
        # a year's summary beside a fresh report is background
        (
            "В 2026 году над регионом сбито 2000 БПЛА. Этой ночью над городом сбиты 4 БПЛА.",
            4,
            False,
        ),
    ],
)
def test_year_month_and_week_summaries(text: str, drones: int, cumulative: bool) -> None:
    report = parse(text, "RU-BEL")
    assert (report.drones, report.cumulative) == (drones, cumulative)


@pytest.mark.xfail(strict=True, reason="a counted strike class wins over uncounted downed plurals")
def test_uncounted_downed_plurals_beside_counted_strikes() -> None:
    text = (
        "В городе беспилотник сдетонировал у дома. От удара второго БПЛА повреждена дорога. "
        "В селе Ясные Зори из-за падения обломков сбитых дронов повреждены два дома."
    )
    assert parse(text, "RU-BEL").drones is None


@pytest.mark.xfail(strict=True, reason="a plural summing up a single incident is kept")
def test_an_english_summary_plural_over_one_incident() -> None:
    text = (
        "Ukrainian drones attacked the Belgorod region overnight, the governor said. A drone "
        "hit a car in the village of Shebekino."
    )
    assert parse(text, "RU-BEL").drones == 1


@pytest.mark.parametrize(
    ("text", "drones", "cumulative"),
    [
        # a title's running total includes the increment the body tells
        (
            "ПВО с начала суток сбила шесть беспилотников, летевших на Москву\n"
            "Силы ПВО сбили ещё один беспилотник, написал мэр. До этого он сообщал о пяти.",
            6,
            True,
        ),
        (
            "Всего за ночь над регионом уничтожено 12 БПЛА\n"
            "Ещё три беспилотника сбиты над районом, сообщил губернатор.",
            12,
            True,
        ),
        # with no running total in the title, the increments add up
        (
            "Над областью сбиты пять беспилотников\nПозже сбиты ещё два беспилотника.",
            7,
            None,
        ),
    ],
)
def test_a_running_total_in_the_title_includes_the_increments(
    text: str, drones: int, cumulative: bool | None
) -> None:
    report = parse(text, "RU-MOW")
    assert report.drones == drones
    assert cumulative is None or report.cumulative == cumulative


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a downed abbreviation of unknown number beside a singular drone that fell
        ("Беспилотник упал у посёлка. О подавлении БПЛА сообщил губернатор.", 1),
        ("На окраине села упал дрон. Средства РЭБ заглушили БПЛА над полем.", 1),
        # a plural that fell leaves the number unknown
        ("Беспилотники упали у посёлка. Средства РЭБ заглушили БПЛА над полем.", None),
    ],
)
def test_an_uncertain_downed_abbreviation_beside_a_singular_strike(
    text: str, drones: int | None
) -> None:
    assert parse(text, "RU-STA").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a lead naming only a district retells the one incident told in a settlement
        (
            "В Грайворонском округе при атаке беспилотника ранена женщина. Дрон ударил по "
            "легковому автомобилю в селе Дорогощь.",
            1,
        ),
        # "Также" opens another incident
        (
            "В Грайворонском округе дрон атаковал автомобиль. Также в селе Дорогощь "
            "беспилотник ударил по дому.",
            2,
        ),
        # "Также" in the same village: another incident
        (
            "В селе Дорогощь дрон атаковал автомобиль. Также в селе Дорогощь FPV-дрон ударил "
            "по сараю.",
            2,
        ),
        # two incidents in settlements stay two
        (
            "В селе Дорогощь дрон атаковал автомобиль. В селе Головчино беспилотник ударил "
            "по дому.",
            2,
        ),
        # under a title line that tells the drone too, the body's district lead retells
        # the incident in the village below
        (
            "Мужчина ранен при атаке дрона\nВ Краснояружском районе при атаке беспилотника "
            "ранен мужчина. По словам губернатора, беспилотник сбросил гранату у дома в "
            "селе Илек-Пеньковка.",
            1,
        ),
        # ... but two villages under a title stay two
        (
            "Дроны атаковали две деревни\nВ селе Дорогощь дрон атаковал автомобиль. В селе "
            "Головчино беспилотник ударил по дому.",
            2,
        ),
    ],
)
def test_a_district_lead_retells_the_incident_below(text: str, drones: int) -> None:
    assert parse(text, "RU-BEL").drones == drones


@pytest.mark.parametrize(
    ("text", "drones", "cumulative"),
    [
        # an ordinal numbers the new drone: the increment is no running total
        ("Сбит ещё один беспилотник, летевший на город. Это уже 9-й с начала ночи.", 1, False),
        # a bare total after the downing verb
        ("Сбиты ещё три беспилотника. Всего с начала суток сбито 11.", 11, True),
    ],
)
def test_ordinals_and_bare_totals_after_increments(
    text: str, drones: int, cumulative: bool
) -> None:
    report = parse(text, "RU-MOW")
    assert (report.drones, report.cumulative) == (drones, cumulative)


@pytest.mark.parametrize(
    ("text", "drones", "cumulative"),
    [
        # an ordinal numbers the post's drone in a series begun in earlier posts
        ("Пятый беспилотник сбит над районом. «Уничтожен ещё один БПЛА», — написал мэр.", 1, False),
        ("ПВО сбила 41-й дрон, летевший на город\nНочью перехвачен ещё один БПЛА.", 1, False),
        ("Над посёлком сбит БПЛА. Это уже шестой беспилотник за сегодняшний день.", 1, False),
        ("Четвёртый за утро дрон уничтожен над промзоной.", 1, False),
        # ... after as many drones as its place less one, it is one more
        (
            "One drone crashed in a field. Another drone was shot down over the bay. "
            "The third drone was destroyed near the port.",
            3,
            False,
        ),
        ("Первый беспилотник упал в поле. Второй дрон сбит над лесом.", 2, False),
    ],
)
def test_a_numbered_drone_in_a_series(text: str, drones: int, cumulative: bool) -> None:
    report = parse(text, "RU-TVE")
    assert (report.drones, report.cumulative) == (drones, cumulative)


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # an abbreviation of unknown number in a settlement of its own: the total unknown
        (
            "В Лисках обломки беспилотника повредили гараж. В селе Давыдовка после атаки БПЛА "
            "загорелась трава.",
            None,
        ),
        # ... or in a district told as another incident ("Также ...")
        (
            "В Лисках обломки беспилотника повредили гараж. Также обломки БПЛА повредили "
            "линию электропередачи в Каширском районе.",
            None,
        ),
        # ... or in several places, some of them new
        (
            "В Каширском районе упал беспилотник. Атаки БПЛА были также в Лисках, Каширском и "
            "Острогожском районах.",
            None,
        ),
        # the town's own district retells the incident
        (
            "Над Лисками сбит беспилотник. В Лискинском районе обломки БПЛА повредили забор.",
            1,
        ),
        # a district alone may hold the settlement of the incident
        (
            "В селе Давыдовка обломки беспилотника повредили гараж. В Каширском районе "
            "обломки БПЛА нашли в поле.",
            1,
        ),
    ],
)
def test_an_uncounted_abbreviation_in_a_place_of_its_own(text: str, drones: int | None) -> None:
    assert parse(text, "RU-VOR").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a title over one incident the body tells twice, in a district and its village
        (
            "В Лискинском районе обломки беспилотника упали на стадион\n"
            "Утром в Лискинском районе ПВО отработала по БПЛА. Обломки беспилотника упали на "
            "стадион в селе Давыдовка, сообщил губернатор.",
            1,
        ),
        # ... in a town and its namesake district
        (
            "В Воронежской области дрон атаковал грузовик\n"
            "Губернатор сообщил об атаке дрона под Лисками. Беспилотник ударил по грузовику в "
            "Лискинском районе.",
            1,
        ),
        # a long title line with its subtitle
        (
            "Под Воронежем при атаке дрона ранен тракторист Губернатор: тракторист ранен при "
            "атаке дрона под Воронежем\n\n"
            "Дрон атаковал трактор в селе Давыдовка. В селе Давыдовка беспилотник ранил мужчину.",
            1,
        ),
        # two villages under a title stay two
        (
            "Дроны атаковали два села\nВ селе Давыдовка дрон ударил по дому. В селе Каширское "
            "беспилотник атаковал машину.",
            2,
        ),
        # ... and so do two villages of one district
        (
            "В селе Давыдовка Лискинского района дрон ударил по дому. В селе Залужное "
            "Лискинского района беспилотник атаковал машину.",
            2,
        ),
        # ... but a town and a village of its namesake district may retell one incident
        (
            "Под Лисками дрон атаковал грузовик. В селе Давыдовка Лискинского района "
            "беспилотник ударил по грузовику, ранен водитель.",
            1,
        ),
    ],
)
def test_a_title_over_one_incident_told_twice(text: str, drones: int) -> None:
    assert parse(text, "RU-VOR").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # drones downed and others that struck, told clause by clause, add up
        ("Силами ПВО уничтожено 4 БПЛА, 2 БПЛА попали в склад на окраине города.", 6),
        ("Ночью 3 беспилотника сбиты, 2 упали на территорию завода и загорелись.", 5),
        ("Four drones were shot down, and two fell on a warehouse in the town.", 6),
        # debris of the downed drones, or a part of them, adds nothing
        ("Сбиты 4 БПЛА, обломки двух беспилотников упали на склад.", 4),
        ("Уничтожены 5 БПЛА, 2 из них упали в поле.", 5),
    ],
)
def test_downed_and_struck_clauses_add_up(text: str, drones: int) -> None:
    assert parse(text, "RU-ORL").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # the debris of another drone is one more downed drone
        (
            "Обломки беспилотника упали на склад. Фрагменты другого сбитого дрона нашли в поле.",
            2,
        ),
        # "другой" alone may name a part of drones told before: no increment
        ("Сбиты два БПЛА. Один упал в поле, другой беспилотник — у реки.", 2),
    ],
)
def test_debris_of_another_drone(text: str, drones: int) -> None:
    assert parse(text, "RU-TAM").drones == drones
