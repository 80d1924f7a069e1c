"""Drone mentions and their events (drones.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


def test_people_wounded_are_not_a_drone_count() -> None:
    report = parse("Three were wounded when a drone struck a van in Shebekino.", None)
    assert report.drones == 1
    assert report.injured == 3


def test_a_place_adjective_before_bpla_does_not_make_it_singular() -> None:
    assert parse("Над Котовском БПЛА были сбиты силами ПВО.", "RU-TAM").drones is None


def test_english_totals_with_numbers_in_the_phrase() -> None:
    text = "The ministry said 120 drones were destroyed over Russian regions in the past 24 hours."
    assert parse(text).cumulative is True


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
        # verbs of downing outside the first list
        ("Средствами РЭБ посадили три беспилотника у села, пострадавших нет.", 3),
        ("Над районом силы ПВО подавили семь дронов.", 7),
        ("Зенитчики поразили два БПЛА на подлёте к городу.", 2),
        ("Air defences eliminated five drones near the town overnight.", 5),
        ("The ministry reported downing nine drones, four of them over the region.", 9),
        ("Губернатор сообщил о перехвате трёх беспилотников над морем.", 3),
        ("Ночью над посёлком обезвредили четыре беспилотника.", 4),
        # "воздушных целей": a weak noun in the genitive plural, after its adjective
        ("Над областью уничтожены беспилотники: всего сбито 12 воздушных целей.", 12),
    ],
)
def test_downing_verbs_and_nouns(text: str, drones: int) -> None:
    assert parse(text, "RU-BRY").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Three Ukrainian Armed Forces drones were shot down over the region.", 3),
        ("Air defence units destroyed six AFU drones near the border.", 6),
        ("Seven long-range drones were intercepted overnight.", 7),
    ],
)
def test_english_words_between_the_number_and_the_noun(text: str, drones: int) -> None:
    assert parse(text, "RU-ORL").drones == drones


@pytest.mark.parametrize(
    "text",
    [
        "Моряки уничтожили морской беспилотник у побережья, пострадавших нет.",
        "Атака двух надводных беспилотников на порт отражена.",
        "The fleet destroyed three naval drones heading for the bay.",
    ],
)
def test_unmanned_boats_are_not_drones(text: str) -> None:
    report = parse(text, "RU-KDA")
    assert report.kind != "attack"
    assert report.drones is None


@pytest.mark.parametrize(
    "text",
    [
        "Over the Black Sea drones were shot down: four of them, the ministry said.",
        # a number between the sea and the noun is the noun's own: drones over the sea
        "Over the sea two drones were destroyed, the ministry said.",
        "Над морем три беспилотника уничтожены дежурными средствами ПВО.",
    ],
)
def test_a_sea_before_drones_keeps_them(text: str) -> None:
    assert parse(text, None).kind == "attack"


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # "атакованы дронами" names the weapon; the incidents below give the count
        (
            "Село вновь атаковали дронами. Днём FPV-дрон ударил по трактору на окраине села.",
            1,
        ),
        (
            "Три машины атакованы дронами ВСУ. В Грайвороне дрон ударил по легковушке. "
            "В селе Дорогощь беспилотник атаковал грузовик.",
            2,
        ),
        ("ВСУ пытались атаковать с помощью дронов предприятие. Один дрон сбит.", 1),
        # alone, the weapon leaves the number unknown
        ("Окраины города атакованы дронами, повреждены два дома.", None),
        # "атака беспилотников" is a plural incident: the total stays unknown
        ("Ночью ПВО отражала атаку беспилотников. Обломки сбитого дрона упали во двор.", None),
    ],
)
def test_drones_named_as_a_weapon(text: str, drones: int | None) -> None:
    assert parse(text, "RU-BEL").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a count in a sentence with no verb continues the sentence before
        ("Над районом сбиты три беспилотника. Ещё один — у самого города.", 4),
        ("Ночью был прилёт беспилотников по району. По последним данным, речь о 7 дронах.", 7),
        # ... but not after a warning
        ("Сбит один беспилотник. Объявлена угроза: к городу летят ещё 3 дрона.", 1),
        # "ещё один" before another noun counts that noun
        ("Дрон ударил по машине в селе. Повреждён ещё один автомобиль.", 1),
    ],
)
def test_counts_without_a_verb(text: str, drones: int) -> None:
    assert parse(text, "RU-IVA").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # "обломки БПЛА упали": the verb agrees with the debris, the drone stays unknown
        (
            "Обломки БПЛА упали на территории предприятия. На месте падения обломков "
            "беспилотника работают службы.",
            1,
        ),
        ("Обломки БПЛА упали во дворе частного дома.", None),
        # ... and so with an event noun: "атаки БПЛА повреждена" agrees with the damage
        ("Из-за атаки БПЛА в посёлке повреждена крыша сарая.", None),
        ("После удара БПЛА по складу повреждено здание.", None),
        ("В результате падения БПЛА загорелся автомобиль.", None),
        # the abbreviation's own verb still tells its number
        ("Над посёлком БПЛА был сбит.", 1),
    ],
)
def test_debris_before_an_abbreviation(text: str, drones: int | None) -> None:
    assert parse(text, "RU-TUL").drones == drones


def test_intercepting_video_is_no_downing() -> None:
    text = "Главам районов передали оборудование для перехвата видео с беспилотников."
    assert parse(text, "RU-BEL").kind == "none"


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Над районом зафиксировали восемь дронов, пять из которых сбили, остальные подавили.", 8),
        # without "остальные", the attackers are the total and the downed part the count
        ("Противник выпустил восемь дронов, пять из которых сбиты над районом.", 5),
    ],
)
def test_the_rest_downed(text: str, drones: int) -> None:
    assert parse(text, "UA-43").drones == drones


def test_a_ban_on_sharing_videos_of_attacks_counts_no_drones() -> None:
    text = (
        "Над городом сбит беспилотник. Губернатор напомнил о запрете распространять видео "
        "атаки беспилотников и работы ПВО."
    )
    assert parse(text, "RU-ULY").drones == 1


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # "ещё один" and its noun a few words later are one mention
        ("Ещё один за сутки вражеский беспилотник сбит над посёлком Лесной.", 1),
        ("Ещё два этим утром украинских дрона уничтожены над районом.", 2),
        ("Над районом сбиты два БПЛА. Ещё один ночью беспилотник уничтожен у села.", 3),
        # a noun right after the number takes it ("ещё один человек")
        ("Беспилотник сбит над городом. Ещё один человек ранен осколками беспилотника.", 1),
    ],
)
def test_more_one_and_its_noun_a_few_words_later(text: str, drones: int) -> None:
    assert parse(text, "RU-KDA").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # drone boats are boats
        ("Air defences shot down 12 drones over the region; warplanes sank four drone boats.", 12),
        # a bound ("over 100") is the stated total even when the listed parts exceed it
        (
            "The ministry said over 50 drones were downed: 30 over the Bryansk region, "
            "22 over the Kursk region and one over the Oryol region.",
            50,
        ),
    ],
)
def test_boats_and_bounds(text: str, drones: int) -> None:
    assert parse(text, None).drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a singular participle a few words before the abbreviation gives its number
        ("ПВО сработала по залетевшему в воздушное пространство района БПЛА.", 1),
        ("Расчёты обнаружили приближавшийся к городу со стороны границы БПЛА и сбили его.", 1),
        # a verb after the comma has its own subject: it does not make the drone plural
        ("Военные заметили летящий над полем БПЛА, сбили его над лесом.", 1),
        # an adjective that is singular or plural by its case gives no number
        ("Вражеским БПЛА была атакована подстанция в посёлке.", 1),
        ("Сегодня украинским БПЛА нанесён удар по складу.", 1),
        ("Украинскими БПЛА атакован склад.", None),
    ],
)
def test_participles_before_an_abbreviation(text: str, drones: int) -> None:
    assert parse(text, "RU-LIP").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # English fragments, detonations and wreckage are strikes
        ("The governor said fragments of three drones were found near a warehouse.", 3),
        ("A drone detonated over the village, shattering windows.", 1),
        ("Wreckage of two drones was found in a field outside the town.", 2),
    ],
)
def test_english_strike_words(text: str, drones: int) -> None:
    assert parse(text, "RU-ROS").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # fire destroying a building is no downing
        (
            "Дрон сбросил гранату на сарай в селе Лозовая. Из-за атаки БПЛА сарай "
            "уничтожило огнём.",
            1,
        ),
        ("Беспилотник ударил по складу, склад уничтожен пожаром.", 1),
        ("Над селом уничтожены два БПЛА, огнём повреждена кровля дома.", 2),
    ],
)
def test_destroyed_by_fire_is_no_downing(text: str, drones: int) -> None:
    assert parse(text, "RU-BEL").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # English headline verbs in the present: the drone struck
        ("Ukrainian drone injures two in border village\nThe governor said a house was hit.", 1),
        ("Drone damages roof of school in Kursk region, governor says", 1),
        # "a drone attack" does not say how many drones
        ("Ukrainian drone attack kills three in southern region, governor says", None),
        # "target" counts drones only as an aerial one
        (
            "A drone attack caused a fire at a plant. The plant is a target Kyiv has struck "
            "before.",
            None,
        ),
        ("Air defences destroyed four aerial targets after a drone attack on the city.", 4),
    ],
)
def test_english_headline_verbs(text: str, drones: int | None) -> None:
    assert parse(text, "RU-KRS").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # the air defence's verb takes the drone as its object: no plural agreement
        ("Зенитчики сбили беспилотник у города. Позже уточнили, что БПЛА сбили у моста.", 1),
        ("Над городом сбит дрон. По словам мэра, БПЛА уничтожили над рекой.", 1),
        # the verb agrees across the owner's genitive ("БПЛА ВСУ атаковали")
        ("В посёлке А дрон ударил по машине. Кроме того, БПЛА ВСУ атаковали два дома.", None),
        ("В селе Б дрон повредил сарай. БПЛА противника атаковали гараж.", None),
    ],
)
def test_abbreviation_agreement_past_objects_and_owners(text: str, drones: int | None) -> None:
    assert parse(text, "RU-KRS").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a governor's post citing the ministry's national figure: the region's own count
        (
            "Над областью сбит один беспилотник, сообщил губернатор. Минобороны сообщало, что "
            "за ночь над российскими регионами уничтожены 75 дронов.",
            1,
        ),
        (
            "Two drones were downed over the region, the governor said. The ministry said 60 "
            "drones were destroyed over Russian territory overnight.",
            2,
        ),
        # with no drones of its own, the figure stays
        ("Ночью над территорией России сбиты 40 беспилотников.", 40),
    ],
)
def test_a_national_figure_in_a_governors_post(text: str, drones: int) -> None:
    assert parse(text, "RU-PSK").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # numbers listed after an increment are increments too
        (
            "Ночью над Крымом и Черным морем сбиты 30 БПЛА. Ещё 12 беспилотников над "
            "Ростовской областью и один над Курской областью.",
            43,
        ),
        (
            "Над Тверской областью сбит беспилотник. Кроме того, уничтожены три беспилотника "
            "над Псковской, два над Новгородской и пять — над Смоленской областями.",
            11,
        ),
        # not people ("и двое ранены")
        ("Сбиты 4 беспилотника. Ещё 2 беспилотника сбиты у села, и двое ранены.", 6),
    ],
)
def test_numbers_listed_after_an_increment(text: str, drones: int) -> None:
    assert parse(text, None).drones == drones


def test_parts_listed_after_an_increment_are_no_update() -> None:
    text = (
        "Перехвачены 10 БПЛА. Четыре беспилотника сбиты над Брянской областью. Ещё четыре "
        "беспилотника над Курской областью и два над Орловской областью."
    )
    report = parse(text, None)
    assert (report.drones, report.cumulative) == (10, False)


@pytest.mark.parametrize(
    ("text", "drones", "cumulative"),
    [
        # a bare total right after "Всего"
        (
            "Над Россошанским районом сбиты 3 беспилотника, над Лискинским районом — "
            "2 беспилотника. Всего 5.",
            5,
            True,
        ),
        # not a number of something else
        ("Над областью сбиты 2 БПЛА. Всего 3 раза звучала сирена.", 2, False),
    ],
)
def test_a_bare_total_right_after_the_totalling_word(
    text: str, drones: int, cumulative: bool
) -> None:
    report = parse(text, "RU-VOR")
    assert (report.drones, report.cumulative) == (drones, cumulative)


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # counts by place after a singular drone, the noun left out
        ("В Мценском районе сбит беспилотник, в Ливенском — три.", 4),
        ("Над Кромским районом сбит БПЛА, над Орловским районом — два, в Болхове — один.", 4),
        # not people, not objects
        ("В Мценском районе сбит беспилотник, в Ливенском — двое раненых.", 1),
        ("В Мценском районе дрон ударил по дому, в Ливнах — 2 машины повреждены.", 1),
    ],
)
def test_counts_by_place_after_a_singular_drone(text: str, drones: int) -> None:
    assert parse(text, "RU-ORL").drones == drones


def test_the_day_before_in_a_governors_post_is_news() -> None:
    text = "Над областью сбиты 2 БПЛА.\nНакануне вечером дрон атаковал автомобиль, ранен водитель."
    assert parse(text, "RU-BRY").injured == 1


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        ("Сбиты 6 БПЛА над Тверской и Псковской областями, а также 3 над Новгородской.", 9),
        ("Сбиты 4 БПЛА над Тверской областью, а также двое ранены.", 4),
        # a list under a colon keeps its total
        ("Уничтожены 8 БПЛА: 5 над Тверской областью, 2 над Псковской, а также 1 над морем.", 8),
    ],
)
def test_a_number_listed_after_also(text: str, drones: int) -> None:
    assert parse(text, None).drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # a governor's surname shaped as a drone noun's genitive plural is no drone
        ("Дронов сообщил, что над Валдаем сбит беспилотник.", 1),
        ("Губернатор Александр Дронов: над областью уничтожен один БПЛА.", 1),
        ("Над Валдаем сбиты три дрона, сообщил Дронов.", 3),
    ],
)
def test_surname_shaped_as_a_drone_noun(text: str, drones: int | None) -> None:
    assert parse(text, "RU-NGR").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # counted drone nouns joined by "и" add up
        ("Над областью уничтожены пять БПЛА самолётного типа и три квадрокоптера.", 8),
        ("Над районом сбиты 4 беспилотника и 2 беспилотника подавлены РЭБ.", 6),
        # not a drone count joined to missiles
        ("Над областью сбиты 4 беспилотника и 2 ракеты.", 4),
    ],
)
def test_counted_drones_joined_by_and_add_up(text: str, drones: int) -> None:
    assert parse(text, "RU-BRY").drones == drones


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # "До этого" / "Before that" opens what came before the news: told already
        (
            "Над городом сбит ещё один беспилотник. Об этом сообщил мэр. До этого, по его "
            "словам, вечером были уничтожены ещё три дрона.",
            1,
        ),
        (
            "Another drone was shot down near the city, the mayor said. Before that, two more "
            "drones had been destroyed overnight.",
            1,
        ),
        # not an opener: the drones of the news itself
        ("Над районом сбиты два беспилотника, до этого объявили тревогу.", 2),
    ],
)
def test_what_came_before_is_told_already(text: str, drones: int) -> None:
    assert parse(text, "RU-KRS").drones == drones
