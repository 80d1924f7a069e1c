"""Look-ups of settlement names in the gazetteer, whatever their case.

A post names "Обнинске", "Лисках", "Серебряных Прудах"; the gazetteer holds "Обнинск",
"Лиски", "Серебряные Пруды". Each word stands for a few key words (its lemmas and
nominatives, read from the build-time table of forms when it is one), and a name of
several words is matched key by key; an adjective-shaped name must agree ("в Чайковском"
is Чайковский). The settlement of the channel's region wins.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import Settlement, lexicon, settlement_form
from dronewatch.parsing.places.vocabulary import endings, folded, place_words
from dronewatch.parsing.text import Token


def inflected_town(word: str, region: str | None) -> bool:
    """Whether the word names a gazetteer town in a case other than the nominative."""
    known = known_settlement((word,), region)
    return known is not None and folded(known.name) != word


# Endings of oblique plurals and adjectives: only such words need their nominatives.


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, ...]:
    """Gazetteer key parts a word may stand for: read from the build-time table of the
    gazetteer names' inflected forms when the word is one, else analysed. The table holds
    `analysed_forms` of each form less the words of no key, so the candidate keys match."""
    known = settlement_form(word)
    return known.keys if known is not None else analysed_forms(word)


def analysed_forms(word: str) -> tuple[str, ...]:
    """Gazetteer key parts a word may stand for: itself, every reading's lemma, its
    nominatives ("Лисках" -> "лиски"), a village's "-о" ("Селятине" -> "селятино"), and,
    for hyphenated names, the forms of each part ("Славянске-на-Кубани")."""
    forms = [word]
    forms += sorted(folded(f) for f in morph.lemmas(word))
    spelling = endings()
    if word.endswith(spelling.plural_oblique) or word.endswith(spelling.oblique_adjective):
        forms += [folded(f) for f in morph.nominatives(word)]
    for ending in spelling.village_oblique:
        stem = word.removesuffix(ending)
        if stem != word and (stem + spelling.village_nominative).endswith(spelling.village):
            forms.append(stem + spelling.village_nominative)
    if "-" in word:
        parts = [[part, *sorted(morph.lemmas(part))] for part in word.split("-")]
        combined = [""]
        for options in parts:
            combined = [f"{c}-{o}" if c else o for c in combined for o in dict.fromkeys(options)]
        forms += combined[:16]
    return tuple(dict.fromkeys(forms))


@cache
def _key_beginnings() -> frozenset[str]:
    """The first words of the gazetteer's multi-word keys ("серебряные" of "серебряные
    пруды", and "a b" of "a b c")."""
    beginnings: set[str] = set()
    for key in lexicon().settlements:
        words = key.split(" ")
        beginnings.update(" ".join(words[:size]) for size in range(1, len(words)))
    return frozenset(beginnings)


@lru_cache(maxsize=65536)
def may_begin_name(word: str) -> bool:
    """Whether the word may stand for the first word of a longer gazetteer name."""
    beginnings = _key_beginnings()
    return any(form in beginnings for form in _word_forms(word))


def _candidates(words: tuple[str, ...]) -> list[str]:
    """Gazetteer keys the words may stand for."""
    keys = [""]
    for position, word in enumerate(words):
        keys = [f"{k} {f}".strip() for k in keys for f in _word_forms(word)]
        if position + 1 < len(words):
            # Only keys that begin a longer name can grow into one: when none does, the
            # next word needs no (costly, for a new word) analysis.
            keys = [k for k in keys if k in _key_beginnings()]
            if not keys:
                return []
    return keys


def agreeing_names(word: str) -> frozenset[str]:
    """The folded names an adjective-shaped settlement name must have for the word to name
    it: the word itself and its nominatives ("чайковском" -> "чайковский")."""
    agreeing = {word, *(folded(f) for f in morph.nominatives(word))}
    agreeing |= {folded(f) for f in morph.lemmas(word) if f in agreeing}
    return frozenset(agreeing)


@lru_cache(maxsize=65536)
def _settlements_named(words: tuple[str, ...]) -> tuple[Settlement, ...]:
    """Every gazetteer settlement the folded words may name, best key first; a name shaped
    as an adjective must agree with the words ("в Чайковском" is Чайковский, not
    Чайковская; "посёлок Лихая" is not Лихой)."""
    settlements = lexicon().settlements
    keys = _candidates(words)
    found = tuple(dict.fromkeys(s for key in keys for s in settlements.get(key, ())))
    if len(words) != 1 or not any(s.name.lower().endswith(endings().adjective_name) for s in found):
        return found
    # a short name of a longer one ("Каменск" for Каменск-Шахтинский) agrees with nothing
    short = {
        s
        for key in keys
        if not key.endswith(endings().adjective_name)
        for s in settlements.get(key, ())
        if not folded(s.name).startswith(f"{key} ") and folded(s.name) != key
    }
    known = settlement_form(words[0])
    agreeing = known.agreeing if known is not None else agreeing_names(words[0])

    def agrees(settlement: Settlement) -> bool:
        name = folded(settlement.name)
        if name in agreeing or not name.endswith(endings().adjective_name) or settlement in short:
            return True
        # "в Каменске-Шахтинском": only the last part of a hyphenated name agrees
        word = words[0]
        return (
            "-" in name
            and "-" in word
            and (name.rsplit("-", 1)[1] in agreeing_names(word.rsplit("-", 1)[1]))
        )

    return tuple(
        sorted((s for s in found if agrees(s)), key=lambda s: s.name.lower() not in agreeing)
    )


def settlement_at(
    tokens: list[Token], first: int, last: int, region: str | None
) -> Settlement | None:
    return known_settlement(tuple(t.low for t in tokens[first : last + 1]), region)


@lru_cache(maxsize=65536)
def known_settlement(words: tuple[str, ...], region: str | None) -> Settlement | None:
    """The settlement the folded words name (in the channel's region when it has one)."""
    matches = _settlements_named(words)
    if region is not None:
        local = [s for s in matches if s.region in gazetteer_regions(region)]
        local.sort(key=lambda s: s.region != region)
        return local[0] if local else None
    return matches[0] if matches else None


@lru_cache(maxsize=128)
def gazetteer_regions(region: str) -> frozenset[str]:
    """The regions whose settlements a channel names: its own, and for a federal city the
    region around it (the Moscow mayor's "в районе Домодедово")."""
    regions = {region}
    for pair in place_words("surrounding_regions"):
        city, around = pair.split()
        if city == region:
            regions.add(around)
    return frozenset(regions)


_DOUBLED = re.compile(r"(.)\1")


@cache
def _towns_by_single_letters() -> dict[str, dict[str, Settlement]]:
    """Each region's one-word settlements by their key with doubled letters single: built
    once, like the gazetteer it derives from."""
    found: dict[str, dict[str, Settlement]] = {}
    for key, settlements in lexicon().settlements.items():
        if " " in key:
            continue
        single = _DOUBLED.sub(r"\1", key)
        for settlement in settlements:
            found.setdefault(settlement.region, {}).setdefault(single, settlement)
    return found


def misspelt_town(word: str, region: str | None) -> Settlement | None:
    """A town of the region misspelt with a single letter for a double one ("в
    Невинномыске" for Невинномысск)."""
    if region is None or len(word) < 6:
        return None
    towns = _towns_by_single_letters().get(region, {})
    for form in _word_forms(word):
        known = towns.get(_DOUBLED.sub(r"\1", form))
        if known is not None:
            return known
    return None
