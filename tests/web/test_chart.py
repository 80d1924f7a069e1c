"""The home page's SVG chart, rendered from points."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from dronewatch.web.chart import OTHER, Point, render

SVG = "{http://www.w3.org/2000/svg}"
FIRST = date(2026, 6, 1)
LAST = date(2026, 6, 14)


def bars(svg: str) -> list[dict[str, str]]:
    root = ET.fromstring(svg)
    return [rect.attrib for rect in root.iter(f"{SVG}rect") if rect.get("class") == "bar"]


def test_stacks_regions_per_day_with_exact_tooltips() -> None:
    svg = render(
        [Point(FIRST, "RU-KLU", 16), Point(FIRST, "RU-BEL", 12), Point(LAST, "RU-KLU", 5)],
        FIRST,
        LAST,
    )
    drawn = [(b["data-day"], b["data-region"], b["data-drones"]) for b in bars(svg)]
    assert drawn == [
        ("2026-06-01", "RU-KLU", "16"),
        ("2026-06-01", "RU-BEL", "12"),
        ("2026-06-14", "RU-KLU", "5"),
    ]
    root = ET.fromstring(svg)
    tips = [title.text for rect in root.iter(f"{SVG}rect") for title in rect.iter(f"{SVG}title")]
    assert "2026-06-01 · Kaluga Oblast: 16" in tips
    first_day = [b for b in bars(svg) if b["data-day"] == "2026-06-01"]
    heights = [float(b["height"]) for b in first_day]
    assert heights[0] / heights[1] == pytest.approx(16 / 12, rel=0.01)  # to scale
    stacked_top = float(first_day[1]["y"]) + heights[1]
    assert stacked_top == pytest.approx(float(first_day[0]["y"]), abs=0.11)


def test_regions_beyond_the_top_become_other() -> None:
    points = [Point(FIRST, f"RU-{code}", n) for n, code in enumerate(["KLU", "BEL", "KRS"], 1)]
    svg = render(points, FIRST, LAST, top=2)
    assert [b["data-region"] for b in bars(svg)] == ["RU-KRS", "RU-BEL", OTHER]
    assert "other regions" in svg


def test_points_outside_the_period_or_without_drones_are_left_out() -> None:
    svg = render(
        [Point(FIRST - timedelta(days=1), "RU-KLU", 3), Point(FIRST, "RU-KLU", 0)], FIRST, LAST
    )
    assert bars(svg) == []
    assert "No drones reported in this period." in svg


def test_self_contained() -> None:
    svg = render([Point(FIRST, "RU-KLU", 1234)], FIRST, LAST)
    ET.fromstring(svg)  # well-formed
    for forbidden in ("<script", "http://", "https://", "@import", "url("):
        assert forbidden not in svg.replace("http://www.w3.org/2000/svg", "")
