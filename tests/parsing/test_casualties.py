"""Killed and injured: families of statements about people, on sentences written here."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


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
def test_casualty_families(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # lists of people, ages and counted items included
        ("Дрон атаковал двор, ранены 45-летний мужчина и 8-летний мальчик.", None, 2),
        ("Беспилотник упал на дом. Погибли женщина и двое детей.", 3, None),
        ("Дрон упал на двор. Погибли мужчина и женщина, и 5 человек пострадали.", 2, 5),
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
        # a thing that "пострадал" is no person
        ("Промышленный объект пострадал при атаке БПЛА.", None, None),
        ("При атаке дрона пострадал один из складских объектов.", None, None),
        ("При атаке дрона на автомобиль пострадал водитель.", None, 1),
    ],
)
def test_casualty_counts(text: str, killed: int | None, injured: int | None) -> None:
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
    ],
)
def test_casualties_across_sentences(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param(
            "Дрон атаковал двор. Мужчина получил ранения, его супруга — баротравму.",
            None,
            2,
            marks=pytest.mark.xfail(strict=True, reason="an elliptic second clause is not read"),
        ),
    ],
)
def test_known_casualty_misses(text: str, killed: int | None, injured: int | None) -> None:
    report = parse(text, "RU-BEL")
    assert (report.killed, report.injured) == (killed, injured)
