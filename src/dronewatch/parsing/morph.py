"""One shared pymorphy3 analyser, created lazily, with cached look-ups.

MorphAnalyzer is thread-safe for reads; caching by word keeps the parser fast on the
vocabulary that news posts repeat all day.
"""

from __future__ import annotations

import gc
import re
import tomllib
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import pymorphy3


@cache
def _analysable() -> re.Pattern[str]:
    """pymorphy3 names every letter it analyses (`unicodedata.name`), which raises for code
    points without a name (Tangut, unassigned): only Cyrillic and Latin words, with their
    hyphens, are worth analysing at all (the Cyrillic letters: vocabulary.toml [text])."""
    data = files("dronewatch.parsing").joinpath("data", "vocabulary.toml")
    vocabulary = tomllib.loads(data.read_text(encoding="utf-8"))  # once: lexicon imports morph
    letters = f"a-zA-Z{vocabulary['text']['analysable_letters']}"
    return re.compile(rf"[{letters}]+(?:[-‐][{letters}]+)*")


@cache
def analyzer() -> Any:
    """The process-wide analyser (loading the dictionaries takes a while: do it once)."""
    loaded = pymorphy3.MorphAnalyzer()
    freeze_loaded_data()
    return loaded


def freeze_loaded_data() -> None:
    """Exempt the objects alive now (dictionaries, lexicon: loaded once, kept for good)
    from garbage collection: a full collection then skips their tens of thousands of
    objects, which would otherwise make the post that triggers it tens of ms slower."""
    gc.freeze()


def analysable(word: str) -> bool:
    """Whether the word is made of Cyrillic or Latin letters (and hyphens) only."""
    return _analysable().fullmatch(word) is not None


# A small cache: the rules that need the parse objects themselves (nominatives, agreement,
# district adjectives) ask right after `parses` did, for the same word. Small, because
# many parse objects kept alive slow the garbage collector.
@lru_cache(maxsize=128)
def readings(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of the word; none for words in other scripts (and never an error)."""
    if not analysable(word):
        return ()
    try:
        return tuple(analyzer().parse(word))
    except ValueError:  # a letter unicodedata cannot name
        return ()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(normal form, grammemes) of each reading of a lower-case word, best first."""
    return tuple((p.normal_form, frozenset(p.tag.grammemes)) for p in readings(word))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The most likely normal form of a lower-case word."""
    readings = parses(word)
    return readings[0][0] if readings else word


def lemmas(word: str) -> frozenset[str]:
    """Every normal form the word may have."""
    return frozenset(form for form, _ in parses(word))


@lru_cache(maxsize=65536)
def has_reading(word: str, *grammemes: str) -> bool:
    """Whether some reading of the word carries all the grammemes."""
    wanted = set(grammemes)
    return any(wanted <= tags for _, tags in parses(word))


@lru_cache(maxsize=65536)
def top_has(word: str, *grammemes: str) -> bool:
    """Whether the best reading of the word carries all the grammemes."""
    readings = parses(word)
    return bool(readings) and set(grammemes) <= readings[0][1]


@lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether the word is in the dictionary (unknown words are guessed by pymorphy3)."""
    return analysable(word) and bool(analyzer().word_is_known(word))


@lru_cache(maxsize=16384)
def nominative(word: str, gender: str = "masc") -> str:
    """The nominative singular of an adjective ("Боровским" -> "боровский")."""
    for p in readings(word):
        if p.tag.POS in ("ADJF", "PRTF"):
            if gender == "masc":
                return str(p.normal_form)
            form = p.inflect({"nomn", "sing", gender})
            if form is not None:
                return str(form.word)
    return lemma(word)


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[str, ...]:
    """The word in the nominative, keeping each reading's gender and number ("Полтавской"
    -> "полтавская", "Лисках" -> "лиски", "Чайковском" -> "чайковский", "чайковское")."""
    forms: list[str] = []
    for p in readings(word)[:4]:
        if p.tag.POS not in ("NOUN", "ADJF"):
            continue
        wanted = {"nomn"}
        if p.tag.number:
            wanted.add(p.tag.number)
        if p.tag.POS == "ADJF" and p.tag.gender and p.tag.number != "plur":
            wanted.add(p.tag.gender)
        form = p.inflect(wanted)
        if form is not None and form.word not in forms:
            forms.append(str(form.word))
    return tuple(forms)


@lru_cache(maxsize=16384)
def agree(word: str, gender: str) -> str | None:
    """An adjective-shaped name in the nominative of `gender` (masc, femn, neut) when some
    reading of it is an oblique adjective of that gender or a plural ("Полтавской", femn ->
    "полтавская"), else None."""
    adjectives = [p for p in readings(word)[:4] if p.tag.POS == "ADJF"]
    if not adjectives or any(p.tag.case == "nomn" for p in adjectives):
        return None
    # Any reading of that gender, however unlikely ("Грозного": a neuter reading first);
    # none agreeing, the word is no adjective of its type word ("в селе Дедеркой").
    for p in readings(word):
        if p.tag.POS == "ADJF" and (p.tag.gender == gender or p.tag.number == "plur"):
            form = p.inflect({"nomn", gender, "sing"})
            if form is not None:
                return str(form.word)
    return None


@lru_cache(maxsize=16384)
def adjective_nominative(word: str, gender: str) -> str | None:
    """An adjective in the nominative singular of `gender`, whatever case it is read in
    ("Большой", femn -> "большая"), for a name whose noun fixes the gender."""
    for p in readings(word)[:8]:
        if p.tag.POS == "ADJF":
            form = p.inflect({"nomn", gender, "sing"})
            if form is not None:
                return str(form.word)
    return None
