"""The digest's chart gains a small map of the day's most reported places."""

from __future__ import annotations

import struct
from dataclasses import replace

from digest_scenario import DAY, settings_with

from dronewatch.digest.build import build_chart, build_summary
from dronewatch.geo import place_point
from dronewatch.store import Database


def png_width(png: bytes) -> int:
    width: int = struct.unpack(">I", png[16:20])[0]  # the IHDR chunk's width
    return width


def test_the_days_places_carry_their_points(known_database: Database) -> None:
    summary = build_summary(known_database, settings_with().digest, DAY)
    points = {line.name: line.point for line in summary.places}
    assert points == {
        "Рыльский район": place_point("Рыльск", ["RU-KRS"]),  # at the town it is named after
        "Льгов": place_point("Льгов", ["RU-KRS"]),
        "Шебекино": place_point("Шебекино", ["RU-BEL"]),
    }
    assert all(points.values())


def test_the_chart_draws_the_map_beside_the_lines(known_database: Database) -> None:
    config = settings_with().digest
    summary = build_summary(known_database, config, DAY)
    with_map = build_chart(summary, config).png
    unlocated = replace(summary, places=tuple(replace(line, point=None) for line in summary.places))
    without = build_chart(unlocated, config).png
    assert with_map.startswith(b"\x89PNG")
    assert png_width(with_map) > png_width(without) * 1.3
