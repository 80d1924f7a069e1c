"""Settlements named after a type word ("в селе Новая Таволжанка", "пос. Коммунар").

The type word says that a settlement's name follows, capitalised, and its case: the name
is the gazetteer's when it knows it, else the written words put in the nominative (an
adjective agreeing with the type word's gender). Microdistricts and rural settlements
named by an adjective before the type word, and urban okrugs ("г.о."), are here too.
"""

from __future__ import annotations

from dronewatch.parsing import morph
from dronewatch.parsing.features import SETTLEMENT_ABBREVIATION, SETTLEMENT_TYPE
from dronewatch.parsing.lexicon import Settlement, region_noun, word_class, words
from dronewatch.parsing.places.bare_names import _noun_follows
from dronewatch.parsing.places.declension import (
    declined_name,
    district_adjective,
    nominative_agreeing,
    surname_shaped,
    type_gender,
)
from dronewatch.parsing.places.gazetteer import inflected_town, settlement_at
from dronewatch.parsing.places.grammar import (
    GENDERS,
    Place,
    agrees_in_case,
    agrees_with_type,
    cased,
    is_abbreviation,
    is_adjective,
    lemma_is,
)
from dronewatch.parsing.places.vocabulary import endings, folded, links, names, place_words
from dronewatch.parsing.text import Token

# The word classes the rules below ask about word by word.
_NAME_NOUNS = word_class("places", "name_nouns")


def _urban_okrug(tokens: list[Token], index: int, consumed: set[int]) -> Place | None:
    """ "в Одинцовском г.о.": an urban okrug named by the adjective before "г.о."."""
    if index == 0 or index + 4 > len(tokens):
        return None
    dot, letter, last_dot = tokens[index + 1 : index + 4]
    if dot.text != "." or letter.low != names().urban_okrug_letters[1] or last_dot.text != ".":
        return None
    adjective = tokens[index - 1]
    if index - 1 in consumed or not adjective.capitalized or not is_adjective(adjective):
        return None
    name = cased(district_adjective(adjective.low), adjective.text)
    consumed.update(range(index - 1, index + 4))
    return Place(f"{name} {names().urban_okrug}", adjective.sentence, adjective.start, last_dot.end)


def _settlement_type(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if not token.flags & (SETTLEMENT_TYPE | SETTLEMENT_ABBREVIATION):
        return False
    if token.kind != "word" or token.latin:
        return False
    if token.capitalized and index > 0 and tokens[index - 1].sentence == token.sentence:
        return False
    if token.low in place_words("settlement_abbreviations"):
        return index + 1 < len(tokens) and tokens[index + 1].text == "."
    return bool(morph.lemmas(token.low) & set(place_words("settlement_types")))


def name_after(
    tokens: list[Token], index: int, region: str | None = None
) -> tuple[int, int] | None:
    """The span of a capitalised name starting at `index` (up to three words; a town in an
    oblique case ends it: "микрорайон Левенцовский Ростова-на-Дону")."""
    if index >= len(tokens) or not tokens[index].capitalized or tokens[index].latin:
        return None
    if is_abbreviation(tokens[index]):
        return None
    last = index
    while (
        last + 1 < len(tokens)
        and last - index < 2
        and tokens[last + 1].capitalized
        and tokens[last + 1].start - tokens[last].end <= 1
        and not tokens[last + 1].low.endswith(endings().skiy_oblique)
        and not is_abbreviation(tokens[last + 1])
        and not inflected_town(tokens[last + 1].low, region)
    ):
        last += 1
    return index, last


def _microdistrict_before(tokens: list[Token], index: int, consumed: set[int]) -> list[Place]:
    """ "в Левенцовском микрорайоне": a microdistrict named by the adjective before its
    type word."""
    if index == 0 or not _district_of_city(tokens[index]) or index - 1 in consumed:
        return []
    previous = tokens[index - 1]
    if not previous.capitalized or previous.latin or previous.sentence != tokens[index].sentence:
        return []
    if not agrees_with_type(previous.low, tokens[index].low):
        return []
    consumed.update((index - 1, index))
    name = morph.nominative(previous.low).capitalize()
    return [Place(name, previous.sentence, previous.start, tokens[index].end)]


def _municipality_before(tokens: list[Token], index: int, consumed: set[int]) -> list[Place]:
    """ "в Челбасском сельском поселении": a rural or urban settlement (a municipality)
    named by the adjective before its qualifier and type word, all in the neuter
    nominative ("Челбасское сельское поселение")."""
    if (
        index < 2
        or index - 2 in consumed
        or morph.lemma(tokens[index].low) not in place_words("municipality_types")
    ):
        return []
    qualifier, adjective = tokens[index - 1], tokens[index - 2]
    if morph.lemma(qualifier.low) not in place_words("municipality_qualifiers"):
        return []
    if not adjective.capitalized or adjective.latin or adjective.sentence != qualifier.sentence:
        return []
    if not is_adjective(adjective) or not agrees_in_case(adjective.low, tokens[index].low):
        return []
    name = morph.agree(adjective.low, "neut") or surname_shaped(adjective.low, "neut")
    kind = morph.agree(qualifier.low, "neut")
    if not name or not kind:
        return []
    consumed.update(range(index - 2, index + 1))
    parts = (cased(name, adjective.text), kind, morph.lemma(tokens[index].low))
    return [Place(" ".join(parts), adjective.sentence, adjective.start, tokens[index].end)]


def _district_of_city(token: Token) -> bool:
    """ "микрорайон", "мкр": its names may end in a common noun ("Харьковская гора")."""
    written = names()
    return (
        token.low in written.microdistrict_abbreviations
        or morph.lemma(token.low) == written.microdistrict
    )


def _with_common_noun(tokens: list[Token], last: int) -> int:
    """The end of a name whose nominative adjective is followed by a lower-case noun it
    agrees with ("в микрорайоне Харьковская гора")."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is None or following.kind != "word" or following.capitalized or following.latin:
        return last
    adjective = {
        tags & GENDERS for _, tags in morph.parses(tokens[last].low) if {"ADJF", "nomn"} <= tags
    }
    noun = {tags & GENDERS for _, tags in morph.parses(following.low) if {"NOUN", "nomn"} <= tags}
    named = following.classes & _NAME_NOUNS
    return last + 1 if adjective & noun and named else last


def typed_settlements(
    tokens: list[Token], typed: list[int], region: str | None, consumed: set[int]
) -> list[Place]:
    found: list[Place] = []
    for index in typed:
        if tokens[index].low == names().urban_okrug_letters[0] and (
            okrug := _urban_okrug(tokens, index, consumed)
        ):
            found.append(okrug)
            continue
        if not _settlement_type(tokens, index):
            continue
        position = index + (
            2 if tokens[index].low in place_words("settlement_abbreviations") else 1
        )
        before = _microdistrict_before(tokens, index, consumed) or _municipality_before(
            tokens, index, consumed
        )
        if before:
            found.extend(before)  # "в Левенцовском микрорайоне Ростова"
            continue
        continued = False  # a name after "," or "и" that shares the type word
        while True:
            span = name_after(tokens, position, region)
            if span is not None and _district_of_city(tokens[index]):
                span = (span[0], _with_common_noun(tokens, span[1]))
            if span is None or span[0] in consumed:
                break  # "город Белгород и Белгородский район": the district was found
            first, last = span
            if _personal_name(tokens, first, last):
                break  # "губернатор города Михаил Развожаев"
            if _region_follows(tokens, last):
                break  # "в населённых пунктах Белгородской области"
            if continued and first == last and _noun_follows(tokens, last):
                break  # "в микрорайоне Правобережный и Кизилташском лимане": a lagoon
            gender = type_gender(tokens[index].low)
            known = settlement_at(tokens, first, last, region)
            if _names_a_region(tokens[first].low if first == last else "", known):
                break  # "в населённых пунктах Ингушетии", "в городе Севастополе"
            if known is not None and _disagrees(known.name, tokens[first : last + 1], gender):
                known = None  # "в селе Октябрьском": Октябрьское, not the town Октябрьский
            if known is not None:
                name = known.name
            elif first == last and (declined := declined_name(tokens[first], tokens[index])):
                name = declined
            else:
                name = " ".join(nominative_agreeing(t, gender) for t in tokens[first : last + 1])
            found.append(Place(name, tokens[first].sentence, tokens[index].start, tokens[last].end))
            consumed.update(range(index, last + 1))
            found.extend(_elliptic_district(tokens, last + 1, consumed))
            if last + 2 < len(tokens) and tokens[last + 1].low in links().list:
                position = last + 2
                continued = True
                continue
            break
    return found


def _disagrees(name: str, words: list[Token], gender: str) -> bool:
    """Whether an adjective-shaped gazetteer name of one word has another gender than the
    declined name after its type word."""
    if len(words) != 1 or not words[0].low.endswith(endings().oblique_adjective):
        return False
    if not name.lower().endswith(endings().adjective_name) or " " in name or "-" in name:
        return False
    agreed = nominative_agreeing(words[0], gender)
    return folded(agreed) != folded(name)


def _names_a_region(word: str, known: Settlement | None) -> bool:
    """Whether a one-word name is a region's ("Ингушетии", "Севастополе"), unless the
    gazetteer knows a settlement of that name elsewhere (the village Крым of Rostov)."""
    code = region_noun(word) if word else None
    return code is not None and (known is None or known.region == code)


def _region_follows(tokens: list[Token], last: int) -> bool:
    """Whether a region's type word follows the name ("Белгородской области")."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    return (
        following is not None
        and following.kind == "word"
        and morph.lemma(following.low) in words("regions", "types")
    )


def _personal_name(tokens: list[Token], first: int, last: int) -> bool:
    """A first name and a surname ("Михаил Развожаев"), not a settlement's name."""
    return last > first and morph.top_has(tokens[first].low, "Name")


def _elliptic_district(tokens: list[Token], index: int, consumed: set[int]) -> list[Place]:
    """ "в селе Головчино Грайворонского": a district adjective without its type word."""
    if index >= len(tokens) or index in consumed:
        return []
    token = tokens[index]
    if not token.capitalized or not token.low.endswith(endings().skiy_genitive):
        return []
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == "word"
        and (
            lemma_is(following, "district_types")
            or lemma_is(following, "district_qualifiers")
            or morph.lemma(following.low) in words("regions", "types")
        )
    ):
        return []
    consumed.add(index)
    name = cased(district_adjective(token.low), token.text)
    return [Place(f"{name} {names().raion}", token.sentence, token.start, token.end)]
