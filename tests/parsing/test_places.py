"""Places: the families of places.py, each as a table of our own sentences."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse
from dronewatch.parsing.lexicon import english_key


def test_a_damaged_hospital_leaves_the_town_a_place() -> None:
    text = "В Рыльске при атаке дрона повреждена районная больница. Пострадавших нет."
    assert parse(text, "RU-KRS").places == ["Рыльск"]


def test_the_town_of_the_hospital_is_not_the_scene() -> None:
    text = "Дрон атаковал машину в Глушково, водитель доставлен в больницу Рыльска."
    assert parse(text, "RU-KRS").places == ["Глушково"]


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


def test_a_hospital_town_is_not_a_place() -> None:
    text = "В Рыльске дрон атаковал машину. Водителя ранило, его доставили в Курск, в больницу."
    assert parse(text, "RU-KRS").places == ["Рыльск"]


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


def test_a_hashtag_is_not_a_place() -> None:
    report = parse("В деревне Череха обломки БПЛА повредили машину.\n\n#Псков #БПЛА", "RU-PSK")
    assert report.places == ["Череха"]


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


def test_a_microdistrict_name_may_end_in_a_common_noun() -> None:
    text = "В Белгороде, в микрорайоне Харьковская гора, дрон повредил фасад дома."
    assert parse(text, "RU-BEL").places == ["Белгород", "Харьковская гора"]


def test_a_settlement_name_does_not_take_the_drone_after_it() -> None:
    text = "В посёлке Октябрьский дрон атаковал автомобиль."
    assert parse(text, "RU-BEL").places == ["Октябрьский"]


def test_a_hyphenated_adjective_name_in_any_case() -> None:
    text = "Сбиты 5 БПЛА. В Каменске-Шахтинском обломками повреждена кровля дома."
    assert parse(text, "RU-ROS").places == ["Каменск-Шахтинский"]


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


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("A drone hit a house in Aleksin, Tula region, overnight.", ["Алексин"]),
        ("Drone debris fell over Lipetsk and damaged a plant in the city.", ["Липецк"]),
        ("Drones struck a depot near Novokuibyshevsk in Samara region.", ["Новокуйбышевск"]),
        ("A drone damaged a warehouse in Almetyevsk, the republic said.", ["Альметьевск"]),
        # regions, seas and objects named like towns
        ("Four drones were downed over Crimea and two over the Sea of Azov.", []),
        ("Drones were destroyed over the region of Belgorod, the ministry said.", []),
        ("Two each were downed over Pskov, Tula and Kursk Regions.", []),
        ("Flights were halted at Vnukovo and Domodedovo airports after a drone attack.", []),
        ("A drone caused a fire at Novoshakhtinsk Oil Refinery overnight.", []),
    ],
)
def test_english_towns_without_a_channel_region(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Novokuibyshevsk", "Novokuybyshevsk"),
        ("Yelets", "Elets"),
        ("Pervomaiskoye", "Pervomayskoe"),
        ("Al’met’yevsk", "Almetyevsk"),
    ],
)
def test_romanised_spellings_share_a_key(one: str, other: str) -> None:
    assert english_key(one) == english_key(other)


def test_a_town_is_found_in_every_case_by_its_place_reading() -> None:
    # Ефремов is also a form of the first name Ефрем: the town is keyed by its place reading.
    assert parse("В Ефремове обломки БПЛА повредили окна дома.", "RU-TUL").places == ["Ефремов"]


@pytest.mark.parametrize(
    ("text", "region", "place"),
    [
        (
            "Drone debris damaged a house in Voronezh's Levoberezhny district.",
            "RU-VOR",
            "Левобережный район",
        ),
        ("A drone hit a car in the Tsentralny district of the city.", None, "Центральный район"),
        ("A drone was downed over the Oktyabrsky district.", "RU-KRS", "Октябрьский район"),
        ("A drone was downed over the Shebekinsky district.", "RU-BEL", "Шебекинский район"),
    ],
)
def test_romanised_district_adjectives(text: str, region: str | None, place: str) -> None:
    assert place in parse(text, region).places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # "-y" after a stem that is no adjective's: a plural noun ("Lozy" -> "Лозы")
        (
            "Drones struck a pumping station near the villages of Ostrovnaya and Lozy, the"
            " governor of the Bryansk region said.",
            ["Островная", "Лозы"],
        ),
        # ... an adjective's stem keeps "-ый"
        (
            "A drone damaged a barn in the village of Krasny Bor in the Kursk region.",
            ["Красный Бор"],
        ),
    ],
)
def test_romanised_plural_village_names(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        # soft adjectives, plural adjectives, "ь" and "тс" the romanisation drops
        ("Sredny Ikorets", "Средний Икорец"),
        ("Verkhnyaya Tishanka", "Верхняя Тишанка"),
        ("Malye Bobry", "Малые Бобры"),
        ("Bolshaya Kamenka", "Большая Каменка"),
        ("Bratskoye", "Братское"),
    ],
)
def test_romanised_adjectives_spelled(name: str, russian: str) -> None:
    assert parse(f"A drone hit a barn in the village of {name}, the governor said.").places == [
        russian
    ]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a qualified district type, and the city a city district is "of"
        ("A drone hit the Valuyki urban district, damaging a barn.", ["Валуйский район"]),
        (
            "Drone debris fell in the Sovetsky district of Bryansk, damaging a roof.",
            ["Советский район", "Брянск"],
        ),
    ],
)
def test_english_districts_qualified_and_of_a_city(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a village the gazetteer lacks, declined in its type word's case
        (
            "В селе Сосновке обломки беспилотника повредили крышу дома.",
            "RU-KRS",
            ["Сосновка"],
        ),
        (
            "Вблизи деревни Жуковки дрон атаковал трактор, повреждена кабина.",
            "RU-BRY",
            ["Жуковка"],
        ),
        (
            "Дрон-камикадзе ударил по деревне Марьевке, повреждён забор частного дома.",
            "RU-KRS",
            ["Марьевка"],
        ),
        # a name left in the nominative after its type word stays as written
        (
            "Беспилотник атаковал хутор у хутора Дубрава, повреждён сарай.",
            "RU-BEL",
            ["Дубрава"],
        ),
        (
            "Дрон сбросил взрывное устройство на окраине села Подлесное, повреждён дом.",
            "RU-KRS",
            ["Подлесное"],
        ),
    ],
)
def test_declined_names_after_their_type_word(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # an official's title names no scene
        (
            "Об атаке беспилотников сообщил мэр города Игорь Петров: повреждены два дома.",
            "RU-KDA",
            [],
        ),
        (
            "Глава администрации Грайворонского округа рассказал, что дрон атаковал автомобиль "
            "в селе Козинка.",
            "RU-BEL",
            ["Козинка"],
        ),
        (
            "В Брянске сбит беспилотник, сообщил глава города Брянска; повреждены окна.",
            "RU-BRY",
            ["Брянск"],
        ),
        # a first name and a surname after a settlement type word
        (
            "Беспилотник уничтожен над посёлком, сообщил губернатор города Сергей Иванов.",
            "UA-40",
            [],
        ),
        # a name alone in quotes names a hotel, a company, a checkpoint
        (
            "Беспилотник упал у гостиницы «Брянск», повреждены окна.",
            "RU-BRY",
            [],
        ),
        # a surname in an oblique case is no village named like it
        (
            "По словам Котова, беспилотник сбит, обломки повредили крышу дома.",
            "RU-VGG",
            [],
        ),
        # an agency's dateline
        (
            "Курск. 3 июня. ИНТЕРФАКС - Беспилотник атаковал автомобиль в Рыльске.",
            "RU-KRS",
            ["Рыльск"],
        ),
    ],
)
def test_titles_people_and_datelines_are_no_places(
    text: str, region: str, places: list[str]
) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a town's adjective naming an object, a street or a road
        ("После атаки дронов загорелся резервуар Афипского НПЗ.", "RU-KDA", []),
        (
            "Беспилотник упал на территорию Новошахтинского завода нефтепродуктов, возник пожар.",
            "RU-ROS",
            [],
        ),
        (
            "Обломки сбитого дрона повредили автомобиль на Северном шоссе в Раменском.",
            "RU-MOS",
            ["Раменское"],
        ),
        # an adjective-shaped town after a preposition, with no noun after it
        ("Над Узловой уничтожен беспилотник.", "RU-TUL", ["Узловая"]),
        ("В Узловой обломки БПЛА повредили кровлю дома.", "RU-TUL", ["Узловая"]),
    ],
)
def test_objects_streets_and_adjective_shaped_towns(
    text: str, region: str, places: list[str]
) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # the short name posts use for the regional centre
        ("Над Ростовом ночью сбиты два беспилотника.", "RU-ROS", ["Ростов-на-Дону"]),
        ("Drone debris fell on a school yard in Rostov.", "RU-ROS", ["Ростов-на-Дону"]),
        # GeoNames' "Город Шебекино" is the town
        ("Город Шебекино атакован FPV-дроном, повреждён гараж.", "RU-BEL", ["Шебекино"]),
    ],
)
def test_gazetteer_names(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a national tally names regions by their centres
        (
            "Air defences downed 40 drones overnight: 12 over the Kursk region, 9 over Oryol "
            "and 7 over Tula.",
            [],
        ),
        ("A drone attack on Tula damaged a house, the ministry said.", ["Тула"]),
    ],
)
def test_english_national_tallies(text: str, places: list[str]) -> None:
    assert parse(text, None).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # English: two-word village names, "the X area", the region around a federal city
        (
            "A kamikaze drone struck a tractor in the village of Novaya Derevnya.",
            "RU-BRY",
            ["Новая Деревня"],
        ),
        (
            "The drone was downed in the Podolsk area, debris damaged a roof.",
            "RU-MOW",
            ["Подольск"],
        ),
        (
            "Обломки сбитого беспилотника, летевшего на Москву, упали в районе Домодедово.",
            "RU-MOW",
            ["Домодедово"],
        ),
        # settlements named in brackets after their district
        (
            "Беспилотники атаковали Цивильский округ (Опытный, Таушкасы), повреждены крыши.",
            "RU-CU",
            ["Цивильский муниципальный округ", "Опытный", "Таушкасы"],
        ),
        (
            "Дрон упал в Цивильском округе (Чувашия), повреждён забор.",
            "RU-CU",
            ["Цивильский муниципальный округ"],
        ),
    ],
)
def test_vicinity_and_bracketed_names(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a village the gazetteer lacks, named before its district
        (
            "В Ивашковке Рыльского района дрон атаковал легковой автомобиль.",
            "RU-KRS",
            ["Ивашковка", "Рыльский район"],
        ),
        (
            "Беспилотник перехвачен над Горками в Раменском городском округе.",
            "RU-MOS",
            ["Горки", "Раменский городской округ"],
        ),
        # a railway station named as a settlement
        (
            "Обломки беспилотника упали у станции Новосиль, повреждены рельсы.",
            "RU-ORL",
            ["Новосиль"],
        ),
        # an English city district named by a noun
        (
            "Two drones were downed over the Mamulino District of Tver.",
            "RU-TVE",
            ["Мамулино", "Тверь"],
        ),
    ],
)
def test_villages_before_districts_and_stations(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a sentence that only warns or restricts names no scene, when another one does
        (
            "В Липецке и Ельце объявлена угроза атаки БПЛА. Беспилотник сбит над Данковом, "
            "повреждена крыша дома.",
            "RU-LIP",
            ["Данков"],
        ),
        (
            "Над Каспийском уничтожен беспилотник. Аэропорт Махачкалы временно ограничил полёты.",
            "RU-DA",
            ["Каспийск"],
        ),
        (
            "В Рыльске дрон атаковал легковой автомобиль. В Курске звучали сирены.",
            "RU-KRS",
            ["Рыльск"],
        ),
        # with no other scene, the warned districts are where the drones were downed
        (
            "В Лискинском районе — отмена угрозы удара БПЛА. Силы ПВО перехватили там "
            "пять беспилотников.",
            "RU-VOR",
            ["Лискинский район"],
        ),
    ],
)
def test_warning_sentences(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # lists go on past "и" without a channel region, and near a settlement
        (
            "Минобороны: над Калугой и Обнинском уничтожены шесть беспилотников.",
            None,
            ["Калуга", "Обнинск"],
        ),
        (
            "Два дрона сбиты в районе Орловки и Андреевки, повреждений нет.",
            "UA-40",
            ["Орловка", "Андреевка"],
        ),
        # a village the gazetteer lacks after its district
        (
            "В Глушковском районе в Кульбаках дрон ударил по хозяйственной постройке.",
            "RU-KRS",
            ["Глушковский район", "Кульбаки"],
        ),
        # the target of strikes after "по"
        (
            "Дроны ВСУ атаковали регион: удары пришлись по Ельцу, повреждена крыша школы.",
            "RU-LIP",
            ["Елец"],
        ),
        # a village's neuter name before an urban okrug's type word is no okrug
        (
            "У деревни Петровское городского округа Клин сбит беспилотник.",
            "RU-MOS",
            ["Петровское", "Клин"],
        ),
        # where the injured were evacuated to is no scene
        (
            "В Рыльске дрон атаковал автомобиль, водителя эвакуировали в Курчатов.",
            "RU-KRS",
            ["Рыльск"],
        ),
    ],
)
def test_lists_targets_and_evacuations(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        ("The drones were shot down over the Kolomna and Serpukhov districts.", "RU-MOS",
         ["городской округ Коломна", "городской округ Серпухов"]),
        ("A drone hit a house in the village of Krasny Oktyabr.", None, ["Красный Октябрь"]),
        ("A fuel depot in Feodosia caught fire after a drone attack.", None, ["Феодосия"]),
        ("Ukrainian drones attacked Novorossiysk and Gelendzhik overnight.", None,
         ["Новороссийск", "Геленджик"]),
        ("В Алешках дрон атаковал автомобиль скорой помощи.", "UA-65", ["Алешки"]),
        ("Drones attacked the Tuapse sea port overnight.", None, []),
        ("Drones hit Tuapse overnight, damaging the port.", None, ["Туапсе"]),
        ("Беспилотник атаковал промзону в Невинномыске.", "RU-STA", ["Невинномысск"]),
    ],
)  # fmt: skip
def test_english_names_and_spellings(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # microdistricts named by an adjective before the type word, and before their city
        (
            "В Западном микрорайоне Ростова обломки беспилотника повредили гаражи.",
            "RU-ROS",
            ["Западный", "Ростов-на-Дону"],
        ),
        (
            "В микрорайоне Сельмаш Ростова-на-Дону упали обломки дрона, повреждён дом.",
            "RU-ROS",
            ["Сельмаш", "Ростов-на-Дону"],
        ),
        # titles in English and with "руководитель"
        (
            "A drone struck a car in Shebekino, the mayor of Belgorod said.",
            "RU-BEL",
            ["Шебекино"],
        ),
        (
            "Руководитель администрации Ракитянского округа сообщил о сбитом беспилотнике.",
            "RU-BEL",
            [],
        ),
    ],
)
def test_microdistricts_and_more_titles(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # GeoNames' Ukrainian romanisation ("Luhansk") still finds the Russian name
        ("Над Луганском перехвачен беспилотник, повреждена кровля.", "UA-09", ["Луганск"]),
        ("Дрон ударил по рынку в Васильевке, ранены двое.", "UA-23", ["Васильевка"]),
        # plural dwellers' names stay in the nominative after a type word
        (
            "FPV-дрон атаковал трактор в селе Сычане, пострадал водитель.",
            "RU-BRY",
            ["Сычане"],
        ),
    ],
)
def test_gazetteer_spellings(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # "населённый пункт" as a type word; a region after it is no settlement
        (
            "В населённом пункте Подоляны дрон атаковал легковой автомобиль.",
            "RU-KRS",
            ["Подоляны"],
        ),
        (
            "Дроны атаковали несколько населённых пунктов Курской области, повреждены дома.",
            "RU-KRS",
            [],
        ),
        # a hyphenated name near which a drone was downed, back in the nominative
        ("В районе Сары-Кобы сбит беспилотник.", "UA-40", ["Сары-Коба"]),
    ],
)
def test_typed_and_hyphenated_names(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # without a channel region, a town that owns the object hit
        ("После атаки беспилотников загорелся резервуар нефтебазы Феодосии.", ["Феодосия"]),
        ("Дроны атаковали морской порт Туапсе, возник пожар.", ["Туапсе"]),
    ],
)
def test_owner_of_the_object_hit(text: str, places: list[str]) -> None:
    assert parse(text, None).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Над Наро-Фоминским г.о. уничтожен беспилотник.", ["Наро-Фоминский городской округ"]),
        ("В Коломенском г. о. обломки дрона повредили крышу.", ["Коломенский городской округ"]),
    ],
)
def test_urban_okrug_abbreviation(text: str, places: list[str]) -> None:
    assert parse(text, "RU-MOS").places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        (
            "Kamikaze drones struck the villages of Gordeyevka, Gorodishche and Tetkino.",
            "RU-KRS",
            ["Гордеевка", "Городище", "Теткино"],
        ),
        (
            "The settlements of Bezymeno and Novaya Tavolzhanka came under drone attack.",
            "RU-BEL",
            ["Безымено", "Новая Таволжанка"],
        ),
    ],
)
def test_english_lists_of_villages(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a comma after a typed name need not open a list
        (
            "Drone debris fell on a house in the village of Krupets, Governor Khinshtein said.",
            "RU-KRS",
            ["Крупец"],
        ),
        (
            "In the town of Klintsy, air defences downed a drone and a balcony was damaged.",
            "RU-BRY",
            ["Клинцы"],
        ),
    ],
)
def test_english_typed_name_before_a_comma(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a town's vicinity, without a channel region too
        ("Беспилотник сбит на подлёте к Рыбинску, сообщили в Минобороны.", None, ["Рыбинск"]),
        ("Обломки упали на окраине Ярославля, беспилотник сбит ПВО.", None, ["Ярославль"]),
        ("На подлёте к Москве сбиты два беспилотника.", None, []),
        (
            "Неподалёку от Марьевки Глушковского района дрон сбросил взрывчатку на дом.",
            "RU-KRS",
            ["Марьевка", "Глушковский район"],
        ),
    ],
)
def test_vicinity_of_a_town(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # English names of two words, and GeoNames' "ë"
        ("A drone attacked a bus in Stary Oskol.", "RU-BEL", ["Старый Оскол"]),
        ("Drones attacked Krasnaya Yaruga and Stary Oskol.", None,
         ["Красная Яруга", "Старый Оскол"]),
        # a region's name is its city in that region's own channel
        ("Drone debris damaged a roof in Oryol.", "RU-ORL", ["Орел"]),
        ("Two drones were downed over Oryol overnight.", None, []),
        ("Two drones heading for Moscow were shot down over Moscow.", "RU-MOW", []),
    ],
)  # fmt: skip
def test_english_town_names(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a district after a typed town in one list is the district, not a second town
        (
            "Беспилотники атаковали город Шебекино и Шебекинский округ, повреждены дома.",
            "RU-BEL",
            ["Шебекино", "Шебекинский муниципальный округ"],
        ),
        # a short name of a longer one ("Каменск"), before a district's adjective too
        (
            "Беспилотники уничтожены в Шахтах, Каменске и Тарасовском районе.",
            "RU-ROS",
            ["Шахты", "Каменск-Шахтинский", "Тарасовский район"],
        ),
        # a name of two words the gazetteer now holds, declined
        ("Обломки дрона упали у Сырского Рудника на дорогу.", "RU-LIP", ["Сырский Рудник"]),
        # a list of district adjectives broken across lines
        ("Дроны перехвачены над Азовским,\nАксайским и\nЗерноградским районами.", "RU-ROS",
         ["Азовский район", "Аксайский район", "Зерноградский район"]),
        # an official's visit is background, when a scene is named elsewhere
        ("Над Саратовом сбит беспилотник. Губернатор посетил Балаково.", "RU-SAR", ["Саратов"]),
        # shelling with no drone and no damage told: artillery's scenes
        ("Над районом сбиты 9 дронов. Обстрелу подверглись сёла Плёхово и Гуево.", "RU-KRS", []),
        # ... but damage told there, or a drone named there, keeps them
        ("Сбиты 4 дрона. При обстреле в селе Плёхово повреждены два дома.", "RU-KRS",
         ["Плёхово"]),
        ("Сбиты 3 дрона. Атакам дронов подверглось село Плёхово.", "RU-KRS", ["Плёхово"]),
        # where someone lives or was taken, beside the scene
        ("Житель Брянска ранен: дрон атаковал его машину в Клинцах.", "RU-BRY", ["Клинцы"]),
        ("Дрон ударил по Суземке. Раненую отвезли в Брянск.", "RU-BRY", ["Суземка"]),
        # a city district by its usual abbreviation
        ("Сбит беспилотник, посечены окна домов в ЖД округе.", "RU-KRS",
         ["Железнодорожный муниципальный округ"]),
        # a town inside a short quoted name is a newspaper's or a firm's
        (
            "Над районом сбит беспилотник. Ранее «Вести в Брянске» писали о взрывах.",
            "RU-BRY",
            [],
        ),
        ("Глава региона: «Сбит дрон над Брянском».", "RU-BRY", ["Брянск"]),
        # the town that owns an airport closed is no scene, even alone
        (
            "Над городом сбит беспилотник. В аэропорту Казани ограничили приём рейсов.",
            "RU-TA",
            [],
        ),
        # a masculine name the gazetteer lacks, in its type word's case
        ("В посёлке Коммунаре дрон атаковал легковой автомобиль.", "RU-KRS", ["Коммунар"]),
        ("Над хутором Маяком перехвачен беспилотник.", "RU-ROS", ["Маяк"]),
        # a gazetteer name of another gender gives way to the name that agrees with its type
        ("В селе Октябрьском обломки дрона повредили крышу.", "RU-BEL", ["Октябрьское"]),
        ("В посёлке Октябрьском обломки дрона повредили крышу.", "RU-BEL", ["Октябрьский"]),
        # a village of an adjective and a noun the gazetteer lacks, after a preposition
        ("В Новой Сыролиповке дрон повредил крышу дома.", "RU-BEL", ["Новая Сыролиповка"]),
        ("Над Верхними Грязями сбит беспилотник.", "RU-KRS", ["Верхние Грязи"]),
        ("Обломки дрона нашли в районе Новой Сыролиповки.", "RU-BEL", ["Новая Сыролиповка"]),
        # after a genitive type word a name keeps its own case
        ("У посёлка Кирова упали обломки дрона, повреждена крыша.", "RU-KRS", ["Кирова"]),
    ],
)  # fmt: skip
def test_lists_short_names_titles_and_airports(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("A drone crashed into a block of flats in central Voronezh, the mayor said.",
         ["Воронеж"]),
        ("Falling drone debris started a fire at a depot in Russia's Volgograd on Monday.",
         ["Волгоград"]),
        ("A drone hit a barn in the village of Pokrovskoye, Belgorod region.", ["Покровское"]),
        ("In Kursk's Rylsk district, a drone hit a lorry.", ["Рыльский район"]),
        ("A drone hit a barn in the Belgorod region's Valuyki district.", ["Валуйский район"]),
        ("Air defences downed four drones over Tula Oblast and two over Nizhny Novgorod Oblast.",
         []),
    ],
)  # fmt: skip
def test_english_modifiers_and_two_word_regions(text: str, places: list[str]) -> None:
    assert parse(text, None).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        pytest.param(
            "Дрон сбросил взрывчатку у деревни Горелки, повреждён сарай.",
            "RU-BRY",
            ["Горелки"],
            marks=pytest.mark.xfail(
                strict=True, reason="a plural name after a genitive type word reads as singular"
            ),
        ),
    ],
)
def test_known_place_failures(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # an "-ский" name the dictionary knows only as a surname agrees with its type word
        ("В селе Лозовском беспилотник повредил крышу сарая.", "RU-KRS", ["Лозовское"]),
        ("Над станицей Гремской сбит беспилотник, повреждён дом.", "RU-KDA", ["Гремская"]),
        ("В посёлке Заречанском обломки дрона повредили забор.", "RU-BEL", ["Заречанский"]),
        # known adjectives keep agreeing as before
        ("В селе Никольском обломки дрона повредили забор.", "RU-BEL", ["Никольское"]),
    ],
)
def test_surname_shaped_names_agree_with_their_type_word(
    text: str, region: str, places: list[str]
) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # an adjective also read as a masculine nominative ("большой") still agrees
        ("В Большой Кардашинке беспилотник ударил по грузовику.", "UA-65", ["Большая Кардашинка"]),
        ("В Малой Сосновке обломки дрона повредили крышу дома.", "RU-KRS", ["Малая Сосновка"]),
    ],
)
def test_adjective_and_noun_names_agree(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a media outlet's name in straight quotes names no scene
        (
            'Обломки дрона упали в деревне Сидорово, повреждён сарай. Пишет паблик "Чехов '
            'Сегодня".',
            "RU-MOS",
            ["Сидорово"],
        ),
        # a quoted sentence keeps its places
        (
            'Губернатор написал: "Беспилотник сбит над Брянском, повреждена крыша дома".',
            "RU-BRY",
            ["Брянск"],
        ),
    ],
)
def test_straight_quoted_titles(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # airports listed by name under restrictions are no scenes
        (
            "Над столицей сбиты три беспилотника. Аэропорты Шереметьево и Внуково ввели "
            "ограничения на полёты.",
            "RU-MOW",
            [],
        ),
        (
            "Обломки беспилотника упали в Домодедово, повреждён забор. Аэропорты Жуковский и "
            "Внуково временно не принимают рейсы.",
            "RU-MOS",
            ["Домодедово"],
        ),
    ],
)
def test_airports_listed_by_name(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a town after "под" locating a village just named is no scene of its own
        (
            "Беспилотник атаковал грузовик в районе села Ивановка под Курском, ранен водитель.",
            "RU-KRS",
            ["Ивановка"],
        ),
        ("Дрон ударил по машине в Дубовом под Белгородом, ранен водитель.", "RU-BEL", ["Дубовое"]),
        # the vicinity of a town alone stays its place
        ("Беспилотник сбит под Курском, повреждена крыша дома.", "RU-KRS", ["Курск"]),
    ],
)
def test_town_locating_a_village(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a place denied as the scene
        (
            "Два дрона атаковали предприятие в республике, повреждена кровля цеха. Глава уточнил, "
            "что предприятие расположено не в Сарапуле.",
            "RU-UD",
            [],
        ),
        (
            "Беспилотник упал не в Курске, а в селе Ивановка, повреждён сарай.",
            "RU-KRS",
            ["Ивановка"],
        ),
    ],
)
def test_negated_places(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # Sevastopol's own villages, which GeoNames files under Crimea or lacks
        (
            "Обломки сбитого беспилотника повредили крышу дома в Любимовке и забор в Орловке.",
            "UA-40",
            ["Любимовка", "Орловка"],
        ),
    ],
)
def test_sevastopol_villages(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # district adjectives listed after a plural type word and a colon
        (
            "Ночью беспилотники перехвачены в следующих районах: Миллеровском, Чертковском и"
            " Шолоховском.",
            "RU-ROS",
            ["Миллеровский район", "Чертковский район", "Шолоховский район"],
        ),
        # a bracketed qualifier, typographic hyphens, a town-shaped adjective
        (
            "Атаку дронов отразили в районах: Каменском (сельском), Усть\u2011Донецком и"
            " Родионово\u2010Несветайском.",
            "RU-ROS",
            ["Каменский район", "Усть-Донецкий район", "Родионово-Несветайский район"],
        ),
        (
            "Беспилотники сбиты над округами: Курчатовским и Льговским.",
            "RU-KRS",
            ["Курчатовский муниципальный округ", "Льговский муниципальный округ"],
        ),
        # the region's genitive before the colon, each member's count after a dash
        (
            "БПЛА уничтожены над районами области: Суджанским — 3, Рыльским — 2.",
            "RU-KRS",
            ["Суджанский район", "Рыльский район"],
        ),
    ],
)
def test_districts_listed_after_a_colon(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a rural or urban settlement (municipality) named by its adjective
        (
            "Обломки БПЛА упали в Челбасском сельском поселении Каневского района.",
            "RU-KDA",
            ["Челбасское сельское поселение", "Каневский район"],
        ),
        (
            "Фрагменты дрона найдены на территории Новоминского городского поселения, жертв нет.",
            "RU-KDA",
            ["Новоминское городское поселение"],
        ),
    ],
)
def test_municipalities(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places", "drones"),
    [
        # a reminder inside the paragraph tells an earlier event: its places and drones
        # were counted then
        (
            "В селе Муром дрон атаковал грузовик. Напомним, накануне в Грайвороне дрон"
            " повредил гараж.",
            "RU-BEL",
            ["Муром"],
            1,
        ),
        # "Ранее губернатор сообщил" is the same news, told before
        (
            "В Валуйках повреждена ЛЭП. Ранее губернатор сообщил, что над Валуйками сбит"
            " беспилотник.",
            "RU-BEL",
            ["Валуйки"],
            1,
        ),
    ],
)
def test_reminder_inside_a_paragraph(
    text: str, region: str, places: list[str], drones: int | None
) -> None:
    report = parse(text, region)
    assert (report.places, report.drones) == (places, drones)


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a plural name in its type word's prepositional or instrumental case
        ("В деревне Горелках дрон повредил сарай.", "RU-BRY", ["Горелки"]),
        ("Над селом Поповками сбит беспилотник.", "RU-BRY", ["Поповки"]),
    ],
)
def test_plural_names_after_a_type_word(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a town GeoNames spells otherwise, corrected by hand ("Гагарын" for Gagarin)
        ("Беспилотник сбит над Гагарином, повреждена крыша дома.", "RU-SMO", ["Гагарин"]),
        ("A drone was shot down near Gagarin, the governor said.", None, ["Гагарин"]),
        # ... and the spelling it had kept as an alias of the canonical name
        ("Дрон атаковал грузовик в Олешках.", "UA-65", ["Алешки"]),
    ],
)
def test_gazetteer_spellings_corrected(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a place after the hospital word, past an event word, is where the event was
        (
            "A woman was hospitalised after a drone struck her car in the village of Glotovo.",
            None,
            ["Глотово"],
        ),
        # ... the hospital's town is no scene
        (
            "В Льгове дрон атаковал машину, раненого доставили в больницу Курска.",
            "RU-KRS",
            ["Льгов"],
        ),
    ],
)
def test_places_past_a_hospital_word(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a town after a region's possessive is a town of the region
        ("Drones attacked the Bryansk region's Klintsy overnight.", ["Клинцы"]),
        ("Drone debris fell in the Kursk region's Rylsk, the region's Governor said.", ["Рыльск"]),
    ],
)
def test_english_town_after_a_region_possessive(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a danger announced after the event told names no scene
        (
            "Над областью сбит беспилотник, повреждена ЛЭП. "
            "Угроза удара БПЛА объявлена в Борисоглебске и Лискинском районе.",
            "RU-VOR",
            [],
        ),
        # ... an all-clear names where the drones were downed
        (
            "Над областью сбиты пять дронов. В Лискинском районе — отмена угрозы удара БПЛА.",
            "RU-VOR",
            ["Лискинский район"],
        ),
        # a North Caucasus village by its type word
        ("Над селением Хурикау ПВО уничтожила беспилотник.", "RU-SE", ["Хурикау"]),
        # a name GeoNames writes in capitals comes out as a name
        ("В посёлке Верхнебаканский упали обломки дрона.", "RU-KDA", ["Верхнебаканский"]),
    ],
)
def test_places_of_warnings_and_villages(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # district adjectives listed after a plural type word and a dash
        (
            "Ночью беспилотники сбиты в трёх районах — Кашарском, Боковском и Верхнедонском.",
            ["Кашарский район", "Боковский район", "Верхнедонской район"],
        ),
        # ... and after a colon, as before
        (
            "Беспилотники сбиты в следующих районах: Кашарском и Боковском.",
            ["Кашарский район", "Боковский район"],
        ),
    ],
)
def test_districts_listed_after_a_dash(text: str, places: list[str]) -> None:
    assert parse(text, "RU-ROS").places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # an adjective-shaped town: the reading of its type word's gender, however unlikely
        ("Ночью по окраине города Грозного ударил беспилотник.", "RU-CE", ["Грозный"]),
        # "-ой" after a neuter or masculine type word is no oblique adjective: as written
        ("Обломки дрона упали во двор дома в селе Дубровкой.", "RU-KDA", ["Дубровкой"]),
        ("Беспилотник сбит над посёлком Лесной.", "RU-KDA", ["Лесной"]),
        # a feminine type word still declines its adjective
        ("В станице Полтавской повреждена крыша дома после атаки БПЛА.", "RU-KDA", ["Полтавская"]),
        # a region after a settlement's type word is no settlement
        ("В населённых пунктах Ингушетии упали обломки беспилотника.", "RU-IN", []),
        ("В городе Севастополе сбит беспилотник.", "UA-40", []),
        # the centre of a town is the town
        ("Дрон атаковал центр Грозного, повреждена автозаправка.", "RU-CE", ["Грозный"]),
    ],
)
def test_agreement_regions_and_town_centres(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Kherson's villages by their Russian names (GeoNames spells them in Ukrainian)
        (
            "Ударам дронов подверглись Корсунка, Заплава, Подстепное и Счастливое.",
            ["Корсунка", "Заплава", "Подстепное", "Счастливое"],
        ),
        ("В Казачьих Лагерях дрон атаковал автомобиль.", ["Казачьи Лагеря"]),
        ("Беспилотник сбросил боеприпас на дом в Старой Збурьевке.", ["Старая Збурьевка"]),
        # the head of a list of known names, after a verb
        (
            "Атакам дронов подверглись Алешки, Корсунка и Днепряны.",
            ["Алешки", "Корсунка", "Днепряны"],
        ),
    ],
)
def test_kherson_villages_in_russian(text: str, places: list[str]) -> None:
    assert parse(text, "UA-65").places == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a federal district groups regions: no district of one
        ("Drones were destroyed over the regions of the Central Federal District.", []),
        (
            "Fires broke out in the Southern Federal District; a drone hit the Kamensky district.",
            ["Каменский район"],
        ),
        # a federal city is a region, even after "city of"
        ("Air defence downed a UAV over the Russian city of Sevastopol.", []),
        # the type word after a village's name
        ("The drone was shot down over Tulyanka village overnight.", ["Тулянка"]),
        ("A drone was downed near the Kozinka village.", ["Козинка"]),
    ],
)
def test_english_federal_districts_cities_and_villages(text: str, places: list[str]) -> None:
    assert parse(text).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # an evacuation from a town where, as the relative clause says, the drone fell
        (
            "Жильцов двух домов эвакуировали в Железногорске, где во дворе упал беспилотник.",
            "RU-KRS",
            ["Железногорск"],
        ),
        # where a town lies names no scene
        (
            "В посёлке Хомутовка упал беспилотник. Посёлок находится в 80 км от Курска.",
            "RU-KRS",
            ["Хомутовка"],
        ),
        # a reporter's byline closing the post
        (
            "Дрон атаковал автомобиль в посёлке Погар.\nБрянск, Ирина Соколова",
            "RU-BRY",
            ["Погар"],
        ),
        # unmanned boats repelled near a town: the boats' scene, not the drones'
        (
            "Обломки БПЛА упали в Крымском районе. У Новороссийска отражена атака "
            "безэкипажных катеров.",
            "RU-KDA",
            ["Крымский район"],
        ),
    ],
)
def test_relative_clauses_geography_bylines_and_boats(
    text: str, region: str, places: list[str]
) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a rural qualifier stays in the name, after each member of a list too
        (
            "Беспилотники сбиты в Тарасовском, Октябрьском сельском и Боковском районах.",
            "RU-ROS",
            ["Тарасовский район", "Октябрьский сельский район", "Боковский район"],
        ),
        (
            "Обломки БПЛА нашли в поле Южного сельского округа.",
            "RU-KDA",
            ["Южный сельский округ"],
        ),
        # an adjective with its own noun after a list of typed names: a lagoon, a lake
        (
            "Обломки дронов нашли в посёлке Таманский и Ахтанизовском лимане.",
            "RU-KDA",
            ["Таманский"],
        ),
    ],
)
def test_rural_qualifiers_and_named_waters(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # settlements only left without power are no scenes
        (
            "Беспилотники сбиты над Тарасовским районом. После атаки без электричества "
            "остались хутора Верхний и Нижний Луг.",
            "RU-ROS",
            ["Тарасовский район"],
        ),
        # ... the town named before the outage is where the strike was
        (
            "После удара дрона по подстанции в Шебекино обесточены несколько улиц.",
            "RU-BEL",
            ["Шебекино"],
        ),
    ],
)
def test_places_only_left_without_power(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a village the gazetteer lacks, listed after a town found, in the list's case
        (
            "В Валуйках, Уразово, Заречье и других сёлах дроны повредили дома.",
            "RU-BEL",
            ["Валуйки", "Уразово", "Заречье"],
        ),
        # a person's name after a comma is no list member
        ("В Белгороде, Гладков уточнил, дрон повредил дом.", "RU-BEL", ["Белгород"]),
    ],
)
def test_unlisted_villages_continue_a_list(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # the town that owns the port hit, though its name is also a first name
        ("Обломки дрона повредили баржу в порту Оля.", "RU-AST", ["Оля"]),
        # English districts listed with a serial comma; a town heading the list stays a town
        (
            "Drones were downed in Shakhty, Bokovsky, Kasharsky, and Chertkovsky Districts.",
            None,
            ["Шахты", "Боковский район", "Кашарский район", "Чертковский район"],
        ),
    ],
)
def test_port_owners_and_serial_commas(text: str, region: str | None, places: list[str]) -> None:
    assert parse(text, region).places == places


@pytest.mark.parametrize(
    ("text", "region", "places"),
    [
        # a town that only locates a village named in the post is no scene
        (
            "Под Брянском погиб водитель. FPV-дрон атаковал автомобиль в селе Кистёр.",
            "RU-BRY",
            ["Кистёр"],
        ),
        # ... but stays beside a district named after it, or alone
        (
            "Дрон атаковал автомобиль под Грайвороном, в Грайворонском округе.",
            "RU-BEL",
            ["Грайворон", "Грайворонский муниципальный округ"],
        ),
        ("Под Брянском сбит беспилотник.", "RU-BRY", ["Брянск"]),
    ],
)
def test_towns_that_only_locate_the_scene(text: str, region: str, places: list[str]) -> None:
    assert parse(text, region).places == places
