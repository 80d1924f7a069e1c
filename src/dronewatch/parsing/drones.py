"""Drone mentions, the events they take part in, and the post's headline count.

A mention is a drone noun with its number (digits, words, or the noun's own grammatical
number). Its sentence decides the event: "down" (destroyed, intercepted, suppressed) is
preferred to "strike" (attacked, fell, debris), as the contract asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from dronewatch.folding import fold_yo
from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    ADVICE,
    ALERT,
    DOWN,
    DRONE_CANDIDATE,
    EVENT,
    FIRE,
    INJURED,
    KILLED,
    MORE,
    THREAT,
    TOTAL,
    WAR_START,
    YEAR,
)
from dronewatch.parsing.kind import carry_events, engaged, no_events, not_an_event
from dronewatch.parsing.lexicon import lexicon, settlement_form, word_class, words
from dronewatch.parsing.numbers import Number, may_start_number, number_at
from dronewatch.parsing.text import Sentence, Token, groups_of

# The word classes the rules below ask about word by word.
_DEBRIS_NOUNS = word_class("damage", "debris_nouns")
_GENERIC_VERBS = word_class("drones", "generic_verbs")
_PEOPLE = word_class("casualties", "people")
_NAVAL = word_class("kind", "naval")
_FIGURE_VERBS = word_class("events", "figure_verbs")
_QUANTIFIERS = word_class("drones", "quantifiers")
_REGIME = word_class("kind", "regime")

APPROXIMATE = frozenset(
    {
        "более",
        "свыше",
        "около",
        "порядка",
        "почти",
        "than",
        "over",
        "about",
        "nearly",
        "around",
        "almost",
        "at",
        "least",
    }
)


# Collective numerals count people ("двое", "трое"), never drones.
_COLLECTIVE = frozenset(
    {"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро", "десятеро"}
)


@dataclass(slots=True)  # not frozen: a frozen __init__ is slow, and mentions are per call
class Mention:
    index: int  # token index of the drone noun
    sentence: int
    count: int | None  # explicit number
    plural: bool | None  # grammatical number when no count: True, False, or unknown
    more: bool  # "ещё N", "N more"
    colon_total: bool  # "девять БПЛА: шесть ..., три ..."
    weak: bool
    start: int
    end: int
    event: str | None = None
    downed_part: bool = False  # "47 launched, 29 of them downed": the 29
    debris: bool = False  # "обломки ещё одного БПЛА": one more downed, whatever fell
    bare_total: bool = False  # "Всего за ночь — 12", "bringing the total to 24": the number
    generic: bool = False  # "атакованы дронами", "с помощью дронов": the weapon, uncounted
    listed: bool = False  # "15 БПЛА – над акваторией Черного моря": a line of a downing list
    rest_downed: bool = False  # a downed part followed by "остальные подавлены": all downed
    # "Третий БПЛА", "the third drone": its place in a series (0: an ordinal of unknown value)
    ordinal: int | None = None


@cache
def _english_between() -> frozenset[str]:
    return frozenset(words("drones", "english_between"))


@cache
def _vocab() -> dict[str, tuple[str, ...]]:
    lex = lexicon()
    return {key: words("drones", key) for key in lex.vocab["drones"]} | {
        key: words("events", key) for key in lex.vocab["events"]
    }


def _noun_kind(tokens: list[Token], index: int) -> tuple[str, bool | None] | None:
    """("strong" | "weak", plural) when the token is a drone noun."""
    vocab = _vocab()
    token = tokens[index]
    if token.kind != "word":
        return None
    if _naval(tokens, index):
        return None  # "надводный беспилотник", "naval drones": boats, not drones
    low = token.low
    if token.latin:
        stem = low.removesuffix("s")
        if stem in vocab["english_nouns"]:
            return "strong", low != stem
        before = index - 1  # "unmanned attack vehicles": past the words between
        while before > 0 and tokens[before].low in ("attack", "combat", "strike"):
            before -= 1
        after_modifier = index > 0 and tokens[before].low in ("aerial", "unmanned")
        if (stem in vocab["heads"] or low in vocab["heads"]) and after_modifier:
            return "strong", low.endswith("s")
        if low in vocab["weak"] or stem in vocab["weak"]:
            following = tokens[index + 1].low.removesuffix("s") if index + 1 < len(tokens) else ""
            previous = tokens[index - 1].low if index > 0 else ""
            if stem == "target" and not previous.startswith(vocab["weak_modifiers"]):
                return None  # "a target Ukraine has struck"; not "aerial targets"
            if following not in vocab["english_nouns"] and following not in ("unmanned", "drone"):
                return "weak", low.endswith("s") and low != "fixed-wing"
        return None
    if low in vocab["abbreviations"]:
        return "strong", None
    if not _maybe_drone(low):
        return None
    previous = tokens[index - 1].low if index > 0 else ""
    if (
        previous.startswith("воздушн")
        and index > 1
        and tokens[index - 2].low.startswith(_vocab()["head_modifiers"])
    ):
        previous = tokens[index - 2].low  # "беспилотных воздушных судна" ("19 воздушных целей")
    return _russian_noun_kind(low, previous)


@lru_cache(maxsize=65536)
def _russian_noun_kind(low: str, previous: str) -> tuple[str, bool | None] | None:
    """`_noun_kind` of a Russian word after the word `previous` (cached: the answer depends
    on the two words only)."""
    vocab = _vocab()
    for part in low.split("-"):
        readings = [tags for form, tags in morph.parses(part)[:3] if form in vocab["nouns"]]
        if readings:
            return "strong", _number_of(readings)
    # the head by any reading ("судна" is first read as the adjective "судный")
    heads = [form for form, _ in morph.parses(low)[:3] if form in vocab["heads"]]
    head = heads[0] if heads else morph.lemma(low)
    readings = [tags for form, tags in morph.parses(low)[:3] if form == head]
    if head in vocab["heads"] and previous.startswith(vocab["head_modifiers"]):
        return "strong", _number_of(readings)
    if head in vocab["weak"] and (head != "цель" or previous.startswith(vocab["weak_modifiers"])):
        return "weak", _number_of(readings)
    return None


def _naval(tokens: list[Token], index: int) -> bool:
    """An unmanned boat: a naval modifier among the two words before the noun ("the Black
    Sea drones" are drones over the sea)."""
    following = tokens[index + 1].low if index + 1 < len(tokens) else ""
    if following in words("drones", "boats"):
        return True  # "six drone boats"
    for back in range(index - 1, max(-1, index - 3), -1):
        token = tokens[back]
        if may_start_number(token):
            return False  # "over the sea two drones": the number is the noun's own
        if token.classes & _NAVAL and not (token.low == "sea" and token.capitalized):
            return True
    return False


def _number_of(readings: list[frozenset[str]]) -> bool | None:
    """Plural, singular, or None when the form is both ("цели", "аппараты" vs "аппарата")."""
    plural = {"plur" in tags for tags in readings}
    return plural.pop() if len(plural) == 1 else None


@lru_cache(maxsize=65536)
def _maybe_drone(word: str) -> bool:
    """A cheap filter before morphology: could the word be a drone noun at all?"""
    vocab = _vocab()
    stems = tuple(w[: min(4, len(w) - 1)] for w in vocab["nouns"] + vocab["heads"] + vocab["weak"])
    return any(part.startswith(stems) for part in word.split("-"))


def _agreement(tokens: list[Token], index: int) -> bool | None:
    """Plural (True) or singular (False) from a neighbour that agrees with an abbreviation."""
    candidates: list[tuple[Token, bool]] = []  # (neighbour, whether it stands before)
    comma = False
    # "Над Котовском БПЛА были сбиты": an adjective after a preposition is a place's name
    governed = index > 1 and tokens[index - 2].low in words("places", "location_prepositions")
    if index > 0 and not governed:
        candidates.append((tokens[index - 1], True))
    # "обломки БПЛА упали": the verb agrees with the debris, not with the drone
    after_debris = index > 0 and tokens[index - 1].classes & _DEBRIS_NOUNS
    # "из-за атаки БПЛА повреждено остекление": so too after an event noun, unless a
    # participle after a comma agrees ("атака БПЛА, летевшего на Москву")
    governed_by = tokens[index - 1] if index > 0 else None
    after_event = (
        governed_by is not None
        and bool(governed_by.flags & EVENT)
        and not governed_by.latin
        and morph.top_has(governed_by.low, "NOUN")
    )
    if index + 1 < len(tokens) and not after_debris:
        after = index + 1
        if tokens[after].low in words("drones", "owners") and after + 1 < len(tokens):
            after += 1  # "БПЛА ВСУ атаковали": the verb agrees past the owner
        following = tokens[after]
        comma = following.text == ","
        if comma and after + 1 < len(tokens):
            following = tokens[after + 1]  # "атака БПЛА, летевшего на Москву"
        if comma or not after_event:
            candidates.append((following, False))
    for token, before in candidates:
        if token.kind != "word" or token.latin:
            continue
        readings = [tags for _, tags in morph.parses(token.low)[:2]]
        if not before and token.flags & DOWN and readings and "VERB" in readings[0]:
            continue  # "БПЛА сбили": the drone is the object of the air defence's verb
        # "на БПЛА, уничтожили его": a verb after the comma has a subject of its own
        kinds = {"ADJF", "PRTF", "PRTS"} if before or comma else {"ADJF", "PRTF", "PRTS", "VERB"}
        agreeing = [tags for tags in readings if tags & kinds]
        if before and len({"plur" in tags for tags in agreeing}) > 1:
            continue  # "украинским БПЛА": singular instrumental or plural dative
        if agreeing and (
            before or "past" in agreeing[0] or "PRTF" in agreeing[0] or "PRTS" in agreeing[0]
        ):
            return "plur" in agreeing[0]
    return _participle_before(tokens, index)


def _participle_before(tokens: list[Token], index: int) -> bool | None:
    """The number of a participle a few words before an abbreviation, across the phrase it
    governs ("на залетевший на территорию области БПЛА"): singular only, since a plural
    participle there may agree with a noun of its phrase."""
    for position in range(index - 2, max(-1, index - 7), -1):
        token = tokens[position]
        if token.kind != "word" or token.latin:
            return None
        readings = morph.parses(token.low)[:1]
        if readings and "PRTF" in readings[0][1]:
            return False if "sing" in readings[0][1] else None
    return None


def _count_before(tokens: list[Token], index: int) -> tuple[int | None, bool, int]:
    """(count, more, first token index) written before the noun at `index`."""
    more_words = words("cumulative", "more")
    position = index - 1
    skipped = 0
    while position >= 0 and skipped < 5:
        token = tokens[position]
        if may_start_number(token):
            start = _number_start(tokens, position)
            number = number_at(tokens, start)
            if number is not None and number.last == position:
                more = position > 0 and tokens[start - 1].low in more_words
                more = more or (
                    start > 1
                    and tokens[start - 2].low in more_words
                    and tokens[start - 1].low in APPROXIMATE
                )
                return number.value, more or _more_between(tokens, position, index), start
            if not _skippable(token):
                break
        elif token.kind == "word":  # no number word, nor part of one: only skippable
            if not _skippable(token):
                break
        elif token.text not in '«»"“”(':
            break
        position -= 1
        skipped += 1
    # "another drone", "another enemy drone": past the modifiers before the noun
    position = index - 1
    while position > 0 and index - position < _MORE_REACH and _skippable(tokens[position]):
        position -= 1
    more = index > 0 and tokens[position].low in more_words
    return None, more, index


_MORE_REACH = 3


def _ordinal_before(tokens: list[Token], index: int) -> int | None:
    """The value of an ordinal right before the drone noun at `index`, past one adjective
    ("третий украинский БПЛА" 3, "12-й беспилотник" 12, "the third drone" 3); 0 for an
    ordinal of unknown value; None without one."""
    for position in (index - 1, index - 2):
        if position < 0 or tokens[position].sentence != tokens[index].sentence:
            return None
        token = tokens[position]
        if token.kind == "word" and token.latin:
            english = words("drones", "english_ordinals")
            if token.low in english:
                return english.index(token.low) + 1
        elif token.kind == "word":
            readings = morph.parses(token.low)[:1]
            if readings and "Anum" in readings[0][1]:
                russian = words("drones", "ordinals")
                lemma = fold_yo(readings[0][0])
                return russian.index(lemma) + 1 if lemma in russian else 0
        elif (
            token.text in ("-", "‐")
            and position > 0
            and tokens[position - 1].kind == "num"
            and tokens[position - 1].low.isdigit()
            and tokens[position + 1].low in words("drones", "ordinal_suffixes")
        ):
            return int(tokens[position - 1].low)
        if position == index - 1 and token.kind == "word" and _skippable(token):
            continue
        if token.low not in words("drones", "ordinal_suffixes"):
            return None
    return None


def _number_start(tokens: list[Token], position: int) -> int:
    """The first token of the number ending at `position` ("двадцать два", "7 тысяч",
    "1,200")."""
    start = position
    while start > 0:
        for back in (start - 1, start - 2):
            if back < 0 or tokens[back].kind not in ("num", "word"):
                continue
            number = number_at(tokens, back)
            if number is not None and number.last >= position:
                start = back
                break
        else:
            return start
    return start


def _more_between(tokens: list[Token], first: int, last: int) -> bool:
    """ "14 more drones", "два других беспилотника": an increment told between the number
    and its noun."""
    others = words("cumulative", "others")
    return any(
        tokens[i].low in ("more", "еще") or tokens[i].low in others for i in range(first + 1, last)
    )


def _skippable(token: Token) -> bool:
    """Adjectives and participles between a number and its noun ("27 украинских БПЛА")."""
    if token.latin:
        # "two downed drones", "three intercepted UAVs"
        return token.low in _english_between() or (token.low.endswith("ed") and len(token.low) > 4)
    known = settlement_form(token.low)  # a settlement's name: no analysis
    return known.adjectival if known is not None else adjectival(token.low)


def adjectival(word: str) -> bool:
    """Whether some reading of the word is an adjective or a participle."""
    return morph.has_reading(word, "ADJF") or morph.has_reading(word, "PRTF")


def _partitive(tokens: list[Token], index: int) -> bool:
    """ "одного из БПЛА", "one of the drones": a part of drones counted elsewhere."""
    window = [t.low for t in tokens[max(0, index - 3) : index]]
    return "из" in window or ("of" in window and ("one" in window or "each" in window))


def _drone_danger(tokens: list[Token]) -> bool:
    """ "беспилотная опасность": a post under a drone danger regime names drones, so its
    "воздушные цели" are drones."""
    modifiers = words("drones", "head_modifiers")
    return any(
        token.low.startswith(modifiers) and following.flags & ALERT
        for token, following in pairwise(tokens)
    )


def _surname(tokens: list[Token], index: int) -> bool:
    """A capitalised drone-shaped word that is a person's surname ("губернатор Александр
    Дронов", "Дронов сообщил"): inside a sentence, or opening one before a verb."""
    token = tokens[index]
    if not token.capitalized or token.text[0].isascii() or "-" in token.low:
        return False  # "FPV-дронов"
    if not morph.has_reading(token.low, "Surn"):
        return False
    previous = tokens[index - 1] if index > 0 else None
    if previous is not None and previous.sentence == token.sentence and previous.kind == "word":
        return True
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and morph.top_has(following.low, "VERB", "sing")


def find_mentions(tokens: list[Token], groups: list[Sentence] | None = None) -> list[Mention]:
    """Every drone noun (and elliptic "ещё один") with its count, in text order."""
    found: list[Mention] = []
    strong_seen = False
    kinds: list[tuple[str, bool | None] | None] = [None] * len(tokens)
    candidates: list[int] = []
    union = 0
    strong_anywhere = False
    starts: dict[int, int] = {}  # sentence -> index of its first token
    for flags, group, first in groups_of(tokens) if groups is None else groups:
        union |= flags
        if not flags & DRONE_CANDIDATE:
            continue
        starts[group[0].sentence] = first
        for offset, token in enumerate(group, first):
            if token.flags & DRONE_CANDIDATE and not _surname(tokens, offset):
                kind = _noun_kind(tokens, offset)  # (None for a boat: `_naval`)
                if kind is not None:
                    kinds[offset] = kind
                    candidates.append(offset)
                    strong_anywhere = strong_anywhere or kind[0] == "strong"
    danger: bool | None = None  # a drone danger regime named (only asked when needed)
    for index in candidates:
        kind = kinds[index]
        if kind is None or _partitive(tokens, index):
            continue
        strength, plural = kind
        if strength == "weak" and not strong_anywhere:
            if danger is None:
                danger = _drone_danger(tokens)
            if not danger:
                continue
            strength = "strong"  # "беспилотная опасность ... сбиты две воздушные цели"
        if index >= 2 and tokens[index - 1].text == "(" and kinds[index - 2] is not None:
            continue  # "беспилотный летательный аппарат (БПЛА)": one noun, spelled twice
        if index >= 1 and kinds[index - 1] is not None:
            continue  # "fixed-wing drones": one noun
        strong_seen = strong_seen or strength == "strong"
        count, more, first = _count_before(tokens, index)
        ordinal = _ordinal_before(tokens, index) if count is None and plural is not True else None
        if ordinal is not None:
            # "Третий БПЛА уничтожен", "a second drone": one drone numbered in a series
            # (the headline decides whether it adds to those told before it)
            more, plural = False, False
        start = starts[tokens[index].sentence]
        more = more or (count is not None and _in_addition(tokens[start:index]))
        if count is not None and not more and _joined_count(tokens, first, found):
            more = True  # "уничтожены восемь БПЛА самолётного типа и шесть квадрокоптеров"
        if count is not None and not more and found and _also_after(tokens, index):
            more = True  # "(Один БПЛА упал на дом.) Десять дронов также перехватили над ..."
        last = index
        if count is None and not more:
            ahead = _more_ahead(tokens, index)
            if ahead is not None:
                # "Ещё один за ночь украинский беспилотник сбили": one increment, its noun
                # a few words after the number
                count, more, first = ahead.value, True, ahead.first
        if count is None:
            figure = _figure_after(tokens, index)
            if figure is not None:
                count, last = figure
        if count is None and _quantified(tokens, index):
            plural = True
            more = more or any(t.flags & MORE for t in tokens[max(0, index - 3) : index])
        generic = count is None and not more and plural is not False and _generic(tokens, index)
        if generic:
            plural = None  # "атакованы дронами": the instrument, not how many drones
        elif plural is None and count is None:
            plural = _agreement(tokens, index)
        if count is None and tokens[index].latin:
            previous = tokens[index - 1].low if index > 0 else ""
            if _modifies_event(tokens, index):
                plural = None  # "a drone attack": how many drones is not said
            elif plural is not True and (
                previous in ("a", "an") or (index > 1 and tokens[index - 2].low in ("a", "an"))
            ):  # "a drone", "a Ukrainian drone"; not "a dozen drones", "a number of drones"
                plural = False
        other_debris = (
            count is None and not more and plural is False and _debris_of_other(tokens, index)
        )
        if other_debris:
            more = True  # "Фрагменты другого сбитого дрона": one more downed drone
        if more and count is None and plural is False:
            count = 1  # "another drone", "a second drone": one more, as "ещё один"
        colon = _followed_by_colon(tokens, index)
        debris = other_debris or (more and count is not None and _after_debris(tokens, first))
        found.append(
            Mention(
                index,
                tokens[index].sentence,
                count,
                plural,
                more,
                colon,
                strength == "weak",
                tokens[first].start,
                tokens[last].end,
                debris=debris,
                generic=generic,
                listed=count is not None and _listed_over(tokens, index),
                ordinal=ordinal,
            )
        )
    if union & MORE:
        found.extend(_elliptic_more(tokens, strong_anywhere))
    if any(m.more and m.count is not None for m in found):
        found.extend(_listed_increments(tokens, found))
    if any(m.count is not None for m in found):
        found.extend(_also_listed(tokens, found))
    if any(m.plural is False and m.count is None and not m.more for m in found):
        found.extend(_elliptic_parts(tokens, found))
    if union & DOWN and strong_anywhere:
        found.extend(_downed_parts(tokens, found))
        found.extend(_struck_rest(tokens, found))
    if strong_anywhere:
        found.extend(_bare_totals(tokens, groups_of(tokens) if groups is None else groups))
    found.sort(key=lambda m: m.index)
    return found


_NOT_DRONES = KILLED | INJURED | ALERT | THREAT
_LIST_LINKS = frozenset({"над", "over", "—", "–", "-"})


_PART_PREPOSITIONS = frozenset({"в", "во", "над"})
_DASHES = frozenset({"—", "–", "-"})


def _also_listed(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "Сбиты 5 БПЛА над Белгородской областью, а также 2 над Курской": a number after
    "также" / "as well as", before "над" or a dash, in the sentence of a counted drone, is
    more drones."""
    found = []
    taken = {m.index for m in mentions}
    counted = {m.sentence for m in mentions if m.count is not None}
    also = words("cumulative", "also")
    for position, token in enumerate(tokens[:-2]):
        if token.low not in also or token.sentence not in counted:
            continue
        number = number_at(tokens, position + 1)
        if number is None or number.last + 1 >= len(tokens) or number.last in taken:
            continue
        if (
            tokens[number.last + 1].low not in _LIST_LINKS
            or tokens[position + 1].low in _COLLECTIVE
        ):
            continue
        if not any(m.sentence == token.sentence and m.index < position for m in mentions):
            continue  # "Также 2 над X": after the counted drone only
        taken.add(number.last)
        found.append(_listed(tokens, number, token.sentence))
    return found


def _elliptic_parts(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "В Каменском районе сбит беспилотник, в Миллеровском — два": after a singular
    drone, the counts given by place with the noun left out are more drones."""
    found = []
    taken = {m.index for m in mentions}
    # Where each sentence's scan stopped: the parts after one singular drone are read once,
    # not again for every later singular drone of the sentence (linear in a long post).
    scanned: dict[int, int] = {}
    for mention in [m for m in mentions if m.plural is False and m.count is None and not m.more]:
        sentence = mention.sentence
        position = max(mention.index + 1, scanned.get(sentence, 0))
        while position + 3 < len(tokens) and tokens[position].sentence == sentence:
            if tokens[position].text == "," and tokens[position + 1].low in _PART_PREPOSITIONS:
                dash = position + 2
                while (
                    dash < min(len(tokens), position + 6)
                    and tokens[dash].kind == "word"
                    and tokens[dash].sentence == sentence
                ):
                    dash += 1
                number = (
                    number_at(tokens, dash + 1)
                    if dash + 1 < len(tokens) and tokens[dash].text in _DASHES
                    else None
                )
                after = number.last + 1 if number is not None else 0
                if (
                    number is not None
                    and (after >= len(tokens) or tokens[after].kind != "word")
                    and number.last not in taken
                    and tokens[dash + 1].low not in _COLLECTIVE
                ):
                    taken.add(number.last)
                    found.append(_listed(tokens, number, sentence))
                    position = after
                    continue
            position += 1
        scanned[sentence] = position
    return found


def _joined_count(tokens: list[Token], first: int, found: list[Mention]) -> bool:
    """Whether a counted drone noun is joined by "и" / "and" to a counted drone noun just
    before it in its sentence: more drones ("восемь БПЛА и шесть квадрокоптеров")."""
    if first < 1 or tokens[first - 1].low not in ("и", "and"):
        return False
    sentence = tokens[first].sentence
    before = [m for m in found if m.sentence == sentence and m.count is not None]
    return bool(before) and first - before[-1].index <= _JOINED_GAP


_JOINED_GAP = 6


def _listed(tokens: list[Token], number: Number, sentence: int) -> Mention:
    """A number listed with its noun left out, after a drone mention: more drones (an
    increment), its noun the mention's."""
    return Mention(
        number.last,
        sentence,
        number.value,
        None,
        True,
        False,
        False,
        tokens[number.first].start,
        tokens[number.last].end,
        listed=True,
    )


def _listed_increments(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "Ещё 43 беспилотника над Краснодарским краем и один над Волгоградской областью":
    the numbers listed after an increment, each before "над" or a dash, are increments too."""
    found = []
    taken = {m.index for m in mentions}
    for mention in [m for m in mentions if m.more and m.count is not None]:
        sentence = mention.sentence
        position = mention.index + 1
        while position + 2 < len(tokens) and tokens[position].sentence == sentence:
            if tokens[position].text in ("и", ",", "and") and tokens[position + 1].kind in (
                "num",
                "word",
            ):
                number = number_at(tokens, position + 1)
                after = number.last + 1 if number is not None else len(tokens)
                if (
                    number is not None
                    and after < len(tokens)
                    and tokens[after].low in _LIST_LINKS
                    and number.last not in taken
                    and tokens[position + 1].low not in _COLLECTIVE
                ):
                    taken.add(number.last)
                    found.append(_listed(tokens, number, sentence))
                    position = after
                    continue
            position += 1
    return found


def _bare_totals(tokens: list[Token], groups: list[Sentence]) -> list[Mention]:
    """ "Всего за ночь — 12.", "bringing the total for the night to 24": a total given as
    a number with no noun after it."""
    found = []
    for union, group, first in groups:
        if not union & TOTAL:
            continue
        anchor = next(i for i, t in enumerate(group) if t.flags & TOTAL)
        for position in range(anchor, len(group) - 1):
            if group[position].flags & _NOT_DRONES:
                break  # "Всего пострадавших: 5", "Всего за сутки тревог — 5"
            # "Всего — 12", "Всего за ночь: 12", "Всего с начала ночи сбито 14"; "Всего 7."
            # right after the word
            linked = group[position].low in words("cumulative", "bare_total_links") or bool(
                group[position].flags & DOWN
            )
            if not linked and position != anchor:
                continue
            number = number_at(group, position + 1)
            if number is None and not linked:
                continue
            if number is None:
                break
            following = group[number.last + 1] if number.last + 1 < len(group) else None
            if following is None or following.kind != "word":
                found.append(
                    Mention(
                        first + number.last,
                        group[0].sentence,
                        number.value,
                        None,
                        False,
                        False,
                        False,
                        group[number.first].start,
                        group[number.last].end,
                        bare_total=True,
                    )
                )
            break
    return found


def _downed_parts(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "противник выпустил 47 беспилотников, 29 из них сбиты", "launched 112 drones, of
    which air defences destroyed 105": the downed part of drones launched, when nothing
    before its clause says they were downed."""
    counted = {m.sentence for m in mentions if m.count is not None and not m.more}
    found = []
    for anchor in range(1, len(tokens) - 1):
        if tokens[anchor].low not in ("из", "of"):
            continue
        pair = (tokens[anchor].low, tokens[anchor + 1].low)
        if tokens[anchor].sentence not in counted or pair not in _PARTITIVES:
            continue
        # "29 из них", "29 of them", "6 из которых"; "из которых 29", "of which 29"
        number = _number_near(tokens, anchor, before=True)
        if number is None and pair[1] not in ("них", "them"):
            number = _number_near(tokens, anchor, before=False)
        if number is None:
            continue
        start, end = _clause_of(tokens, anchor)
        sentence = tokens[anchor].sentence
        opening = start
        while opening > 0 and tokens[opening - 1].sentence == sentence:
            opening -= 1
        if not any(t.flags & DOWN for t in tokens[start:end]) or any(
            t.flags & DOWN for t in tokens[opening:start]
        ):
            continue  # "уничтожены 47 БПЛА, 29 из них над ...": a part of downed drones
        first, last = tokens[number.first], tokens[number.last]
        found.append(
            Mention(
                number.last,
                sentence,
                number.value,
                None,
                False,
                False,
                False,
                first.start,
                last.end,
                None,
                True,
                rest_downed=_rest_downed(tokens, end),
            )
        )
    return found


def _struck_rest(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "уничтожено 3 БПЛА, 2 БПЛА попали в жилой дом", "2 беспилотника сбиты, 3 упали на
    территорию комбината", "two were shot down, and three fell": after a counted downing
    clause, a counted clause of its own sentence whose verb strikes (no downing word, no
    debris) tells other drones, added as an increment; the elliptic number is one too."""
    found: list[Mention] = []
    taken = {m.index for m in mentions}
    counted = sorted(
        (m for m in mentions if m.count is not None and not m.more and not m.downed_part),
        key=lambda m: m.index,
    )
    for base in counted:
        start, end = _clause_of(tokens, base.index)
        if not any(t.flags & DOWN for t in tokens[start:end]):
            continue
        position = end
        while position < len(tokens) and tokens[position].sentence == base.sentence:
            clause_start, clause_end = _clause_of(tokens, position + 1)
            if clause_start >= clause_end or clause_end <= position:
                break
            clause = tokens[clause_start:clause_end]
            if _strikes_only(clause):
                _add_struck(tokens, mentions, found, taken, clause_start, clause_end)
            position = clause_end
    return found


def _strikes_only(clause: list[Token]) -> bool:
    """A clause whose verb strikes ("попали в дом", "упали на территорию"), with no
    downing word, no debris and no partitive ("из них")."""
    lows = [t.low for t in clause]
    return (
        any(t.flags & EVENT for t in clause)
        and not any(t.flags & DOWN or t.classes & _DEBRIS_NOUNS for t in clause)
        and not any(pair in _PARTITIVES for pair in pairwise(lows))
    )


def _add_struck(
    tokens: list[Token],
    mentions: list[Mention],
    found: list[Mention],
    taken: set[int],
    start: int,
    end: int,
) -> None:
    """Mark the counted mention of the clause [start, end) an increment, or add its
    elliptic number ("3 упали") as one."""
    own = [m for m in mentions if start <= m.index < end and m.count is not None]
    if own:
        if not own[0].more and not own[0].listed:
            own[0].more = True
        return
    for position in range(start, min(end, start + 3)):
        token = tokens[position]
        if token.kind not in ("num", "word") or token.low in _COLLECTIVE:
            continue
        number = number_at(tokens, position)
        if number is None or number.last in taken:
            continue
        following = tokens[number.last + 1] if number.last + 1 < end else None
        if following is not None and following.flags & EVENT:
            taken.add(number.last)
            found.append(_listed(tokens, number, tokens[position].sentence))
        return


def _rest_downed(tokens: list[Token], end: int) -> bool:
    """ "шесть из которых сбили, остальные подавили средствами РЭБ": after the downed part,
    the rest of the drones were downed too."""
    sentence = tokens[end - 1].sentence if end > 0 else 0
    rest = words("drones", "rest")
    for position in range(end, len(tokens)):
        token = tokens[position]
        if token.sentence != sentence:
            return False
        if token.low.startswith(rest):
            return any(t.flags & DOWN for t in tokens[position + 1 : position + 4])
    return False


def _ends_at(tokens: list[Token], start: int, last: int) -> bool:
    number = number_at(tokens, start) if start >= 0 else None
    return number is not None and number.last == last


def _number_near(tokens: list[Token], anchor: int, before: bool) -> Number | None:
    """The number just before "из них" / "of them", or within the clause after "из
    которых" / "of which"."""
    if before:
        start = anchor - 1  # back to the first word of "двадцать один"
        while start > 0 and _ends_at(tokens, start - 1, anchor - 1):
            start -= 1
        return number_at(tokens, start) if _ends_at(tokens, start, anchor - 1) else None
    for position in range(anchor + 2, min(len(tokens), anchor + 7)):
        if tokens[position].text in (",", ".", ";"):
            return None
        number = number_at(tokens, position)
        if number is not None:
            return number
    return None


def _clause_of(tokens: list[Token], index: int) -> tuple[int, int]:
    """[start, end) of the comma-delimited clause around `index`, within its sentence."""
    sentence = tokens[index].sentence
    start = index
    while start > 0 and tokens[start - 1].sentence == sentence and tokens[start - 1].text != ",":
        start -= 1
    end = index + 1
    while end < len(tokens) and tokens[end].sentence == sentence and tokens[end].text != ",":
        end += 1
    return start, end


def _listed_over(tokens: list[Token], index: int) -> bool:
    """ "семь БПЛА – над территорией Белгородской области": a count, a dash and "над" /
    "over", as a ministry lists the drones it downed without a verb."""
    after = [t.low for t in tokens[index + 1 : index + 3]]
    return len(after) == 2 and after[0] in ("—", "–", "-") and after[1] in ("над", "over")


def _generic(tokens: list[Token], index: int) -> bool:
    """An uncounted plural drone noun that names the instrument of an attack: in the
    instrumental after an attack verb ("атакованы дронами"), or in the genitive after "с
    помощью" ("атаковали с помощью дронов")."""
    position = index - 1
    while position >= 0 and index - position <= 3:
        token = tokens[position]
        if token.kind != "word" or token.latin:
            return False
        if token.low in words("drones", "generic_after"):
            return _case(tokens[index].low, "gent")
        if token.classes & _GENERIC_VERBS:
            return _case(tokens[index].low, "ablt")
        if not adjectival(token.low):
            return False
        position -= 1
    return False


def _case(word: str, case: str) -> bool:
    """Whether the drone noun may be plural in `case` (an abbreviation keeps the number
    its neighbours give it)."""
    return word not in _vocab()["abbreviations"] and morph.has_reading(word, case, "plur")


def _modifies_event(tokens: list[Token], index: int) -> bool:
    """ "a massive drone attack": the article counts the attack, not the drones."""
    following = tokens[index + 1].low if index + 1 < len(tokens) else ""
    return following in ("attack", "attacks", "strike", "strikes", "raid", "raids", "assault")


def _debris_of_other(tokens: list[Token], index: int) -> bool:
    """ "Фрагменты другого сбитого дрона", "обломки другого беспилотника": the debris of
    another drone, past the adjectives of its noun."""
    others = words("cumulative", "other_singular")
    position = index - 1
    while position > 0 and index - position <= _OTHER_REACH:
        if tokens[position].low in others:
            return bool(tokens[position - 1].classes & _DEBRIS_NOUNS)
        if tokens[position].kind != "word" or not _skippable(tokens[position]):
            return False
        position -= 1
    return False


_OTHER_REACH = 3


def _after_debris(tokens: list[Token], first: int) -> bool:
    """ "Обломки ещё одного БПЛА": the count follows a debris noun (across "ещё")."""
    before = tokens[max(0, first - 2) : first]
    return any(t.classes & _DEBRIS_NOUNS for t in before)


def _also_after(tokens: list[Token], index: int) -> bool:
    """ "десять дронов также перехватили", "ten drones were also intercepted": "также" /
    "also" right after the counted noun (past a verb), adding its drones to those told."""
    also = words("cumulative", "also")
    for token in tokens[index + 1 : index + 4]:
        if token.kind != "word" or token.sentence != tokens[index].sentence:
            return False
        if token.low in also:
            return True
    return False


def _in_addition(before: list[Token]) -> bool:
    """Whether the sentence, up to a mention, opens with "Кроме того", "In addition"."""
    opening = " ".join(t.low for t in before[:2] if t.kind == "word")
    return any(
        opening == phrase or opening.startswith(phrase + " ")
        for phrase in words("cumulative", "additions")
    )


def _figure_after(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """ "число сбитых беспилотников достигло 25": (25, its last token index)."""
    for position in range(index + 1, min(len(tokens), index + 5)):
        token = tokens[position]
        if token.kind != "word" or token.text in ".;:\n":
            return None
        if token.classes & _FIGURE_VERBS:
            following = position + 1
            if following < len(tokens) and tokens[following].low in ("до", "to"):
                following += 1
            number = number_at(tokens, following) if following < len(tokens) else None
            return (number.value, number.last) if number is not None else None
    return None


def _quantified(tokens: list[Token], index: int) -> bool:
    """ "несколько БПЛА", "все беспилотники", "массированная атака БПЛА": several, uncounted."""
    return any(t.classes & _QUANTIFIERS for t in tokens[max(0, index - 3) : index])


def _followed_by_colon(tokens: list[Token], index: int) -> bool:
    """ "девять БПЛА: шесть сбито, три подавлено": a colon that opens a list of counts."""
    for position in range(index + 1, min(len(tokens), index + 5)):
        token = tokens[position]
        if token.text == ":":
            return _count_opens(tokens, position + 1)
        if token.kind != "word":
            return False
    return False


def _count_opens(tokens: list[Token], index: int) -> bool:
    """Whether the first word or number from `index` (past line breaks and bullets) is a
    number ("шесть", "▫️ 15"), not a clause ("в одном повреждена кровля")."""
    for position in range(index, min(len(tokens), index + 4)):
        if tokens[position].kind in ("num", "word"):
            return number_at(tokens, position) is not None
    return False


def _elliptic_more(tokens: list[Token], strong_anywhere: bool) -> list[Mention]:
    """ "сбит ещё один", "ещё 4": an increment whose noun stays implied."""
    if not strong_anywhere:
        return []
    found = []
    for index, token in enumerate(tokens[:-1]):
        if not token.flags & MORE or token.latin:
            continue
        number = number_at(tokens, index + 1)
        if number is None or tokens[index + 1].low in _COLLECTIVE:
            continue  # "ещё двое ранены": people, not drones
        following = tokens[number.last + 1] if number.last + 1 < len(tokens) else None
        if following is not None and following.low in ("из", "of"):
            continue
        if _after_partitive(tokens, index):
            continue  # "Один из них сбит над городом, ещё три — в районе": parts of a total
        if following is not None and following.flags & (KILLED | INJURED):
            continue  # "ещё 3 пострадали"
        if following is not None and following.classes & _PEOPLE:
            continue  # "ещё один человек ранен"
        if _noun_after(tokens, number.last) is not None:
            continue  # "ещё один за ночь беспилотник": the noun's own mention counts it
        if (
            following is not None
            and following.kind == "word"
            and (
                _noun_kind(tokens, number.last + 1) is not None
                or _skippable(following)
                or morph.top_has(following.low, "NOUN")  # "ещё один автомобиль"
            )
        ):
            continue
        found.append(
            Mention(
                number.last,
                token.sentence,
                number.value,
                None,
                True,
                False,
                False,
                token.start,
                tokens[number.last].end,
            )
        )
    return found


_AHEAD = 5  # words between "ещё один" and its drone noun ("за ночь украинский")


def _noun_after(tokens: list[Token], last: int) -> int | None:
    """The drone noun a few words after the number ending at `last`, in its clause, when
    no other noun takes the number first ("ещё один за ночь украинский беспилотник"; not
    "ещё один человек ранен осколками беспилотника")."""
    for position in range(last + 1, min(len(tokens), last + 1 + _AHEAD)):
        token = tokens[position]
        if token.kind != "word" or token.latin:
            return None
        if token.flags & DRONE_CANDIDATE and _noun_kind(tokens, position) is not None:
            return position
        if position == last + 1 and (
            morph.top_has(token.low, "NOUN") or token.flags & (KILLED | INJURED)
        ):
            return None
    return None


def _more_ahead(tokens: list[Token], index: int) -> Number | None:
    """ "ещё один" a few words before the drone noun at `index` (`_noun_after`)."""
    more_words = words("cumulative", "more")
    sentence = tokens[index].sentence
    for position in range(index - 1, max(-1, index - _AHEAD - 3), -1):
        token = tokens[position]
        if token.sentence != sentence or token.kind not in ("word", "num"):
            return None
        if token.low in more_words and not token.latin:
            number = number_at(tokens, position + 1)
            if number is None or tokens[position + 1].low in _COLLECTIVE:
                return None
            return number if _noun_after(tokens, number.last) == index else None
    return None


def _after_partitive(tokens: list[Token], index: int) -> bool:
    """An increment in a sentence that splits a total ("из них", "of them", "из которых")."""
    sentence = tokens[index].sentence
    position = index - 1
    while position > 0 and tokens[position].sentence == sentence:
        if (tokens[position - 1].low, tokens[position].low) in _PARTITIVES:
            return True
        position -= 1
    return False


_PARTITIVES = frozenset({("из", "них"), ("из", "которых"), ("of", "them"), ("of", "which")})


def sentence_events(tokens: list[Token], groups: list[Sentence] | None = None) -> dict[int, str]:
    """The strongest event each sentence reports: "down" or "strike". A sentence summing up
    the war or a year ("Всего с начала СВО уничтожены ...", "За 2025 год сбито ...") counts
    only in a post that reports nothing else: beside a fresh report it is background."""
    events: dict[int, str] = {}
    groups = groups_of(tokens) if groups is None else groups
    summing = summaries(groups)
    fresh = [g for g in groups if g.tokens and g.tokens[0].sentence not in summing]
    _events_of(fresh, events)
    if not events and summing:
        _events_of([g for g in groups if g.tokens and g.tokens[0].sentence in summing], events)
    carry_events(groups, events)
    return events


def summaries(groups: list[Sentence]) -> set[int]:
    """The sentences that sum up the war or a year."""
    # "Итоги 2024 года. За год ...": after a year's title, "за год" sums it up too
    summary = any(_year_total(g.tokens, False) for g in groups if g.flags & YEAR)
    found = set()
    for union, group, _ in groups:
        if not union & EVENT or union & ADVICE or not group:
            continue
        if (union & WAR_START and _war_total(group)) or (
            union & YEAR and _year_total(group, summary)
        ):
            found.add(group[0].sentence)
    return found


def _events_of(groups: list[Sentence], events: dict[int, str]) -> None:
    for union, group, _ in groups:
        if union & DRONE_CANDIDATE and not union & ADVICE:
            found = engaged(group, union)  # "ПВО работает по БПЛА", "15 БПЛА – над ..."
            if found is not None:
                events[group[0].sentence] = found
        if not union & EVENT or union & ADVICE:
            continue
        classes = 0
        for token in group:
            classes |= token.classes
        if no_events(group, classes):
            continue
        for position, token in enumerate(group):
            if not token.flags & EVENT:
                continue
            event = "down" if token.flags & DOWN else "strike"
            current = events.get(token.sentence)
            if current == "down":
                break  # the strongest event: no later word changes it
            if current is not None and event != "down":
                continue  # a strike only adds to a sentence without an event
            if (union & THREAT or classes & _REGIME) and _threatened(group, position):
                continue
            if event == "down" and _put_out(group, position):
                continue
            if not_an_event(group, position, classes):
                continue
            if event == "down" or events.get(token.sentence) is None:
                events[token.sentence] = event


def _put_out(group: list[Token], position: int) -> bool:
    """ "возгорание ликвидировали", "ликвидирован пожар": a fire put out, no drone downed
    (only "ликвидир..." can say so: "сбит ..., возгорание потушено" downs a drone)."""
    if group[position].low.startswith("уничтож"):
        # "дом уничтожило огнём", "уничтожен пожаром": fire destroyed a building
        following = group[position + 1] if position + 1 < len(group) else None
        return following is not None and bool(following.flags & FIRE)
    if not group[position].low.startswith("ликвидир"):
        return False
    beside = group[max(0, position - 2) : position + 3]
    return any(t.flags & FIRE for t in beside)


def _threatened(group: list[Token], position: int) -> bool:
    """ "угроза атаки", "режим атаки БПЛА", "threat of a UAV attack": a warning, not an
    event."""
    window = group[max(0, position - 10) : position]
    after = group[position + 1 : position + 3]  # "drone attack threat"
    return (
        any(t.flags & THREAT for t in window[-3:])
        or bool(window and window[-1].classes & _REGIME)
        or any(t.low == "threat" for t in window)
        or any(t.low == "threat" for t in after)
    )


def _war_total(group: list[Token]) -> bool:
    """ "Всего с начала проведения специальной военной операции уничтожено ..."."""
    words = [t.low for t in group if t.kind == "word"]
    for position, word in enumerate(words):
        if word in ("начала", "beginning", "start") and any(
            w.startswith(_vocab()["war_total"]) for w in words[position + 1 : position + 5]
        ):
            return True
    return False


def _year_total(group: list[Token], summary: bool) -> bool:
    """ "за 2025 год уничтожено ...", "Итоги года": a sentence summing up a year (a year's
    number or "итоги" right before "год", or "за год" in a post titled so; "впервые за
    год" alone is no summary)."""
    for position, token in enumerate(group):
        if token.flags & YEAR and position > 0:
            before = group[position - 1]
            # "за 2025 год", "Итоги 2024 года" (not "1968 года рождения")
            numbered = before.kind == "num" and len(before.low) == 4 and position > 1
            opener = group[position - 2].low if numbered else before.low
            # "за 2025 год", "в 2025 году" (a year's number before its word)
            if opener in words("events", "year_openers") or (numbered and opener in ("за", "в")):
                return True
            if summary and before.low == "за":
                return True
    return False


def with_events(
    mentions: list[Mention], events: dict[int, str], groups: list[Sentence] | None = None
) -> list[Mention]:
    """The mentions with their sentence's event; a downed part is "down", and the drones
    it is a part of are those that attacked ("выпустил 47 ..., 29 из них сбиты"); a bare
    total ("Всего за ночь — 12") counts the post's strongest event; a count in a sentence
    with no verb of its own continues the sentence before ("Сбиты четыре беспилотника. Ещё
    один — на окраине города.", "Прилёт дронов ... На данный момент известно об 11
    дронах.")."""
    # "девять БПЛА, шесть из которых сбили, остальные подавили": all nine were downed
    parted = {m.sentence for m in mentions if m.downed_part and not m.rest_downed}
    wholly = {m.sentence for m in mentions if m.downed_part and m.rest_downed}
    strongest = "down" if "down" in events.values() else "strike" if events else None
    for m in mentions:  # made for this post only: set in place (a copy per mention is slow)
        if m.downed_part or m.debris:
            m.event = "down"
        elif m.sentence in parted and events.get(m.sentence) is not None:
            m.event = "strike"
        elif m.sentence in wholly and m.count is not None:
            m.event = "down"
        else:
            m.event = events.get(m.sentence, strongest if m.bare_total else None)
        if m.event is None and m.count is not None and groups is not None:
            m.event = _continued(m.sentence, events, groups, not m.more)
        if m.event is None and m.listed:
            m.event = "down"
    return mentions


_NO_CONTINUATION = EVENT | ALERT | THREAT | ADVICE | KILLED | INJURED


def _continued(
    sentence: int, events: dict[int, str], groups: list[Sentence], reach: bool = False
) -> str | None:
    """The event of the sentence before, when the mention's own sentence has no event,
    warning or casualty word; sentences between that name neither drones nor events are
    passed over with `reach` ("Сбиты 30 воздушных целей. Об этом сообщили в министерстве.
    «Это 25 беспилотников»"; not by an increment: "ещё 4" after a figure adds to it)."""
    if sentence == 0 or sentence >= len(groups) or groups[sentence].flags & _NO_CONTINUATION:
        return None
    previous = sentence - 1
    while (
        reach
        and previous > 0
        and previous not in events
        and sentence - previous < 4
        and not groups[previous].flags & (_NO_CONTINUATION | DRONE_CANDIDATE)
    ):
        previous -= 1
    return events.get(previous)
