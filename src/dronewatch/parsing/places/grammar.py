"""The shapes of words that every place rule tests, and the found place itself.

A place is named by a capitalised word in some case, after a type word or a
preposition: the rules of the other modules ask the same few questions of it (is it an
adjective, in which cases can it be, does it agree with its type word, is it an
abbreviation), answered here once, with the morphology's caches behind them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import words
from dronewatch.parsing.text import Sentence, Token

_TYPE_WORDS = frozenset({"район", "округ", "муниципальный", "городской"})
_ENDINGS_ADJECTIVE = tuple(
    stem + ending
    for stem in ("ск", "цк")
    for ending in ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их", "ими")
)
VILLAGE_ENDINGS = ("ово", "ево", "ино", "ыно")
ENDINGS_OBLIQUE = ("ского", "цкого", "ской", "цкой", "ском", "цком", "ским", "цким")


class Place(NamedTuple):
    name: str
    sentence: int
    start: int
    end: int


@cache
def place_words(key: str) -> tuple[str, ...]:
    return words("places", key)


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
        token.capitalized and token.low.endswith(_ENDINGS_ADJECTIVE)
    )


def indices(groups: list[Sentence], flags: int) -> list[int]:
    """Indices of the tokens with any of the flags, in order."""
    return [
        index
        for union, group, first in groups
        if union & flags
        for index, token in enumerate(group, first)
        if token.flags & flags
    ]


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
    if noun.startswith("р-н"):
        noun = "район" + noun.removeprefix("р-н")  # "р-не" -> "районе"
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
OBLIQUE_ADJECTIVE = ("ой", "ом", "ым", "им", "ую", "юю", "ей", "его", "ого", "ему", "ому")
ADJECTIVE_NAME_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые")


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
    return " ".join(w for w in name.lower().replace("ё", "е").split() if w not in _TYPE_WORDS)
