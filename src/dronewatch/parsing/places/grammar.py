"""The shapes of words that every place rule tests, and the found place itself.

A place is named by a capitalised word in some case, after a type word or a
preposition: the rules of the other modules ask the same few questions of it (is it an
adjective, in which cases can it be, does it agree with its type word, is it an
abbreviation), answered here once, with the morphology's caches behind them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from dronewatch.folding import fold
from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    CAPITALIZED_CYRILLIC,
    CAPITALIZED_LATIN,
    DISTRICT_TYPE,
    SETTLEMENT_ABBREVIATION,
    SETTLEMENT_TYPE,
)
from dronewatch.parsing.places.vocabulary import endings, names, place_words
from dronewatch.parsing.text import Sentence, Token


class Place(NamedTuple):
    name: str
    sentence: int
    start: int
    end: int


def lemma_is(token: Token, key: str) -> bool:
    return token.kind == "word" and (
        token.low in place_words(key) or morph.lemma(token.low) in place_words(key)
    )


def is_adjective(token: Token) -> bool:
    if token.kind != "word" or token.latin:
        return False
    if not token.capitalized and morph.is_known(token.low):
        return False
    return morph.has_reading(token.low, "ADJF") or (
        token.capitalized and token.low.endswith(endings().adjective_shaped)
    )


class Starts(NamedTuple):
    """Where the place rules start looking, found in one pass over a post's tokens: the
    indices, in order, of its district type words, of its settlement type words and
    abbreviations, of its capitalised Cyrillic and of its capitalised Latin words."""

    districts: list[int]
    settlements: list[int]
    cyrillic: list[int]
    latin: list[int]


_SETTLEMENT_TYPES = SETTLEMENT_TYPE | SETTLEMENT_ABBREVIATION
_STARTS = DISTRICT_TYPE | _SETTLEMENT_TYPES | CAPITALIZED_CYRILLIC | CAPITALIZED_LATIN


def starts(tokens: list[Token], groups: list[Sentence]) -> Starts:
    """The tokens the place rules start from (those of the sentences `groups` keeps)."""
    marked = [
        index
        for union, group, first in groups
        if union & _STARTS
        for index, token in enumerate(group, first)
        if token.flags & _STARTS
    ]
    return Starts(
        [i for i in marked if tokens[i].flags & DISTRICT_TYPE],
        [i for i in marked if tokens[i].flags & _SETTLEMENT_TYPES],
        [i for i in marked if tokens[i].flags & CAPITALIZED_CYRILLIC],
        [i for i in marked if tokens[i].flags & CAPITALIZED_LATIN],
    )


@lru_cache(maxsize=16384)
def cased(name: str, written: str) -> str:
    """A name capitalised as written: each part of a hyphenated name that the post
    capitalises ("Наро-Фоминским" -> "Наро-Фоминский")."""
    parts = name.split("-")
    written_parts = written.replace("\u2011", "-").replace("\u2010", "-").split("-")
    if len(parts) != len(written_parts):
        return name.capitalize()
    return "-".join(
        part.capitalize() if index == 0 or other[:1].isupper() else part
        for index, (part, other) in enumerate(zip(parts, written_parts, strict=True))
    )


@lru_cache(maxsize=16384)
def agrees_with_type(adjective: str, noun: str) -> bool:
    """An adjective that may stand for the district type word: in one of its cases, and
    masculine or plural ("в Курской — ещё один" is no district)."""
    abbreviation = names().raion_abbreviation
    if noun.startswith(abbreviation):
        noun = names().raion + noun.removeprefix(abbreviation)  # "р-не" -> "районе"
    cases = cases_of(noun)
    return any(
        "ADJF" in tags and tags & cases and tags & {"masc", "plur"}
        for _, tags in morph.parses(adjective)
    )


CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


@lru_cache(maxsize=16384)
def cases_of(word: str) -> frozenset[str]:
    """Every case some reading of the word is in."""
    return frozenset(case for _, tags in morph.parses(word) for case in tags & CASES)


def agrees_in_case(adjective: str, noun: str) -> bool:
    """Whether an adjective listed before a type word may share its case ("над Кузнецком и
    Кузнецким районом": "Кузнецком" is no instrumental adjective, so it names the town)."""
    cases = cases_of(noun)
    return any(
        "ADJF" in tags and tags & cases for _, tags in morph.parses(adjective)
    ) or not morph.has_reading(adjective, "ADJF")


GENDERS = frozenset({"masc", "femn", "neut"})


def is_abbreviation(token: Token) -> bool:
    """ "FPV-дрон", "БПЛА", "ЦРБ": not part of a settlement's name."""
    text = token.text
    return (len(text) > 1 and text.isupper()) or _LATIN_LETTER.search(text) is not None


_LATIN_LETTER = re.compile("[A-Za-z]")


def token_at(tokens: list[Token], start: int) -> int:
    """The index of the token that begins at `start` (a place's first token)."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].start < start:
            low = middle + 1
        else:
            high = middle
    return low


@lru_cache(maxsize=16384)
def place_key(name: str) -> str:
    """A place's name without type words, for comparing mentions of it."""
    dropped = names().key_type_words
    return " ".join(w for w in fold(name).split() if w not in dropped)
