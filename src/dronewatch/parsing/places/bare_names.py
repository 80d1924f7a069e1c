"""Settlements named without a type word ("в Обнинске", "над Рыльском").

A capitalised word after a preposition of place, a vicinity ("на окраине Ярославля") or
in a list after a place found names a settlement when the gazetteer knows it, or, beside
its district, when it reads as a village's noun in the preposition's case. Streets,
roads, objects named after a town ("Рязанский нефтезавод") and people are not places.
"""

from __future__ import annotations

from functools import cache

from dronewatch.parsing import morph
from dronewatch.parsing.features import DISTRICT_TYPE
from dronewatch.parsing.lexicon import lexicon, word_class
from dronewatch.parsing.places.declension import (
    adjective_and_noun_town,
    declined_town,
    name_adjective,
    noun_town,
    unlisted_town,
)
from dronewatch.parsing.places.gazetteer import known_settlement, may_begin_name, misspelt_town
from dronewatch.parsing.places.grammar import CASES, GENDERS, Place
from dronewatch.parsing.places.vocabulary import endings, folded, links, names, pairs, place_words
from dronewatch.parsing.text import Token

# The word classes the rules below ask about word by word.
_PERSON_TITLES = word_class("places", "person_titles")
_STREET_WORDS = word_class("places", "street_words")
_VICINITY_WORDS = word_class("places", "vicinity_words")


def _person_context(tokens: list[Token], index: int) -> bool:
    """A gazetteer name that is a person here ("губернатор Гусев", "Андрей Воробьев")."""
    previous = tokens[index - 1] if index > 0 else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if (
        previous is not None
        and previous.kind == "word"
        and (
            previous.classes & _PERSON_TITLES
            or (previous.capitalized and morph.top_has(previous.low, "Name"))
        )
    ):
        return True
    return (
        following is not None
        and following.capitalized
        and morph.has_reading(tokens[index].low, "Name")
        and morph.has_reading(following.low, "Surn")
    )


def bare_settlements(
    tokens: list[Token],
    capitalised: list[int],
    region: str | None,
    consumed: set[int],
    districts: frozenset[int] = frozenset(),
) -> list[Place]:
    """Settlements named without a type word, from the capitalised words at `capitalised`;
    `districts` holds where the district names found begin (a name before one is its
    village: "в Дроновке Глушковского района")."""
    found: list[Place] = []
    region_nouns = lexicon().region_nouns
    # "удары пришлись по Льгову": a target's preposition, for this rule only
    prepositions = place_words("location_prepositions") + place_words("target_prepositions")
    linking = links()
    joining = linking.list
    listed = False  # right after a found place, across "," and "и" only
    listed_near = False  # ... in a list that began "в районе" ("в районе Качи и Любимовки")
    listed_case = ""  # ... the preposition that began it ("в Грайвороне, Замостье")
    after = 0  # the first token not yet looked at
    for index in capitalised:
        if index < after:
            continue  # the second word of a name just found
        if listed and not all(tokens[j].low in joining for j in range(after, index)):
            listed = False
        after = index + 1
        token = tokens[index]
        if index in consumed:
            listed = listed and token.low in joining
            continue
        if index > 0 and (tokens[index - 1].text == "#" or _street(tokens, index)):
            listed = False  # "#Псков", "на улице Губкина": a hashtag or a street
            continue
        previous = tokens[index - 1].low if index > 0 else ""
        if previous == linking.locating and index > 1 and index - 2 in consumed:
            listed = False  # "в селе Нечаевка под Белгородом": the town locates the village
            continue
        near = index > 1 and (tokens[index - 2].low, previous) in _near()
        if near:
            previous = tokens[index - 2].low  # "в районе Любимовки": near a settlement
        elif _vicinity(tokens, index):
            # "на окраине Ярославля", "на подлёте к Рыбинску": a preposition of that case
            previous = _vicinity_prepositions().get(previous, linking.genitive)
        continued = listed and previous in joining
        near = near or (continued and listed_near)
        # "в порту Туапсе", "нефтебаза Феодосии": a town that owns the object hit
        if (
            region is None
            and previous not in prepositions
            and not continued
            and not previous.startswith(place_words("named_objects"))
        ):
            listed = False  # without a channel region, only a name after "в", "над"
            continue
        for size in (2, 1):
            last = index + size - 1
            if size == 2:
                # "Серебряных прудах": the gazetteer vouches for a lower-case second word.
                if (
                    last >= len(tokens)
                    or tokens[last].kind != "word"
                    or tokens[last].latin
                    or not (may_begin_name(token.low) or name_adjective(token.low))
                ):
                    continue
                known = known_settlement((token.low, tokens[last].low), region)
            else:
                known = known_settlement((token.low,), region)
            if known is None and size == 2 and previous in prepositions:
                # "в районе Новой Таволжанки": near a village, in the genitive
                governing = linking.genitive if near else previous
                known = adjective_and_noun_town(token, tokens[last], governing)
            if near and known is None and size == 1:
                known = noun_town(token)
            if known is None and size == 1 and continued and listed_case:
                # "в Грайвороне, Головчино, Замостье": a village the gazetteer lacks, in
                # the case of the preposition that began the list
                known = unlisted_town(token) or declined_town(token, listed_case)
            if known is None and size == 1 and previous in prepositions:
                known = misspelt_town(token.low, region) or unlisted_town(token)
                if known is None and (
                    _district_follows(tokens, index, districts)
                    or _district_precedes(tokens, index, consumed)
                ):
                    known = declined_town(token, previous)
            if known is None or morph.lemma(token.low) in region_nouns:
                continue
            if _on_road(tokens, index) or _names_an_object(tokens, index, last):
                continue
            geo = size > 1 or morph.has_reading(token.low, "Geox") or not morph.is_known(token.low)
            geo = geo or token.low.endswith(endings().village)
            # "подверглись Алешки, Великие Копани, ...": the head of a list of known names
            geo = geo or (region is not None and _known_follows(tokens, last, region))
            # "судно в порту Оля": the town that owns the object hit
            geo = geo or previous.startswith(place_words("named_objects"))
            # a capitalised word right after "в" / "над" names a place ("в Лисках")
            if previous in prepositions:
                # "в Узловой": an adjective-shaped name, when no noun follows it ("в Курской
                # области", "в Северном округе")
                geo = geo or not morph.has_reading(token.low, "ADJF")
                geo = geo or (region is not None and not _noun_follows(tokens, last))
            if (
                previous not in prepositions
                and not listed
                and morph.top_has(token.low, "Surn")
                and folded(known.name) != token.low
            ):
                continue  # "по словам Котова": a surname in an oblique case, not Котово
            if (geo or listed) and not _person_context(tokens, index):
                found.append(Place(known.name, token.sentence, token.start, tokens[last].end))
                consumed.update(range(index, last + 1))
                after = last + 1
                listed_near = near
                listed_case = previous if previous in prepositions else listed_case
                listed_case = listed_case if continued or previous in prepositions else ""
                listed = True
                break
        else:
            listed = False
    return found


@cache
def _near() -> frozenset[tuple[str, ...]]:
    """ "в районе": the words before a settlement named as the vicinity of the event."""
    return frozenset(tuple(phrase.split()) for phrase in links().near)


@cache
def _vicinity_prepositions() -> dict[str, str]:
    """The preposition whose case a name after a vicinity word's link is in ("на подлёте к
    Рыбинску": "по", the dative)."""
    return pairs(links().vicinity)


def _known_follows(tokens: list[Token], last: int, region: str) -> bool:
    """Whether a list link and another settlement the gazetteer knows follow the name."""
    if last + 2 >= len(tokens) or tokens[last + 1].low not in links().list:
        return False
    following = tokens[last + 2]
    if not following.capitalized or following.latin or following.kind != "word":
        return False
    if known_settlement((following.low,), region) is not None:
        return True
    second = tokens[last + 3] if last + 3 < len(tokens) else None
    return (
        second is not None
        and second.kind == "word"
        and known_settlement((following.low, second.low), region) is not None
    )


def _street(tokens: list[Token], index: int) -> bool:
    """ "на улице Губкина", "ул. Губкина": the name of a street."""
    previous = tokens[index - 1]
    return bool(previous.classes & _STREET_WORDS) or (
        previous.low == "." and index > 1 and tokens[index - 2].low == links().street_abbreviation
    )


def _noun_follows(tokens: list[Token], last: int) -> bool:
    """Whether a lower-case noun or adjective the name may qualify follows it ("Курской
    области", "Северном округе"): one agreeing with some reading of it in case, number and
    gender."""
    if last + 1 >= len(tokens):
        return False
    following = tokens[last + 1]
    if following.kind != "word" or following.capitalized or following.latin:
        return False
    name = [tags for _, tags in morph.parses(tokens[last].low) if "ADJF" in tags]
    for _, tags in morph.parses(following.low):
        if not tags & {"NOUN", "ADJF", "PRTF"}:
            continue
        for adjective in name:
            shared = adjective & tags
            if (
                shared & CASES
                and shared & {"sing", "plur"}
                and ("plur" in shared or shared & GENDERS or "ADJF" in tags)
            ):
                return True
    return False


def _names_an_object(tokens: list[Token], first: int, last: int) -> bool:
    """A town's adjective naming an object, not the town: "Афипского нефтеперерабатывающего
    завода", "Новошахтинском НПЗ", "на Северном шоссе"."""
    token = tokens[first]
    if not (
        morph.has_reading(token.low, "ADJF") or token.low.endswith(endings().oblique_adjective)
    ):
        return False
    objects = place_words("named_objects") + place_words("street_words") + links().roads
    position = last + 1
    while position < len(tokens) and position - last <= 3:
        following = tokens[position]
        if following.kind != "word" or following.latin:
            return False
        if following.low.startswith(objects):
            return True
        adjective = morph.has_reading(following.low, "ADJF") or morph.has_reading(
            following.low, "PRTF"
        )
        if following.capitalized or not adjective:
            return False  # only the object's own adjectives may stand between
        position += 1
    return False


@cache
def district_names() -> tuple[str, ...]:
    """The endings of a district's name: its type word (" район", " округ")."""
    return (f" {names().raion}", f" {names().okrug}")


def _vicinity(tokens: list[Token], index: int) -> bool:
    """Whether the word follows a noun or adverb of a town's vicinity ("на окраине", "в
    окрестностях", "на подлёте к", "недалеко от")."""
    if index < 2:
        return False
    previous = tokens[index - 1]
    if previous.low in links().vicinity_links:
        return bool(tokens[index - 2].classes & _VICINITY_WORDS)
    return bool(previous.classes & _VICINITY_WORDS)


def _district_follows(tokens: list[Token], index: int, districts: frozenset[int]) -> bool:
    """Whether a district's name follows the word ("Дроновке Глушковского района", "Часцах
    в Одинцовском округе")."""
    following = tokens[index + 1 : index + 3]
    if following and following[0].start in districts:
        return True
    return (
        len(following) == 2 and following[0].low in links().into and following[1].start in districts
    )


def _district_precedes(tokens: list[Token], index: int, consumed: set[int]) -> bool:
    """Whether the word follows its district's name ("в Беловском районе в Гирьях")."""
    return (
        index > 1
        and tokens[index - 1].low in links().into
        and bool(tokens[index - 2].flags & DISTRICT_TYPE)
        and index - 2 in consumed
    )


_CHAIN = frozenset({"—", "–", "-", "«", "»", '"'})


def _on_road(tokens: list[Token], index: int) -> bool:
    """ "трасса Курск — Льгов — Рыльск": towns naming a road, not where it was hit."""
    position = index - 1
    while position >= 0 and index - position <= 12:
        token = tokens[position]
        if token.low.startswith(links().roads):
            return True
        if not (token.capitalized or token.text in _CHAIN):
            return False
        position -= 1
    return False
