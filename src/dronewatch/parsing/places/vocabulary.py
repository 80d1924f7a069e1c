"""The words and endings the place rules look for, as typed objects read once.

Every Cyrillic string the rules of this package use lives in `data/vocabulary.toml`:
the word lists of `[places]` (type words, prepositions, titles: `place_words`), and the
sections below, one object each: how a district's name is written (`[place_names]`),
the short function words that link names (`[place_links]`), the endings of the cases and
shapes the rules tell apart (`[place_endings]`), and the transliteration tables
(`[romanisation]`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from dronewatch.folding import fold
from dronewatch.parsing.lexicon import section, words

Words = tuple[str, ...]

# A name as compared: lower case, ё as е (once per distinct name).
folded = lru_cache(maxsize=65536)(fold)


@cache
def place_words(key: str) -> Words:
    """A word list of `[places]` in vocabulary.toml."""
    return words("places", key)


@dataclass(frozen=True, slots=True)
class PlaceNames:
    raion: str
    okrug: str
    okrug_qualifier: str
    urban_okrug: str
    urban_okrug_letters: Words
    raion_abbreviation: str
    capitalised_district_type: str
    key_type_words: Words
    microdistrict: str
    microdistrict_abbreviations: Words
    type_genders: Words


@dataclass(frozen=True, slots=True)
class PlaceLinks:
    list: Words
    into: Words
    shared_type: Words
    locating: str
    near: Words
    vicinity: Words
    vicinity_links: Words
    genitive: str
    negation: str
    street_abbreviation: str
    roads: Words


@dataclass(frozen=True, slots=True)
class PlaceEndings:
    adjective_shaped: Words
    village: Words
    village_oblique: Words
    village_nominative: str
    skiy_oblique: Words
    skiy_genitive: Words
    oblique_adjective: Words
    plural_oblique: Words
    plural_of_place: Words
    adjective_name: Words
    neuter_plural_adjective: Words
    plural_nominative: Words
    plural_adjective: Words
    feminine_nominative: Words
    dwellers: Words
    feminine_oblique: Words
    feminine_by_case: Words
    masculine_oblique: Words
    feminine_genitive: str
    feminine_nominative_ending: str
    skiy_lemma: Words
    skiy_masculine: Words
    stressed: str
    skiy_stem_end: str
    skiy_oblique_by_gender: Words
    skiy_nominative_by_gender: Words
    town_adjective_as_is: Words
    town_adjective_from_feminine_neuter: Words
    town_adjective_stems: Words
    town_adjective_soft: str
    town_adjective_ets: str
    town_adjective_ets_ending: str
    town_adjective_vowels: Words
    town_adjective_ka: str
    town_adjective_yk: str
    town_adjective_suffix: str
    town_adjective_options: Words


@dataclass(frozen=True, slots=True)
class Romanisation:
    letters: Words
    endings: Words
    short_i: str
    soft_after: str
    adjective_soft: str
    adjective_hard: str
    plural_soft: str
    plural_hard: str
    soft_sign: str
    adjective_stems: Words
    ts_before_k: str
    to_latin: Words


@cache
def names() -> PlaceNames:
    return section(PlaceNames, "place_names")


@cache
def links() -> PlaceLinks:
    return section(PlaceLinks, "place_links")


@cache
def endings() -> PlaceEndings:
    return section(PlaceEndings, "place_endings")


@cache
def romanisation() -> Romanisation:
    return section(Romanisation, "romanisation")


def pairs(entries: Words) -> dict[str, str]:
    """Entries "key value" as a mapping ("с neut" -> {"с": "neut"}); a key alone maps to
    the empty string."""
    return {key: value for key, _, value in (entry.partition(" ") for entry in entries)}


def pairs_of_lists(entries: Words) -> dict[str, Words]:
    """Entries "key value value ..." as a mapping of the key to its values."""
    return {key: tuple(rest) for key, *rest in (entry.split() for entry in entries)}
