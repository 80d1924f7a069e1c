"""The build-time table of the gazetteer names' inflected forms answers exactly as the
morphology it saves would (scripts/build_gazetteer_forms.py)."""

from __future__ import annotations

from importlib.resources import files

import pytest

from dronewatch.parsing.drones import adjectival
from dronewatch.parsing.lexicon import Settlement, SettlementForm, lexicon, settlement_form
from dronewatch.parsing.places import gazetteer
from dronewatch.parsing.text import tokenize


def _sample(step: int = 50) -> list[str]:
    """Every `step`th form of the table: a spread over the alphabet."""
    data = files("dronewatch.parsing").joinpath("data", "gazetteer_forms.tsv").read_text("utf-8")
    forms = [line.split("\t", 1)[0] for line in data.splitlines() if line and line[0] != "#"]
    return forms[::step]


def test_the_table_is_in_use() -> None:
    # It is ignored when stamped by another gazetteer or morphology: then every settlement
    # word is analysed again (slow, same answers). Rebuild it if this fails.
    assert len(lexicon().settlement_forms) > 25_000


def test_inflected_names_are_in_it() -> None:
    for word in ("обнинске", "шебекино", "новой", "таволжанке", "ельца", "рыльске"):
        assert settlement_form(word) is not None, word


def test_the_forms_read_as_the_analysis_would() -> None:
    key_words = {w for key in lexicon().settlements for w in key.split(" ")}
    names = {
        s.name.lower().replace("ё", "е") for group in lexicon().settlements.values() for s in group
    }
    differing = []
    for form in _sample():
        analysed = SettlementForm(
            tuple(f for f in gazetteer.analysed_forms(form) if f in key_words),
            gazetteer.agreeing_names(form) & names,
            adjectival(form),
        )
        if settlement_form(form) != analysed:
            differing.append(form)
    assert differing == []


def _named(forms: list[str]) -> list[tuple[Settlement, ...]]:
    gazetteer._word_forms.cache_clear()
    gazetteer._settlements_named.cache_clear()
    return [gazetteer._settlements_named((form,)) for form in forms]


def test_the_table_names_the_same_settlements_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forms = _sample(step=10)
    with_table = _named(forms)
    monkeypatch.setattr(gazetteer, "settlement_form", lambda word: None)
    analysed = _named(forms)
    monkeypatch.undo()
    _named([])  # empty the caches filled without the table
    assert [f for f, a, b in zip(forms, with_table, analysed, strict=True) if a != b] == []


def test_a_word_outside_the_table_is_analysed() -> None:
    assert settlement_form("беспилотник") is None
    (token,) = tokenize("Беспилотник")
    assert "беспилотник" in gazetteer.analysed_forms(token.low)
