"""The parser's language data, read once from the packaged files in `data/`.

Keeping vocabulary out of the engine lets linguists extend it without touching rules;
hashing the files' bytes into `PARSER_VERSION` marks every report with the data it used.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from importlib.resources import files
from typing import Any, TypeVar

from dronewatch.folding import fold_yo
from dronewatch.parsing import morph
from dronewatch.parsing.sorted_table import SortedTable
from dronewatch.regions import regions

DATA_FILES = (
    "vocabulary.toml",
    "numbers.tsv",
    "damage.tsv",
    "region_aliases.tsv",
    "region_adjectives.tsv",
    "gazetteer.tsv",
    "gazetteer_forms.tsv",
)
# The semantic version of the rules: bump it with every change of behaviour. The version
# string also hashes the rule modules' source and the data files, so that no change of
# either can leave reports marked with a stale version.
RULES_VERSION = "1.28.0"
RULE_MODULES = (
    "casualties.py",
    "damage.py",
    "drones.py",
    "engine.py",
    "features.py",
    "headline.py",
    "kind.py",
    "lexicon.py",
    "morph.py",
    "numbers.py",
    "places/__init__.py",
    "places/bare_names.py",
    "places/declension.py",
    "places/districts.py",
    "places/english.py",
    "places/gazetteer.py",
    "places/grammar.py",
    "places/scenes.py",
    "places/settlements.py",
    "places/translit.py",
    "places/vocabulary.py",
    "regions.py",
    "reminders.py",
    "report.py",
    "sorted_table.py",
    "text.py",
    "windows.py",
)


def _read(name: str) -> str:
    return files("dronewatch.parsing").joinpath("data", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, without comments and without a header naming its columns."""
    rows = [
        line.split("\t")
        for line in _read(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return rows[1:] if rows and rows[0][0] == "name_ru" else rows


@dataclass(frozen=True, slots=True)
class DamageWord:
    stem: str
    tag: str
    role: str
    exact: bool


@dataclass(frozen=True, slots=True)
class Settlement:
    name: str
    name_en: str
    region: str


@dataclass(frozen=True, slots=True)
class SettlementForm:
    """What the parser's morphology says of a folded inflected form of gazetteer names."""

    keys: tuple[str, ...]  # the gazetteer key words it may stand for
    agreeing: frozenset[str]  # the gazetteer names it agrees with
    adjectival: bool  # whether some reading is an adjective or a participle


@dataclass(frozen=True)
class Lexicon:
    vocab: dict[str, dict[str, list[str]]]
    numbers: dict[str, int]
    damage: tuple[DamageWord, ...]
    region_nouns: dict[str, str]
    region_adjectives: dict[str, tuple[str, str]]
    region_english: dict[str, tuple[str, bool]]
    settlements: dict[str, tuple[Settlement, ...]]
    settlements_en: dict[str, tuple[Settlement, ...]]
    # Folded inflected forms of the gazetteer's names -> what the morphology says of each
    # (gazetteer_forms.tsv; see settlement_form).
    settlement_forms: SortedTable


def english_key(name: str) -> str:
    """A spelling-tolerant key for romanised names ("Pervomaisky" ~ "Pervomayskiy",
    "Novokuibyshevsk" ~ "Novokuybyshevsk", "Yelets" ~ "Elets", "-skoye" ~ "-skoe",
    "Rostov-on-Don" ~ "Rostov-na-Donu")."""
    key = name.lower().replace("’", "").replace("'", "")
    for letter in vocabulary()["region_names"]["read_as_latin_e"]:
        key = key.replace(letter, "e")
    key = key.replace("iya", "ia")  # "Feodosiya" ~ "Feodosia", before "iy" is folded
    key = key.replace("iy", "y").replace("yy", "y")
    for vowel in "aoue":
        key = key.replace(vowel + "i", vowel + "y")
    key = key.replace("yo", "e").replace("ye", "e").replace("-on-", "-na-").replace("iya", "ia")
    if "-na-" in key:  # "Slavyansk-on-Kuban" ~ "Slavyansk-na-Kubani", "Rostov-on-Don"
        key = key.rstrip("aeiouy")
    return key.removesuffix("e") if key.endswith("oe") else key


@cache
def vocabulary() -> dict[str, Any]:
    """vocabulary.toml, parsed once (`lexicon()` holds it; the region names it builds read
    their own section before it is done)."""
    return tomllib.loads(_read("vocabulary.toml"))


def _regions() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, tuple[str, bool]]]:
    """Region names by lemma: nouns ("крым"), adjectives with their type word, and English
    names (with whether they need a type word: "Kursk region" but "Crimea")."""
    data = vocabulary()["region_names"]
    region_types = frozenset(data["type_words"])
    transparent = frozenset(data["transparent"])
    nouns: dict[str, str] = {}
    adjectives: dict[str, tuple[str, str]] = {}
    english: dict[str, tuple[str, bool]] = {}
    for region in regions().values():
        words = region.name_ru.replace("(", " ").replace(")", " ").replace("—", " ").split()
        words = [fold_yo(w.lower()) for w in words if w.lower() not in transparent]
        type_word = next((w for w in words if w in region_types), "")
        for position, word in enumerate(words):
            if word in region_types:
                continue
            following = words[position + 1] if position + 1 < len(words) else ""
            if morph.has_reading(word, "ADJF"):
                if following in region_types:
                    adjectives.setdefault(fold_yo(morph.nominative(word)), (region.code, type_word))
            elif word[0].isalpha():
                nouns.setdefault(fold_yo(morph.lemma(word)), region.code)
        name_en = region.name_en.lower()
        typed = name_en.endswith((" oblast", " krai"))
        for suffix in (" oblast", " krai"):
            name_en = name_en.removesuffix(suffix)
        if name_en not in english or (english[name_en][1] and not typed):
            english[name_en] = (region.code, typed)  # "Moscow" is the city, not the oblast
    for form, code in _rows("region_aliases.tsv"):
        if form.isascii():
            english[form] = (code, False)
        else:
            nouns[form] = code
    for form, code in _rows("region_adjectives.tsv"):
        adjectives.setdefault(form, (code, data["adjective_type_word"]))
    return nouns, adjectives, english


def forms_stamp() -> str:
    """What the table of the gazetteer names' forms was derived from: the gazetteer's bytes
    and the morphology (pymorphy3 and its dictionaries) that analysed the forms."""
    gazetteer = files("dronewatch.parsing").joinpath("data", "gazetteer.tsv").read_bytes()
    dictionary = morph.analyzer().dictionary.meta
    return "gazetteer {} pymorphy3 {} dictionaries {} {}".format(
        hashlib.sha256(gazetteer).hexdigest()[:12],
        version("pymorphy3"),
        dictionary.get("source_revision"),
        dictionary.get("compiled_at"),
    )


def _settlement_forms() -> SortedTable:
    """The table of gazetteer_forms.tsv; empty when it was derived from another gazetteer
    or by another morphology (its answers would then differ from the analysis it saves)."""
    data = files("dronewatch.parsing").joinpath("data", "gazetteer_forms.tsv").read_bytes()
    stamp = re.search(rb"^# stamp: (.*)$", data, re.MULTILINE)
    if stamp is None or stamp.group(1).decode() != forms_stamp():
        return SortedTable(b"")
    return SortedTable(data)


@lru_cache(maxsize=65536)
def settlement_form(word: str) -> SettlementForm | None:
    """What the morphology says of a folded word when it is a form of a gazetteer name: a
    look-up that spares analysing the name (pymorphy3 guesses unknown words slowly)."""
    row = lexicon().settlement_forms.get(word)
    if row is None:
        return None
    keys, names, adjectival = row.split("\t")
    return SettlementForm(
        tuple(keys.split(" ")) if keys else (),
        frozenset(names.split(" ")) if names else frozenset(),
        adjectival == "1",
    )


@lru_cache(maxsize=65536)
def region_noun(word: str) -> str | None:
    """The code of the region a lower-case word names by its noun ("крыму" -> "UA-43").
    Every form of a region's noun keeps its first three letters, so a word that begins
    otherwise (most capitalised words: names of villages and people) needs no morphology."""
    if word[:3] not in _region_noun_beginnings():
        return None
    return lexicon().region_nouns.get(morph.lemma(word))


@cache
def _region_noun_beginnings() -> frozenset[str]:
    return frozenset(noun[:3] for noun in lexicon().region_nouns)


@cache
def lexicon() -> Lexicon:
    """All language data, loaded on first use."""
    vocab = vocabulary()
    numbers = {word: int(value) for word, value in _rows("numbers.tsv")}
    damage = tuple(
        DamageWord(stem.rstrip("$"), tag, role, stem.endswith("$"))
        for stem, tag, role in _rows("damage.tsv")
    )
    settlements: dict[str, list[Settlement]] = {}
    settlements_en: dict[str, list[Settlement]] = {}
    for name, name_en, region, key in _rows("gazetteer.tsv"):
        settlement = Settlement(name, name_en, region)
        settlements.setdefault(fold_yo(key), []).append(settlement)
        settlements_en.setdefault(english_key(name_en), []).append(settlement)
    nouns, adjectives, english = _regions()
    loaded = Lexicon(
        vocab=vocab,
        numbers=numbers,
        damage=damage,
        region_nouns=nouns,
        region_adjectives=adjectives,
        region_english=english,
        settlements={k: tuple(v) for k, v in settlements.items()},
        settlements_en={k: tuple(v) for k, v in settlements_en.items()},
        settlement_forms=_settlement_forms(),
    )
    morph.freeze_loaded_data()
    return loaded


def data_hash() -> str:
    """A short hash of the data files' and the rule modules' bytes."""
    package = files("dronewatch.parsing")
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(package.joinpath("data", name).read_bytes())
    for name in RULE_MODULES:
        source = package.joinpath(name)
        if source.is_file():  # absent only from a bytecode-only install
            digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


PARSER_VERSION = f"{RULES_VERSION}+{data_hash()}"


@cache
def words(section: str, key: str) -> tuple[str, ...]:
    """A word list of vocabulary.toml (`[section] key`), built once."""
    return tuple(lexicon().vocab[section][key])


class WordSet(Collection[str]):
    """A word list of vocabulary.toml (`[section] key`) as a set, read on first use: for a
    module-level constant that rules test words against (`word in NEGATIONS`)."""

    __slots__ = ("_key", "_section", "_words")

    def __init__(self, section: str, key: str) -> None:
        self._section = section
        self._key = key
        self._words: frozenset[str] | None = None

    def _loaded(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(words(self._section, self._key))
        return self._words

    def __contains__(self, word: object) -> bool:
        loaded = self._words  # read once, then a plain set look-up (tested per token)
        return word in (loaded if loaded is not None else self._loaded())

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


_Section = TypeVar("_Section")


def section(kind: Callable[..., _Section], name: str) -> _Section:
    """The section `[name]` of vocabulary.toml as a typed object: `kind` (a frozen
    dataclass) takes each key as a keyword argument, a list as a tuple, a string as it is;
    a key it lacks, or one the section lacks, is an error. Callers keep the object (once)."""
    entries = lexicon().vocab[name]
    return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in entries.items()})


# Damage words: a folded word's entry of damage.tsv.
_MAX_SUFFIX = 4
_LONG_STEM = 9
_MAX_LONG_SUFFIX = 6


@cache
def _by_first_letter() -> dict[str, tuple[DamageWord, ...]]:
    index: dict[str, list[DamageWord]] = {}
    for word in lexicon().damage:
        index.setdefault(word.stem[0], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def vocabulary_tag(word: str) -> DamageWord | None:
    """The damage vocabulary entry a folded word belongs to (longest stem wins)."""
    best: DamageWord | None = None
    for entry in _by_first_letter().get(word[:1], ()):
        if entry.exact:
            matched = word == entry.stem
        elif word.isascii():
            matched = word in (entry.stem, entry.stem + "s", entry.stem + "es")
        else:
            # Long stems are specific enough for participle endings ("нефтеперерабатывающего").
            limit = _MAX_SUFFIX if len(entry.stem) < _LONG_STEM else _MAX_LONG_SUFFIX
            matched = word.startswith(entry.stem) and len(word) - len(entry.stem) <= limit
        if matched and (best is None or len(entry.stem) > len(best.stem)):
            best = entry
    if best is None and "-" in word:
        # "торгово-развлекательного", "легковушка-иномарка": a compound is what a part is
        return next((e for e in map(vocabulary_tag, word.split("-")) if e is not None), None)
    if best is not None and best.tag == "none":
        return None  # "школьник", "автомобилист": a person, not the object
    return best


# Word classes: the lists of vocabulary.toml a rule asks about token by token. A rule
# module declares the classes it needs (`word_class`) when it is imported; every word
# token then carries them as bits of its `classes` (text.scan), computed once per distinct
# word from an index of the lists' stems, so a rule tests a bit instead of matching the
# word against the list again at every token it looks at.
_classes: dict[tuple[str, str, bool], int] = {}
_class_index_built = False


def word_class(section: str, key: str, *, exact: bool = False) -> int:
    """The flag of the words of `vocabulary.toml [section] key`: the words that begin with
    one of its stems (as `word.startswith(words(section, key))`), or, `exact`, that are one
    of its words (as `word in words(section, key)`). Declared once, at import."""
    found = _classes.get((section, key, exact))
    if found is not None:
        return found
    if _class_index_built:
        raise RuntimeError(f"word class [{section}] {key} declared after words were classed")
    bit = 1 << len(_classes)
    _classes[(section, key, exact)] = bit
    return bit


@cache
def _class_index() -> tuple[dict[str, int], dict[str, int], int]:
    """(stem -> the classes it begins, word -> the classes it is one of, the longest
    stem's length)."""
    global _class_index_built
    _class_index_built = True
    stems: dict[str, int] = {}
    exact: dict[str, int] = {}
    for (section, key, is_exact), bit in _classes.items():
        target = exact if is_exact else stems
        for word in lexicon().vocab[section][key]:
            target[word] = target.get(word, 0) | bit
    return stems, exact, max(map(len, stems), default=0)


@lru_cache(maxsize=65536)
def word_classes(word: str) -> int:
    """The declared word classes a folded word belongs to."""
    stems, exact, longest = _class_index()
    found = exact.get(word, 0)
    for end in range(min(len(word), longest) + 1):
        found |= stems.get(word[:end], 0)
    return found
