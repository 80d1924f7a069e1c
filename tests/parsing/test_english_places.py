"""English news names Russian towns without a channel region: they map to the gazetteer's
Russian names, and names of regions, seas and objects are left out. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse
from dronewatch.parsing.lexicon import english_key


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
