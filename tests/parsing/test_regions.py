"""Regions of a national summary with their counts (regions.py), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse


def _counts(text: str) -> dict[str, int | None]:
    return {r.code: r.drones for r in parse(text, None).regions}


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
