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

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import lexicon, words

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
# places.py
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
REMINDER = 1 << 35  # "напомним", "ранее": may open a paragraph of earlier events
# drones.py
YEAR = 1 << 36  # "год", "year": a sentence may sum up a year
TOTAL = 1 << 37  # "всего", "total": may precede a bare total ("Всего за ночь — 12")
# damage.py
CLAUSE_WORD = 1 << 38  # a word the damage rules look for in a clause (damage._MARKED)

CASUALTY = KILLED | INJURED | ZERO_BOTH | ZERO_KILLED | MEDICAL_OK
DAMAGE = PREDICATE | FIRE | VOCABULARY | NO_DAMAGE_NOUN
EVENT = DOWN | STRIKE

_NO_DAMAGE_NOUNS = (
    "разрушени", "повреждени", "ущерб", "урон", "последстви", "damage", "destruction",
    "consequences",
)  # fmt: skip
NEGATIONS = frozenset({"не", "no", "not", "без", "without", "нет"})
_FIRE = (
    "пожар", "возгора", "загор", "горени", "горит", "горят", "сгорел", "выгорел", "огонь", "огнем",
    "воспламен", "пламя", "пламен", "fire", "blaze", "burn", "flame", "горел", "ablaze",
)  # fmt: skip


@cache
def _prefixes() -> dict[str, tuple[str, ...]]:
    return {
        "down": words("events", "down"),
        "strike": words("events", "strike"),
        "not_strike": words("events", "not_strike"),
        "advice": words("events", "advice"),
        "threat": words("events", "threat"),
        "war_total": words("events", "war_total"),
        "aftermath": words("aftermath", "prefixes"),
        "alerts": words("alerts", "prefixes"),
        "killed": words("casualties", "killed"),
        "injured": words("casualties", "injured"),
        "zero_both": words("casualties", "zero_both"),
        "zero_killed": words("casualties", "zero_killed"),
        "medical_ok": words("casualties", "medical_ok"),
        "fake": words("damage", "fake"),
        "avoided": words("damage", "avoided"),
        "damage": words("damage", "damage"),
        "not_fire": words("damage", "not_fire"),
        "hit": words("damage", "hit"),
        "debris": words("damage", "debris"),
        "repelled": words("damage", "repelled"),
        "clause_words": tuple(
            w
            for key in ("landmarks", "working", "uncertain", "news_words")
            for w in words("damage", key)
        ),
        "hospital": words("places", "hospital"),
        "restrictions": words("alerts", "restrictions"),
        "aviation": words("alerts", "aviation"),
        "repairs": words("aftermath", "repairs"),
        "past": words("aftermath", "past"),
    }


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


def _predicate(low: str) -> bool:
    """Whether `damage._predicates` gives the word a kind (damage, hit or debris)."""
    p = _prefixes()
    if low.startswith(p["damage"]) and not low.startswith(p["not_fire"]):
        return True
    return low.startswith(p["hit"]) or low.startswith(p["debris"])


@lru_cache(maxsize=65536)
def word_flags(low: str, latin: bool) -> int:
    """The flags of a folded word token."""
    from dronewatch.parsing.damage import vocabulary_tag

    p = _prefixes()
    lex = lexicon()
    places = lex.vocab["places"]
    flags = 0
    checks = (
        (DRONE_CANDIDATE, _drone_candidate(low, latin)),
        (DOWN, low.startswith(p["down"])),
        (STRIKE, low.startswith(p["strike"]) and not low.startswith(p["not_strike"])),
        (ADVICE, low.startswith(p["advice"])),
        (THREAT, low.startswith(p["threat"]) or low == "threat"),
        (WAR_START, low in ("начала", "beginning", "start")),
        (WAR_TOTAL, low.startswith(p["war_total"])),
        (MORE, low in lex.vocab["cumulative"]["more"]),
        (AFTERMATH, low.startswith(p["aftermath"])),
        (ALERT, low.startswith(p["alerts"])),
        (KILLED, low.startswith(p["killed"])),
        (INJURED, low.startswith(p["injured"])),
        (ZERO_BOTH, low.startswith(p["zero_both"])),
        (ZERO_KILLED, low.startswith(p["zero_killed"])),
        (MEDICAL_OK, low.startswith(p["medical_ok"])),
        (FATAL, low.startswith("несовместим")),
        (FAKE, low.startswith(p["fake"])),
        (PREDICATE, _predicate(low)),
        (FIRE, low.startswith(_FIRE) and not low.startswith(p["not_fire"])),
        (VOCABULARY, vocabulary_tag(low) is not None),
        (REPELLED, low.startswith(p["repelled"])),
        (CLAUSE_WORD, low.startswith(p["clause_words"])),
        (NO_DAMAGE_NOUN, low.startswith(_NO_DAMAGE_NOUNS)),
        (NEGATION, low in NEGATIONS or low.startswith(p["avoided"])),
        (HOSPITAL, low.startswith(p["hospital"])),
        (SETTLEMENT_ABBREVIATION, low in places["settlement_abbreviations"]),
        (WINDOW_FROM, low in ("с", "from", "between")),
        (RESTRICTION, low.startswith(p["restrictions"])),
        (AVIATION, low.startswith(p["aviation"])),
        (REPAIR, low.startswith(p["repairs"])),
        (PAST, low.startswith(p["past"])),
        (EXERCISE, low in lex.vocab["aftermath"]["exercises"]),
        (REMINDER, low in _reminder_words()),
        (YEAR, low in lex.vocab["events"]["year"]),
        (TOTAL, low in lex.vocab["cumulative"]["bare_totals"]),
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
def _reminder_words() -> frozenset[str]:
    aftermath = lexicon().vocab["aftermath"]
    return frozenset(aftermath["reminders"] + aftermath["earlier"] + aftermath["previous_day"])


@cache
def _beginnings(key: str) -> tuple[str, ...]:
    """The first three letters (ё folded) of the lemmas listed under `places.key`."""
    return tuple({w.replace("ё", "е")[:3] for w in lexicon().vocab["places"][key]})
