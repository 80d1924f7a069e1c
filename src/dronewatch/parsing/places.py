"""Districts, towns and villages where drones fell or struck, in canonical Russian.

Three sources, strongest first: a type word ("в селе Новая Таволжанка", "Боровским
районом"), the gazetteer (inflected forms matched by lemma: "в Обнинске" -> "Обнинск"),
and, in English, "town of X" / "X district" / a gazetteer name after a preposition.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    ALERT,
    AVIATION,
    CAPITALIZED_CYRILLIC,
    CAPITALIZED_LATIN,
    DISTRICT_TYPE,
    DOWN,
    EVENT,
    FIRE,
    HOSPITAL,
    INJURED,
    KILLED,
    PREDICATE,
    RESTRICTION,
    SETTLEMENT_ABBREVIATION,
    SETTLEMENT_TYPE,
    STRIKE,
    THREAT,
)
from dronewatch.parsing.lexicon import (
    Settlement,
    english_key,
    lexicon,
    settlement_form,
    word_class,
    words,
)
from dronewatch.parsing.numbers import word_value
from dronewatch.parsing.text import Sentence, Token, groups_of

# The word classes the rules below ask about word by word.
_NAME_NOUNS = word_class("places", "name_nouns")
_OFFICIAL_TITLES = word_class("places", "official_titles")
_PERSON_TITLES = word_class("places", "person_titles")
_SHELLING_VERBS = word_class("places", "shelling_verbs")
_STREET_WORDS = word_class("places", "street_words")
_ALL_CLEAR = word_class("places", "all_clear")
_VICINITY_WORDS = word_class("places", "vicinity_words")
_SIRENS = word_class("places", "sirens")
_AIR_DEFENCE = word_class("places", "air_defence")
_SHELLING = word_class("places", "shelling")

_TYPE_WORDS = frozenset({"район", "округ", "муниципальный", "городской"})
_ENDINGS_ADJECTIVE = tuple(
    stem + ending
    for stem in ("ск", "цк")
    for ending in ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их", "ими")
)
_VILLAGE_ENDINGS = ("ово", "ево", "ино", "ыно")
_ENDINGS_OBLIQUE = ("ского", "цкого", "ской", "цкой", "ском", "цком", "ским", "цким")
_ENGLISH_OBJECTS = frozenset(
    {
        "oil",
        "refinery",
        "depot",
        "plant",
        "airport",
        "mayor",
        "governor",
        "region",
        "oblast",
        "highway",
        # "Novorossiysk naval base", "Shatura hydroelectric power plant": a town's name
        # that only qualifies an object
        "port",
        "naval",
        "base",
        "airfield",
        "terminal",
        "substation",
        "factory",
        "bridge",
        "hydroelectric",
        "thermal",
        "power",
        "chemical",
        "metallurgical",
        "nuclear",
    }
)
_TRANSLIT = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("ye", "е"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("y", "ы"),
)


class Place(NamedTuple):
    name: str
    sentence: int
    start: int
    end: int


@cache
def _words(key: str) -> tuple[str, ...]:
    return words("places", key)


def _lemma_is(token: Token, key: str) -> bool:
    return token.kind == "word" and (
        token.low in _words(key) or morph.lemma(token.low) in _words(key)
    )


def _is_adjective(token: Token) -> bool:
    if token.kind != "word" or token.latin:
        return False
    if not token.capitalized and morph.is_known(token.low):
        return False
    return morph.has_reading(token.low, "ADJF") or (
        token.capitalized and token.low.endswith(_ENDINGS_ADJECTIVE)
    )


def _indices(groups: list[Sentence], flags: int) -> list[int]:
    """Indices of the tokens with any of the flags, in order."""
    return [
        index
        for union, group, first in groups
        if union & flags
        for index, token in enumerate(group, first)
        if token.flags & flags
    ]


def _districts(
    tokens: list[Token], groups: list[Sentence], region: str | None, consumed: set[int]
) -> list[Place]:
    found: list[Place] = []
    for index in _indices(groups, DISTRICT_TYPE):
        token = tokens[index]
        if not token.flags & DISTRICT_TYPE or (token.capitalized and token.low != "мо"):
            continue
        qualifier = ""
        position = index - 1
        if position >= 0 and _lemma_is(tokens[position], "district_qualifiers"):
            qualifier = morph.lemma(tokens[position].low)
            position -= 1
        members = []
        while (
            position >= 0
            and _is_adjective(tokens[position])
            and morph.lemma(tokens[position].low) not in _words("district_qualifiers")
            and _may_qualify(tokens[position].low, token.low)
        ):
            members.append(position)
            # the link and the member before it, across a line break ("Миллеровском,\n")
            link = _before_line_breaks(tokens, position - 1)
            previous = _before_line_breaks(tokens, link - 1)
            if (
                previous >= 0
                and tokens[link].low in (",", "и")
                and _is_adjective(tokens[previous])
                and _agrees_in_case(tokens[previous].low, token.low)
            ):
                position = previous
                continue
            break
        kind = "район" if _is_raion(token) else f"{qualifier or 'муниципальный'} округ"
        short = _district_abbreviations().get(tokens[position].low) if position >= 0 else None
        if not members and short is not None:
            # "в ЖД округе": a city district's usual abbreviation
            start = tokens[position].start
            found.append(Place(f"{short} {kind}", token.sentence, start, token.end))
            consumed.update((position, index))
            continue
        for member in reversed(members):
            name = _cased(district_adjective(tokens[member].low), tokens[member].text)
            found.append(Place(f"{name} {kind}", token.sentence, tokens[member].start, token.end))
            consumed.add(member)
        consumed.add(index)
        if members:
            found += _in_brackets(tokens, index + 1, region, consumed)
    return found


def _before_line_breaks(tokens: list[Token], index: int) -> int:
    """The last token at or before `index` that is no line break (-1 when none is)."""
    while index >= 0 and tokens[index].kind == "nl":
        index -= 1
    return index


@cache
def _district_abbreviations() -> dict[str, str]:
    """City districts by their usual abbreviation ("ЖД" -> "Железнодорожный")."""
    pairs = (entry.split(" ", 1) for entry in _words("district_abbreviations"))
    return {pair[0]: pair[1] for pair in pairs}


def _urban_okrug(tokens: list[Token], index: int, consumed: set[int]) -> Place | None:
    """ "в Одинцовском г.о.": an urban okrug named by the adjective before "г.о."."""
    if index == 0 or index + 4 > len(tokens):
        return None
    dot, letter, last_dot = tokens[index + 1 : index + 4]
    if dot.text != "." or letter.low != "о" or last_dot.text != ".":
        return None
    adjective = tokens[index - 1]
    if index - 1 in consumed or not adjective.capitalized or not _is_adjective(adjective):
        return None
    name = _cased(district_adjective(adjective.low), adjective.text)
    consumed.update(range(index - 1, index + 4))
    return Place(f"{name} городской округ", adjective.sentence, adjective.start, last_dot.end)


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
        span = _name_after(tokens, position)
        if span is None:
            return []
        first, last = span
        if last + 1 >= len(tokens) or tokens[last + 1].text not in (")", ","):
            return []
        if morph.lemma(tokens[first].low) in lexicon().region_nouns:
            return []
        known = _gazetteer(tokens, first, last, region)
        written = " ".join(t.text for t in tokens[first : last + 1])
        name = known.name if known is not None else written
        found.append(Place(name, tokens[first].sentence, tokens[first].start, tokens[last].end))
        if tokens[last + 1].text == ")":
            consumed.update(range(index, last + 2))
            return found
        position = last + 2


@lru_cache(maxsize=16384)
def _cased(name: str, written: str) -> str:
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
def _may_qualify(adjective: str, noun: str) -> bool:
    """Whether an adjective may be the district's name before its type word: it agrees with
    it, when both are read as such ("деревни Ильинское городского округа Кашира": the
    neuter nominative names the village)."""
    if not morph.has_reading(adjective, "ADJF") or not _cases(noun):
        return True
    return _agrees_with_type(adjective, noun)


def _districts_sharing_a_type_word(
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
        kind = "район" if _is_raion(tokens[typed]) else "муниципальный округ"
        for index in range(typed + 1, first + len(group) - 1):
            token = tokens[index]
            if not token.flags & CAPITALIZED_CYRILLIC or index in consumed:
                continue
            if tokens[index + 1].kind == "word" or tokens[index - 1].low not in ("над", "в", "во"):
                continue
            if _agrees_with_type(token.low, tokens[typed].low) and not _settlement(
                (token.low,), region
            ):
                name = _cased(district_adjective(token.low), token.text)
                found.append(Place(f"{name} {kind}", token.sentence, token.start, token.end))
                consumed.add(index)
    return found


_LIST_DASHES = frozenset({"—", "–", "-"})


def _districts_listed(
    tokens: list[Token], groups: list[Sentence], consumed: set[int]
) -> list[Place]:
    """ "в следующих районах: Каменском, Миллеровском и Октябрьском (сельском)": district
    adjectives listed after a plural type word and a colon or a dash, each agreeing with
    it."""
    found: list[Place] = []
    for index in _indices(groups, DISTRICT_TYPE):
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
        kind = "район" if _is_raion(token) else "муниципальный округ"
        members: list[int] = []
        position = colon + 1
        while position < len(tokens):
            member = tokens[position]
            if (
                position in consumed
                or not member.flags & CAPITALIZED_CYRILLIC
                or not _is_adjective(member)
                or not (
                    _agrees_with_type(member.low, token.low)
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
            if position + 1 < len(tokens) and tokens[position].low in (",", "и"):
                position += 1
                continue
            break
        if len(members) < 2:
            continue
        for listed in members:
            word = tokens[listed]
            name = _cased(district_adjective(word.low), word.text)
            found.append(Place(f"{name} {kind}", word.sentence, word.start, word.end))
            consumed.add(listed)
        consumed.add(index)
    return found


def _is_raion(token: Token) -> bool:
    return token.low.startswith("р-н") or morph.lemma(token.low) == "район"


@lru_cache(maxsize=16384)
def _agrees_with_type(adjective: str, noun: str) -> bool:
    """An adjective that may stand for the district type word: in one of its cases, and
    masculine or plural ("в Курской — ещё один" is no district)."""
    if noun.startswith("р-н"):
        noun = "район" + noun.removeprefix("р-н")  # "р-не" -> "районе"
    cases = _cases(noun)
    return any(
        "ADJF" in tags and tags & cases and tags & {"masc", "plur"}
        for _, tags in morph.parses(adjective)
    )


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


@lru_cache(maxsize=16384)
def _cases(word: str) -> frozenset[str]:
    """Every case some reading of the word is in."""
    return frozenset(case for _, tags in morph.parses(word) for case in tags & _CASES)


def _agrees_in_case(adjective: str, noun: str) -> bool:
    """Whether an adjective listed before a type word may share its case ("над Кузнецком и
    Кузнецким районом": "Кузнецком" is no instrumental adjective, so it names the town)."""
    cases = _cases(noun)
    return any(
        "ADJF" in tags and tags & cases for _, tags in morph.parses(adjective)
    ) or not morph.has_reading(adjective, "ADJF")


@cache
def _town_adjectives() -> frozenset[str]:
    """The regular adjectives of the gazetteer's town names, lower case ("псковский")."""
    return frozenset(
        (s.name.lower() + "ий" if s.name.endswith(("ск", "цк")) else s.name.lower() + "ский")
        for group in lexicon().settlements.values()
        for s in group
        if " " not in s.name and not s.name.endswith(_ADJECTIVE_NAME_ENDINGS)
    )


@lru_cache(maxsize=16384)
def district_adjective(word: str) -> str:
    """The masculine nominative of a district's adjective, in any case ("Боровским" ->
    "боровский", "Заводского" -> "заводской", "Каменском" -> "каменский")."""
    readings = morph.readings(word)
    adjectives = [p for p in readings if p.tag.POS in ("ADJF", "PRTF")]
    if adjectives:
        name = str(adjectives[0].normal_form)
    else:
        # pymorphy3 reads some names as nouns ("Каменском" -> "каменск", "каменский").
        forms = [str(p.normal_form) for p in readings]
        name = next((f for f in forms if f.endswith(("ский", "цкий", "ской", "цкой"))), "")
        if not name:
            return morph.nominative(word)
    if name.endswith(("ский", "цкий")) and name not in _town_adjectives():
        # "Заводской", "Донской": the stressed ending, when the dictionary has that adjective
        # and no town is named so ("Псковский" after Псков).
        stressed = name[:-2] + "ой"
        if any(p.tag.POS == "ADJF" and p.normal_form == stressed for p in morph.readings(stressed)):
            return stressed
    return name


def _settlement_type(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if not token.flags & (SETTLEMENT_TYPE | SETTLEMENT_ABBREVIATION):
        return False
    if token.kind != "word" or token.latin:
        return False
    if token.capitalized and index > 0 and tokens[index - 1].sentence == token.sentence:
        return False
    if token.low in _words("settlement_abbreviations"):
        return index + 1 < len(tokens) and tokens[index + 1].text == "."
    return bool(morph.lemmas(token.low) & set(_words("settlement_types")))


def _name_after(
    tokens: list[Token], index: int, region: str | None = None
) -> tuple[int, int] | None:
    """The span of a capitalised name starting at `index` (up to three words; a town in an
    oblique case ends it: "микрорайон Левенцовский Ростова-на-Дону")."""
    if index >= len(tokens) or not tokens[index].capitalized or tokens[index].latin:
        return None
    if _abbreviation(tokens[index]):
        return None
    last = index
    while (
        last + 1 < len(tokens)
        and last - index < 2
        and tokens[last + 1].capitalized
        and tokens[last + 1].start - tokens[last].end <= 1
        and not tokens[last + 1].low.endswith(_ENDINGS_OBLIQUE)
        and not _abbreviation(tokens[last + 1])
        and not _inflected_town(tokens[last + 1].low, region)
    ):
        last += 1
    return index, last


def _inflected_town(word: str, region: str | None) -> bool:
    """Whether the word names a gazetteer town in a case other than the nominative."""
    known = _settlement((word,), region)
    return known is not None and known.name.lower().replace("ё", "е") != word


def _microdistrict_before(tokens: list[Token], index: int, consumed: set[int]) -> list[Place]:
    """ "в Левенцовском микрорайоне": a microdistrict named by the adjective before its
    type word."""
    if index == 0 or not _district_of_city(tokens[index]) or index - 1 in consumed:
        return []
    previous = tokens[index - 1]
    if not previous.capitalized or previous.latin or previous.sentence != tokens[index].sentence:
        return []
    if not _agrees_with_type(previous.low, tokens[index].low):
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
        or morph.lemma(tokens[index].low) not in _words("municipality_types")
    ):
        return []
    qualifier, adjective = tokens[index - 1], tokens[index - 2]
    if morph.lemma(qualifier.low) not in _words("municipality_qualifiers"):
        return []
    if not adjective.capitalized or adjective.latin or adjective.sentence != qualifier.sentence:
        return []
    if not _is_adjective(adjective) or not _agrees_in_case(adjective.low, tokens[index].low):
        return []
    name = morph.agree(adjective.low, "neut") or _surname_shaped(adjective.low, "neut")
    kind = morph.agree(qualifier.low, "neut")
    if not name or not kind:
        return []
    consumed.update(range(index - 2, index + 1))
    parts = (_cased(name, adjective.text), kind, morph.lemma(tokens[index].low))
    return [Place(" ".join(parts), adjective.sentence, adjective.start, tokens[index].end)]


def _district_of_city(token: Token) -> bool:
    """ "микрорайон", "мкр": its names may end in a common noun ("Харьковская гора")."""
    return token.low in ("мкр", "мкрн") or morph.lemma(token.low) == "микрорайон"


def _with_common_noun(tokens: list[Token], last: int) -> int:
    """The end of a name whose nominative adjective is followed by a lower-case noun it
    agrees with ("в микрорайоне Харьковская гора")."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is None or following.kind != "word" or following.capitalized or following.latin:
        return last
    adjective = {
        tags & _GENDERS for _, tags in morph.parses(tokens[last].low) if {"ADJF", "nomn"} <= tags
    }
    noun = {tags & _GENDERS for _, tags in morph.parses(following.low) if {"NOUN", "nomn"} <= tags}
    named = following.classes & _NAME_NOUNS
    return last + 1 if adjective & noun and named else last


_GENDERS = frozenset({"masc", "femn", "neut"})


def _abbreviation(token: Token) -> bool:
    """ "FPV-дрон", "БПЛА", "ЦРБ": not part of a settlement's name."""
    text = token.text
    return (len(text) > 1 and text.isupper()) or _LATIN_LETTER.search(text) is not None


def _typed_settlements(
    tokens: list[Token], groups: list[Sentence], region: str | None, consumed: set[int]
) -> list[Place]:
    found: list[Place] = []
    for index in _indices(groups, SETTLEMENT_TYPE | SETTLEMENT_ABBREVIATION):
        if tokens[index].low == "г" and (okrug := _urban_okrug(tokens, index, consumed)):
            found.append(okrug)
            continue
        if not _settlement_type(tokens, index):
            continue
        position = index + (2 if tokens[index].low in _words("settlement_abbreviations") else 1)
        before = _microdistrict_before(tokens, index, consumed) or _municipality_before(
            tokens, index, consumed
        )
        if before:
            found.extend(before)  # "в Левенцовском микрорайоне Ростова"
            continue
        while True:
            span = _name_after(tokens, position, region)
            if span is not None and _district_of_city(tokens[index]):
                span = (span[0], _with_common_noun(tokens, span[1]))
            if span is None or span[0] in consumed:
                break  # "город Белгород и Белгородский район": the district was found
            first, last = span
            if _personal_name(tokens, first, last):
                break  # "губернатор города Михаил Развожаев"
            if _region_follows(tokens, last):
                break  # "в населённых пунктах Белгородской области"
            gender = _type_gender(tokens[index].low)
            known = _gazetteer(tokens, first, last, region)
            if known is not None and _disagrees(known.name, tokens[first : last + 1], gender):
                known = None  # "в селе Октябрьском": Октябрьское, not the town Октябрьский
            if known is not None:
                name = known.name
            elif first == last and (declined := _declined_name(tokens[first], tokens[index])):
                name = declined
            else:
                name = " ".join(_agreeing(t, gender) for t in tokens[first : last + 1])
            found.append(Place(name, tokens[first].sentence, tokens[index].start, tokens[last].end))
            consumed.update(range(index, last + 1))
            found.extend(_elliptic_district(tokens, last + 1, consumed))
            if last + 2 < len(tokens) and tokens[last + 1].low in (",", "и"):
                position = last + 2
                continue
            break
    return found


def _disagrees(name: str, words: list[Token], gender: str) -> bool:
    """Whether an adjective-shaped gazetteer name of one word has another gender than the
    declined name after its type word."""
    if len(words) != 1 or not words[0].low.endswith(_OBLIQUE_ADJECTIVE):
        return False
    if not name.lower().endswith(_ADJECTIVE_NAME_ENDINGS) or " " in name or "-" in name:
        return False
    agreed = _agreeing(words[0], gender)
    return agreed.lower().replace("ё", "е") != name.lower().replace("ё", "е")


_TYPE_GENDERS = {"село": "neut", "поселение": "neut", "с": "neut", "станица": "femn",
                 "деревня": "femn", "слобода": "femn", "д": "femn", "ст": "femn",
                 "станция": "femn"}  # fmt: skip


def _type_gender(word: str) -> str:
    """The gender of a settlement type word ("станице" -> femn), masculine by default."""
    return _TYPE_GENDERS.get(word) or _TYPE_GENDERS.get(morph.lemma(word), "masc")


def _agreeing(token: Token, gender: str) -> str:
    """A name word after its type word, in the nominative when it agrees as an adjective
    ("в станице Полтавской" -> "Полтавская", "в селе Никольском" -> "Никольское")."""
    if not token.low.endswith(_OBLIQUE_ADJECTIVE):
        return token.text
    nominative = morph.agree(token.low, gender) or _surname_shaped(token.low, gender)
    return nominative.capitalize() if nominative else token.text


# The oblique endings of an "-ский" adjective by the gender it agrees with.
_SKIY_OBLIQUE = {
    "masc": ("ском", "ского", "скому", "ским", "цком", "цкого", "цкому", "цким"),
    "neut": ("ском", "ского", "скому", "ским", "цком", "цкого", "цкому", "цким"),
    "femn": ("ской", "скую", "цкой", "цкую"),
}
_SKIY_NOMINATIVE = {"masc": "ий", "neut": "ое", "femn": "ая"}


def _surname_shaped(low: str, gender: str) -> str | None:
    """An "-ский" name the dictionary knows only as a surname, agreeing with its type word
    ("в селе Лозовском" -> "лозовское", "в станице Гремской" -> "гремская")."""
    if not low.endswith(_SKIY_OBLIQUE.get(gender, ())):
        return None
    stem = low[: low.rindex("к") + 1]
    return stem + _SKIY_NOMINATIVE[gender]


_FEMININE_NOMINATIVE = ("а", "я")
# Names already in the nominative: feminine ones, and plurals of dwellers ("Любечане").
_NOMINATIVE_NAME_ENDINGS = (*_FEMININE_NOMINATIVE, "ане", "яне")


def _declined_name(token: Token, type_word: Token) -> str | None:
    """A name the gazetteer lacks, declined in its type word's case: its nominative when it
    reads as a feminine noun in "-а" / "-я" in that case ("в селе Дроновке", "у деревни
    Рубанщины" -> "Дроновка", "Рубанщина"); a name left in the nominative ("у хутора
    Олешня", "села Весёлое") and hyphenated names stay as written."""
    normal = (
        _feminine_nominative(token.low, type_word.low)
        or _masculine_nominative(token.low, type_word.low)
        or _plural_nominative(token.low, type_word.low)
    )
    return token.text[0] + normal[1:] if normal else None


_PLURAL_OBLIQUE_ENDINGS = ("ах", "ях", "ами", "ями")


@lru_cache(maxsize=16384)
def _plural_nominative(low: str, type_word: str) -> str | None:
    """A plural name in the prepositional or instrumental case of its type word ("в
    деревне Горелках" -> "Горелки", "над селом Часцами" -> "Часцы")."""
    if "-" in low or not low.endswith(_PLURAL_OBLIQUE_ENDINGS):
        return None
    if type_word in _words("settlement_abbreviations"):
        return None
    if not _cases(type_word) & {"loct", "ablt"}:
        return None
    return next(
        (f for f in morph.nominatives(low) if f.endswith(("ы", "и")) and f[:2] == low[:2]), None
    )


_OBLIQUE_OF_PLACE = frozenset({"loct", "loc2", "datv", "ablt"})


@lru_cache(maxsize=16384)
def _masculine_nominative(low: str, type_word: str) -> str | None:
    """A masculine name in the prepositional, dative or instrumental case of its type word
    ("в посёлке Коммунаре" -> "Коммунар", "над хутором Восходом" -> "Восход"); not after
    a genitive type word, where a name keeps its own case ("посёлка Мичурина"), nor a
    surname's reading."""
    if (
        "-" in low
        or not low.endswith(_MASCULINE_OBLIQUE_ENDINGS)
        or low.endswith((*_NOMINATIVE_NAME_ENDINGS, *_ADJECTIVE_ENDINGS))
        or type_word in _words("settlement_abbreviations")
        or not morph.is_known(low)
        or morph.has_reading(low, "ADJF")
    ):
        return None  # "в селе Сычане": dwellers' plural; an unknown word's case is a guess
    cases = _cases(type_word) & _OBLIQUE_OF_PLACE
    if not cases:
        return None
    readings = morph.parses(low)
    for normal, tags in readings:
        if {"NOUN", "sing"} <= tags and tags & cases and "Geox" in tags:
            return normal if normal != low else None
    for normal, tags in readings:
        if (
            {"NOUN", "masc", "sing"} <= tags
            and tags & cases
            and "Surn" not in tags
            and not normal.endswith(_FEMININE_NOMINATIVE)
            and normal[:3] == low[:3]
            and normal != low
        ):
            return normal
    return None


# The endings of a feminine noun in "-а" / "-я" in its oblique cases, and of a masculine
# one in the cases of place: a word ending otherwise (or like a neuter or plural adjective)
# is none, and needs no morphological guess, which is slow for unknown words.
_FEMININE_OBLIQUE_ENDINGS = ("е", "и", "ы", "у", "ю", "ой", "ей", "ою", "ею")
_MASCULINE_OBLIQUE_ENDINGS = ("е", "у", "ю", "ом", "ем", "ём")
_ADJECTIVE_ENDINGS = ("ое", "ее", "ие", "ые")


@lru_cache(maxsize=16384)
def _feminine_nominative(low: str, type_word: str) -> str | None:
    if (
        "-" in low
        or not low.endswith(_FEMININE_OBLIQUE_ENDINGS)
        or low.endswith((*_NOMINATIVE_NAME_ENDINGS, *_ADJECTIVE_ENDINGS))
        or type_word in _words("settlement_abbreviations")
    ):
        return None
    cases = _cases(type_word) - {"nomn"}
    for normal, tags in morph.parses(low):
        if (
            {"NOUN", "femn", "sing"} <= tags
            and tags & cases
            and normal.endswith(_FEMININE_NOMINATIVE)
            and normal[:2] == low[:2]
        ):
            return normal
    return None


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
    if not token.capitalized or not token.low.endswith(("ского", "цкого")):
        return []
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == "word"
        and (
            _lemma_is(following, "district_types")
            or _lemma_is(following, "district_qualifiers")
            or morph.lemma(following.low) in words("regions", "types")
        )
    ):
        return []
    consumed.add(index)
    name = _cased(district_adjective(token.low), token.text)
    return [Place(f"{name} район", token.sentence, token.start, token.end)]


_LATIN_LETTER = re.compile("[A-Za-z]")
_OBLIQUE_ADJECTIVE = ("ой", "ом", "ым", "им", "ую", "юю", "ей", "его", "ого", "ему", "ому")
# Endings of oblique plurals and adjectives: only such words need their nominatives.
_OBLIQUE_ENDINGS = ("ах", "ях", "ам", "ям", "ами", "ями", *_OBLIQUE_ADJECTIVE)
_NOMINATIVE_VILLAGE = tuple((ending, "о") for ending in ("ом", "е", "а", "у"))
_ADJECTIVE_NAME_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые")


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, ...]:
    """Gazetteer key parts a word may stand for: read from the build-time table of the
    gazetteer names' inflected forms when the word is one, else analysed. The table holds
    `analysed_forms` of each form less the words of no key, so the candidate keys match."""
    known = settlement_form(word)
    return known.keys if known is not None else analysed_forms(word)


def analysed_forms(word: str) -> tuple[str, ...]:
    """Gazetteer key parts a word may stand for: itself, every reading's lemma, its
    nominatives ("Лисках" -> "лиски"), a village's "-о" ("Селятине" -> "селятино"), and,
    for hyphenated names, the forms of each part ("Славянске-на-Кубани")."""
    forms = [word]
    forms += sorted(f.replace("ё", "е") for f in morph.lemmas(word))
    if word.endswith(_OBLIQUE_ENDINGS):
        forms += [f.replace("ё", "е") for f in morph.nominatives(word)]
    for ending, nominative in _NOMINATIVE_VILLAGE:
        stem = word.removesuffix(ending)
        if stem != word and (stem + nominative).endswith(_VILLAGE_ENDINGS):
            forms.append(stem + nominative)
    if "-" in word:
        parts = [[part, *sorted(morph.lemmas(part))] for part in word.split("-")]
        combined = [""]
        for options in parts:
            combined = [f"{c}-{o}" if c else o for c in combined for o in dict.fromkeys(options)]
        forms += combined[:16]
    return tuple(dict.fromkeys(forms))


@cache
def _key_beginnings() -> frozenset[str]:
    """The first words of the gazetteer's multi-word keys ("серебряные" of "серебряные
    пруды", and "a b" of "a b c")."""
    beginnings: set[str] = set()
    for key in lexicon().settlements:
        words = key.split(" ")
        beginnings.update(" ".join(words[:size]) for size in range(1, len(words)))
    return frozenset(beginnings)


@lru_cache(maxsize=65536)
def _may_begin_name(word: str) -> bool:
    """Whether the word may stand for the first word of a longer gazetteer name."""
    beginnings = _key_beginnings()
    return any(form in beginnings for form in _word_forms(word))


def _candidates(words: tuple[str, ...]) -> list[str]:
    """Gazetteer keys the words may stand for."""
    keys = [""]
    for position, word in enumerate(words):
        keys = [f"{k} {f}".strip() for k in keys for f in _word_forms(word)]
        if position + 1 < len(words):
            # Only keys that begin a longer name can grow into one: when none does, the
            # next word needs no (costly, for a new word) analysis.
            keys = [k for k in keys if k in _key_beginnings()]
            if not keys:
                return []
    return keys


def agreeing_names(word: str) -> frozenset[str]:
    """The folded names an adjective-shaped settlement name must have for the word to name
    it: the word itself and its nominatives ("чайковском" -> "чайковский")."""
    agreeing = {word, *(f.replace("ё", "е") for f in morph.nominatives(word))}
    agreeing |= {f.replace("ё", "е") for f in morph.lemmas(word) if f in agreeing}
    return frozenset(agreeing)


@lru_cache(maxsize=65536)
def _settlements_named(words: tuple[str, ...]) -> tuple[Settlement, ...]:
    """Every gazetteer settlement the folded words may name, best key first; a name shaped
    as an adjective must agree with the words ("в Чайковском" is Чайковский, not
    Чайковская; "посёлок Лихая" is not Лихой)."""
    settlements = lexicon().settlements
    keys = _candidates(words)
    found = tuple(dict.fromkeys(s for key in keys for s in settlements.get(key, ())))
    if len(words) != 1 or not any(s.name.lower().endswith(_ADJECTIVE_NAME_ENDINGS) for s in found):
        return found
    # a short name of a longer one ("Каменск" for Каменск-Шахтинский) agrees with nothing
    short = {
        s
        for key in keys
        if not key.endswith(_ADJECTIVE_NAME_ENDINGS)
        for s in settlements.get(key, ())
        if not s.name.lower().replace("ё", "е").startswith(f"{key} ")
        and s.name.lower().replace("ё", "е") != key
    }
    known = settlement_form(words[0])
    agreeing = known.agreeing if known is not None else agreeing_names(words[0])

    def agrees(settlement: Settlement) -> bool:
        name = settlement.name.lower().replace("ё", "е")
        if name in agreeing or not name.endswith(_ADJECTIVE_NAME_ENDINGS) or settlement in short:
            return True
        # "в Каменске-Шахтинском": only the last part of a hyphenated name agrees
        word = words[0]
        return (
            "-" in name
            and "-" in word
            and (name.rsplit("-", 1)[1] in agreeing_names(word.rsplit("-", 1)[1]))
        )

    return tuple(
        sorted((s for s in found if agrees(s)), key=lambda s: s.name.lower() not in agreeing)
    )


def _gazetteer(tokens: list[Token], first: int, last: int, region: str | None) -> Settlement | None:
    return _settlement(tuple(t.low for t in tokens[first : last + 1]), region)


@lru_cache(maxsize=65536)
def _settlement(words: tuple[str, ...], region: str | None) -> Settlement | None:
    """The settlement the folded words name (in the channel's region when it has one)."""
    matches = _settlements_named(words)
    if region is not None:
        local = [s for s in matches if s.region in _gazetteer_regions(region)]
        local.sort(key=lambda s: s.region != region)
        return local[0] if local else None
    return matches[0] if matches else None


@lru_cache(maxsize=128)
def _gazetteer_regions(region: str) -> frozenset[str]:
    """The regions whose settlements a channel names: its own, and for a federal city the
    region around it (the Moscow mayor's "в районе Домодедово")."""
    regions = {region}
    for pair in _words("surrounding_regions"):
        city, around = pair.split()
        if city == region:
            regions.add(around)
    return frozenset(regions)


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


def _bare_settlements(
    tokens: list[Token],
    groups: list[Sentence],
    region: str | None,
    consumed: set[int],
    districts: frozenset[int] = frozenset(),
) -> list[Place]:
    """Settlements named without a type word; `districts` holds where the district names
    found begin (a name before one is its village: "в Дроновке Глушковского района")."""
    found: list[Place] = []
    region_nouns = lexicon().region_nouns
    # "удары пришлись по Льгову": a target's preposition, for this rule only
    prepositions = _words("location_prepositions") + _words("target_prepositions")
    listed = False  # right after a found place, across "," and "и" only
    listed_near = False  # ... in a list that began "в районе" ("в районе Качи и Любимовки")
    after = 0  # the first token not yet looked at
    for index in _indices(groups, CAPITALIZED_CYRILLIC):
        if index < after:
            continue  # the second word of a name just found
        if listed and not all(tokens[j].low in (",", "и") for j in range(after, index)):
            listed = False
        after = index + 1
        token = tokens[index]
        if index in consumed:
            listed = listed and token.low in (",", "и")
            continue
        if index > 0 and (tokens[index - 1].text == "#" or _street(tokens, index)):
            listed = False  # "#Псков", "на улице Губкина": a hashtag or a street
            continue
        previous = tokens[index - 1].low if index > 0 else ""
        if previous == "под" and index > 1 and index - 2 in consumed:
            listed = False  # "в селе Нечаевка под Белгородом": the town locates the village
            continue
        near = previous in ("районе", "района") and index > 1 and tokens[index - 2].low == "в"
        if near:
            previous = "в"  # "в районе Любимовки": near a settlement
        elif _vicinity(tokens, index):
            # "на окраине Ярославля", "на подлёте к Рыбинску": a preposition of that case
            previous = "по" if previous == "к" else "у"
        continued = listed and previous in (",", "и")
        near = near or (continued and listed_near)
        # "в порту Туапсе", "нефтебаза Феодосии": a town that owns the object hit
        if (
            region is None
            and previous not in prepositions
            and not continued
            and not previous.startswith(_words("named_objects"))
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
                    or not (_may_begin_name(token.low) or _name_adjective(token.low))
                ):
                    continue
                known = _settlement((token.low, tokens[last].low), region)
            else:
                known = _settlement((token.low,), region)
            if known is None and size == 2 and previous in prepositions:
                # "в районе Новой Таволжанки": near a village, in the genitive
                governing = "у" if near else previous
                known = _adjective_and_noun_town(token, tokens[last], governing)
            if near and known is None and size == 1:
                known = _noun_town(token)
            if known is None and size == 1 and previous in prepositions:
                known = _misspelt_town(token.low, region) or _unlisted_town(token)
                if known is None and (
                    _district_follows(tokens, index, districts)
                    or _district_precedes(tokens, index, consumed)
                ):
                    known = _declined_town(token, previous)
            if known is None or morph.lemma(token.low) in region_nouns:
                continue
            if _on_road(tokens, index) or _names_an_object(tokens, index, last):
                continue
            geo = size > 1 or morph.has_reading(token.low, "Geox") or not morph.is_known(token.low)
            geo = geo or token.low.endswith(_VILLAGE_ENDINGS)
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
                and known.name.lower().replace("ё", "е") != token.low
            ):
                continue  # "по словам Котова": a surname in an oblique case, not Котово
            if (geo or listed) and not _person_context(tokens, index):
                found.append(Place(known.name, token.sentence, token.start, tokens[last].end))
                consumed.update(range(index, last + 1))
                after = last + 1
                listed_near = near
                listed = True
                break
        else:
            listed = False
    return found


def _street(tokens: list[Token], index: int) -> bool:
    """ "на улице Губкина", "ул. Губкина": the name of a street."""
    previous = tokens[index - 1]
    return bool(previous.classes & _STREET_WORDS) or (
        previous.low == "." and index > 1 and tokens[index - 2].low == "ул"
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
                shared & _CASES
                and shared & {"sing", "plur"}
                and ("plur" in shared or shared & _GENDERS or "ADJF" in tags)
            ):
                return True
    return False


def _names_an_object(tokens: list[Token], first: int, last: int) -> bool:
    """A town's adjective naming an object, not the town: "Афипского нефтеперерабатывающего
    завода", "Новошахтинском НПЗ", "на Северном шоссе"."""
    token = tokens[first]
    if not (morph.has_reading(token.low, "ADJF") or token.low.endswith(_OBLIQUE_ADJECTIVE)):
        return False
    objects = _words("named_objects") + _words("street_words") + _ROADS
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


_DISTRICT_NAMES = (" район", " округ")


def _vicinity(tokens: list[Token], index: int) -> bool:
    """Whether the word follows a noun or adverb of a town's vicinity ("на окраине", "в
    окрестностях", "на подлёте к", "недалеко от")."""
    if index < 2:
        return False
    previous = tokens[index - 1]
    if previous.low in ("к", "от", "с"):
        return bool(tokens[index - 2].classes & _VICINITY_WORDS)
    return bool(previous.classes & _VICINITY_WORDS)


def _district_follows(tokens: list[Token], index: int, districts: frozenset[int]) -> bool:
    """Whether a district's name follows the word ("Дроновке Глушковского района", "Часцах
    в Одинцовском округе")."""
    following = tokens[index + 1 : index + 3]
    if following and following[0].start in districts:
        return True
    return (
        len(following) == 2 and following[0].low in ("в", "во") and following[1].start in districts
    )


def _district_precedes(tokens: list[Token], index: int, consumed: set[int]) -> bool:
    """Whether the word follows its district's name ("в Беловском районе в Гирьях")."""
    return (
        index > 1
        and tokens[index - 1].low in ("в", "во")
        and bool(tokens[index - 2].flags & DISTRICT_TYPE)
        and index - 2 in consumed
    )


@lru_cache(maxsize=16384)
def _name_adjective(word: str) -> bool:
    """ "Новой", "Большом", "Нижних": an adjective that begins many village names."""
    return morph.has_reading(word, "ADJF") and morph.lemma(word) in _words("name_adjectives")


def _adjective_and_noun_town(first: Token, second: Token, preposition: str) -> Settlement | None:
    """A village of two words the gazetteer lacks, both in the case of its preposition and
    agreeing, in the nominative ("в Новой Таволжанке" -> "Новая Таволжанка", "у Большого
    Бобрика" -> "Большой Бобрик")."""
    if not second.capitalized or second.sentence != first.sentence or second.start - first.end != 1:
        return None
    if not _name_adjective(first.low) or _abbreviation(second) or "-" in second.low:
        return None
    cases = _preposition_cases(preposition)
    adjective = {
        frozenset(tags & (_GENDERS | {"plur"}))
        for _, tags in morph.parses(first.low)
        if "ADJF" in tags and tags & cases
    }
    for normal, tags in morph.parses(second.low):
        if "NOUN" not in tags or not tags & cases or tags & {"Name", "Surn", "Patr"}:
            continue
        if normal[:2] != second.low[:2]:
            continue
        if "sing" in tags:
            gender = next(iter(tags & _GENDERS), "")
            if not gender or frozenset({gender}) not in adjective:
                continue
            # "в Большой Кардашинке": "большой" also reads as a masculine nominative
            agreed = morph.agree(first.low, gender) or morph.adjective_nominative(first.low, gender)
            noun = normal
        else:
            if frozenset({"plur"}) not in adjective:
                continue
            plurals = (f for f in morph.nominatives(first.low) if f.endswith(("ые", "ие")))
            agreed = next(plurals, None)
            noun = next((f for f in morph.nominatives(second.low) if f.endswith(("ы", "и"))), "")
        if agreed and noun:
            return Settlement(f"{agreed.capitalize()} {noun.capitalize()}", "", "")
    return None


@cache
def _preposition_cases_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for pair in _words("preposition_cases"):
        word, case = pair.split()
        table.setdefault(word, set()).add(case)
    return {word: frozenset(cases) for word, cases in table.items()}


def _preposition_cases(preposition: str) -> frozenset[str]:
    """The cases a preposition governs ("в" -> loct, "над" -> ablt)."""
    return _preposition_cases_table().get(preposition, frozenset())


def _declined_town(token: Token, preposition: str) -> Settlement | None:
    """A settlement the gazetteer lacks, named by a noun in the case its preposition
    governs, in the nominative ("в Дроновке" -> "Дроновка", "в Часцах" -> "Часцы")."""
    if _abbreviation(token) or "-" in token.low:
        return None
    if morph.lemma(token.low).endswith(words("regions", "types")):
        return None  # "в Ленобласти"
    cases = {
        case
        for pair in _words("preposition_cases")
        for word, case in [pair.split()]
        if word == preposition
    }
    for normal, tags in morph.parses(token.low):
        if "NOUN" not in tags or not tags & cases or tags & {"Name", "Surn", "Patr"}:
            continue
        if "sing" in tags:
            name = normal
        else:
            name = next((f for f in morph.nominatives(token.low) if f.endswith(("ы", "и"))), "")
        if name[:2] == token.low[:2]:
            return Settlement(token.text[0] + name[1:], "", "")
    return None


def _noun_town(token: Token) -> Settlement | None:
    """A settlement the gazetteer lacks, named by a noun ("в районе Любимовки")."""
    if morph.has_reading(token.low, "ADJF") or _abbreviation(token):
        return None
    if "-" in token.low:
        # "в районе Кара-Кобы": the last part is declined, in the genitive
        head, _, last = token.text.rpartition("-")
        genitive = [n for n, tags in morph.parses(last.lower()) if {"gent", "sing"} <= tags]
        if genitive:
            nominative = genitive[0]
        elif last.endswith("ы"):
            nominative = last.lower()[:-1] + "а"
        else:
            return None
        return Settlement(f"{head}-{last[0]}{nominative[1:]}", "", "")
    forms = morph.nominatives(token.low)
    return Settlement(forms[0].capitalize(), "", "") if forms else None


_DOUBLED = re.compile(r"(.)\1")


@cache
def _towns_by_single_letters() -> dict[str, dict[str, Settlement]]:
    """Each region's one-word settlements by their key with doubled letters single: built
    once, like the gazetteer it derives from."""
    found: dict[str, dict[str, Settlement]] = {}
    for key, settlements in lexicon().settlements.items():
        if " " in key:
            continue
        single = _DOUBLED.sub(r"\1", key)
        for settlement in settlements:
            found.setdefault(settlement.region, {}).setdefault(single, settlement)
    return found


def _misspelt_town(word: str, region: str | None) -> Settlement | None:
    """A town of the region misspelt with a single letter for a double one ("в
    Невинномыске" for Невинномысск)."""
    if region is None or len(word) < 6:
        return None
    towns = _towns_by_single_letters().get(region, {})
    for form in _word_forms(word):
        known = towns.get(_DOUBLED.sub(r"\1", form))
        if known is not None:
            return known
    return None


def _unlisted_town(token: Token) -> Settlement | None:
    """A village after "в" / "над" that the gazetteer lacks ("в Головчино")."""
    return Settlement(token.text, "", "") if token.low.endswith(_VILLAGE_ENDINGS) else None


_ROADS = ("трасс", "автотрасс", "автодорог", "дорог", "шоссе", "магистрал", "road", "highway")
_CHAIN = frozenset({"—", "–", "-", "«", "»", '"'})


def _on_road(tokens: list[Token], index: int) -> bool:
    """ "трасса Курск — Льгов — Рыльск": towns naming a road, not where it was hit."""
    position = index - 1
    while position >= 0 and index - position <= 12:
        token = tokens[position]
        if token.low.startswith(_ROADS):
            return True
        if not (token.capitalized or token.text in _CHAIN):
            return False
        position -= 1
    return False


def _english_places(tokens: list[Token], groups: list[Sentence], region: str | None) -> list[Place]:
    found: list[Place] = []
    last_found = last_typed = -1
    for index in _indices(groups, CAPITALIZED_LATIN):
        if index <= last_found:
            continue  # the second word of a name just found
        token = tokens[index]
        if not token.capitalized or not token.latin or token.text.isupper():
            continue
        following = tokens[index + 1].low if index + 1 < len(tokens) else ""
        after = tokens[index + 2].low if index + 2 < len(tokens) else ""
        previous = _english_previous(tokens, index)
        if _owner_of_a_district(tokens, index, region):
            continue
        if following.removesuffix("s") in _words("english_district_types") or (
            following in _words("english_district_qualifiers") and after == "district"
        ):
            # "the Kamensky, Millerovsky and Chertkovsky districts": one plural type word
            for member in _english_listed(tokens, index) if following.endswith("s") else [index]:
                name = _english_district(tokens[member].low, region)
                found.append(
                    Place(name, token.sentence, tokens[member].start, tokens[index + 1].end)
                )
            continue
        typed = (
            index > 1
            and previous == "of"
            and tokens[index - 2].low.removesuffix("s") in _words("english_settlement_types")
        )
        # "the villages of Tetkino, Glushkovo and Korenevo"
        typed = typed or (
            previous in (",", "and")
            and index - 2 == last_typed
            and (previous == "and" or _english_list_ends(tokens, index))
        )
        if index <= last_typed:
            continue  # the second word of a name just found
        if typed:
            last = index
            # "the village of Mokraya Orlovka": a second capitalised word that names no type
            if (
                index + 1 < len(tokens)
                and tokens[index + 1].flags & CAPITALIZED_LATIN
                and tokens[index + 1].start - token.end == 1
                and not _english_type_word(tokens[index + 1].low)
            ):
                last = index + 1
            name = " ".join(t.text for t in tokens[index : last + 1])
            found.append(
                Place(
                    _english_settlement(name, region), token.sentence, token.start, tokens[last].end
                )
            )
            last_typed = last
            continue
        # "in the Domodedovo area", "on the outskirts of ..." (the article before a name
        # that only "area" follows)
        vicinity = previous == "the" and following in _words("english_vicinity")
        # "attacked Gelendzhik and Tuapse": a list after a place just found
        listed = previous in (",", "and") and index - 2 == last_found
        if (
            previous not in _words("english_before_place") and not vicinity and not listed
        ) or _english_region_named(tokens, index, region):
            continue
        if region is None and index > 1 and _english_tally_count(tokens[index - 2]):
            continue  # a national tally ("26 over the Belgorod region, 25 over Bryansk")
        last = index
        matches: list[Settlement] = []
        if (
            index + 1 < len(tokens)
            and tokens[index + 1].flags & CAPITALIZED_LATIN
            and tokens[index + 1].start - token.end == 1
        ):
            # "in Stary Oskol", "in Krasnaya Yaruga": a name of two words
            matches = _english_matches(f"{token.text} {tokens[index + 1].text}", region)
            last = index + 1 if matches else index
        matches = matches or _english_matches(token.text, region)
        if matches:
            found.append(Place(_most_named(matches), token.sentence, token.start, tokens[last].end))
            last_found = last
    return found


def _english_tally_count(token: Token) -> bool:
    """A count in a national tally: "26", "two" ("two in Rostov"), "another"."""
    return (
        token.kind == "num"
        or word_value(token.low) is not None
        or token.low in _words("english_tally_words")
    )


def _owner_of_a_district(tokens: list[Token], index: int, region: str | None) -> bool:
    """ "Belgorod's Shebekino district": a possessive that names the region of a district
    named after a town of its own (the region, not the city; "Voronezh's Levoberezhny
    district" is the city's)."""
    if index + 4 >= len(tokens) or tokens[index + 2].low != "s":
        return False
    if tokens[index + 1].text not in "'’" or not tokens[index + 3].flags & CAPITALIZED_LATIN:
        return False
    district = tokens[index + 4].low.removesuffix("s") in _words("english_district_types")
    return district and bool(_english_matches(tokens[index + 3].text, region))


def _english_previous(tokens: list[Token], index: int) -> str:
    """The word before a name, past a part of the town or the country's possessive ("in
    central Voronezh", "in Russia's Volgograd" -> "in")."""
    position = index - 1
    if position >= 3 and tokens[position].low == "s" and tokens[position - 1].text in "'’":
        position -= 2  # "Russia's": the possessive, then the country
        if tokens[position].low in words("regions", "english_types"):
            return "in"  # "the Bryansk region's Klintsy": a town of the region
    if position >= 1 and tokens[position].low in _words("english_place_modifiers"):
        return tokens[position - 1].low
    return tokens[index - 1].low if index > 0 else ""


def _english_matches(name: str, region: str | None) -> list[Settlement]:
    """The gazetteer settlements a romanised name may stand for (in the channel's region
    and the region around a federal city, when the post has a channel region)."""
    return [
        s
        for s in lexicon().settlements_en.get(english_key(name), ())
        if region is None or s.region in _gazetteer_regions(region)
    ]


def _most_named(matches: list[Settlement]) -> str:
    """The Russian name most of the settlements one romanised name matches share (GeoNames
    spells a few of them otherwise: "Красний Октябр" beside three "Красный Октябрь")."""
    names = [s.name for s in matches]
    return max(dict.fromkeys(names), key=names.count)


def _english_list_ends(tokens: list[Token], index: int) -> bool:
    """Whether capitalised names from `index` on, one or two words each, separated by
    commas, end a list with "and" and one more name ("Tetkino, Glushkovo and Korenevo"; not
    "Obninsk, Governor Vladislav Shapsha said")."""
    position = index
    while position < len(tokens) and position - index < 12:
        if not tokens[position].flags & CAPITALIZED_LATIN:
            return False
        if position + 1 < len(tokens) and tokens[position + 1].flags & CAPITALIZED_LATIN:
            position += 1  # a name of two words
        following = tokens[position + 1].low if position + 1 < len(tokens) else ""
        if following == "and":
            return position + 2 < len(tokens) and bool(
                tokens[position + 2].flags & CAPITALIZED_LATIN
            )
        if following != ",":
            return False
        position += 2
    return False


def _english_listed(tokens: list[Token], index: int) -> list[int]:
    """The capitalised names listed up to `index` ("Kamensky, Millerovsky and Chertkovsky")."""
    members = [index]
    position = index - 1
    while position > 0 and tokens[position].low in (",", "and"):
        if not tokens[position - 1].flags & CAPITALIZED_LATIN:
            break
        members.insert(0, position - 1)
        position -= 2
    return members


def _english_region_named(tokens: list[Token], index: int, region: str | None = None) -> bool:
    """A capitalised word naming a region or an object, not a town: "over Crimea", "the Sea
    of Azov", "the region of Belgorod", "over Pskov, Tula and Kursk Regions", "at Vnukovo
    and Domodedovo airports"."""
    if (
        index > 1
        and tokens[index - 1].low == "of"
        and tokens[index - 2].low in _words("english_district_types")
    ):
        return False  # "the Zavodskoy district of Oryol": the city of a city district
    code, typed = lexicon().region_english.get(tokens[index].low, ("", True))
    if typed is False and (region is None or code != region):
        return True  # "over Oryol" in a national summary; in the Oryol channel, the city
    if index > 1 and tokens[index - 1].low == "of":
        owner = tokens[index - 2].low
        if owner == "sea" or owner in words("regions", "english_types"):
            return True
    types = words("regions", "english_types")

    def names_what(word: str) -> bool:
        return word in types or word.removesuffix("s") in _ENGLISH_OBJECTS

    position = index + 1  # past the list the name begins ("Pskov, Tula and Kursk")
    while position < len(tokens) and not names_what(tokens[position].low):
        token = tokens[position]
        if token.text == "(":
            # "Belgorod (four drones), Kursk (one drone) regions": each name's count
            close = position + 1
            while close < len(tokens) and close - position < 6 and tokens[close].text != ")":
                close += 1
            if close < len(tokens) and tokens[close].text == ")":
                position = close + 1
                continue
        if token.low not in (",", "and") and not token.flags & CAPITALIZED_LATIN:
            break
        position += 1
    if position >= len(tokens) or not names_what(tokens[position].low):
        return False
    # A list needs a plural: "in Aleksin, Tula region" names a town of the region; a name
    # of two words is no list ("over Nizhny Novgorod Oblast").
    two_words = position == index + 2 and tokens[index + 1].start - tokens[index].end == 1
    return position == index + 1 or two_words or tokens[position].low.endswith("s")


def _english_type_word(word: str) -> bool:
    """ "District", "Region", "Oblast": a type word, not part of a settlement's name."""
    stem = word.removesuffix("s")
    return (
        stem in _words("english_district_types")
        or word in words("regions", "english_types")
        or stem in _ENGLISH_OBJECTS
    )


def _english_settlement(name: str, region: str | None) -> str:
    matches = [
        s
        for s in lexicon().settlements_en.get(english_key(name), ())
        if region is None or s.region in _gazetteer_regions(region)
    ]
    if matches:
        return _most_named(matches)
    return " ".join(_russian_word(word.lower()).capitalize() for word in name.split())


# Stems of adjectives in romanised names ("Krasny", "Lgovsky"): "-y" after them is "-ый".
_ADJECTIVE_STEMS = ("н", "ск", "цк", "ов", "ев")


def _russian_word(low: str) -> str:
    """A romanised word of a name back in Cyrillic, with the adjective's ending and the
    soft sign the dictionary knows ("krasny" -> "красный", "oktyabr" -> "октябрь")."""
    if low.endswith("y") and low[-2:-1] not in ("", *"aeiouy"):
        stem = _transliterate(low[:-1])
        adjective = _spelled(stem + ("ий" if stem[-1:] in "кгхжшщч" else "ый"))
        soft = _spelled(stem + "ий")  # "Nizhny" -> "нижний"
        if not morph.is_known(adjective) and morph.is_known(soft):
            return soft
        if morph.is_known(adjective) or stem.endswith(_ADJECTIVE_STEMS):
            return adjective
        # "Divasy" -> "Дивасы": a plural noun, unless the stem is an adjective's
        return stem + ("и" if stem[-1:] in "кгхжшщч" else "ы")
    word = _transliterate(low)
    if not morph.is_known(word) and morph.is_known(word + "ь"):
        return word + "ь"
    if word.endswith(_ADJECTIVE_NAME_ENDINGS):
        # "Soldatskoye": "ts" before "k" may be "тс" ("солдатское"), when the dictionary
        # knows that spelling
        spelt = word.replace("цк", "тск")
        if spelt != word and not morph.is_known(word) and morph.is_known(spelt):
            return spelt
        return _spelled(word)  # "Nikolskoye" -> "Никольское", "Bolshaya" -> "Большая"
    return word


def _english_district(word: str, region: str | None) -> str:
    """ "Navlinsky district" -> "Навлинский район"; "Michurinsk district" -> "Мичуринский ..."."""
    matches = [
        s
        for s in lexicon().settlements_en.get(english_key(word), ())
        if region is None or s.region == region
    ]
    if matches:
        town = matches[0]
        if town.region in _words("town_named_districts") and not word.lower().endswith("y"):
            return f"городской округ {town.name}"  # "Podolsk district": Подольск's okrug
        return f"{adjective_of_town(town.name)} район"
    known = _romanised_adjectives(region).get(_latin_key(word)) if region else None
    if known is not None:
        return f"{known} район"  # "Olkhovatsky" -> "Ольховатский" (the town is Ольховатка)
    low = word.lower()
    if low.endswith(("ovo", "evo", "ino", "yno")):
        # "Migalovo District": a city district named by a village's noun, not a raion
        return _transliterate(low).capitalize()
    if low.endswith(("sky", "skiy", "skii", "tsky", "skoy")):
        return f"{_spelled(_transliterate(low))} район".capitalize()
    if low.endswith("y") and low.rstrip("iy")[-1:] not in "aeiou":
        # "Levoberezhny" -> "Левобережный": an adjective, not a town's name
        stem = _transliterate(low.rstrip("iy"))
        ending = "ий" if stem[-1:] in "кгхжшщч" else "ый"
        return f"{_spelled(stem + ending)} район".capitalize()
    return f"{adjective_of_town(_transliterate(low).capitalize())} район"


def _spelled(adjective: str) -> str:
    """A transliterated adjective with the soft sign romanisation drops, when the
    dictionary knows it so ("октябрский" -> "октябрьский", "централный" -> "центральный")."""
    if morph.is_known(adjective):
        return adjective
    stem, ending = adjective[:-2], adjective[-2:]
    for position in range(len(stem) - 1, 0, -1):
        candidate = f"{stem[:position]}ь{stem[position:]}{ending}"
        if morph.is_known(candidate):
            return candidate
    return adjective


_ROMAN = str.maketrans(
    {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
     "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
     "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
     "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
     "я": "ya"}
)  # fmt: skip


def _latin_key(word: str) -> str:
    """A permissive romanisation key: soft and hard signs dropped, -iy/-yy/-ii endings and
    doubled letters folded, so that "Olkhovatsky" meets "Ольховатский"."""
    key = english_key(word.lower().translate(_ROMAN))
    for ending in ("skiy", "skii", "skyy", "skoy"):
        if key.endswith(ending):
            key = key[: -len(ending)] + "sky"
    return key.replace("kh", "h").replace("'", "")


@lru_cache(maxsize=128)
def _romanised_adjectives(region: str | None) -> dict[str, str]:
    """The adjectives of the region's towns (districts are named after them) by their
    permissive romanisation."""
    found: dict[str, str] = {}
    for settlements in lexicon().settlements.values():
        for settlement in settlements:
            if region is None or settlement.region == region:
                adjective = adjective_of_town(settlement.name)
                found.setdefault(_latin_key(adjective), adjective)
    return found


def adjective_of_town(name: str) -> str:
    """The usual adjective of a town's name, as districts are named after their centre
    ("Белгород" -> "Белгородский", "Елец" -> "Елецкий", "Рязань" -> "Рязанский", "Лиски"
    -> "Лискинский"): the first regular form the dictionary knows."""
    if name.endswith(("ий", "ый", "ой")):
        return name  # "Левобережный": already an adjective
    if name.endswith(("ское", "ская", "цкое", "цкая")):
        return name[:-2] + "ий"  # "Кировское" -> "Кировский"
    if name.endswith(("ск", "цк")):
        return name + "ий"
    if name.endswith("ец"):
        return name + "кий"
    if name.endswith(("ь", "а", "о", "ы", "и", "е", "я")):
        stem = name[:-1]
        if name.endswith("ка"):
            stem = stem[:-1]  # "Ольховатка" -> "Ольховатский", "Алексеевка" -> "Алексеевский"
        options = [stem + "ский", stem + "инский", stem + "анский", stem + "енский"]
        known = [o for o in options if " " not in o and morph.is_known(o.lower())]
        if not known and stem.endswith("йк"):
            return stem[:-1] + "ский"  # "Валуйки" -> "Валуйский"
        return known[0] if known else options[0]
    return name + "ский"


def _transliterate(word: str) -> str:
    """Romanised Russian back to Cyrillic, good enough for "-sky" adjectives and villages."""
    for ending, russian in (
        ("skiy", "ский"),
        ("skii", "ский"),
        ("sky", "ский"),
        ("iy", "ий"),
        ("yy", "ый"),
        ("oye", "ое"),  # "Dubovoye" -> "Дубовое"
        ("yaya", "яя"),  # "Nizhnyaya" -> "Нижняя"
        ("aya", "ая"),
        ("nye", "ные"),  # "Krasnye" -> "Красные"
        ("lye", "лые"),  # "Malye" -> "Малые"
        ("iye", "ие"),
    ):
        if word.endswith(ending):
            return _transliterate(word.removesuffix(ending)) + russian
    out: list[str] = []
    position = 0
    while position < len(word):
        if (
            word[position] in "iy"
            and position > 0
            and word[position - 1] in "aeiou"
            and not (word[position] == "y" and word[position + 1 : position + 2] in tuple("aeou"))
        ):
            # "Zaitsevo" -> "Зайцево"; "Nikolayevka" keeps its "ye" -> "Николаевка"
            out.append("й")
            position += 1
            continue
        for latin, cyrillic in _TRANSLIT:
            if word.startswith(latin, position):
                out.append(cyrillic)
                position += len(latin)
                break
        else:
            position += 1
    return "".join(out)


def _hospital_places(tokens: list[Token], groups: list[Sentence], found: list[Place]) -> set[Place]:
    """Places named where victims were treated ("доставлен в больницу Курска"): in a
    sentence about a hospital, those after its first hospital word, and every place of a
    sentence that reports no event of its own (a hit, damage, debris)."""
    dropped: set[Place] = set()
    by_sentence: dict[int, tuple[int, bool]] = {}
    events: dict[int, list[int]] = {}  # a hospital sentence's event words, by their start
    for union, group, _ in groups:
        if union & HOSPITAL:
            first = next(t.start for t in group if t.flags & HOSPITAL)
            events[group[0].sentence] = [t.start for t in group if t.flags & EVENT]
            # an event, damage, or a casualty ("В Россоши ранена женщина, она госпитализирована")
            own_event = bool(union & (EVENT | PREDICATE)) or any(
                t.flags & (KILLED | INJURED) and not t.flags & HOSPITAL for t in group
            )
            by_sentence[group[0].sentence] = (first, own_event)
    for place in found:
        hospital = by_sentence.get(place.sentence)
        if hospital is None:
            continue
        first, own_event = hospital
        # "was hospitalised after a drone hit his house in X": an event word between the
        # hospital word and the place tells where it happened
        told = any(first < start < place.start for start in events.get(place.sentence, ()))
        if (place.start >= first and not told) or not own_event:
            dropped.add(place)
    return dropped


def _warning_places(tokens: list[Token], groups: list[Sentence], found: list[Place]) -> set[Place]:
    """Places of a sentence that only warns or restricts ("В Липецке объявлена угроза атаки
    БПЛА", "приостанавливали работу аэропорта Махачкалы"): no drone downed, no hit, damage,
    fire or casualty, and no air defence at work there; when another sentence names a
    place."""
    warning: set[int] = set()
    named = {place.sentence for place in found}
    told: int | None = None  # the first sentence that tells an event
    cleared: set[int] = set()  # warning sentences that give the all-clear
    for union, group, _ in groups:
        if not group:
            continue
        if told is None and union & (DOWN | FIRE | KILLED | INJURED):
            told = group[0].sentence
        if union & (DOWN | FIRE | KILLED | INJURED):
            continue
        if group[0].sentence not in named:
            continue
        if not union & (ALERT | THREAT | AVIATION | RESTRICTION) and not any(
            t.classes & _SIRENS for t in group
        ):
            continue
        if any(t.classes & _AIR_DEFENCE for t in group):
            continue
        if any(
            t.flags & (STRIKE | PREDICATE)
            and not any(u.flags & (THREAT | ALERT) for u in group[max(0, i - 3) : i])
            for i, t in enumerate(group)
        ):
            continue
        warning.add(group[0].sentence)
        if any(t.classes & _ALL_CLEAR for t in group):
            cleared.add(group[0].sentence)
    if not warning:
        return set()
    warned = {place for place in found if place.sentence in warning}
    # "в аэропорту Самары ограничили полёты": the town owns the airport restricted, it
    # is no scene even when no other place is named
    owners = {place for place in warned if _airport_named(tokens, _token_at(tokens, place.start))}
    # With no scene named elsewhere, the warned places are where the event was ("В Х
    # районе — отмена угрозы ... перехватили десять беспилотников"), unless the warning
    # follows the event told ("Сбит беспилотник. Угроза удара объявлена в Х"): a danger
    # still in force, no scene.
    if len(warned) < len(found):
        return warned
    return owners | {
        place
        for place in warned
        if told is not None and place.sentence > told and place.sentence not in cleared
    }


def _airport_named(tokens: list[Token], index: int) -> bool:
    """Whether the name follows an airport word, alone or in a list of names ("в
    аэропорту Самары", "аэропорты Домодедово и Внуково")."""
    airports = _words("airports")
    position = index - 1
    while position >= 0 and index - position <= 8:
        token = tokens[position]
        if token.low.startswith(airports):
            return True
        if token.low not in (",", "и") and not token.capitalized:
            return False
        position -= 1
    return False


def _dwellers_places(tokens: list[Token], found: list[Place]) -> set[Place]:
    """A town named as where someone lives or was taken ("житель Курска", "раненого
    отвезли в Курск"), when another place is the scene."""
    words_before = _words("dwellers")
    dropped: set[Place] = set()
    for place in found:
        index = _token_at(tokens, place.start)
        if index > 1 and tokens[index - 1].low in ("в", "во"):
            index -= 1  # "отвезли в Курск"
        if index > 0 and tokens[index - 1].low.startswith(words_before):
            dropped.add(place)
    if not dropped:
        return dropped
    keys = {place_key(place.name) for place in dropped}
    scenes = {place_key(place.name) for place in found if place not in dropped}
    return dropped if scenes - keys else set()


@cache
def _drone_words() -> tuple[str, ...]:
    """Beginnings of the words that name a drone."""
    keys = ("nouns", "english_nouns", "abbreviations", "head_modifiers")
    return (*(w for key in keys for w in words("drones", key)), "fpv")


def _shelled_places(groups: list[Sentence], found: list[Place]) -> set[Place]:
    """Places of a sentence about shelling that names no drone and tells no damage
    ("обстрелам подверглись сёла Горналь и Гуево"): artillery's scenes, not the drones'."""
    named = {place.sentence for place in found}
    drones = _drone_words()
    shelled: set[int] = set()
    for union, group, _ in groups:
        if not group or group[0].sentence not in named:
            continue
        if union & (DOWN | FIRE | KILLED | INJURED):
            continue
        if not any(t.classes & _SHELLING for t in group):
            continue
        if any(t.flags & PREDICATE and not t.classes & _SHELLING_VERBS for t in group):
            continue  # damage told there ("при обстреле посечены дома") is the post's
        if not any(t.low.startswith(drones) for t in group):
            shelled.add(group[0].sentence)
    return {place for place in found if place.sentence in shelled}


def _visited_places(groups: list[Sentence], found: list[Place]) -> set[Place]:
    """Places of a sentence that only tells of an official's visit ("Губернатор побывал в
    Камышине"): no downing, hit, damage, fire or casualty there; when another sentence
    names a place."""
    named = {place.sentence for place in found}
    visits = _words("visits")
    visited: set[int] = set()
    for union, group, _ in groups:
        if not group or group[0].sentence not in named:
            continue
        if union & (DOWN | STRIKE | EVENT | PREDICATE | FIRE | KILLED | INJURED):
            continue
        if any(t.low.startswith(visits) for t in group):
            visited.add(group[0].sentence)
    dropped = {place for place in found if place.sentence in visited}
    return dropped if len(dropped) < len(found) else set()


def find_places(
    tokens: list[Token], region: str | None, groups: list[Sentence] | None = None
) -> list[Place]:
    """Places in text order, without duplicates, outside sentences about hospitals."""
    return unique_places(every_place(tokens, region, groups))


def unique_places(places: list[Place]) -> list[Place]:
    """The first mention of each place."""
    unique: dict[str, Place] = {}
    for place in places:
        unique.setdefault(place_key(place.name), place)
    return list(unique.values())


def every_place(
    tokens: list[Token], region: str | None, groups: list[Sentence] | None = None
) -> list[Place]:
    """Places in text order, repeats included, outside sentences about hospitals."""
    groups = groups_of(tokens) if groups is None else groups
    consumed: set[int] = set()
    found = _districts(tokens, groups, region, consumed)
    found += _districts_listed(tokens, groups, consumed)
    found += _districts_sharing_a_type_word(tokens, groups, region, consumed)
    found += _typed_settlements(tokens, groups, region, consumed)
    districts = frozenset(p.start for p in found if p.name.endswith(_DISTRICT_NAMES))
    found += _bare_settlements(tokens, groups, region, consumed, districts)
    found += _english_places(tokens, groups, region)
    if not found:
        return found
    hospital = _hospital_places(tokens, groups, found) | _warning_places(tokens, groups, found)
    hospital |= _visited_places(groups, found) | _shelled_places(groups, found)
    hospital |= _dwellers_places(tokens, found)
    return [
        p
        for p in sorted(found, key=lambda p: p.start)
        if p not in hospital and not _titled_or_dateline(tokens, p) and not _negated(tokens, p)
    ]


def _negated(tokens: list[Token], place: Place) -> bool:
    """A place denied as the scene ("объект находится не в Ижевске", "упал не над
    Курском")."""
    index = _token_at(tokens, place.start)
    return (
        index > 1
        and tokens[index - 1].low in _words("location_prepositions")
        and tokens[index - 2].low == "не"
    )


def _token_at(tokens: list[Token], start: int) -> int:
    """The index of the token that begins at `start` (a place's first token)."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].start < start:
            low = middle + 1
        else:
            high = middle
    return low


_QUOTES = frozenset({"«", "»", '"', "“", "”", "„"})


def _titled_or_dateline(tokens: list[Token], place: Place) -> bool:
    """A place named in an official's title ("глава Белгородского района", "мэр города
    Курска", "глава администрации Шебекинского округа"), alone in quotes (a hotel's or a
    company's name), or an agency's dateline opening the post ("Белгород. 27 ноября.
    ИНТЕРФАКС")."""
    index = _token_at(tokens, place.start)
    after = _token_at(tokens, place.end)
    if (
        index > 0
        and after < len(tokens)
        and tokens[index - 1].text in _QUOTES
        and tokens[after].text in _QUOTES
    ):
        return True  # the name of a hotel, a checkpoint, a company: «Новороссийск»
    if _in_short_title(tokens, index, after):
        return True  # a newspaper's or a firm's name: «Вести в Брянске»
    position = index - 1
    while position >= 0 and tokens[position].low in _words("title_links"):
        position -= 1
    if position >= 0 and tokens[position].classes & _OFFICIAL_TITLES:
        return True
    if index > 0 and tokens[index - 1].kind != "nl":
        return False
    return (
        after + 1 < len(tokens)
        and tokens[after].text in (".", ",")
        and tokens[after + 1].kind == "num"
    )


_OPENING, _CLOSING = frozenset({"«", "“", "„"}), frozenset({"»", "”"})


def _opens(tokens: list[Token], p: int) -> bool:
    """An opening quote; a straight one opens when it sticks to the word after it only
    ("источники "Чехов Вид"")."""
    if tokens[p].text in _OPENING:
        return True
    return (
        tokens[p].text == '"'
        and p + 1 < len(tokens)
        and tokens[p + 1].start == tokens[p].end
        and (p == 0 or tokens[p - 1].end < tokens[p].start)
    )


def _closes(tokens: list[Token], p: int) -> bool:
    if tokens[p].text in _CLOSING:
        return True
    return tokens[p].text == '"' and p > 0 and tokens[p - 1].end == tokens[p].start


def _in_short_title(tokens: list[Token], index: int, after: int, reach: int = 4) -> bool:
    """Whether the place stands inside a quoted name of a few words («МК в Туле»), not a
    quoted sentence."""
    opening = next(
        (
            p
            for p in range(index - 1, max(-1, index - 1 - reach), -1)
            if tokens[p].text in _QUOTES or tokens[p].low == "."
        ),
        None,
    )
    if opening is None or not _opens(tokens, opening):
        return False
    closing = next(
        (
            p
            for p in range(after, min(len(tokens), after + reach))
            if tokens[p].text in _QUOTES or tokens[p].low == "."
        ),
        None,
    )
    if closing is None or not _closes(tokens, closing) or closing - opening > 6:
        return False
    inside = tokens[opening + 1 : closing]
    return not any(t.flags & (DOWN | STRIKE | EVENT | PREDICATE | FIRE) for t in inside)


@lru_cache(maxsize=16384)
def place_key(name: str) -> str:
    """A place's name without type words, for comparing mentions of it."""
    return " ".join(w for w in name.lower().replace("ё", "е").split() if w not in _TYPE_WORDS)
