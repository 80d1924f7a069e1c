"""The nominative of a name the gazetteer lacks, from the case it is written in.

"в селе Дроновке" names Дроновка, "в деревне Горелках" Горелки, "в станице Полтавской"
Полтавская, "Боровским районом" Боровский район: the case its type word or preposition
governs, with the morphology's readings, gives the name back in the nominative.
"""

from __future__ import annotations

from functools import cache, lru_cache

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import Settlement, lexicon, words
from dronewatch.parsing.places.grammar import GENDERS, cases_of, is_abbreviation
from dronewatch.parsing.places.vocabulary import endings, names, pairs, pairs_of_lists, place_words
from dronewatch.parsing.text import Token


@cache
def _town_adjectives() -> frozenset[str]:
    """The regular adjectives of the gazetteer's town names, lower case ("псковский")."""
    spelling = endings()
    return frozenset(
        s.name.lower()
        + (
            spelling.town_adjective_soft
            if s.name.endswith(spelling.town_adjective_stems)
            else spelling.town_adjective_suffix
        )
        for group in lexicon().settlements.values()
        for s in group
        if " " not in s.name and not s.name.endswith(endings().adjective_name)
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
        name = next((f for f in forms if f.endswith(endings().skiy_lemma)), "")
        if not name:
            return morph.nominative(word)
    if name.endswith(endings().skiy_masculine) and name not in _town_adjectives():
        # "Заводской", "Донской": the stressed ending, when the dictionary has that adjective
        # and no town is named so ("Псковский" after Псков).
        stressed = name[:-2] + endings().stressed
        if any(p.tag.POS == "ADJF" and p.normal_form == stressed for p in morph.readings(stressed)):
            return stressed
    return name


@cache
def _type_genders() -> dict[str, str]:
    return pairs(names().type_genders)


def type_gender(word: str) -> str:
    """The gender of a settlement type word ("станице" -> femn), masculine by default."""
    genders = _type_genders()
    return genders.get(word) or genders.get(morph.lemma(word), "masc")


def nominative_agreeing(token: Token, gender: str) -> str:
    """A name word after its type word, in the nominative when it agrees as an adjective
    ("в станице Полтавской" -> "Полтавская", "в селе Никольском" -> "Никольское")."""
    if not token.low.endswith(endings().oblique_adjective):
        return token.text
    nominative = morph.agree(token.low, gender) or surname_shaped(token.low, gender)
    return nominative.capitalize() if nominative else token.text


@cache
def _skiy_by_gender() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The oblique endings of an "-ский" adjective by the gender it agrees with, and its
    nominative ending."""
    spelling = endings()
    return (
        pairs_of_lists(spelling.skiy_oblique_by_gender),
        pairs(spelling.skiy_nominative_by_gender),
    )


def surname_shaped(low: str, gender: str) -> str | None:
    """An "-ский" name the dictionary knows only as a surname, agreeing with its type word
    ("в селе Лозовском" -> "лозовское", "в станице Гремской" -> "гремская")."""
    oblique, nominative = _skiy_by_gender()
    if not low.endswith(oblique.get(gender, ())):
        return None
    stem = low[: low.rindex(endings().skiy_stem_end) + 1]
    return stem + nominative[gender]


@cache
def _nominative_name_endings() -> tuple[str, ...]:
    """Names already in the nominative: feminine ones ("Олешня"), plurals of dwellers
    ("Любечане"), neuter and plural adjectives ("Весёлое")."""
    spelling = endings()
    return (*spelling.feminine_nominative, *spelling.dwellers, *spelling.neuter_plural_adjective)


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


@lru_cache(maxsize=16384)
def _plural_nominative(low: str, type_word: str) -> str | None:
    """A plural name in the prepositional or instrumental case of its type word ("в
    деревне Горелках" -> "Горелки", "над селом Часцами" -> "Часцы")."""
    if "-" in low or not low.endswith(endings().plural_of_place):
        return None
    if type_word in place_words("settlement_abbreviations"):
        return None
    if not cases_of(type_word) & {"loct", "ablt"}:
        return None
    return next(
        (
            f
            for f in morph.nominatives(low)
            if f.endswith(endings().plural_nominative) and f[:2] == low[:2]
        ),
        None,
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
        or not low.endswith(endings().masculine_oblique)
        or low.endswith(_nominative_name_endings())
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
            and not normal.endswith(endings().feminine_nominative)
            and normal[:3] == low[:3]
            and normal != low
        ):
            return normal
    return None


@lru_cache(maxsize=64)
def _feminine_endings(cases: frozenset[str]) -> tuple[str, ...]:
    """The endings of a feminine noun in "-а" / "-я" in any of the cases."""
    by_case = pairs_of_lists(endings().feminine_by_case)
    return tuple(ending for case in sorted(cases) for ending in by_case.get(case, ()))


@lru_cache(maxsize=16384)
def _feminine_nominative(low: str, type_word: str) -> str | None:
    if (
        "-" in low
        or not low.endswith(endings().feminine_oblique)
        or low.endswith(_nominative_name_endings())
        or type_word in place_words("settlement_abbreviations")
    ):
        return None
    cases = cases_of(type_word) - {"nomn"}
    if not low.endswith(_feminine_endings(cases)):
        return None  # no such noun in those cases: the (slow) guess of an unknown word spared
    readings = morph.parses(low)
    if type_gender(type_word) != "femn" and any(
        {"ADJF", "nomn", "masc"} <= tags for _, tags in readings
    ):
        return None  # "над посёлком Лесной": a masculine adjective, left in the nominative
    for normal, tags in readings:
        if (
            {"NOUN", "femn", "sing"} <= tags
            and tags & cases
            and normal.endswith(endings().feminine_nominative)
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
            plurals = morph.nominatives(first.low)
            agreed = next((f for f in plurals if f.endswith(endings().plural_adjective)), None)
            noun = _plural_noun(second.low)
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
        name = normal if "sing" in tags else _plural_noun(token.low)
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
        elif last.endswith(endings().feminine_genitive):
            nominative = last.lower()[:-1] + endings().feminine_nominative_ending
        else:
            return None
        return Settlement(f"{head}-{last[0]}{nominative[1:]}", "", "")
    forms = morph.nominatives(token.low)
    return Settlement(forms[0].capitalize(), "", "") if forms else None


def unlisted_town(token: Token) -> Settlement | None:
    """A village after "в" / "над" that the gazetteer lacks ("в Головчино")."""
    return Settlement(token.text, "", "") if token.low.endswith(endings().village) else None


def _plural_noun(low: str) -> str:
    """A plural noun's nominative ("Часцах" -> "часцы"), or ""."""
    return next((f for f in morph.nominatives(low) if f.endswith(endings().plural_nominative)), "")


def adjective_of_town(name: str) -> str:
    """The usual adjective of a town's name, as districts are named after their centre
    ("Белгород" -> "Белгородский", "Елец" -> "Елецкий", "Рязань" -> "Рязанский", "Лиски"
    -> "Лискинский"): the first regular form the dictionary knows."""
    spelling = endings()
    if name.endswith(spelling.town_adjective_as_is):
        return name  # "Левобережный": already an adjective
    if name.endswith(spelling.town_adjective_from_feminine_neuter):
        return name[:-2] + spelling.town_adjective_soft  # "Кировское" -> "Кировский"
    if name.endswith(spelling.town_adjective_stems):
        return name + spelling.town_adjective_soft
    if name.endswith(spelling.town_adjective_ets):
        return name + spelling.town_adjective_ets_ending
    if name.endswith(spelling.town_adjective_vowels):
        stem = name[:-1]
        if name.endswith(spelling.town_adjective_ka):
            stem = stem[:-1]  # "Ольховатка" -> "Ольховатский", "Алексеевка" -> "Алексеевский"
        options = [stem + suffix for suffix in spelling.town_adjective_options]
        known = [o for o in options if " " not in o and morph.is_known(o.lower())]
        if not known and stem.endswith(spelling.town_adjective_yk):
            return stem[:-1] + spelling.town_adjective_suffix  # "Валуйки" -> "Валуйский"
        return known[0] if known else options[0]
    return name + spelling.town_adjective_suffix
