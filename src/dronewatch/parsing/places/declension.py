"""The nominative of a name the gazetteer lacks, from the case it is written in.

"в селе Дроновке" names Дроновка, "в деревне Горелках" Горелки, "в станице Полтавской"
Полтавская, "Боровским районом" Боровский район: the case its type word or preposition
governs, with the morphology's readings, gives the name back in the nominative.
"""

from __future__ import annotations

from functools import cache, lru_cache

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import Settlement, lexicon, words
from dronewatch.parsing.places.grammar import (
    ADJECTIVE_NAME_ENDINGS,
    GENDERS,
    OBLIQUE_ADJECTIVE,
    VILLAGE_ENDINGS,
    cases_of,
    is_abbreviation,
    place_words,
)
from dronewatch.parsing.text import Token


@cache
def _town_adjectives() -> frozenset[str]:
    """The regular adjectives of the gazetteer's town names, lower case ("псковский")."""
    return frozenset(
        (s.name.lower() + "ий" if s.name.endswith(("ск", "цк")) else s.name.lower() + "ский")
        for group in lexicon().settlements.values()
        for s in group
        if " " not in s.name and not s.name.endswith(ADJECTIVE_NAME_ENDINGS)
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


_TYPE_GENDERS = {"село": "neut", "поселение": "neut", "с": "neut", "станица": "femn",
                 "деревня": "femn", "слобода": "femn", "д": "femn", "ст": "femn",
                 "станция": "femn"}  # fmt: skip


def type_gender(word: str) -> str:
    """The gender of a settlement type word ("станице" -> femn), masculine by default."""
    return _TYPE_GENDERS.get(word) or _TYPE_GENDERS.get(morph.lemma(word), "masc")


def nominative_agreeing(token: Token, gender: str) -> str:
    """A name word after its type word, in the nominative when it agrees as an adjective
    ("в станице Полтавской" -> "Полтавская", "в селе Никольском" -> "Никольское")."""
    if not token.low.endswith(OBLIQUE_ADJECTIVE):
        return token.text
    nominative = morph.agree(token.low, gender) or surname_shaped(token.low, gender)
    return nominative.capitalize() if nominative else token.text


# The oblique endings of an "-ский" adjective by the gender it agrees with.
_SKIY_OBLIQUE = {
    "masc": ("ском", "ского", "скому", "ским", "цком", "цкого", "цкому", "цким"),
    "neut": ("ском", "ского", "скому", "ским", "цком", "цкого", "цкому", "цким"),
    "femn": ("ской", "скую", "цкой", "цкую"),
}
_SKIY_NOMINATIVE = {"masc": "ий", "neut": "ое", "femn": "ая"}


def surname_shaped(low: str, gender: str) -> str | None:
    """An "-ский" name the dictionary knows only as a surname, agreeing with its type word
    ("в селе Лозовском" -> "лозовское", "в станице Гремской" -> "гремская")."""
    if not low.endswith(_SKIY_OBLIQUE.get(gender, ())):
        return None
    stem = low[: low.rindex("к") + 1]
    return stem + _SKIY_NOMINATIVE[gender]


_FEMININE_NOMINATIVE = ("а", "я")
# Names already in the nominative: feminine ones, and plurals of dwellers ("Любечане").
_NOMINATIVE_NAME_ENDINGS = (*_FEMININE_NOMINATIVE, "ане", "яне")


def declined_name(token: Token, type_word: Token) -> str | None:
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
    if type_word in place_words("settlement_abbreviations"):
        return None
    if not cases_of(type_word) & {"loct", "ablt"}:
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
        or type_word in place_words("settlement_abbreviations")
        or not morph.is_known(low)
        or morph.has_reading(low, "ADJF")
    ):
        return None  # "в селе Сычане": dwellers' plural; an unknown word's case is a guess
    cases = cases_of(type_word) & _OBLIQUE_OF_PLACE
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
        or type_word in place_words("settlement_abbreviations")
    ):
        return None
    cases = cases_of(type_word) - {"nomn"}
    for normal, tags in morph.parses(low):
        if (
            {"NOUN", "femn", "sing"} <= tags
            and tags & cases
            and normal.endswith(_FEMININE_NOMINATIVE)
            and normal[:2] == low[:2]
        ):
            return normal
    return None


@lru_cache(maxsize=16384)
def name_adjective(word: str) -> bool:
    """ "Новой", "Большом", "Нижних": an adjective that begins many village names."""
    return morph.has_reading(word, "ADJF") and morph.lemma(word) in place_words("name_adjectives")


def adjective_and_noun_town(first: Token, second: Token, preposition: str) -> Settlement | None:
    """A village of two words the gazetteer lacks, both in the case of its preposition and
    agreeing, in the nominative ("в Новой Таволжанке" -> "Новая Таволжанка", "у Большого
    Бобрика" -> "Большой Бобрик")."""
    if not second.capitalized or second.sentence != first.sentence or second.start - first.end != 1:
        return None
    if not name_adjective(first.low) or is_abbreviation(second) or "-" in second.low:
        return None
    cases = _preposition_cases(preposition)
    adjective = {
        frozenset(tags & (GENDERS | {"plur"}))
        for _, tags in morph.parses(first.low)
        if "ADJF" in tags and tags & cases
    }
    for normal, tags in morph.parses(second.low):
        if "NOUN" not in tags or not tags & cases or tags & {"Name", "Surn", "Patr"}:
            continue
        if normal[:2] != second.low[:2]:
            continue
        if "sing" in tags:
            gender = next(iter(tags & GENDERS), "")
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
    for pair in place_words("preposition_cases"):
        word, case = pair.split()
        table.setdefault(word, set()).add(case)
    return {word: frozenset(cases) for word, cases in table.items()}


def _preposition_cases(preposition: str) -> frozenset[str]:
    """The cases a preposition governs ("в" -> loct, "над" -> ablt)."""
    return _preposition_cases_table().get(preposition, frozenset())


def declined_town(token: Token, preposition: str) -> Settlement | None:
    """A settlement the gazetteer lacks, named by a noun in the case its preposition
    governs, in the nominative ("в Дроновке" -> "Дроновка", "в Часцах" -> "Часцы")."""
    if is_abbreviation(token) or "-" in token.low:
        return None
    if morph.lemma(token.low).endswith(words("regions", "types")):
        return None  # "в Ленобласти"
    cases = {
        case
        for pair in place_words("preposition_cases")
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


def noun_town(token: Token) -> Settlement | None:
    """A settlement the gazetteer lacks, named by a noun ("в районе Любимовки")."""
    if morph.has_reading(token.low, "ADJF") or is_abbreviation(token):
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


def unlisted_town(token: Token) -> Settlement | None:
    """A village after "в" / "над" that the gazetteer lacks ("в Головчино")."""
    return Settlement(token.text, "", "") if token.low.endswith(VILLAGE_ENDINGS) else None


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
