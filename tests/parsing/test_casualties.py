"""Killed and injured: families of statements about people, on sentences written here."""

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


def test_killing_the_driver_is_one_killed() -> None:
    report = parse("An FPV drone attacked a car in the Kursk region, killing the driver.")
    assert report.killed == 1


def test_no_casualties_then_consequences_being_checked() -> None:
    report = parse("Сбиты 11 БПЛА. Пострадавших нет, последствия уточняются.", "RU-SMO")
    assert (report.killed, report.injured) == (0, 0)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # nobody hurt, said in many ways
        ("Дрон сбит над полем, никому не причинив вреда.", 0, 0),
        ("Беспилотник уничтожен. Люди, по счастью, не пострадали.", 0, 0),
        ("Атака БПЛА отражена, жертв удалось избежать.", 0, None),
        ("Сбиты два БПЛА. Удалось избежать жертв и разрушений.", 0, None),
        ("Отражена атака дронов. Данные указывают на отсутствие пострадавших.", 0, 0),
        ("Дрон атаковал автобазу, человеческие жертвы отсутствуют.", 0, None),
        (
            "Атакованы склады. Пострадавших среди работников смены в результате падения "
            "обломков беспилотника нет.",
            0,
            0,
        ),
        ("Сбит беспилотник. Пострадавших, по предварительным данным, нет.", 0, 0),
        # the wounded: "раненых нет" is injured 0, "никто не ранен" both
        ("Сбит беспилотник. Погибших и раненых нет.", 0, 0),
        ("Сбит беспилотник. Раненых нет.", None, 0),
        ("Сбит беспилотник. Обошлось без жертв и раненых.", 0, 0),
        ("Сбит беспилотник, никто не ранен.", 0, 0),
        ("Сбит беспилотник. Обошлось без человеческих жертв и пострадавших.", 0, 0),
        ("Дрон атаковал двор, пострадал мужчина, тяжёлых ранений нет.", None, 1),
        # "нет" that denies something else
        ("Дрон атаковал двор, ранен мужчина, угрозы жизни пострадавшего нет.", None, 1),
        ("Ночью дроны атаковали посёлок. Трое пострадавших, тяжёлых ранений нет.", None, 3),
        (
            "Обломки БПЛА упали у школы. Пострадавших доставили в больницу, угрозы их жизни нет.",
            None,
            None,
        ),
        # missing information is no zero
        ("Сбит беспилотник. Информации о жертвах и разрушениях нет.", None, None),
        ("Дрон упал на склад. Сведений о пострадавших пока нет.", None, None),
        # "госпитализация не потребовалась": someone was hurt
        ("Дрон атаковал машину, ранен водитель. Госпитализация не потребовалась.", None, 1),
        # "ранило"
        ("Взрывом дрона ранило троих человек.", None, 3),
    ],
)
def test_missing_information_and_people_hurt(
    text: str, killed: int | None, injured: int | None
) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # lists of people, ages and counted items included
        ("Дрон атаковал двор, ранены 45-летний мужчина и 8-летний мальчик.", None, 2),
        ("Беспилотник упал на дом. Погибли женщина и двое детей.", 3, None),
        ("Дрон упал на двор. Погибли мужчина и женщина, и 5 человек пострадали.", 2, 5),
        ("Дрон атаковал трактор. Мужчина получил ранения, несовместимые с жизнью.", 1, None),
        # a victim named with "жертвой стал"
        ("Дрон ударил по остановке. Жертвой удара стал пожилой мужчина.", 1, None),
        ("Дрон ударил по рынку. Жертвами атаки стали трое покупателей.", 3, None),
        # a person with an injury, people taken to hospital
        ("Дрон ударил по киоску. Продавщицу с осколочным ранением везут в больницу.", None, 1),
        ("Обломки БПЛА упали во двор. Ещё два человека доставлены в больницу.", None, 2),
        ("Дрон атаковал трактор. Тракторист доставлен в районную больницу.", None, 1),
        # incidents at different places add up; a summary of them does not
        (
            "Дрон атаковал село Ивановка, ранены двое мужчин. В посёлке Петровка "
            "осколочное ранение получила женщина.",
            None,
            3,
        ),
        (
            "В области пострадали три человека. В селе Ивановка ранены двое мужчин. В "
            "посёлке Петровка дрон атаковал машину, ранение получила женщина.",
            None,
            3,
        ),
        # a figure after the noun, "есть пострадавший", "у водителя ранения", birth years
        ("Дрон атаковал вокзал. Число раненых возросло до шести.", None, 6),
        ("Дрон атаковал вокзал. Количество пострадавших достигло 9 человек.", None, 9),
        ("Дрон атаковал вокзал. Есть погибший.", 1, None),
        ("Дрон атаковал вокзал. Есть пострадавшие.", None, None),
        ("Дрон атаковал фуру. У водителя — осколочное ранение.", None, 1),
        ("Дрон атаковал фуру. Ранены водитель 1970 года рождения и его напарник.", None, 2),
        # the scene named in the sentence before; "также" beside the word
        (
            "В Грайвороне дрон атаковал грузовик. Пострадал водитель. В селе Козинка "
            "ранена женщина.",
            None,
            2,
        ),
        ("В селе Ивановка дрон ударил по дому, ранен мужчина. Ранена также его дочь.", None, 2),
        # a thing that "пострадал" is no person
        ("Промышленный объект пострадал при атаке БПЛА.", None, None),
        ("При атаке дрона пострадал один из складских объектов.", None, None),
        ("При атаке дрона на автомобиль пострадал водитель.", None, 1),
    ],
)
def test_the_scene_named_before_and_things_that_suffered(
    text: str, killed: int | None, injured: int | None
) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "без последствий" of the whole event
        ("Падение обломков дрона обошлось без последствий.", 0, 0),
        ("Обломки БПЛА упали во дворе, без последствий для домов.", None, None),
        ("Сбиты два дрона. Обошлось без жертв и пострадавших.", 0, 0),
        # sentences that add casualties
        ("Дрон атаковал маршрутку, ранен водитель. Также пострадала пассажирка.", None, 2),
        (
            "Дрон атаковал ферму, ранены двое рабочих. Кроме того, пострадал сторож "
            "соседнего склада.",
            None,
            3,
        ),
        ("Дрон атаковал двор. Ранен мужчина. Позже за медпомощью обратился его сосед.", None, 1),
        ("Дрон атаковал двор. Двое жителей обратились за медицинской помощью.", None, 2),
        # English
        ("A woman was hospitalized after a drone attacked her house.", None, 1),
        ("A man suffered shrapnel wounds after a drone dropped a grenade.", None, 1),
        # earlier events retold as background
        ("Дрон атаковал машину, ранен мужчина. Ранее, 3 мая, в том же селе погибли двое.", None, 1),
        ("Сбит беспилотник, пострадал мужчина. Напомним, вчера в районе ранены трое.", None, 1),
        # totals over a long period beside a fresh figure
        (
            "Дрон атаковал машину, ранен водитель. Всего с начала года от атак дронов "
            "пострадали 400 человек.",
            None,
            1,
        ),
        ("Дрон атаковал двор, погиб мужчина. С начала СВО в области погибли 200 человек.", 1, None),
        ("С начала года при атаках беспилотников в области пострадали 400 человек.", None, 400),
    ],
)
def test_casualties_across_sentences(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param(
            "Дрон атаковал машину, погиб мужчина. Пострадавших больше нет.",
            1,
            None,
            marks=pytest.mark.xfail(strict=True, reason="'больше нет' is read as nobody hurt"),
        ),
    ],
)
def test_known_casualty_misses(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # clauses with the verb left out name one more person each
        ("Дрон атаковал двор. Мужчина получил ранения, его супруга — баротравму.", None, 2),
        ("Дрон упал. Повар получил ранение, официант — контузию, а его брат — травму.", None, 3),
        ("Дрон упал у кафе. Повар получил ранение, витрина — повреждения.", None, 1),
        # an opening "Кроме того" adds the sentence's first figure, not its details
        (
            "Дрон атаковал склад. Кроме того, мэр сообщил о ранении двух сторожей: один "
            "получил осколочные ранения, другой — травму ноги.",
            None,
            2,
        ),
        (
            "Сбит беспилотник, ранен тракторист. Кроме того, пострадали двое фермеров, у "
            "одного из них баротравма.",
            None,
            3,
        ),
        # a participle of receiving a wound beside one person
        ("Дрон ударил по остановке. Получивший травму пенсионер отказался от помощи.", None, 1),
        ("Дрон ударил по остановке. Получившие ранения отправлены в больницу.", None, None),
        # no consequences said of the whole event: nobody hurt
        ("Над районом сбит беспилотник. Последствий нет.", 0, 0),
        ("Над районом уничтожен БПЛА, последствия не зафиксированы.", 0, 0),
        ("Над районом уничтожен БПЛА. Последствий не выявлено.", 0, 0),
        ("Над районом уничтожен БПЛА. Последствий на земле не выявлено.", None, None),
        ("Над районом уничтожен БПЛА. Последствия уточняются.", None, None),
        # English
        ("A drone was downed over the town. There were no casualties.", 0, 0),
        # one person in the accusative beside an impersonal plural verb
        ("Дрон атаковал трактор. Тракториста госпитализировали.", None, 1),
        ("Дрон атаковал трактор. Госпитализировали двоих.", None, 2),
        ("Дрон атаковал трактор. Рабочих госпитализировали.", None, None),
        # people listed after a wound noun and its plural verb
        ("Дрон атаковал кафе. Ранения получили повар 1990 года рождения и официантка.", None, 2),
        ("Дрон атаковал кафе. Травмы получили двое посетителей.", None, 2),
        ("Дрон атаковал кафе. Число раненых выросло до четырёх.", None, 4),
        # English: a possessive before the one hurt, a list before its auxiliary
        ("A drone struck a tractor, injuring its driver.", None, 1),
        ("A drone struck a tractor, injuring their son.", None, 1),
        ("A farmer and a boy were wounded when a drone struck a tractor.", None, 2),
        # nobody wounded, said with a wound noun; English "no" over a few words
        ("Сбит беспилотник. Ранений никто не получил.", 0, 0),
        ("Сбит беспилотник. Никто из рабочих не получил травм.", 0, 0),
        ("Сбит беспилотник, обошлось без ранений.", 0, 0),  # as "no injuries"
        ("A drone was downed. No civilians were hurt.", 0, 0),
        # "no reports of casualties" is no information, as "информации о пострадавших нет"
        ("A drone was downed; there were no reports of casualties.", None, None),
        # a mortal wound is a death; English "died of his injuries" is one killed
        ("Дрон атаковал двор. Сторож смертельно ранен.", 1, None),
        ("Дрон атаковал двор. Сторож получил смертельное ранение, его сын ранен.", 1, 1),
        ("A guard died of his injuries after a drone attack on the farm.", 1, None),
        ("A guard suffered fatal injuries in a drone attack on the farm.", 1, None),
        # a drone that wounded or killed someone
        ("Дрон ранил пастуха на окраине хутора.", None, 1),
        ("Дрон убил пастуха на окраине хутора.", 1, None),
        ("A drone killed a shepherd near the farm.", 1, None),
        # a singular participle alone names one hurt person, unless the post counts them
        ("Дрон упал у склада. Пострадавшему оказывается помощь.", None, 1),
        ("Дрон упал у склада. Раненого увезли медики.", None, 1),
        ("Дрон упал у склада, ранены двое. Пострадавшему сторожу оказана помощь.", None, 2),
        ("Дрон упал у склада. Пострадавший скончался по дороге в больницу.", 1, None),
        ("Дрон упал у склада. Пострадавший ангар осмотрели.", None, None),
        # a figure's verb further on after "число"
        ("Дрон атаковал рынок. Число пострадавших при атаке на рынок возросло до 8.", None, 8),
    ],
)
def test_casualty_clauses(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # a district's figure, then the same person told again with the village
        (
            "В Шебекинском округе при атаке дрона пострадала женщина. Беспилотник атаковал"
            " легковушку в селе Новая Таволжанка. Водитель получила осколочное ранение.",
            1,
        ),
        (
            "В Ракитянском районе от удара FPV-дрона пострадал мирный житель. Инцидент"
            " случился у хутора Зеленый. Мужчину доставили в больницу с ранением ноги.",
            1,
        ),
        # settlement first, district second: two incidents, they add up
        (
            "В Коренево от удара дрона ранения получили двое мирных жителей. В Хомутовском"
            " районе от атаки дрона травму получил мужчина.",
            3,
        ),
    ],
)
def test_district_figure_retold_with_its_village(text: str, injured: int) -> None:
    assert parse(text, channel_region="RU-BEL").injured == injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "nobody hurt" of one part of a post that counts injured: silent on the dead
        (
            "Обломки дрона упали на крышу дома в Химках, ранены трое. Над Рузским округом"
            " сбит ещё один беспилотник, там никто не пострадал.",
            None,
            3,
        ),
        ("Дрон атаковал автобус, ранены двое. Других пострадавших нет.", None, 2),
        # the dead denied outright stay 0
        ("Дрон атаковал автобус, ранены двое. Погибших нет.", 0, 2),
        # denied first, then someone hurt after all: the dead stay denied
        ("Дрон упал у гаража, никто не пострадал. Позже выяснилось, что ранен сторож.", 0, 1),
        ("Дрон упал у гаража, никто не пострадал.", 0, 0),
    ],
)
def test_partial_nobody_hurt(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-MOS")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "no victims" is "жертв нет": the dead only
        ("A drone fell on a warehouse in Engels; there were no victims.", 0, None),
        ("A drone fell on a warehouse in Engels; no one was hurt.", 0, 0),
        ("A drone fell on a warehouse in Engels; there were no casualties.", 0, 0),
    ],
)
def test_english_no_victims(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-SAR")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a lead's figures told again in detail: "кроме того" adds to the detail, not the lead
        (
            "Погиб один человек, ещё трое ранены при атаках дронов. Водитель погиб в"
            " Алешках при ударе по машине. Кроме того, в Каховке дрон атаковал автобус,"
            " ранены трое пассажиров.",
            1,
            3,
        ),
        # an addition to the same field adds up
        ("Дрон атаковал машину, ранены двое. Кроме того, ранена пассажирка автобуса.", None, 3),
    ],
)
def test_lead_retold_in_detail(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="UA-65")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "One drone was shot down. Neither damage nor casualties were reported.",
        "A drone was downed; there were neither injuries nor damage.",
    ],
)
def test_neither_nor_means_nobody_hurt(text: str) -> None:
    report = parse(text, None)
    assert (report.killed, report.injured) == (0, 0)


@pytest.mark.parametrize(
    "text",
    [
        "FPV-дрон ударил по машине. Водитель получил тяжёлые осколочные ранения.",
        "Дрон атаковал автобус. Женщина получила множественные слепые осколочные ранения.",
    ],
)
def test_one_person_wounded_with_adjectives(text: str) -> None:
    assert parse(text, "RU-BEL").injured == 1


@pytest.mark.parametrize(
    ("text", "region", "killed", "injured"),
    [
        # "нет" over a short list reaches the casualty noun
        (
            "Силы ПВО отражают атаку беспилотников. По первым данным, нет повреждений и"
            " пострадавших.",
            "RU-SAR",
            0,
            0,
        ),
        ("A drone hit a warehouse in Kursk. The strike did not cause any casualties.", None, 0, 0),
        # no figure: "нет" of information states nothing
        ("Беспилотник упал у села. Нет сведений о пострадавших.", "RU-BRY", None, None),
    ],
)
def test_denied_over_a_list(
    text: str, region: str | None, killed: int | None, injured: int | None
) -> None:
    report = parse(text, channel_region=region)
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "ещё один" beside the dead counts that person, not one more than the headline's
        (
            "Один человек погиб, один ранен при ударе дрона по селу.\n"
            "При атаке беспилотника на село Ивановка погибла женщина и ещё один житель получил"
            " ранения, сообщил губернатор.",
            1,
            1,
        ),
        # ... but in a sentence of a new scene it adds to the figure of another
        (
            "При атаке дронов в Шебекино ранены двое. В Грайвороне дрон атаковал машину,"
            " погиб мужчина, ещё двое ранены.",
            1,
            4,
        ),
        # a retelling, then the official's quote with "ещё": the same two people
        (
            "При ударе дрона по грузовику в Глушковском районе ранены двое мужчин. «Ещё два"
            " человека пострадали в приграничье. Дрон атаковал грузовик», — написал глава"
            " региона.",
            None,
            2,
        ),
        # ... in straight quotes too
        (
            'Дрон ударил по трактору в Рыльском районе, ранен тракторист. "Ещё один человек'
            ' пострадал. Дрон атаковал трактор", - сообщил губернатор.',
            None,
            1,
        ),
        # the quote names the district where the retelling named its town
        (
            "При атаке дрона ранение в Шебекино получил один человек. «Один человек пострадал в"
            " Шебекинском"
            " муниципальном округе», — сообщил губернатор.",
            None,
            1,
        ),
        # two scenes each with their own figure still add up
        (
            "Дрон атаковал машину в Шебекино, ранен мужчина. В Валуйках при ударе БПЛА"
            " пострадала женщина.",
            None,
            2,
        ),
    ],
)
def test_retold_and_quoted_figures(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "нет" closes the noun before it: the clause after it tells its own figure
        ("Дрон сбит над селом. Погибших нет, пострадали трое.", 0, 3),
        ("Беспилотник упал у дороги. Жертв нет, ранена пенсионерка.", 0, 1),
        ("Беспилотник упал у дороги. Разрушений нет, пострадавших нет.", 0, 0),
        # an increment adds to its own sentence's figure, a detail of the lead's
        (
            "При ударе дрона по остановке пострадали пять человек. Мужчина получил"
            " осколочные ранения, ещё четверо — баротравмы.",
            None,
            5,
        ),
        # ... which is its scene's figure, added to another scene's
        (
            "При атаке дронов в Шебекино ранены двое. В Грайвороне дрон ударил по машине,"
            " ранен мужчина, ещё двое получили травмы.",
            None,
            5,
        ),
        # ... and to the running figure across sentences
        ("Дрон ударил по машине, ранены двое. Позже ранен ещё один человек.", None, 3),
    ],
)
def test_clauses_and_details(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a person right before "пострадал" is its subject, whatever thing follows
        (
            "Дрон ударил по грузовику, водитель ранен. Ещё один житель пострадал при атаке"
            " дрона на гараж.",
            None,
            2,
        ),
        ("При атаке дрона пострадал припаркованный автомобиль.", None, None),
        # "у" + a genitive singular that also reads as a plural
        ("Дрон атаковал легковушку, у мужчины баротравма.", None, 1),
        # a family's number is the figure; a part of the hurt ("из них") is none
        ("Дрон ударил по легковушке, пострадала семья из четырёх человек.", None, 4),
        ("Дрон ударил по автобусу, ранены пятеро, из них двое детей.", None, 5),
        # owners of homes are people
        ("Беспилотник упал во двор. Хозяин дома не пострадал.", 0, 0),
    ],
)
def test_people_as_subjects(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # people said unhurt by a participle of wounding
        ("Беспилотник упал у гаража. Люди не травмированы.", 0, 0),
        ("Беспилотник упал у гаража. Мужчина ранен, его сосед не ранен.", None, 1),
    ],
)
def test_people_not_wounded(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-KRS")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "Дрон атаковал машину. У мужчины баротравма.",
        "Дрон ударил по остановке. У женщины осколочное ранение руки.",
    ],
)
def test_injury_of_one_person_after_u(text: str) -> None:
    assert parse(text, "RU-BEL").injured == 1


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a possessive before a singular person ("her husband wounded")
        ("A drone hit a car, a man was killed and his son wounded.", 1, 1),
        # "no one" after the casualty word, or before its participle
        ("A drone hit a shed in the village, injuring no one.", 0, 0),
        ("A drone hit a shed in the village, leaving no one hurt.", 0, 0),
        # the British spelling of hospitalised
        ("Two people were hospitalised after a drone hit a bus.", None, 2),
    ],
)
def test_english_possessive_subjects(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text)
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "нет" after a short list of casualty nouns
        ("Беспилотник упал на поле. Раненых и погибших нет.", 0, 0),
        # nobody killed: the hurt untold
        ("Беспилотник упал на поле, никто не погиб.", 0, None),
        ("Беспилотник ударил по дому, никто не погиб, ранены двое.", 0, 2),
    ],
)
def test_nobody_killed_and_listed_nouns(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, channel_region="RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the part before "из них" is the hurt, not the whole evacuated
        (
            "Обломки дрона упали на крышу дома. Эвакуированы 40 жильцов, двое из них "
            "обратились за медицинской помощью.",
            None,
            2,
        ),
        (
            "Беспилотник атаковал цех. Пострадали шесть рабочих, трое из них госпитализированы.",
            None,
            6,
        ),
        # English: a concussion, and nobody hurt "without recording any injuries"
        ("A drone hit the village, and a woman received a concussion.", None, 1),
        (
            "Drone debris started a fire at the depot, put out without recording any injuries.",
            0,
            0,
        ),
    ],
)
def test_casualties_partitive_parts_and_english_zeros(
    text: str, killed: int | None, injured: int | None
) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # the hurt of another drone's incident add to those before
        (
            "Дрон ударил по трактору, ранен тракторист. Через час ещё один беспилотник "
            "атаковал автобус. Пострадали две пассажирки.",
            3,
        ),
        ("A drone hit a car, its driver was wounded. Another drone hit a bus, two were hurt.", 3),
        # ... not the same people told again
        ("Дрон атаковал машину, ранены двое. Водитель и пассажир доставлены в больницу.", 2),
    ],
)
def test_casualties_of_another_incident_add_up(text: str, injured: int) -> None:
    assert parse(text, "RU-BRY").injured == injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a breakdown of the hurt repeats the total: a counted item read back in the list,
        # and a number after a comma belongs to the clause after it
        (
            "Дрон атаковал рынок. Пострадали пять человек. Продавец и две покупательницы "
            "получили осколочные ранения, ещё двое мужчин — баротравмы.",
            None,
            5,
        ),
        ("Дрон атаковал рынок. Сторож и трое грузчиков получили травмы.", None, 4),
        # ... and a counted item opening a list after its word
        ("Дрон атаковал рынок. Ранены двое грузчиков и продавщица.", None, 3),
        # ... not across a clause of its own ("погиб один ... и 13 ... пострадали")
        ("При атаке дрона на склад погиб один человек и 7 человек пострадали.", 1, 7),
        # a participle on a thing is no person hurt
        ("Крыша, пострадавшая от атаки дрона, будет заменена. Сбит беспилотник.", None, None),
        # wounds avoided: nobody hurt; the heavy ones avoided say nothing
        ("Сбит беспилотник. Ранений удалось избежать.", 0, 0),
        ("Сбит беспилотник. Травм у людей и разрушений удалось не допустить.", 0, 0),
        ("Сбит беспилотник. Тяжёлых ранений удалось избежать.", None, None),
    ],
)
def test_breakdowns_and_wounds_avoided(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-KRS")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the hurt who died count once, as killed: one clause, or a pronoun going on
        ("Дрон атаковал трактор. Тракторист получил ранение и скончался.", 1, None),
        (
            "Дрон атаковал трактор, пострадал тракторист. Позже она скончалась в больнице.",
            1,
            None,
        ),
        ("Дрон атаковал трактор. Погибла фермер. Она получила осколочные ранения.", 1, None),
        ("Дрон атаковал трактор. Тракторист не выжил.", 1, None),
        ("A drone hit a tractor; its driver did not survive.", 1, None),
        ("Дрон атаковал трактор. Тракторист чудом выжил.", None, None),
        # ... not another person, nor the speaker's pronoun
        ("Дрон атаковал трактор. Погиб тракторист, ранен его напарник.", 1, 1),
        ("Дрон атаковал трактор. Погиб тракторист. Она получила ранения.", 1, 1),
        ("Дрон атаковал трактор, ранен фермер. Он уточнил, что погиб тракторист.", 1, 1),
        # English "no" over a list that ends with "or"
        ("A drone was downed. There were no damaged buildings or casualties.", 0, 0),
        ("A drone was downed. There were no reports of injuries or damage.", None, None),
        # English verbs of avoiding and "harmed"
        ("A drone was downed. Casualties were avoided.", 0, 0),
        ("A drone was downed. No one was harmed.", 0, 0),
    ],
)
def test_the_hurt_who_died_and_english_lists(
    text: str, killed: int | None, injured: int | None
) -> None:
    report = parse(text, "RU-ORL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "не менее" bounds a figure, it denies nothing; "ещё" goes on with the details
        (
            "Дрон атаковал село, пострадали не менее пяти человек. В центре ранена"
            " продавщица. Ещё четверо пострадали на окраине.",
            None,
            5,
        ),
        # two negations: there were some
        ("Дрон атаковал село. Не обошлось без пострадавших.", None, None),
        ("Дрон атаковал село. Атака не обошлась без последствий, сгорел сарай.", None, None),
        ("Дрон атаковал село, не обошлось без травм.", None, None),
        # a verb of causing, negated, denies
        ("Дрон атаковал село, атака не привела к человеческим жертвам.", 0, None),
        ("Дрон атаковал село, удар не повлёк за собой пострадавших.", 0, 0),
        # a thing opens the clause of "пострадал"
        ("Склад на окраине пострадал при атаке беспилотника.", None, None),
    ],
)
def test_bounds_double_negation_and_things(
    text: str, killed: int | None, injured: int | None
) -> None:
    report = parse(text, "RU-TAM")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "nobody hurt or killed" said of one scene ("тут", "там") of a post that counts
        # the hurt of another: silent on the dead
        (
            "Дрон упал у склада в Ельце, ранен сторож. Ещё один дрон упал у фермы, тут"
            " пострадавших и жертв нет.",
            None,
            1,
        ),
        # ... without such a word it is the post's word on the dead
        (
            "Дрон атаковал машину в Ельце, ранена женщина. В селе повреждён дом. Погибших и"
            " пострадавших нет.",
            0,
            1,
        ),
        # a "nobody hurt" of an earlier report retold beside counted casualties
        (
            "A drone strike killed two people in the village. Earlier, the governor reported"
            " another drone strike on a farm, with no casualties.",
            2,
            None,
        ),
        ("Сбит беспилотник. Ранее губернатор сообщил, что пострадавших нет.", 0, 0),
    ],
)
def test_zeros_of_one_scene_or_an_earlier_report(
    text: str, killed: int | None, injured: int | None
) -> None:
    report = parse(text, "RU-LIP")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a number belongs to the casualty word of its clause, across "and" / "и" / a comma
        ("Two farmers were killed and four others injured in a drone strike.", 2, 4),
        ("A drone hit a van. The driver was killed and three passengers were wounded.", 1, 3),
        ("A drone hit a van; no one was killed, but two pedestrians were hurt.", 0, 2),
        # "ещё" between the word and its number
        ("Дрон атаковал рынок. Погибла продавщица, ранены ещё трое.", 1, 3),
    ],
)
def test_numbers_in_their_own_clause(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BRY")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a number after "including" / "в том числе" counts a part
        ("Four people, including two children, were injured in a drone attack.", None, 4),
        ("Дрон атаковал двор. Ранены пятеро, в том числе двое детей.", None, 5),
        # "died ... and another was hospitalized": no wound of the one who died
        ("A drone hit a car. One man died and another was hospitalized.", 1, 1),
        # English figures that rose
        ("A drone hit a market. The number of injured has risen to nine.", None, 9),
        ("A drone hit a market. The death toll has risen to two.", 2, None),
    ],
)
def test_english_parts_and_figures(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, None)
    assert (report.killed, report.injured) == (killed, injured)
