"""Districts named by an adjective and a type word ("Боровский район").

"в Боровском районе", "Шебекинского муниципального округа", "в Каменском, Миллеровском и
Октябрьском районах", "в следующих районах: Каменском, Миллеровском", "над Кировским
районом — 4, над Людиновским — 2": the adjectives before or after a type word that
agree with it, in the nominative with their type.
"""

from __future__ import annotations

from functools import cache, lru_cache

from dronewatch.parsing import morph
from dronewatch.parsing.features import CAPITALIZED_CYRILLIC, DISTRICT_TYPE
from dronewatch.parsing.lexicon import lexicon, words
from dronewatch.parsing.places.declension import district_adjective
from dronewatch.parsing.places.gazetteer import known_settlement, settlement_at
from dronewatch.parsing.places.grammar import (
    Place,
    agrees_in_case,
    agrees_with_type,
    cased,
    cases_of,
    is_adjective,
    lemma_is,
)
from dronewatch.parsing.places.settlements import name_after
from dronewatch.parsing.places.vocabulary import links, names, place_words
from dronewatch.parsing.text import Sentence, Token


def typed_districts(
    tokens: list[Token], typed: list[int], region: str | None, consumed: set[int]
) -> list[Place]:
    found: list[Place] = []
    for index in typed:
        token = tokens[index]
        if not token.flags & DISTRICT_TYPE or (
            token.capitalized and token.low != names().capitalised_district_type
        ):
            continue
        qualifier = ""
        position = index - 1
        if position >= 0 and lemma_is(tokens[position], "district_qualifiers"):
            qualifier = morph.lemma(tokens[position].low)
            position -= 1
        rural = _rural(tokens, position)
        position -= rural
        members = []
        qualified: set[int] = set()  # members with their own rural qualifier
        while (
            position >= 0
            and is_adjective(tokens[position])
            and morph.lemma(tokens[position].low) not in place_words("district_qualifiers")
            and _may_qualify(tokens[position].low, token.low)
        ):
            members.append(position)
            if rural:
                qualified.add(position)
            # the link and the member before it, across a line break ("Миллеровском,\n")
            link = _before_line_breaks(tokens, position - 1)
            previous = _before_line_breaks(tokens, link - 1)
            rural = _rural(tokens, previous) if previous >= 0 else 0
            previous -= rural
            if (
                previous >= 0
                and tokens[link].low in links().list
                and is_adjective(tokens[previous])
                and agrees_in_case(tokens[previous].low, token.low)
            ):
                position = previous
                continue
            break
        kind = _kind(token, qualifier)
        short = _district_abbreviations().get(tokens[position].low) if position >= 0 else None
        if not members and short is not None:
            # "в ЖД округе": a city district's usual abbreviation
            start = tokens[position].start
            found.append(Place(f"{short} {kind}", token.sentence, start, token.end))
            consumed.update((position, index))
            continue
        for member in reversed(members):
            name = cased(district_adjective(tokens[member].low), tokens[member].text)
            own = kind
            if member in qualified:
                # "Первомайского сельского округа" -> "Первомайский сельский округ",
                # "Октябрьском сельском районе" -> "Октябрьский сельский район"
                word = morph.lemma(tokens[member + 1].low)
                own = f"{word} {kind}" if kind == names().raion else _kind(token, word)
            found.append(Place(f"{name} {own}", token.sentence, tokens[member].start, token.end))
            consumed.add(member)
        consumed.add(index)
        if members:
            found += _in_brackets(tokens, index + 1, region, consumed)
    return found


def _rural(tokens: list[Token], index: int) -> int:
    """1 when the word at `index` is a rural qualifier after a capitalised adjective
    ("Октябрьском сельском"), else 0."""
    return int(
        index > 0
        and tokens[index].kind == "word"
        and not tokens[index].capitalized
        and lemma_is(tokens[index], "rural_qualifiers")
        and tokens[index - 1].capitalized
    )


def _before_line_breaks(tokens: list[Token], index: int) -> int:
    """The last token at or before `index` that is no line break (-1 when none is)."""
    while index >= 0 and tokens[index].kind == "nl":
        index -= 1
    return index


@cache
def _district_abbreviations() -> dict[str, str]:
    """City districts by their usual abbreviation ("ЖД" -> "Железнодорожный")."""
    pairs = (entry.split(" ", 1) for entry in place_words("district_abbreviations"))
    return {pair[0]: pair[1] for pair in pairs}


def _in_brackets(
    tokens: list[Token], index: int, region: str | None, consumed: set[int]
) -> list[Place]:
    """ "в Чебоксарском округе (Яуши)", "(Яуши, Синьялы)": the district's settlements,
    named in the nominative in brackets after it."""
    if index >= len(tokens) or tokens[index].text != "(":
        return []
    found: list[Place] = []
    position = index + 1
    while True:
        span = name_after(tokens, position)
        if span is None:
            return []
        first, last = span
        if last + 1 >= len(tokens) or tokens[last + 1].text not in (")", ","):
            return []
        if morph.lemma(tokens[first].low) in lexicon().region_nouns:
            return []
        known = settlement_at(tokens, first, last, region)
        written = " ".join(t.text for t in tokens[first : last + 1])
        name = known.name if known is not None else written
        found.append(Place(name, tokens[first].sentence, tokens[first].start, tokens[last].end))
        if tokens[last + 1].text == ")":
            consumed.update(range(index, last + 2))
            return found
        position = last + 2


@lru_cache(maxsize=16384)
def _may_qualify(adjective: str, noun: str) -> bool:
    """Whether an adjective may be the district's name before its type word: it agrees with
    it, when both are read as such ("деревни Ильинское городского округа Кашира": the
    neuter nominative names the village)."""
    if not morph.has_reading(adjective, "ADJF") or not cases_of(noun):
        return True
    return agrees_with_type(adjective, noun)


def districts_sharing_a_type_word(
    tokens: list[Token], groups: list[Sentence], region: str | None, consumed: set[int]
) -> list[Place]:
    """ "над районами области: над Людиновским — 4, над Кировским — 3", "над Кировским
    районом — 4, над Людиновским — 2": district adjectives after a type word said once,
    each alone between "над" / "в" and punctuation, agreeing with that type word; a
    settlement of the gazetteer ("в Октябрьском — повреждён дом") is left to the
    settlement rules."""
    found: list[Place] = []
    for union, group, first in groups:
        if not union & DISTRICT_TYPE:
            continue
        typed = next(i for i, t in enumerate(group, first) if t.flags & DISTRICT_TYPE)
        kind = _kind(tokens[typed])
        for index in range(typed + 1, first + len(group) - 1):
            token = tokens[index]
            if not token.flags & CAPITALIZED_CYRILLIC or index in consumed:
                continue
            if tokens[index + 1].kind == "word" or tokens[index - 1].low not in links().shared_type:
                continue
            if agrees_with_type(token.low, tokens[typed].low) and not known_settlement(
                (token.low,), region
            ):
                name = cased(district_adjective(token.low), token.text)
                found.append(Place(f"{name} {kind}", token.sentence, token.start, token.end))
                consumed.add(index)
    return found


_LIST_DASHES = frozenset({"—", "–", "-"})


def listed_districts(tokens: list[Token], typed: list[int], consumed: set[int]) -> list[Place]:
    """ "в следующих районах: Каменском, Миллеровском и Октябрьском (сельском)": district
    adjectives listed after a plural type word and a colon or a dash, each agreeing with
    it."""
    found: list[Place] = []
    for index in typed:
        token = tokens[index]
        colon = index + 1
        if colon < len(tokens) and morph.lemma(tokens[colon].low) in words("regions", "types"):
            colon += 1  # "над районами области: ..."
        if colon + 1 >= len(tokens) or index - 1 in consumed:
            continue
        if tokens[colon].text != ":" and tokens[colon].text not in _LIST_DASHES:
            continue  # "в 4 районах — Чертковском, Шолоховском": a dash opens the list too
        if token.capitalized or not morph.has_reading(token.low, "plur"):
            continue
        kind = _kind(token)
        members: list[int] = []
        position = colon + 1
        while position < len(tokens):
            member = tokens[position]
            if (
                position in consumed
                or not member.flags & CAPITALIZED_CYRILLIC
                or not is_adjective(member)
                or not (
                    agrees_with_type(member.low, token.low)
                    # "Каменском": read as a town's noun only, shaped as an adjective
                    or not morph.has_reading(member.low, "ADJF")
                )
            ):
                break
            members.append(position)
            position += 1
            if position < len(tokens) and tokens[position].text == "(":
                # "(сельском)": a lower-case qualifier in brackets
                close = position + 1
                while close < len(tokens) and close - position < 4 and tokens[close].text != ")":
                    close += 1
                if close < len(tokens) and tokens[close].text == ")":
                    position = close + 1
            if (
                position + 1 < len(tokens)
                and tokens[position].text in _LIST_DASHES
                and tokens[position + 1].kind == "num"
            ):
                position += 2  # "Людиновским — 4": the member's count
            if position + 1 < len(tokens) and tokens[position].low in links().list:
                position += 1
                continue
            break
        if len(members) < 2:
            continue
        for listed in members:
            word = tokens[listed]
            name = cased(district_adjective(word.low), word.text)
            found.append(Place(f"{name} {kind}", word.sentence, word.start, word.end))
            consumed.add(listed)
        consumed.add(index)
    return found


def _kind(token: Token, qualifier: str = "") -> str:
    """The type words of a district's name: "район" for a raion, else "муниципальный округ"
    (or the okrug's own qualifier: "городской округ")."""
    written = names()
    if token.low.startswith(written.raion_abbreviation) or morph.lemma(token.low) == written.raion:
        return written.raion
    return f"{qualifier or written.okrug_qualifier} {written.okrug}"
