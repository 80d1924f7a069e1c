"""Any text yields a valid report, and adversarial megabyte inputs finish."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dronewatch.parsing import Report, parse

ADVERSARIAL = [
    "7" * 1_000_000,
    "беспилотник сбит " * 60_000,
    "«" + "над территорией Курской " * 40_000,
    ("дрон drone БПЛА 20.00 с до по — 5 " * 35_000)[:1_000_000],
    ("ﾑ𝔘ЁёΩ" * 200_000),
]


@given(st.text(max_size=2000), st.sampled_from([None, "RU-KLU", "RU-BEL"]))
# Letters that `unicodedata.name` cannot name made pymorphy3 raise ValueError.
@example("𗀀", None)
@example("𗀀 БПЛА", None)
@example("сбит БПЛА 𗀀", "RU-KLU")
@settings(max_examples=200, deadline=None)
def test_any_text_gives_a_valid_report(text: str, region: str | None) -> None:
    report = parse(text, region)
    assert Report.model_validate(report.model_dump()) == report


@pytest.mark.parametrize("text", ADVERSARIAL, ids=["digits", "words", "quote", "mixed", "scripts"])
def test_megabyte_inputs_complete(text: str) -> None:
    report = parse(text, None)
    assert report.kind in ("attack", "alert", "none")
