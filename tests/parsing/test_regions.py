"""Regions of a national summary with their counts (regions.py), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


def _counts(text: str) -> dict[str, int | None]:
    return {r.code: r.drones for r in parse(text, None).regions}


def test_a_colon_before_a_clause_is_not_a_list_of_counts() -> None:
    text = (
        "В селе Ивановка два дрона атаковали дома: в одном выбиты окна. "
        "В селе Петровка беспилотник ударил по сараю."
    )
    assert parse(text, "RU-KRS").drones == 3


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


def test_an_agency_dateline_names_no_region() -> None:
    text = "МОСКВА, 11 фев — РИА Новости. Над Брянской областью сбиты 15 беспилотников."
    assert [r.code for r in parse(text).regions] == ["RU-BRY"]


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


def test_english_moscow_in_a_list_of_regions_is_the_oblast() -> None:
    report = parse("The drones were downed over the Moscow and Kursk regions.")
    assert [r.code for r in report.regions] == ["RU-MOS", "RU-KRS"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a national tally by region, counted in words, names regions, not towns
        (
            "The Defence Ministry said air defences downed five drones: three in Belgorod, one "
            "over the Kursk region and another in Bryansk. A drone hit a house in the village "
            "of Krupets.",
            ["Крупец"],
        ),
    ],
)
def test_tally_counted_in_words(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a list of regions, each with its count in brackets, before "regions"
        (
            "Air defences destroyed drones over the territories of Kursk (two drones), Oryol"
            " (one drone) and Tula (five drones) regions, the ministry said.",
            [],
        ),
    ],
)
def test_english_regions_listed_with_counts(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air defences destroyed 9 drones: 5 UAVs over the Tula region, 1 UAV over the "
            "Oryol region and 3 UAVs over the Lipetsk region.",
            {"RU-TUL": 5, "RU-ORL": 1, "RU-LIP": 3},
        ),
    ],
)
def test_english_lists(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts in parentheses after elliptic adjectives
        (
            "Беспилотники сбиты также над Орловской (5), Тульской (2) и Калужской (1) областями.",
            {"RU-ORL": 5, "RU-TUL": 2, "RU-KLU": 1},
        ),
        # "по N" shared across an area word
        (
            "ПВО сбила 9 БПЛА: по три над Курской областью и над территорией Республики Крым, "
            "по одному — над Тамбовской, Пензенской областями и акваторией Чёрного моря.",
            {"RU-KRS": 3, "UA-43": 3, "RU-TAM": 1, "RU-PNZ": 1, "SEA-BLACK": 1},
        ),
        (
            "Уничтожены 10 беспилотников: по пять — над территориями Ставропольского края и "
            "Республики Северная Осетия — Алания.",
            {"RU-STA": 5, "RU-SE": 5},
        ),
        # a unit noun counts drones
        (
            "Сбиты 11 дронов. Большая их часть — 8 единиц — уничтожена над Брянской областью, "
            "ещё три — над Курской.",
            {"RU-BRY": 8, "RU-KRS": 3},
        ),
        # English: regions named by their capital after a count
        (
            "Air defences downed 42 drones overnight: 30 over Voronezh, 12 over Kursk.",
            {"RU-VOR": 30, "RU-KRS": 12},
        ),
        (
            "The ministry said 50 drones were destroyed; 35 were shot down in Bryansk and 15 "
            "in Oryol.",
            {"RU-BRY": 35, "RU-ORL": 15},
        ),
        # a number with no noun closing the region's clause
        (
            "Сбиты 11 беспилотников. Над Тульской областью уничтожены четыре, над Калужской "
            "областью — семь.",
            {"RU-TUL": 4, "RU-KLU": 7},
        ),
        # a region named in one sentence, its count in the next
        (
            "Дежурные средства ПВО за ночь уничтожили 30 БПЛА. Основной удар пришёлся на "
            "Брянскую область. Там сбиты 22 дрона. Ещё 8 уничтожены над Курской областью.",
            {"RU-BRY": 22, "RU-KRS": 8},
        ),
    ],
)
def test_ministry_lists(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # "ещё" lists a part of the stated total when the regions add up to it
        (
            "За ночь сбиты 12 беспилотников. Семь из них — над Курской областью. Ещё пять "
            "уничтожены над Белгородской областью.",
            12,
        ),
        (
            "Перехвачены 9 дронов. Шесть беспилотников сбиты над Брянской областью. Ещё три "
            "дрона уничтожены над Смоленской областью.",
            9,
        ),
        # ... also when the total is itself an increment, told twice
        (
            "ПВО сбила ещё 17 беспилотников над Россией. Днём уничтожены ещё 17 дронов. "
            "Десять БПЛА сбиты над Брянской областью. Ещё пять дронов перехвачены над "
            "Орловской областью, два — над Курской.",
            17,
        ),
        # with "the rest" after them, the regions list parts of the stated total
        (
            "Ночью сбиты 40 беспилотников. Больше всего дронов уничтожено над Тульской "
            "областью — 20 единиц. Ещё 6 сбили над Орловской областью. Остальные уничтожены "
            "над Курской и Брянской областями.",
            40,
        ),
    ],
)
def test_parts_listed_with_more_add_up_to_the_total(text: str, drones: int) -> None:
    assert parse(text, None).drones == drones


def test_a_downing_list_with_no_verb_is_an_attack() -> None:
    text = (
        "9 БПЛА – над территорией Брянской области, четыре БПЛА – над территорией Орловской "
        "области, один БПЛА – над акваторией Чёрного моря"
    )
    report = parse(text, None)
    assert report.kind == "attack"
    assert report.drones == 14
    assert _counts(text) == {"RU-BRY": 9, "RU-ORL": 4, "SEA-BLACK": 1}


@pytest.mark.parametrize(
    ("text", "drones", "expected"),
    [
        (
            "Дежурные средства ПВО сбили 12 беспилотников над тремя регионами и акваторией "
            "Черного моря. Семь сбиты над Брянской областью, три — над Курской, один — над "
            "Орловской областью. Ещё один перехвачен над акваторией Черного моря.",
            12,
            {"SEA-BLACK": 1, "RU-BRY": 7, "RU-KRS": 3, "RU-ORL": 1},
        ),
        (
            "Дроны перехвачены над двумя областями и Каспийским морем: четыре над Астраханской "
            "областью, два над Волгоградской и один над Каспийским морем.",
            7,
            {"SEA-CASPIAN": 1, "RU-AST": 4, "RU-VGG": 2},
        ),
    ],
)
def test_a_number_of_regions_counts_no_drones(
    text: str, drones: int, expected: dict[str, int | None]
) -> None:
    report = parse(text, None)
    assert report.drones == drones
    assert {r.code: r.drones for r in report.regions} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Black Sea Fleet and air defences downed 20 drones over Crimea and 7 over the "
            "Stavropol Territory.",
            {"UA-43": 20, "RU-STA": 7},
        ),
        (
            "Nine drones were intercepted over the Sea of Azov and the Crimean Peninsula.",
            {"SEA-AZOV": None, "UA-43": None},
        ),
    ],
)
def test_english_region_names(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone was shot down as it approached the city of Kursk, the governor said.", "RU-KRS"),
        ("Над Брянском уничтожены два беспилотника, сообщил губернатор.", "RU-BRY"),
    ],
)
def test_a_news_item_takes_the_region_of_its_settlement(text: str, expected: str) -> None:
    assert [r.code for r in parse(text, None).regions] == [expected]


def test_settlements_of_several_regions_name_none() -> None:
    # (not "над Брянском и над Курском": drones over a capital are its region's)
    text = "Обломки беспилотников упали в Брянске и в Курске."
    assert parse(text, None).regions == []


@pytest.mark.xfail(strict=True, reason="counts joined by 'and' before one region: nearest wins")
def test_counts_coordinated_before_one_region() -> None:
    text = (
        "Air defences downed 9 drones: three UAVs were destroyed and two were intercepted over "
        "the Republic of Crimea, four UAVs over the Kursk region."
    )
    assert _counts(text) == {"UA-43": 5, "RU-KRS": 4}


@pytest.mark.xfail(strict=True, reason="'соответственно' pairs counts with regions in order")
def test_respectively() -> None:
    text = "Сбиты 9 БПЛА над Ростовской областью и Краснодарским краем, шесть и три соответственно."
    assert _counts(text) == {"RU-ROS": 6, "RU-KDA": 3}


@pytest.mark.xfail(strict=True, reason="a governor's post gives only its own region")
def test_a_governor_naming_a_neighbour() -> None:
    text = "ПВО работает по БПЛА над тремя районами Ленобласти и Курортным районом Петербурга."
    assert {r.code for r in parse(text, "RU-LEN").regions} == {"RU-LEN", "RU-SPE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # drones that flew toward Moscow are a part of the Moscow region's count
        (
            "Над Московским регионом сбиты пять беспилотников, три из них летели на Москву. "
            "Ещё два БПЛА уничтожены над Тульской областью.",
            {"RU-MOS": 5, "RU-TUL": 2},
        ),
        # "and occupied Crimea" shares "one each"
        (
            "Ten drones were downed over the Kursk region, and one each over the Bryansk "
            "Region and occupied Crimea.",
            {"RU-KRS": 10, "RU-BRY": 1, "UA-43": 1},
        ),
    ],
)
def test_targets_and_qualified_names(text: str, expected: dict[str, int]) -> None:
    assert _counts(text) == expected


def test_an_english_dateline_with_a_colon_names_no_region() -> None:
    text = "Moscow: A drone was shot down over the Tula region overnight, the governor said."
    assert _counts(text) == {"RU-TUL": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Two drones fell in a field in the Kaluga region, which borders the Moscow region.",
        "Two drones fell in a field in a region bordering Moscow, the Kaluga region governor said.",
        "Two drones fell in the Kaluga region, some 200 kilometres from Moscow.",
    ],
)
def test_english_neighbours_and_distances_are_no_regions(text: str) -> None:
    assert _counts(text) == {"RU-KLU": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сбиты пять БПЛА над Курской областью и два — над Азовским морем у побережья Крыма.",
            {"RU-KRS": 5, "SEA-AZOV": 2},
        ),
        (
            "Two drones were shot down over the Black Sea off the coast of Crimea and four "
            "over the Bryansk region.",
            {"SEA-BLACK": 2, "RU-BRY": 4},
        ),
        # a region listed after a sea is still a region
        ("Над Чёрным морем сбиты 3 БПЛА, над Крымом — 2.", {"SEA-BLACK": 3, "UA-43": 2}),
    ],
)
def test_the_coast_of_a_sea_is_no_region(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "drones", "expected"),
    [
        (
            "Сбиты два БПЛА над Орловской областью, один БПЛА — над Тульской областью, а "
            "также одна ракета — над Липецкой областью.",
            3,
            {"RU-ORL": 2, "RU-TUL": 1},
        ),
        (
            "Уничтожены четыре беспилотника над Брянской областью и два аэростата — над "
            "Смоленской областью.",
            4,
            {"RU-BRY": 4},
        ),
        (
            "Air defences shot down two drones over the Oryol region and one missile over the "
            "Tula region.",
            2,
            {"RU-ORL": 2},
        ),
        # a drone "of the aircraft type" is a drone
        (
            "Перехвачены 3 БПЛА самолётного типа над Орловской областью и 2 БПЛА "
            "самолётного типа над Тульской областью.",
            5,
            {"RU-ORL": 3, "RU-TUL": 2},
        ),
    ],
)
def test_a_region_of_other_weapons_alone_is_no_drones(
    text: str, drones: int, expected: dict[str, int | None]
) -> None:
    report = parse(text, None)
    assert (report.drones, {r.code: r.drones for r in report.regions}) == (drones, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compass bearing from a city names no region
        (
            "Two drones fell in the Tula region south of Moscow, the governor said.",
            {"RU-TUL": 2},
        ),
        (
            "Three drones were downed over the Tver region, about 150 km north-west of Moscow.",
            {"RU-TVE": 3},
        ),
        # a dateline line before the story: where it was filed
        (
            "AFP\n\nMoscow, March 3\n\nAir defences shot down two drones over the Oryol region.",
            {"RU-ORL": 2},
        ),
        (
            "Moscow, 3 March\n\nAir defences shot down two drones over the Oryol region.",
            {"RU-ORL": 2},
        ),
        # "the border region of X" is X itself
        (
            "Air defences downed three drones over the border region of Bryansk and two "
            "over the Oryol region.",
            {"RU-BRY": 3, "RU-ORL": 2},
        ),
        # modifiers between the count and its drone noun
        (
            "Air defences also destroyed four Ukraine-launched drones over the Tula region "
            "and two over the Oryol region.",
            {"RU-TUL": 4, "RU-ORL": 2},
        ),
    ],
)
def test_english_bearings_datelines_and_modifiers(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air defences shot down 9 drones over the Kursk region. The fleet also sank two "
            "drone boats in the Black Sea.",
            {"RU-KRS": 9},
        ),
        (
            "Над Брянской областью сбиты 4 БПЛА. В Чёрном море уничтожены два безэкипажных катера.",
            {"RU-BRY": 4},
        ),
    ],
)
def test_a_sea_of_boats_is_no_region_of_drones(text: str, expected: dict[str, int]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "drones"),
    [
        # "the governor of Bryansk" names the official's region; "unmanned attack vehicles"
        (
            "The governor of Bryansk said at least 9 drones were destroyed over the border "
            "region. The governor of the Kursk region said two unmanned attack vehicles were "
            "downed over the area.",
            {"RU-BRY": 9, "RU-KRS": 2},
            11,
        ),
    ],
)
def test_english_governors_name_their_regions(
    text: str, expected: dict[str, int], drones: int
) -> None:
    report = parse(text, None)
    assert ({r.code: r.drones for r in report.regions}, report.drones) == (expected, drones)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's own dashed count beats the previous region's number before it
        (
            "Этой ночью над Тульской областью сбиты пять БПЛА и над Орловской — два.",
            {"RU-TUL": 5, "RU-ORL": 2},
        ),
        # a capital's name after a count a few words back ("Nine drones were shot down over")
        (
            "Nine drones were shot down over Bryansk and two over Kursk, the ministry said.",
            {"RU-BRY": 9, "RU-KRS": 2},
        ),
    ],
)
def test_dashed_counts_and_counted_capitals(text: str, expected: dict[str, int]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one count after regions listed together: each share unknown
        (
            "Над Ростовской областью и Краснодарским краем сбиты 9 беспилотников.",
            {"RU-ROS": None, "RU-KDA": None},
        ),
        # a region with its own count before keeps it
        (
            "Над Курской областью — пять БПЛА, над Брянской областью сбиты ещё три БПЛА.",
            {"RU-KRS": 5, "RU-BRY": 3},
        ),
    ],
)
def test_a_count_after_listed_regions(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case region adjective after "над", before its type word or ending an item
        (
            "Сбиты 12 беспилотников: семь над Орловской областью, пять - над липецкой.",
            {"RU-ORL": 7, "RU-LIP": 5},
        ),
        (
            "Сбиты 9 БПЛА: по три над Тамбовской и пензенской областями и три над "
            "тульской областью.",
            {"RU-TAM": 3, "RU-PNZ": 3, "RU-TUL": 3},
        ),
        # not one before another noun
        ("Над Курской областью сбиты 4 БПЛА, раненых везут в липецкую больницу.", {"RU-KRS": 4}),
    ],
)
def test_lower_case_region_adjectives_in_lists(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "drones", "expected"),
    [
        # a later paragraph about the day before, or an earlier summary of the ministry
        (
            "Сбиты 8 БПЛА: пять над Тверской областью и три над Смоленской.\n"
            "Накануне ПВО сбила 40 беспилотников над Калужской областью.",
            8,
            {"RU-TVE": 5, "RU-SMO": 3},
        ),
        (
            "С 10:00 до 14:00 сбиты 6 беспилотников: четыре над Псковской областью и два "
            "над Новгородской. Ранее в Минобороны сообщали о 15 дронах над Ленинградской "
            "областью.",
            6,
            {"RU-PSK": 4, "RU-NGR": 2},
        ),
        # before any count, the earlier summary is the news itself
        (
            "Губернатор: пострадавших нет.\nРанее в Минобороны сообщили, что над Липецкой "
            "областью сбиты два беспилотника.",
            2,
            {"RU-LIP": 2},
        ),
    ],
)
def test_earlier_summaries_are_background(
    text: str, drones: int, expected: dict[str, int | None]
) -> None:
    report = parse(text, None)
    assert report.drones == drones
    assert {r.code: r.drones for r in report.regions} == expected


@pytest.mark.parametrize(
    ("text", "drones", "expected"),
    [
        # a singular drone noun in its region's clause counts one
        (
            "Ночью над Крымом был уничтожен украинский БПЛА. Кроме того, сбиты четыре "
            "беспилотника над Курской и три над Брянской областями.",
            8,
            {"UA-43": 1, "RU-KRS": 4, "RU-BRY": 3},
        ),
        (
            "One drone was shot down near Moscow and three over the Tver region overnight.",
            4,
            {"RU-MOS": 1, "RU-TVE": 3},
        ),
        # a singular noun beyond a comma is not the region's ("Мэр Москвы сообщил, что ...")
        (
            "Сбиты 10 БПЛА: шесть над Калужской областью и четыре над Московской областью. "
            "Мэр Москвы сообщил, что сбит беспилотник, летевший на город.",
            10,
            {"RU-KLU": 6, "RU-MOS": 4},
        ),
    ],
)
def test_singular_drones_count_one_for_their_region(
    text: str, drones: int, expected: dict[str, int | None]
) -> None:
    report = parse(text, None)
    assert report.drones == drones
    assert {r.code: r.drones for r in report.regions} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "including" a region: a part of the figure, not its whole
        (
            "Air defences destroyed 90 drones over Russia, including the Moscow region, overnight.",
            {"RU-MOS": None},
        ),
        # "most of them", "большая часть": a part too
        (
            "Air defences downed 35 drones overnight, most of them over the Tula region.",
            {"RU-TUL": None},
        ),
        ("Сбиты 25 беспилотников, большая часть — над Тульской областью.", {"RU-TUL": None}),
        # the mayor's city beside the Moscow region's figure
        (
            "Сбиты 7 беспилотников над Московской областью. Мэр Москвы сообщил о двух из них.",
            {"RU-MOS": 7},
        ),
        (
            "Nine drones were downed over the Moscow region. Moscow Mayor said two of them flew "
            "toward the city.",
            {"RU-MOS": 9},
        ),
        # an agency's dateline with a date
        (
            "Москва. 12 мая. Минобороны сообщило, что над Орловской областью сбиты 3 БПЛА.",
            {"RU-ORL": 3},
        ),
        # governments at war, and a region described as on the border
        (
            "Both Moscow and Kyiv use drones. Four drones were shot down over the borderline "
            "Kursk region.",
            {"RU-KRS": 4},
        ),
    ],
)
def test_regions_named_beside_the_figure(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сбиты 8 БПЛА: четыре над Тульской областью, столько же — над Калужской.",
            {"RU-TUL": 4, "RU-KLU": 4},
        ),
        (
            "Six drones were downed over the Oryol region and as many over the Kursk region.",
            {"RU-ORL": 6, "RU-KRS": 6},
        ),
    ],
)
def test_as_many_repeats_the_count_before(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the total is short of the other counts by the joint count for each region
        (
            "Сбиты 13 беспилотников. Больше всего — пять — над Тверской и Смоленской "
            "областями, три — над Псковской.",
            {"RU-TVE": 5, "RU-SMO": 5, "RU-PSK": 3},
        ),
        # short by the joint count once: the split stays unknown
        (
            "Сбиты 8 беспилотников. Пять — над Тверской и Смоленской областями, три — над "
            "Псковской.",
            {"RU-TVE": None, "RU-SMO": None, "RU-PSK": 3},
        ),
    ],
)
def test_a_joint_count_split_by_the_total(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region named by its capital after "над"
        (
            "Над Смоленском сбиты четыре беспилотника, над Тамбовом — один.",
            {"RU-SMO": 4, "RU-TAM": 1},
        ),
        ("Над Липецком и Воронежем уничтожены шесть БПЛА.", {"RU-LIP": None, "RU-VOR": None}),
        ("Над Орлом сбиты 2 беспилотника.", {"RU-ORL": 2}),
        # not a capital named elsewhere ("аэропорт Калуги"), nor a district's adjective
        (
            "Ограничения введены в аэропорту Калуги. Над Пензой сбит беспилотник.",
            {"RU-PNZ": 1},
        ),
        ("Над Курским районом Курской области сбиты 2 БПЛА.", {"RU-KRS": 2}),
    ],
)
def test_regions_named_by_their_capital(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


def test_an_elliptic_sea_adjective() -> None:
    text = "Над Крымом уничтожены три беспилотника, над Черным морем — четыре, над Азовским — два."
    assert _counts(text) == {"UA-43": 3, "SEA-BLACK": 4, "SEA-AZOV": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сбиты 11 беспилотников: семь над Тульской областью, остальные — над Липецкой.",
            {"RU-TUL": 7, "RU-LIP": 4},
        ),
        (
            "Air defences downed 9 drones: five over the Oryol region, the rest over the "
            "Kursk region.",
            {"RU-ORL": 5, "RU-KRS": 4},
        ),
        # the rest over two regions: each share unknown
        (
            "Сбиты 11 беспилотников: семь над Тульской областью, остальные над Липецкой и "
            "Рязанской областями.",
            {"RU-TUL": 7, "RU-LIP": None, "RU-RYA": None},
        ),
        # a count of its own in the sentence before "the rest" is kept
        (
            "Ночью сбиты 40 беспилотников. Больше всего дронов уничтожено над Тульской "
            "областью — 20 единиц. Ещё 6 сбили над соседней "
            "Орловской областью. Остальные уничтожены над Курской, Брянской областями и "
            "Крымом.",
            {"RU-TUL": 20, "RU-ORL": 6, "RU-KRS": None, "RU-BRY": None, "UA-43": None},
        ),
    ],
)
def test_the_rest_goes_to_the_last_region(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "drones", "expected"),
    [
        # "another drone" counts one for its region
        (
            "Three drones were downed over the Oryol region. Another drone was destroyed over "
            "the Kursk region.",
            4,
            {"RU-ORL": 3, "RU-KRS": 1},
        ),
        # "a dozen": twelve, not a singular
        ("Air defences destroyed a dozen drones over the Tver region.", 12, {"RU-TVE": 12}),
        # "по одному беспилотнику" keeps its "each"
        (
            "Сбиты 4 БПЛА: два над Тверской областью, по одному беспилотнику над Псковской "
            "и Новгородской областями.",
            4,
            {"RU-TVE": 2, "RU-PSK": 1, "RU-NGR": 1},
        ),
    ],
)
def test_implied_counts_of_one_and_twelve(
    text: str, drones: int, expected: dict[str, int | None]
) -> None:
    report = parse(text, None)
    assert report.drones == drones
    assert {r.code: r.drones for r in report.regions} == expected


def test_another_in_a_capital_of_an_english_list() -> None:
    text = "Air defences downed five drones: three in Bryansk, one in Oryol and another in Kursk."
    assert _counts(text) == {"RU-BRY": 3, "RU-ORL": 1, "RU-KRS": 1}


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # an uncounted plural over another region: the parts make no total
        (
            "Над Тульской областью сбиты 7 беспилотников, также беспилотники сбиты над Орловской.",
            None,
        ),
        ("Ночью дроны уничтожены над Липецкой областью. Над Тамбовской сбиты 4 БПЛА.", None),
        # a plural that sums up the list, or of another event, leaves the count
        (
            "ПВО сбила дроны над двумя регионами: над Тульской областью — 3 БПЛА, над "
            "Орловской — 2.",
            5,
        ),
        ("Беспилотники атаковали Тульскую и Орловскую области. Над Тульской сбиты 3 БПЛА.", 3),
    ],
)
def test_parts_of_an_incomplete_list_make_no_total(text: str, drones: int | None) -> None:
    assert parse(text, None).drones == drones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Три беспилотника сбиты над Брянщиной, два — над Смоленщиной.",
            {"RU-BRY": 3, "RU-SMO": 2},
        ),
        ("Над Ленобластью уничтожены 4 БПЛА.", {"RU-LEN": 4}),
        ("Над Кабардино-Балкарией сбиты два беспилотника.", {"RU-KB": 2}),
        ("Над Прикамьем сбит беспилотник.", {"RU-PER": 1}),
        ("Three drones were downed over St. Petersburg.", {"RU-SPE": 3}),
    ],
)
def test_colloquial_region_names(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


def test_an_english_list_with_the_oxford_comma() -> None:
    text = "Drones were destroyed over the Tula, Kaluga, and Oryol regions."
    assert _counts(text) == {"RU-TUL": None, "RU-KLU": None, "RU-ORL": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Над Ямало-Ненецким автономным округом сбиты 2 беспилотника.", {"RU-YAN": 2}),
        # a municipal district named after a region is no region
        (
            "Над Курской областью сбиты 3 БПЛА, в Курском муниципальном округе повреждён дом.",
            {"RU-KRS": 3},
        ),
    ],
)
def test_autonomous_districts(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "по N" before the next region is the next region's
        (
            "Над Смоленской областью сбиты 9 БПЛА, по 2 над Тверской и Псковской, 1 над "
            "Новгородской.",
            {"RU-SMO": 9, "RU-TVE": 2, "RU-PSK": 2, "RU-NGR": 1},
        ),
        # "по N в каждом регионе", "по N над каждой", "N each" after the regions is theirs
        (
            "Над Тверской и Псковской областями сбиты 4 беспилотника, по два над каждой.",
            {"RU-TVE": 2, "RU-PSK": 2},
        ),
        (
            "Nine drones were downed over the Tver, Pskov and Smolensk regions, three each.",
            {"RU-TVE": 3, "RU-PSK": 3, "RU-SMO": 3},
        ),
        (
            "Над Тверской областью и Псковской областью сбиты 6 БПЛА, по три единицы в "
            "каждом регионе.",
            {"RU-TVE": 3, "RU-PSK": 3},
        ),
    ],
)
def test_each_after_a_region_belongs_to_the_next(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Ранее утром, <date>, ...": a reminder of another event, its region not the post's
        (
            "Над Липецкой областью сбиты 3 БПЛА. Ранее вечером, 2 марта, в Тамбовской "
            "области объявляли угрозу атаки беспилотников.",
            {"RU-LIP": 3},
        ),
    ],
)
def test_a_dated_reminder_with_a_part_of_day(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "drones"),
    [
        # the figure after the country and a sea is the country's: the sea's own is listed
        (
            "Над регионами России и акваторией Чёрного моря уничтожены 20 БПЛА: 12 — над "
            "Курской областью, 6 — над Брянской областью, 2 — над акваторией Чёрного моря.",
            {"RU-KRS": 12, "RU-BRY": 6, "SEA-BLACK": 2},
            20,
        ),
        # ... unless it is the only region named (the contract gives it the whole count)
        (
            "Над территорией России и акваторией Азовского моря сбиты 15 беспилотников.",
            {"SEA-AZOV": 15},
            15,
        ),
        (
            "Air defences downed 9 drones over Russian regions and the Black Sea: 7 over the "
            "Kursk region and 2 over the Black Sea.",
            {"RU-KRS": 7, "SEA-BLACK": 2},
            9,
        ),
    ],
)
def test_a_sea_joined_to_the_country(
    text: str, expected: dict[str, int | None], drones: int
) -> None:
    report = parse(text, None)
    assert ({r.code: r.drones for r in report.regions}, report.drones) == (expected, drones)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count set off by commas before its region's clause
        (
            "За ночь уничтожены 30 БПЛА. Больше всего, 20 беспилотников, сбили над Курской "
            "областью, 8 БПЛА перехвачены над Орловской областью и 2 — над Тульской.",
            {"RU-KRS": 20, "RU-ORL": 8, "RU-TUL": 2},
        ),
        # not a clause with a verb of its own
        (
            "Сбиты 12 БПЛА, из них пять уничтожены над Курской областью, семь — над Брянской.",
            {"RU-KRS": 5, "RU-BRY": 7},
        ),
    ],
)
def test_a_count_set_off_by_commas(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the region that contains a city region named beside it is no region of its own
        ("A drone was shot down over the city of Sevastopol in Crimea.", {"UA-40": 1}),
        (
            "Air defence downed 12 drones near Sevastopol in temporarily occupied Crimea.",
            {"UA-40": 12},
        ),
        ("Над Севастополем в Крыму сбиты два беспилотника.", {"UA-40": 2}),
        # ... but over Crimea with a count of its own it is
        (
            "Над Крымом сбиты 9 БПЛА, над Севастополем — 3 БПЛА.",
            {"UA-43": 9, "UA-40": 3},
        ),
        # a capital's possessive before a word of the state names the state
        (
            "Moscow's defence ministry said a drone was destroyed over the Kursk region.",
            {"RU-KRS": 1},
        ),
        (
            "For the first time since Moscow's full-scale invasion, a drone was downed over "
            "Tatarstan.",
            {"RU-TA": 1},
        ),
        # ... as does a capital as the subject of a verb of the state
        (
            "Two drones were shot down over Crimea. Moscow annexed the peninsula in 2014.",
            {"UA-43": 2},
        ),
        # ... not before its own air defence
        ("Moscow's air defence shot down a drone flying toward the city.", {"RU-MOW": 1}),
        # a region named as the neighbour of those where the drones were
        (
            "Над соседними с Удмуртией регионами сбиты 4 БПЛА: три над Пермским краем, один — "
            "над Кировской областью.",
            {"RU-PER": 3, "RU-KIR": 1},
        ),
    ],
)
def test_containers_and_states_are_no_regions(text: str, expected: dict[str, int | None]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the capital as a clock's time zone
        (
            "С 22:00 по Москве до 6:00 над Курской областью уничтожены 8 БПЛА.",
            {"RU-KRS": 8},
        ),
        # datelines under a title line: a date or an agency's name after the city
        (
            "Минобороны: над Брянской областью сбиты 5 дронов\n\nМосква. 3 мая. ИНТЕРФАКС - "
            "Над Брянской областью уничтожены 5 БПЛА.",
            {"RU-BRY": 5},
        ),
        (
            "Drones downed over Kursk Region\n\nMoscow, AGENCY - Air defences destroyed three "
            "drones over the Kursk Region.",
            {"RU-KRS": 3},
        ),
    ],
)
def test_time_zones_and_datelines_name_no_region(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # a local outlet retells the ministry's list: each region keeps its own count
        (
            "Всего за ночь сбиты 20 дронов над тремя регионами. Кроме четырёх БПЛА над "
            "Липецкой областью, 10 уничтожены над Курской и 6 - над Орловской.",
            "RU-LIP",
            {"RU-LIP": 4, "RU-KRS": 10, "RU-ORL": 6},
        ),
        # a governor's own count beside one other region is still the whole post's
        (
            "Над Липецкой областью сбиты 5 беспилотников, ещё 2 - над соседней Курской.",
            "RU-LIP",
            {"RU-LIP": 7},
        ),
    ],
)
def test_a_regional_post_retelling_a_list(
    text: str, region: str, expected: dict[str, int | None]
) -> None:
    assert {r.code: r.drones for r in parse(text, region).regions} == expected


@pytest.mark.parametrize(
    ("text", "drones", "cumulative", "expected"),
    [
        # a count given jointly for two seas adds once to the parts
        (
            "Всего за ночь над Курской областью сбиты пять беспилотников, 12 БПЛА – над "
            "акваториями Чёрного и Азовского морей. Также над Брянской областью уничтожены 20 "
            "дронов.",
            37,
            True,
            {"RU-KRS": 5, "SEA-BLACK": None, "SEA-AZOV": None, "RU-BRY": 20},
        ),
        # the post's own figure given over its regions is no part of its own
        (
            "Над Тульской областью сбит ещё один БПЛА. С 9:00 до 15:00 уничтожены 30 "
            "беспилотников над Тульской, Орловской и Калужской областями.",
            30,
            False,
            {"RU-TUL": 1, "RU-ORL": None, "RU-KLU": None},
        ),
    ],
)
def test_joint_counts_in_a_list_of_parts(
    text: str, drones: int, cumulative: bool, expected: dict[str, int | None]
) -> None:
    report = parse(text)
    assert (report.drones, report.cumulative) == (drones, cumulative)
    assert {r.code: r.drones for r in report.regions} == expected


@pytest.mark.parametrize(
    ("text", "drones", "expected"),
    [
        # a count over several regions and a sea is the total, none of the sea's own
        (
            "Air defences destroyed 40 drones overnight across several regions and over the "
            "Sea of Azov, the ministry said. The governor of Kursk said 6 drones were downed "
            "over the Kursk region.",
            40,
            {"SEA-AZOV": None, "RU-KRS": 6},
        ),
        (
            "За ночь сбиты 25 беспилотников над несколькими регионами и над Чёрным морем. "
            "Над Брянской областью, по словам губернатора, уничтожены 4 БПЛА.",
            25,
            {"SEA-BLACK": None, "RU-BRY": 4},
        ),
    ],
)
def test_a_count_over_several_regions_is_no_share(
    text: str, drones: int, expected: dict[str, int | None]
) -> None:
    report = parse(text)
    assert (report.drones, {r.code: r.drones for r in report.regions}) == (drones, expected)
