"""Drone mentions and their events (drones.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


@pytest.mark.parametrize(
    ("text", "drones"),
    [
        # verbs of downing outside the first list
        ("Средствами РЭБ посадили три беспилотника у села, пострадавших нет.", 3),
        ("Над районом силы ПВО подавили семь дронов.", 7),
        ("Зенитчики поразили два БПЛА на подлёте к городу.", 2),
        ("Air defences eliminated five drones near the town overnight.", 5),
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
