"""Regions named in a national summary, each with its own count.

Handles the ministry's styles: itemised lists ("▫️ 15 – над территорией Курской области"),
shared type words ("над Курской и Белгородской областями"), elliptic adjectives ("три —
над Воронежской"), "по N" / "N each", seas, and English ("25 over the Rostov Region").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from dronewatch.folding import fold_yo
from dronewatch.parsing import morph
from dronewatch.parsing.features import CAPITALIZED_LATIN, DRONE_CANDIDATE, INJURED, KILLED
from dronewatch.parsing.lexicon import (
    english_key,
    lexicon,
    region_noun,
    settlement_form,
    word_class,
    words,
)
from dronewatch.parsing.numbers import is_month, may_start_number, number_at
from dronewatch.parsing.text import Token

# The word classes the rules below ask about word by word.
_ENGLISH_NEIGHBOURS = word_class("regions", "english_neighbours")

_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "\n", "…"})
_CONJUNCTIONS = frozenset(
    {"и", ",", "and", "the", "а", "также", "над", "over", "в", "республики", "республикой"}
)
_EACH = frozenset({"по", "each"})


@dataclass(frozen=True, slots=True)
class RegionGroup:
    codes: tuple[str, ...]
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class RegionHit:
    code: str
    count: int | None
    start: int
    end: int
    part: bool = False  # "including the Moscow region": a part of the post's figure
    shared: int | None = None  # a count given for this region and others jointly
    rest: bool = False  # "остальные — над Тверской областью": the remainder of the total
    vague: bool = False  # "беспилотники сбиты над Курской областью": an uncounted plural


def _adjective_region(token: Token, lowercase: bool = False) -> tuple[str, str] | None:
    """`lowercase`: accept a region adjective written in lower case, as a retelling may
    write the second of "над Воронежской и курской областями"."""
    if token.kind != "word" or token.latin:
        return None
    return _adjective_region_of(token.low, token.capitalized or lowercase)


def _lowercase_region(tokens: list[Token], index: int) -> tuple[str, str] | None:
    """A lower-case region adjective right after "над" that ends its list item ("четыре -
    над воронежской, три - над Орловской") or stands before its type word ("над курской
    областью"); not one before another noun ("над белгородской больницей")."""
    token = tokens[index]
    if token.capitalized or index == 0 or tokens[index - 1].low != "над":
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.kind == "word" and _type_lemma(following) is None:
        return None
    return _adjective_region(token, lowercase=True)


@cache
def _adjective_beginnings() -> frozenset[str]:
    """The first three letters of every region adjective: an inflected form keeps them
    ("Курской", "курский"), so a word that begins otherwise needs no morphology."""
    return frozenset(form[:3] for form in lexicon().region_adjectives)


@lru_cache(maxsize=65536)
def _adjective_region_of(low: str, capitalized: bool) -> tuple[str, str] | None:
    """(code, type word) of a region adjective ("Курской" -> ("RU-KRS", "область"))."""
    if fold_yo(low[:3]) not in _adjective_beginnings():
        return None
    adjectives = lexicon().region_adjectives
    for form, grammemes in morph.parses(low)[:3]:
        found = adjectives.get(fold_yo(form)) if "ADJF" in grammemes else None
        if found is not None and (capitalized or found[1] == "регион"):
            return found
    return None


def _type_lemma(token: Token) -> str | None:
    if token.kind != "word":
        return None
    if token.latin:
        return "region" if token.low in words("regions", "english_types") else None
    form = morph.lemma(token.low)
    return form if form in words("regions", "types") else None


def _russian_groups(tokens: list[Token]) -> list[RegionGroup]:
    groups: list[RegionGroup] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind != "word" or token.latin:
            index += 1  # (only a Russian word names a region here)
            continue
        capital = _over_capital(tokens, index)
        if capital is not None:  # "над Белгородом сбиты три": the capital's region
            groups.append(RegionGroup((capital,), index, index))
            index += 1
            continue
        adjective = _adjective_region(token) or _lowercase_region(tokens, index)
        if adjective is not None:
            members = [(index, adjective)]
            position = index + 1
            while position + 1 < len(tokens) and tokens[position].low in ("и", ","):
                following = _adjective_region(tokens[position + 1], lowercase=True)
                if following is None:
                    break
                members.append((position + 1, following))
                position += 2
            if position + 1 < len(tokens) and tokens[position].low.startswith(
                words("regions", "autonomous")
            ):
                position += 1  # "Ямало-Ненецким автономным округом"
            type_token = tokens[position] if position < len(tokens) else None
            type_word = _type_lemma(type_token) if type_token is not None else None
            codes = _resolve(members, type_word, token)
            if codes:
                last = position if type_word else members[-1][0]
                groups.append(RegionGroup(codes, index, last))
                index = last + 1
                continue
        elif token.kind == "word" and token.capitalized and not token.latin:
            code = region_noun(token.low)
            if (
                code is not None
                and morph.lemma(token.low) != "коми"
                and not _dateline(tokens, index)
                and not _clock_zone(tokens, index)
            ):
                first = _name_opening(tokens, index, groups[-1].last if groups else -1)
                if groups and groups[-1].codes == (code,) and _dashed(tokens, groups[-1], first):
                    # "Северная Осетия — Алания": one name
                    groups[-1] = RegionGroup((code,), groups[-1].first, index)
                else:
                    groups.append(RegionGroup((code,), first, index))
        index += 1
    return groups


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Gazetteer keys of the regions' capitals that share the region's name ("Брянск" of
    Bryansk Oblast, "Орёл" of Oryol Oblast through the alias "orel"), found through the
    English names of both."""
    lex = lexicon()
    english = {english_key(k): v for k, v in lex.region_english.items()}
    found = {}
    for key, settlements in lex.settlements.items():
        for settlement in settlements:
            region = english.get(english_key(settlement.name_en))
            # nouns only: not the village "Приморский" of Primorsky Krai
            if (
                region is not None
                and region[0] == settlement.region
                and not morph.has_reading(key, "ADJF")
            ):
                found[key] = settlement.region
    return found


def _over_capital(tokens: list[Token], index: int) -> str | None:
    """The region of a capital named right after "над" ("над Курском", "над Орлом и
    Брянском")."""
    token = tokens[index]
    if not token.capitalized or token.latin or token.kind != "word" or index == 0:
        return None
    before = tokens[index - 1].low
    if before != "над" and not (
        before in ("и", ",") and index > 1 and _capital(tokens[index - 2].low) is not None
    ):
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and _type_lemma(following) is not None:
        return None  # "над Курским районом" is no capital
    return _capital(token.low)


def _capital(low: str) -> str | None:
    """The region whose capital a word names in any case ("Белгородом" -> RU-BEL)."""
    form = settlement_form(low)
    if form is None:
        return None
    codes = {_capitals().get(key) for key in form.keys} - {None}
    return codes.pop() if len(codes) == 1 else None


def _name_opening(tokens: list[Token], index: int, floor: int) -> int:
    """The first token of a region's name ending in the noun at `index`: its capitalised
    adjectives and type word ("Республики Северная Осетия", "республики Крым")."""
    first = index
    while first - 1 > floor:
        before = tokens[first - 1]
        if before.kind != "word" or before.latin:
            break
        typed = morph.lemma(before.low) == "республика"
        if not typed and not (before.capitalized and morph.has_reading(before.low, "ADJF")):
            break
        first -= 1
    return first


def _dashed(tokens: list[Token], group: RegionGroup, first: int) -> bool:
    between = tokens[group.last + 1 : first]
    return len(between) == 1 and between[0].text in ("—", "–", "-")


def _clock_zone(tokens: list[Token], index: int) -> bool:
    """ "с 23:00 по Москве": the capital names the clock's time zone, not a region."""
    return (
        index >= 2
        and tokens[index - 1].low in words("regions", "clock_zone_prepositions")
        and tokens[index - 2].kind in ("time", "num")
    )


def _dateline(tokens: list[Token], index: int) -> bool:
    """ "МОСКВА, 11 фев — РИА Новости": where an agency filed the story, not a region."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if _dated_opening(tokens, index):
        return True
    return (
        len(token.text) > 1
        and token.text.isupper()
        and following is not None
        and following.text == ","
        and all(t.kind != "word" or t.text.isupper() for t in tokens[:index])
    )


def _dated_opening(tokens: list[Token], index: int) -> bool:
    """ "Москва. 30 августа. INTERFAX.RU - ...": the name that opens the post (or a line
    under its title), then a date."""
    opening = index == 0 or tokens[index - 1].kind == "nl"
    if not opening or index + 3 >= len(tokens):
        return False
    day, month = tokens[index + 2], tokens[index + 3]
    return (
        tokens[index + 1].text in (".", ",")
        and day.kind == "num"
        and month.kind == "word"
        and is_month(month.low)
    )


def _resolve(
    members: list[tuple[int, tuple[str, str]]], type_word: str | None, first: Token
) -> tuple[str, ...]:
    """Codes of coordinated region adjectives, given the type word that follows them."""
    if type_word == "регион":
        return tuple(code for _, (code, _kind) in members)
    if type_word is not None:
        if type_word == "акватория":
            return ()
        return tuple(
            code
            for _, (code, kind) in members
            if kind == type_word or (type_word == "море" and code.startswith("SEA"))
        )
    # Elliptic: "три — над Воронежской" (область understood).
    if morph.has_reading(first.low, "ADJF", "femn") and all(
        kind == "область" for _, (_, kind) in members
    ):
        return tuple(code for _, (code, _) in members)
    # "над Черным морем — пять, над Азовским — один" (море understood)
    if morph.has_reading(first.low, "ADJF", "neut") and all(
        kind == "море" for _, (_, kind) in members
    ):
        return tuple(code for _, (code, _) in members)
    return ()


def _english_groups(tokens: list[Token]) -> list[RegionGroup]:
    english = lexicon().region_english
    groups: list[RegionGroup] = []
    if not any(t.flags & CAPITALIZED_LATIN for t in tokens):
        return groups  # every English name starts with a capitalised Latin word
    index = 0
    while index < len(tokens):
        names: list[tuple[int, tuple[str, bool]]] = []
        position = index
        while position < len(tokens):
            found = _english_name(tokens, position, english)
            if found is None:
                break
            names.append((position, found[0]))
            position = found[1] + 1
            joined = position + 1 < len(tokens) and tokens[position].low in (",", "and")
            if joined and _english_name(tokens, position + 1, english):
                position += 1
                continue
            oxford = (  # "the Bryansk, Kursk, and Oryol regions"
                joined
                and position + 2 < len(tokens)
                and tokens[position].low == ","
                and tokens[position + 1].low == "and"
            )
            if oxford and _english_name(tokens, position + 2, english):
                position += 2
                continue
            break
        if not names:
            index += 1
            continue
        type_token = tokens[position] if position < len(tokens) else None
        typed = type_token is not None and _type_lemma(type_token) == "region"
        # "the region of Kursk"; "the governor of Bryansk": the official's region
        preceded = (
            index >= 2
            and tokens[index - 1].low == "of"
            and tokens[index - 2].low in ("region", "oblast", *words("regions", "english_heads"))
        )
        # "the Kaluga region that is closer to Moscow": a bearing, not a target
        bearing = (
            index >= 2
            and tokens[index - 1].low == "to"
            and tokens[index - 2].low in words("regions", "english_near")
        )
        # "the Kaluga region south of Moscow": a compass bearing from the name
        bearing = bearing or (
            index >= 2
            and tokens[index - 1].low == "of"
            and tokens[index - 2].low in words("regions", "english_compass")
        )
        # "a region bordering Moscow", "that borders with the Moscow region", "300 km from
        # Moscow": a neighbour or a distance, not where the drones were
        bearing = bearing or (
            index >= 1
            and (
                tokens[index - 1].low == "from"
                or any(
                    t.classes & _ENGLISH_NEIGHBOURS
                    and not (
                        t.low in words("regions", "english_border_adjectives")
                        and (at == index - 1 or (at == index - 3 and preceded))
                    )
                    for at, t in enumerate(tokens[max(0, index - 3) : index], max(0, index - 3))
                )
            )
        )
        # "near Moscow", "outside Moscow": the region around the city
        around = index >= 1 and tokens[index - 1].low in words("regions", "english_around")
        if typed or preceded or around:
            # "the Moscow and Kursk regions": Moscow's oblast, not the city
            names = [(at, english.get(f"{tokens[at].low} region", entry)) for at, entry in names]
        # "Both Moscow and Kyiv have used drones": the governments at war
        governments = words("regions", "english_governments")
        if (
            position + 1 < len(tokens)
            and tokens[position].low == "and"
            and tokens[position + 1].low in governments
        ) or (
            index >= 2 and tokens[index - 1].low == "and" and tokens[index - 2].low in governments
        ):
            index = position
            continue
        counted = _counted_before(tokens, index)
        # "the Black Sea Fleet intercepted ...": a name inside an institution's
        named_body = (
            type_token is not None and type_token.low in words("regions", "english_bodies")
        ) or _state_possessive(tokens, position)
        # "Moscow annexed the Crimean Peninsula": the state as the subject opening a sentence
        # (not "The governor of Bryansk said")
        named_body = named_body or (
            type_token is not None
            and type_token.low in words("regions", "english_state_verbs")
            and (index == 0 or tokens[index - 1].sentence != tokens[index].sentence)
        )
        codes = tuple(
            code
            for _, (code, needs) in names
            if (typed or preceded or counted or not needs) and not bearing and not named_body
        )
        # "Moscow: A fire broke out ...": where the story was filed
        dateline = (index == 0 and type_token is not None and type_token.text == ":") or (
            _english_dateline(tokens, index, position)
        )
        if codes and tokens[index].text != tokens[index].text.upper() and not dateline:
            groups.append(RegionGroup(codes, index, position if typed else position - 1))
        index = position + (1 if typed else 0) if codes else index + 1
    return groups


def _state_possessive(tokens: list[Token], position: int) -> bool:
    """ "Moscow's defence ministry", "Moscow’s military offensive": the name's possessive
    (at `position`) before a word of the state, past two words at most."""
    if position + 2 >= len(tokens) or tokens[position].text not in ("'", "’"):
        return False
    if tokens[position + 1].low != "s":
        return False
    state = words("regions", "english_state")
    return any(t.kind == "word" and t.low in state for t in tokens[position + 2 : position + 5])


def _english_dateline(tokens: list[Token], index: int, position: int) -> bool:
    """ "Reuters\n\nMoscow, October 1\n\nRussia said ...": the city the story was filed from,
    a line of its own before the first sentence, followed by a date or an agency's name."""
    if position + 2 >= len(tokens) or tokens[position].text != ",":
        return False
    if any(t.text in (".", "!", "?") for t in tokens[:index]):
        return False
    first, second = tokens[position + 1], tokens[position + 2]
    # "Moscow, SANA - ...": an agency's name in capitals after the city
    agency = first.kind == "word" and first.latin and len(first.text) > 2 and first.text.isupper()
    return (
        agency
        or (first.kind == "word" and is_month(first.low) and second.kind == "num")
        or (first.kind == "num" and second.kind == "word" and is_month(second.low))
    )


def _counted_before(tokens: list[Token], index: int) -> bool:
    """ "25 over Bryansk", "42 were neutralized in Smolensk": a name after "over" / "in"
    with a count of drones just before, as a ministry's list gives regions by their
    capital's name."""
    if index < 2 or tokens[index - 1].low not in ("over", "in", "above"):
        return False
    for position in range(index - 2, max(-1, index - 8), -1):
        token = tokens[position]
        if token.text in _CLAUSE_END:
            return False
        if position == index - 2 and token.low == "another":
            return True  # "two in Rostov, one in Belgorod and another in Kursk"
        number = number_at(tokens, position) if token.kind in ("num", "word") else None
        if number is not None and number.last == position:
            return _counts_drones(tokens, number.last)
    return False


def _english_name(
    tokens: list[Token], index: int, english: dict[str, tuple[str, bool]]
) -> tuple[tuple[str, bool], int] | None:
    if not tokens[index].capitalized or not tokens[index].latin:
        return None
    for size in (3, 2, 1):
        words = tokens[index : index + size]
        if len(words) < size or any(w.kind != "word" for w in words):
            continue
        key = " ".join(w.low for w in words)
        if key in english:
            following = tokens[index + size].low if index + size < len(tokens) else ""
            if following == "time":
                return None
            return english[key], index + size - 1
    return None


@cache
def _several() -> frozenset[str]:
    return frozenset(words("regions", "several"))


def _count_before(
    tokens: list[Token],
    groups: list[RegionGroup],
    position: int,
    singles: dict[int, int] | None = None,
) -> tuple[int | None, bool]:
    """The nearest number before a region group within its clause; "по N" means each; a
    singular drone noun there is one ("A drone was downed near Moscow")."""
    previous_end = max((g.last for g in groups if g.last < position), default=-1)
    index = position - 1
    # ")" closes the count of the region before ("Тверской (2) и Воронежской (1)")
    several = False  # "90 drones across several regions and over the Black Sea": a total
    while (
        index > previous_end and tokens[index].text not in _CLAUSE_END and tokens[index].text != ")"
    ):
        several = several or tokens[index].low in _several()
        if singles and index in singles:
            return 1, False
        if index == position - 2 and tokens[index].low == "another":
            return 1, False  # "... and another in Kursk"
        number = number_at(tokens, index) if may_start_number(tokens[index]) else None
        if number is not None and _counts_regions(tokens, number.last + 1):
            return None, False  # "19 БПЛА над четырьмя регионами и морем": a total
        if number is not None and several and _counts_drones(tokens, number.last):
            return None, False
        if number is not None and _counts_drones(tokens, number.last):
            start = index
            while start > 0 and number_at(tokens, start - 1) is not None:
                start -= 1
            each = start > 0 and tokens[start - 1].low in _EACH
            each = each or (number.last + 1 < len(tokens) and tokens[number.last + 1].low == "each")
            return number.value, each
        index -= 1
    return None, False


def _coast_of_sea(tokens: list[Token], previous: RegionGroup, group: RegionGroup) -> bool:
    """ "над акваторией Чёрного моря у побережья Крыма", "over the Black Sea off the coast
    of Crimea": the region is where the sea's part lies, in the sea's clause."""
    if not all(code.startswith("SEA") for code in previous.codes):
        return False
    between = tokens[previous.last + 1 : group.first]
    if len(between) > 4 or any(t.text in _CLAUSE_END for t in between):
        return False
    words_between = [t for t in between if t.kind == "word"]
    if words_between and words_between[-1].low == "of":
        words_between = words_between[:-1]
    return bool(words_between) and words_between[-1].low.startswith(words("regions", "coasts"))


def _weapon_before(tokens: list[Token], groups: list[RegionGroup], position: int) -> bool:
    """The nearest number before the group in its clause counts a weapon that is no drone
    ("одну ракету — над Курской", "one missile over the Kursk region")."""
    previous_end = max((g.last for g in groups if g.last < position), default=-1)
    weapons = words("regions", "other_weapons")
    index = position - 1
    while index > previous_end and tokens[index].text not in _CLAUSE_END:
        number = number_at(tokens, index) if may_start_number(tokens[index]) else None
        if number is not None and number.last < position:
            ahead = tokens[number.last + 1 : min(number.last + 4, position)]
            for token in ahead:
                if token.kind != "word":
                    break
                if token.low.startswith(weapons):
                    return True
                if token.flags & DRONE_CANDIDATE and not (
                    not token.latin and morph.has_reading(token.low, "ADJF")
                ):
                    return False  # "3 БПЛА самолётного типа", not "воздушный шар"
            return False
        index -= 1
    return False


def _counts_drones(tokens: list[Token], last: int) -> bool:
    """A bare number or one followed by a drone word, not "две ракеты", "13 раз"."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if tokens[last].low in words("casualties", "collective"):
        return False  # "ещё двое получили ранения": people
    if following is None or following.kind != "word":
        return True
    after = tokens[last + 2] if last + 2 < len(tokens) else None
    if following.flags & (KILLED | INJURED) or (
        after is not None and after.flags & (KILLED | INJURED)
    ):
        return False  # "three were wounded", "12 получили ранения": people
    if after is not None and after.low in words("drones", "boats"):
        return False  # "six drone boats"
    if following.latin:
        if following.low.removesuffix("s") in words("drones", "english_nouns"):
            return True  # "1 UAV over ...", "8 UAVs over ..."
        if _english_drone_after(tokens, last + 1):
            return True  # "five Ukraine-launched drones", "two enemy attack drones"
        return following.low in (
            "each",
            "over",
            "above",
            "more",
            "ukrainian",
            "drones",
            "drone",
            "uavs",
            "fixed-wing",
            "in",
            "were",
            "of",
        )
    readings = morph.parses(following.low)
    if not readings or "NOUN" not in readings[0][1]:
        return True
    drone_words = (
        words("drones", "nouns")
        + words("drones", "heads")
        + words("drones", "weak")
        + words("regions", "units")
    )
    return readings[0][0] in drone_words or following.low in words("drones", "abbreviations")


def _english_drone_after(tokens: list[Token], index: int) -> bool:
    """A drone noun after a few English modifiers ("Ukrainian fixed-wing drones",
    "Ukraine-launched drones") starting at `index`."""
    between = words("drones", "english_between")
    for position in range(index, min(index + 4, len(tokens))):
        token = tokens[position]
        if token.kind != "word" or not token.latin:
            return False
        if token.low.removesuffix("s") in words("drones", "english_nouns"):
            return position > index
        if not (token.low in between or (token.low.endswith("ed") and len(token.low) > 4)):
            return False
    return False


def _counts_regions(tokens: list[Token], index: int) -> bool:
    """Whether the noun after the adjectives from `index` names regions ("российскими
    регионами", "четырьмя областями")."""
    for token in tokens[index : index + 3]:
        readings = morph.parses(token.low) if token.kind == "word" else []
        if not readings:
            return False
        if "NOUN" in readings[0][1]:
            return readings[0][0] in words("regions", "types")
        if "ADJF" not in readings[0][1]:
            return False
    return False


def _count_after(tokens: list[Token], group: RegionGroup) -> tuple[int | None, bool]:
    """ "... над Ростовской областью и Крымом, по две единицы в каждом регионе", "по три над
    каждой", "..., two each"; not "по N" of the next region ("над Брянской сбиты 12 БПЛА,
    по 3 над Курской")."""
    index = group.last + 1
    limit = min(len(tokens), group.last + 12)
    while index < limit and tokens[index].text not in (".", "\n", ";"):
        number = None
        if tokens[index].low == "по" and index + 1 < len(tokens):
            number = number_at(tokens, index + 1)
        elif tokens[index].kind in ("num", "word") and tokens[index].latin:
            found = number_at(tokens, index)
            # "two each"
            if (
                found is not None
                and found.last + 1 < len(tokens)
                and tokens[found.last + 1].low == "each"
            ):
                return found.value, True
        if number is not None:
            after = [t.low for t in tokens[number.last + 1 : number.last + 3]]
            next_region = bool(after) and after[0] in ("над", "—", "–", "-", "over")
            if not next_region or (len(after) > 1 and after[1].startswith(_EACH_WORDS)):
                return number.value, True
        index += 1
    return None, False


_EACH_WORDS = ("кажд", "each")


def _skipped(tokens: list[Token], group: RegionGroup, has_mos: bool) -> bool:
    """ "в том числе 6 летевших на Москву" belongs to the Moscow region's figure."""
    window = [t.low for t in tokens[max(0, group.first - 4) : group.first]]
    toward = any(w.startswith(words("regions", "toward")) for w in window)
    return (
        has_mos
        and group.codes == ("RU-MOW",)
        and (toward or _subpart(tokens, group) or _mayor(tokens, group))
    )


def _neighbour(tokens: list[Token], group: RegionGroup) -> bool:
    """ "соседними с Татарстаном регионами": a region named as the neighbour of the regions
    where the drones were ("с" / "со" after a neighbouring word)."""
    if group.first < 2 or tokens[group.first - 1].low not in words(
        "regions", "neighbour_prepositions"
    ):
        return False
    return tokens[group.first - 2].low.startswith(words("regions", "neighbours"))


def _mayor(tokens: list[Token], group: RegionGroup) -> bool:
    """ "Мэр Москвы", "Moscow Mayor", "Moscow's Mayor": the city inside the mayor's title,
    who reports the drones of the Moscow region."""
    mayors = words("regions", "mayors")
    before = tokens[group.first - 1].low if group.first > 0 else ""
    after = [t.low for t in tokens[group.last + 1 : group.last + 3]]
    return before in mayors or (bool(after) and (after[0] in mayors or after[1:2] == ["mayor"]))


def _subpart(tokens: list[Token], group: RegionGroup) -> bool:
    """ "including the Moscow region", "в том числе над Московским регионом": a part of the
    post's figure."""
    window = [t.low for t in tokens[max(0, group.first - 3) : group.first]]
    if any(w in words("regions", "subpart") for w in window):
        return True
    # "most of them over the Bryansk region", "большая часть — над Брянской областью"
    wider = [t.low for t in tokens[max(0, group.first - 6) : group.first]]
    return any(w in words("regions", "majority") for w in wider)


def _mention_after(
    tokens: list[Token],
    groups: list[RegionGroup],
    group: RegionGroup,
    counts: dict[int, int],
    comma: bool = False,
) -> int | None:
    """The drone count later in the clause ("над Курской областью ... сбито 27 БПЛА");
    `comma`: a comma ends the clause too."""
    following = min((g.first for g in groups if g.first > group.last), default=len(tokens))
    for index in range(group.last + 1, min(following, len(tokens))):
        if (
            tokens[index].text in (".", ";", ":", "\n")
            or (comma and tokens[index].text == ",")
            or tokens[index].sentence != tokens[group.last].sentence
        ):
            return None
        if index in counts:
            return counts[index]
    return None


def find_regions(
    tokens: list[Token],
    counts: dict[int, int],
    background: frozenset[int] = frozenset(),
    singles: dict[int, int] | None = None,
    plurals: frozenset[int] = frozenset(),
) -> list[RegionHit]:
    """Each region the post names, with the count given for it (first count wins).

    `counts` maps the token index of each counted drone noun to its number; `background`:
    the sentences that tell earlier events (`engine._news`), whose regions are not the
    post's; `singles`: the token indices of singular drone nouns with no number, each one
    drone for a region in its own clause ("над Крымом был сбит БПЛА"); `plurals`: those of
    uncounted plural drone nouns, which leave their region's count unknown ("беспилотники
    сбиты над Курской областью": `RegionHit.vague`)."""
    groups = sorted(_russian_groups(tokens) + _english_groups(tokens), key=lambda g: g.first)
    if background:
        groups = [g for g in groups if tokens[g.first].sentence not in background]
    has_mos = any("RU-MOS" in g.codes for g in groups)
    hits: dict[str, RegionHit] = {}
    inherited: tuple[int | None, bool] = (None, False)
    previous: RegionGroup | None = None
    kept: list[RegionGroup] = []
    shares: list[int | None] = []
    joint: list[int | None] = []  # "семь — над Тульской и Брянской областями": the 7
    before: list[bool] = []  # the count stood before the group, not "по N"
    after: list[bool] = []  # the count is a drone count later in the clause
    boats = _boat_sentences(tokens, counts)
    for group in groups:
        if _skipped(tokens, group, has_mos) and len(groups) > 1:
            continue
        if _neighbour(tokens, group):
            continue  # "над соседними с Татарстаном регионами": the neighbours' drones
        if tokens[group.first].sentence in boats and len(groups) > 1:
            continue  # "warplanes destroyed six drone boats in the Black Sea"
        if previous is not None and _coast_of_sea(tokens, previous, group):
            continue  # "над Чёрным морем у побережья Крыма"
        if _weapon_before(tokens, groups, group.first) and len(groups) > 1:
            continue  # "а также одна ракета — над Курской областью"
        count, each = _count_before(tokens, groups, group.first, singles)
        if count is not None and not each and len(group.codes) > 1:
            # "Six drones were downed over the A, B and C regions, two each"
            shared_after = _count_after(tokens, group)
            if shared_after[0] is not None:
                count, each = shared_after
        stated_before = count is not None and not each
        dashed = _dashed_count(tokens, group)
        if dashed[0] is not None and stated_before:
            # "над Курской сбиты шесть БПЛА и над Белгородской — четыре": the dash's own
            count, each = dashed
            stated_before = False
        if (
            count is None
            and previous is not None
            and _joined(tokens, previous, group)
            and inherited[1]
        ):
            count, each = inherited
        if count is None and previous is not None and _as_many(tokens, previous, group):
            count, each = inherited  # "пять над Ростовской областью, столько же — над Крымом"
        if count is None:
            count, each = _dashed_count(tokens, group)
        if count is None:
            count = _apposed_count(tokens, groups, group)
        if count is None:
            count, each = _count_after(tokens, group)
        mentioned = count is None
        if not each and _with_country(tokens, group):
            # "над регионами РФ и акваторией Азовского моря 53 БПЛА": the figure after
            # the country and a sea is the country's; the sea's own comes in its list
            kept.append(group)
            shares.append(None)
            joint.append(None)
            before.append(False)
            after.append(False)
            inherited, previous = (None, False), group
            continue
        if count is None:
            count = _mention_after(tokens, groups, group, counts)
        if count is None and singles:
            count = _mention_after(tokens, groups, group, singles, True)
        mentioned = mentioned and count is not None
        if count is None:
            count = _bare_after(tokens, groups, group)
        if count is None and len(group.codes) == 1:
            count = _next_sentence(tokens, groups, group, counts)
        kept.append(group)
        shares.append(count if each or len(group.codes) == 1 else None)
        joint.append(None if each or len(group.codes) == 1 else count)
        before.append(stated_before)
        after.append(mentioned)
        inherited, previous = (count, each), group
    # "Над Краснодарским краем и Республикой Крым сбиты 11 БПЛА": one count after regions
    # listed together belongs to them all, each share unknown.
    for position in range(len(kept) - 1, 0, -1):
        if (
            after[position]
            and shares[position - 1] is None
            and _listed(tokens, kept[position - 1], kept[position])
        ):
            shares[position] = None
    # "14 БПЛА над территорией Ростовской области и акваторией Азовского моря": one count
    # before regions listed together belongs to them all, each share unknown.
    for position in range(1, len(kept)):
        if shares[position] is None and _listed(tokens, kept[position - 1], kept[position]):
            first = position - 1
            # back through the groups of the same list only ("Ещё 9 — над X. Остальные —
            # над Y, Z и W": the 9 is X's own)
            while (
                first > 0
                and shares[first] is None
                and _listed(tokens, kept[first - 1], kept[first])
            ):
                first -= 1
            if before[first] and all(s is None for s in shares[first + 1 : position + 1]):
                shares[first] = None
    kept, shares, joint = _without_containers(tokens, kept, shares, joint)
    for group, share, shared in zip(kept, shares, joint, strict=True):
        for code in group.codes:
            hit = hits.get(code)
            if hit is None or hit.count is None:
                hits[code] = RegionHit(
                    code,
                    share,
                    tokens[group.first].start,
                    tokens[group.last].end,
                    share is None and _subpart(tokens, group),
                    shared,
                    share is None and _rest(tokens, groups, group),
                    share is None and _vague(tokens, kept, group, plurals),
                )
    return list(hits.values())


def _without_containers(
    tokens: list[Token],
    kept: list[RegionGroup],
    shares: list[int | None],
    joint: list[int | None],
) -> tuple[list[RegionGroup], list[int | None], list[int | None]]:
    """Without the region that only contains a city region named beside it ("the city of
    Sevastopol in Crimea", "shot down 15 drones near Sevastopol in occupied Crimea"): each
    of its groups stands after "in" / "в" / "of", with no count of its own (none, or the
    city's; "Над Севастополем в Крыму сбиты два БПЛА": the count after both is the
    city's)."""
    for pair in words("regions", "contained"):
        city, container = pair.upper().split()
        cities = [i for i, g in enumerate(kept) if g.codes == (city,)]
        around = [i for i, g in enumerate(kept) if g.codes == (container,)]
        if not cities or not around:
            continue
        own = {shares[i] for i in cities}
        if all(
            _contained(tokens, kept[i])
            and (shares[i] is None or shares[i] in own or own == {None})
            and joint[i] is None
            for i in around
        ):
            if own == {None}:
                given = [shares[i] for i in around if shares[i] is not None]
                shares = [given[0] if i in cities and given else s for i, s in enumerate(shares)]
            keep = [i for i in range(len(kept)) if i not in around]
            kept = [kept[i] for i in keep]
            shares = [shares[i] for i in keep]
            joint = [joint[i] for i in keep]
    return kept, shares, joint


def _contained(tokens: list[Token], group: RegionGroup) -> bool:
    """Whether the group stands after "in" / "в" / "of", past modifiers ("in temporarily
    occupied Crimea")."""
    modifiers = words("regions", "container_modifiers")
    position = group.first - 1
    while position >= 0 and tokens[position].low in modifiers:
        position -= 1
    return position >= 0 and tokens[position].low in words("regions", "containers")


def _vague(
    tokens: list[Token], groups: list[RegionGroup], group: RegionGroup, plurals: frozenset[int]
) -> bool:
    """Whether an uncounted plural drone noun stands in the group's stretch of its sentence
    (between the groups before and after it)."""
    if not plurals:
        return False
    sentence = tokens[group.first].sentence
    low = max((g.last for g in groups if g.last < group.first), default=-1)
    high = min((g.first for g in groups if g.first > group.last), default=len(tokens))
    return any(low < i < high and tokens[i].sentence == sentence for i in plurals)


def _rest(tokens: list[Token], groups: list[RegionGroup], group: RegionGroup) -> bool:
    """ "..., остальные — над Тверской областью", "the rest over Crimea": the remainder of
    the total, in the clause before the group."""
    previous_end = max((g.last for g in groups if g.last < group.first), default=-1)
    rest = words("drones", "rest")
    index = group.first - 1
    while index > previous_end and tokens[index].text not in _CLAUSE_END:
        low = tokens[index].low
        if low.startswith(rest) and (not tokens[index].latin or low in rest):  # "restricted"
            return True
        index -= 1
    return False


def fill_rest(hits: list[RegionHit], total: int | None) -> list[RegionHit]:
    """The region of "остальные" gets what the total leaves after the other regions' counts."""
    rest = [h for h in hits if h.rest and h.count is None]
    if total is None or len(rest) != 1 or any(h.count is None for h in hits if h not in rest):
        return hits
    left = total - sum(h.count or 0 for h in hits)
    if left <= 0:
        return hits
    return [RegionHit(h.code, left, h.start, h.end, h.part) if h in rest else h for h in hits]


def split_joint(hits: list[RegionHit], total: int | None) -> list[RegionHit]:
    """ "семь — над Тульской и Брянской областями" in a list whose other counts leave the
    total short by seven for each of them: seven each. When the remainder is the joint
    count itself, or anything else, each share stays unknown."""
    joint = [h for h in hits if h.count is None and h.shared is not None]
    if total is None or not joint or any(h.count is None and h.shared is None for h in hits):
        return hits
    if len({(h.shared, h.start) for h in joint}) != 1:
        return hits  # one joint group only
    known = sum(h.count or 0 for h in hits)
    each = joint[0].shared or 0
    if len(joint) < 2 or known + each * len(joint) != total:
        return hits
    return [
        RegionHit(h.code, each, h.start, h.end, h.part, None) if h in joint else h for h in hits
    ]


def _as_many(tokens: list[Token], previous: RegionGroup, group: RegionGroup) -> bool:
    """ "..., столько же — над Крымом", "as many over Crimea": the count of the region before,
    in the clause just before the group."""
    between = tokens[previous.last + 1 : group.first]
    if len(between) > _AS_MANY_GAP or any(t.text in (".", ";", "\n") for t in between):
        return False
    phrases = words("regions", "as_many")
    lows = [t.low for t in between]
    return any(
        " ".join(lows[i : i + 2]) in phrases or " ".join(lows[i : i + 3]) in phrases
        for i in range(len(lows))
    )


_AS_MANY_GAP = 10


def _boat_sentences(tokens: list[Token], counts: dict[int, int]) -> set[int]:
    """Sentences about boats ("drone boats", "катера") that count no drones."""
    boats = words("drones", "boats")
    found = {t.sentence for t in tokens if t.kind == "word" and t.low in boats}
    return found - {tokens[i].sentence for i in counts} if found else found


def _bare_after(tokens: list[Token], groups: list[RegionGroup], group: RegionGroup) -> int | None:
    """ "Над Курской областью сбиты три, над Брянской — семь": a number with no noun
    closing the region's clause."""
    following = min((g.first for g in groups if g.first > group.last), default=len(tokens))
    for index in range(group.last + 1, min(following, len(tokens), group.last + 6)):
        token = tokens[index]
        if token.text in _CLAUSE_END:
            return None
        number = number_at(tokens, index) if token.kind in ("num", "word") else None
        if number is not None:
            closing = number.last + 1 >= len(tokens) or tokens[number.last + 1].text in _CLAUSE_END
            return number.value if closing and _counts_drones(tokens, number.last) else None
    return None


def _next_sentence(
    tokens: list[Token], groups: list[RegionGroup], group: RegionGroup, counts: dict[int, int]
) -> int | None:
    """ "Атаке подверглась Белгородская область. Там сбиты 45 БПЛА.": the count of the next
    sentence, when it names no region, counts drones once and is not the post's total."""
    sentence = tokens[group.last].sentence
    if any(g.first > group.last and tokens[g.first].sentence == sentence for g in groups):
        return None  # another region follows in the sentence
    following = [i for i in counts if tokens[i].sentence == sentence + 1]
    if len(following) != 1 or counts[following[0]] >= max(counts.values()):
        return None
    if any(tokens[g.first].sentence == sentence + 1 for g in groups):
        return None
    return counts[following[0]]


_AREAS = frozenset({"территорией", "территории", "акваторией", "акватории", "над"})


def _listed(tokens: list[Token], first: RegionGroup, second: RegionGroup) -> bool:
    """Two region groups joined by "и" / "," (with "акваторией", "территорией" between)."""
    between = tokens[first.last + 1 : second.first]
    return (
        bool(between)
        and between[0].low in ("и", ",", "and")
        and all(t.low in _CONJUNCTIONS or t.low in _AREAS for t in between)
    )


def _dashed_count(tokens: list[Token], group: RegionGroup) -> tuple[int | None, bool]:
    """ "над акваторией Черного моря — 11": the count after a dash; "над Белгородской (4),
    Липецкой (3) ... областями": in parentheses."""
    position = group.last + 1
    if position + 1 < len(tokens) and tokens[position].text in ("—", "–", "-"):
        number = number_at(tokens, position + 1)
        if number is not None and _counts_drones(tokens, number.last):
            return number.value, False
    if position + 2 < len(tokens) and tokens[position].text == "(":
        number = number_at(tokens, position + 1)
        if number is not None and tokens[number.last + 1].text == ")":
            return number.value, False
    return None, False


def _joined(tokens: list[Token], first: RegionGroup, second: RegionGroup) -> bool:
    """Groups that share a "по N" before the first ("по два — над Курской областью и над
    территорией Республики Крым", "а также территориями Ставропольского края")."""
    between = tokens[first.last + 1 : second.first]
    areas = words("regions", "areas")
    return all(t.low in _CONJUNCTIONS or t.low.startswith(areas) for t in between)


@lru_cache(maxsize=1)
def _settlement_regions() -> dict[str, frozenset[str]]:
    """Each gazetteer settlement's name -> the regions that have a settlement of that name."""
    found: dict[str, set[str]] = {}
    for settlements in lexicon().settlements.values():
        for settlement in settlements:
            found.setdefault(settlement.name, set()).add(settlement.region)
    return {name: frozenset(codes) for name, codes in found.items()}


def region_of_settlements(names: list[str]) -> str | None:
    """The one region of the settlements a post names, when it names no region itself: a
    news item without a channel ("a drone hit a block of flats in central Voronezh")."""
    known = _settlement_regions()
    codes = {code for name in names if name in known for code in known[name]}
    return codes.pop() if len(codes) == 1 else None


def _apposed_count(
    tokens: list[Token], groups: list[RegionGroup], group: RegionGroup
) -> int | None:
    """A count set off by commas in the clause before the group's ("Больше всего, 41 БПЛА,
    сбили в Брянской области"): the clause holds only the number and its drone noun."""
    previous_end = max((g.last for g in groups if g.last < group.first), default=-1)
    index = group.first - 1
    while index > previous_end and tokens[index].text not in _CLAUSE_END:
        index -= 1
    if index <= previous_end or tokens[index].text != ",":
        return None
    close = index
    index -= 1
    while index > previous_end and tokens[index].text not in _CLAUSE_END:
        index -= 1
    if index <= previous_end or tokens[index].text != ",":
        return None
    number = number_at(tokens, index + 1)
    if number is None or not _counts_drones(tokens, number.last):
        return None
    rest = tokens[number.last + 1 : close]
    if not rest or not all(
        t.kind == "word" and (t.flags & DRONE_CANDIDATE or _adjectival(t)) for t in rest
    ):
        return None
    return number.value


def _adjectival(token: Token) -> bool:
    return (
        not token.latin
        and (morph.has_reading(token.low, "ADJF") or morph.has_reading(token.low, "PRTF"))
    ) or (token.latin and token.low in words("drones", "english_between"))


def _with_country(tokens: list[Token], group: RegionGroup) -> bool:
    """Whether the group is joined to the whole country before it ("над регионами РФ и
    акваторией Азовского моря", "over Russian regions and the Black Sea")."""
    position = group.first - 1
    while position >= 0 and (tokens[position].low in _AREAS or tokens[position].low == "the"):
        position -= 1
    if position < 1 or tokens[position].low not in ("и", "and"):
        return False
    phrases = words("regions", "national")
    one = tokens[position - 1].low
    two = f"{tokens[position - 2].low} {one}" if position > 1 else ""
    return one in phrases or two in phrases


def national(tokens: list[Token], index: int) -> bool:
    """Whether the sentence of the token at `index` places drones over the whole country
    ("над российскими регионами были сбиты 110", "over Russian territory"): a national
    figure, not a region's."""
    sentence = tokens[index].sentence
    first = index
    while first > 0 and tokens[first - 1].sentence == sentence:
        first -= 1
    phrases = words("regions", "national")
    position = first
    while position < len(tokens) and tokens[position].sentence == sentence:
        if tokens[position].low in ("над", "over"):
            following = [t.low for t in tokens[position + 1 : position + 3]]
            if following[:1] and (following[0] in phrases or " ".join(following) in phrases):
                return True
        position += 1
    return False
