"""Per-word feature flags, computed once per distinct word and carried by every token.

Each rule family asks a few questions of every word ("does it start with a casualty
stem?", "is its lemma a settlement type?"). Answering them once per distinct word (cached)
and storing the answers as bits on the token lets the rules skip, with one integer test,
the sentences and tokens that cannot concern them: the cheap pre-filter that keeps the
parser fast on long posts. The flags only ever narrow the work; each rule still applies
its full condition to the tokens that pass.
"""

from __future__ import annotations

from functools import cache, lru_cache

from dronewatch.folding import fold_yo
from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import (
    WordSet,
    lexicon,
    vocabulary_tag,
    word_class,
    word_classes,
    words,
)

# drones.py
DRONE_CANDIDATE = 1 << 0  # could be a drone noun (full check in drones._noun_kind)
DOWN = 1 << 1  # starts with a "down" event stem
STRIKE = 1 << 2  # starts with a "strike" event stem
ADVICE = 1 << 3
THREAT = 1 << 4  # starts with a threat stem
WAR_START = 1 << 5  # "начала", "beginning", "start"
WAR_TOTAL = 1 << 6
MORE = 1 << 7  # "ещё", "more", "another"
# kind.py
AFTERMATH = 1 << 8
ALERT = 1 << 9
# casualties.py
KILLED = 1 << 10
INJURED = 1 << 11
ZERO_BOTH = 1 << 12
ZERO_KILLED = 1 << 13
MEDICAL_OK = 1 << 14
FATAL = 1 << 15  # "несовместим..."
# damage.py
FAKE = 1 << 16
PREDICATE = 1 << 17  # damage, hit or debris predicate (damage._predicate_of)
FIRE = 1 << 18
VOCABULARY = 1 << 19  # in the damage vocabulary
REPELLED = 1 << 20
NO_DAMAGE_NOUN = 1 << 21
NEGATION = 1 << 22  # "не", "no", "not", "без", "without", "нет"
# places/
DISTRICT_TYPE = 1 << 23
SETTLEMENT_TYPE = 1 << 24  # its lemma is a settlement type word
SETTLEMENT_ABBREVIATION = 1 << 25
HOSPITAL = 1 << 26
# windows.py
WINDOW_FROM = 1 << 27  # "с", "from", "between"
# set by text._describe from the token's spelling, not its folded form
CAPITALIZED_LATIN = 1 << 28
CAPITALIZED_CYRILLIC = 1 << 29  # capitalised and not Latin

# kind.py
RESTRICTION = 1 << 30  # "ограничения", "restricted"
AVIATION = 1 << 31  # "аэропорт", "полётов", "flights"
REPAIR = 1 << 32  # "ремонт", "восстановление"
PAST = 1 << 33  # "прошлом", "last"
EXERCISE = 1 << 34  # "учения", "drill"
# engine.py
REMINDER = 1 << 35  # "напомним", "ранее", "как": may open a paragraph of earlier events
# drones.py
YEAR = 1 << 36  # "год", "year": a sentence may sum up a year
TOTAL = 1 << 37  # "всего", "total": may precede a bare total ("Всего за ночь — 12")
# damage.py
CLAUSE_WORD = 1 << 38  # a word the damage rules look for in a clause (damage._MARKED)
INTACT = 1 << 39  # "целы", "intact": things said to be undamaged
# kind.py
CALL = 1 << 40  # "внимание", "attention": a call that may shout a warning

CASUALTY = KILLED | INJURED | ZERO_BOTH | ZERO_KILLED | MEDICAL_OK
DAMAGE = PREDICATE | FIRE | VOCABULARY | NO_DAMAGE_NOUN
EVENT = DOWN | STRIKE

NEGATIONS = WordSet("flags", "negations")


# The flags that are one vocabulary list each, by the word class (lexicon.word_class)
# that sets them.
_LIST_FLAGS = (
    (DOWN, word_class("events", "down")),
    (ADVICE, word_class("events", "advice")),
    (WAR_TOTAL, word_class("events", "war_total")),
    (MORE, word_class("cumulative", "more", exact=True)),
    (AFTERMATH, word_class("aftermath", "prefixes")),
    (ALERT, word_class("alerts", "prefixes")),
    (KILLED, word_class("casualties", "killed")),
    (KILLED, word_class("casualties", "survived", exact=True)),  # read only negated
    (INJURED, word_class("casualties", "injured")),
    (ZERO_BOTH, word_class("casualties", "zero_both")),
    (ZERO_KILLED, word_class("casualties", "zero_killed")),
    (MEDICAL_OK, word_class("casualties", "medical_ok")),
    (FAKE, word_class("damage", "fake")),
    (REPELLED, word_class("damage", "repelled")),
    (CLAUSE_WORD, word_class("damage", "landmarks")),
    (CLAUSE_WORD, word_class("damage", "working")),
    (CLAUSE_WORD, word_class("damage", "uncertain")),
    (CLAUSE_WORD, word_class("damage", "news_words")),
    (INTACT, word_class("damage", "intact", exact=True)),
    (CALL, word_class("kind", "calls", exact=True)),
    (HOSPITAL, word_class("places", "hospital")),
    (SETTLEMENT_ABBREVIATION, word_class("places", "settlement_abbreviations", exact=True)),
    (RESTRICTION, word_class("alerts", "restrictions")),
    (AVIATION, word_class("alerts", "aviation")),
    (REPAIR, word_class("aftermath", "repairs")),
    (PAST, word_class("aftermath", "past")),
    (EXERCISE, word_class("aftermath", "exercises", exact=True)),
    (REMINDER, word_class("aftermath", "reminders", exact=True)),
    (REMINDER, word_class("aftermath", "earlier", exact=True)),
    (REMINDER, word_class("aftermath", "previous_day", exact=True)),
    (REMINDER, word_class("aftermath", "before_that_words", exact=True)),
    (REMINDER, word_class("kind", "retelling", exact=True)),  # "Как сообщалось, ..."
    (YEAR, word_class("events", "year", exact=True)),
    (TOTAL, word_class("cumulative", "bare_totals", exact=True)),
)
# The lists the other flags are composed of.
_STRIKE_STEMS = word_class("events", "strike")
_NOT_STRIKE = word_class("events", "not_strike")
_THREAT_STEMS = word_class("events", "threat")
_DAMAGE_STEMS = word_class("damage", "damage")
_NOT_FIRE = word_class("damage", "not_fire")
_HIT = word_class("damage", "hit")
_DEBRIS = word_class("damage", "debris")
_AVOIDED = word_class("damage", "avoided")


@cache
def _drone_stems() -> tuple[str, ...]:
    drones = lexicon().vocab["drones"]
    # four letters, or three of a four-letter word ("цель": "целей")
    nouns = drones["nouns"] + drones["heads"] + drones["weak"]
    return tuple(w[: min(4, len(w) - 1)] for w in nouns)


def _drone_candidate(low: str, latin: bool) -> bool:
    """A superset of the words `drones._noun_kind` can accept."""
    drones = lexicon().vocab["drones"]
    if latin:
        stem = low.removesuffix("s")
        return (
            stem in drones["english_nouns"]
            or stem in drones["heads"]
            or low in drones["heads"]
            or low in drones["weak"]
            or stem in drones["weak"]
        )
    if low in drones["abbreviations"]:
        return True
    stems = _drone_stems()
    return any(part.startswith(stems) for part in low.split("-"))


@lru_cache(maxsize=65536)
def word_flags(low: str, latin: bool) -> int:
    """The flags of a folded word token."""
    places = lexicon().vocab["places"]
    classes = word_classes(low)
    flags = 0
    for flag, listed in _LIST_FLAGS:
        if classes & listed:
            flags |= flag
    # damage._predicates gives such a word a kind (damage, hit or debris)
    predicate = (classes & _DAMAGE_STEMS and not classes & _NOT_FIRE) or classes & (_HIT | _DEBRIS)
    checks = (
        (DRONE_CANDIDATE, _drone_candidate(low, latin)),
        (STRIKE, classes & _STRIKE_STEMS and not classes & _NOT_STRIKE),
        (THREAT, classes & _THREAT_STEMS or low == "threat"),
        (WAR_START, low in words("flags", "war_start")),
        (FATAL, low.startswith(words("casualties", "incompatible"))),
        (PREDICATE, predicate),
        (FIRE, low.startswith(words("flags", "fire")) and not classes & _NOT_FIRE),
        (VOCABULARY, vocabulary_tag(low) is not None),
        (NO_DAMAGE_NOUN, low.startswith(words("flags", "no_damage_nouns"))),
        (NEGATION, low in NEGATIONS or classes & _AVOIDED),
        (WINDOW_FROM, low in words("flags", "window_from")),
    )
    for bit, present in checks:
        if present:
            flags |= bit
    # Every form of these nouns starts as their lemma does, so only words with such a
    # beginning need the (costly, for a new word) morphological analysis.
    districts = places["district_types"]
    if low in districts or (
        low.startswith(_beginnings("district_types")) and morph.lemma(low) in districts
    ):
        flags |= DISTRICT_TYPE
    if (
        not latin
        and low.startswith(_beginnings("settlement_types"))
        and morph.lemmas(low) & set(places["settlement_types"])
    ):
        flags |= SETTLEMENT_TYPE
    return flags


@cache
def _beginnings(key: str) -> tuple[str, ...]:
    """The first three letters (ё folded) of the lemmas listed under `places.key`."""
    return tuple({fold_yo(w)[:3] for w in lexicon().vocab["places"][key]})
