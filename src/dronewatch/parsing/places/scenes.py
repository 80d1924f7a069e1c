"""Which of the places found are scenes of the event the post reports.

A post names towns for other reasons too: where the wounded were taken ("доставлен в
больницу Курска"), where a danger was only announced, an official's visit, shelling by
artillery, where a victim lives, an official's title ("глава Белгородского района"), a
quoted name, a dateline, a place denied ("упал не над Курском"). Those are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    ALERT,
    AVIATION,
    DOWN,
    EVENT,
    FIRE,
    HOSPITAL,
    INJURED,
    KILLED,
    PREDICATE,
    RESTRICTION,
    STRIKE,
    THREAT,
)
from dronewatch.parsing.lexicon import word_class, words
from dronewatch.parsing.places.bare_names import district_names
from dronewatch.parsing.places.grammar import Place, place_key, token_at
from dronewatch.parsing.places.vocabulary import links, place_words
from dronewatch.parsing.text import Sentence, Token

# The word classes the rules below ask about word by word.
_OFFICIAL_TITLES = word_class("places", "official_titles")
_SHELLING_VERBS = word_class("places", "shelling_verbs")
_ALL_CLEAR = word_class("places", "all_clear")
_SIRENS = word_class("places", "sirens")
_AIR_DEFENCE = word_class("places", "air_defence")
_SHELLING = word_class("places", "shelling")
_BOATS = word_class("kind", "boats")
_OUTAGE = word_class("places", "outage") | word_class("places", "outage_words", exact=True)


def scenes(tokens: list[Token], groups: list[Sentence], found: list[Place]) -> list[Place]:
    """The places found that are scenes of the event, in text order: not where victims
    were treated or live, not only warned, visited or shelled, not in an official's title,
    a quoted name or a dateline, not denied ("не над Курском")."""
    dropped = _hospital_places(tokens, groups, found) | _warning_places(tokens, groups, found)
    dropped |= _visited_places(groups, found) | _shelled_places(groups, found)
    dropped |= _outage_places(groups, found) | _locating_towns(tokens, found)
    dropped |= _dwellers_places(tokens, found)
    return [
        p
        for p in sorted(found, key=lambda p: p.start)
        if p not in dropped and not _titled_or_dateline(tokens, p) and not _negated(tokens, p)
    ]


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
        # "... домов в Х, где упал беспилотник": the event told of the place after it
        told = told or _told_after(tokens, place, events.get(place.sentence, ()))
        if (place.start >= first and not told) or not own_event:
            dropped.add(place)
    return dropped


def _told_after(tokens: list[Token], place: Place, events: Iterable[int]) -> bool:
    """Whether a relative clause after the place ("..., где упал беспилотник") tells an
    event there."""
    after = token_at(tokens, place.end)
    if after < len(tokens) and tokens[after].text == ",":
        after += 1
    if after >= len(tokens) or tokens[after].low not in place_words("relatives"):
        return False
    return any(start > tokens[after].start for start in events)


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
    owners = {place for place in warned if _airport_named(tokens, token_at(tokens, place.start))}
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
    airports = place_words("airports")
    position = index - 1
    while position >= 0 and index - position <= 8:
        token = tokens[position]
        if token.low.startswith(airports):
            return True
        if token.low not in links().list and not token.capitalized:
            return False
        position -= 1
    return False


def _dwellers_places(tokens: list[Token], found: list[Place]) -> set[Place]:
    """A town named as where someone lives or was taken ("житель Курска", "раненого
    отвезли в Курск"), when another place is the scene."""
    words_before = place_words("dwellers")
    dropped: set[Place] = set()
    for place in found:
        index = token_at(tokens, place.start)
        if index > 1 and tokens[index - 1].low in links().into:
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
    """Places of a sentence about shelling or unmanned boats that names no drone and tells
    no damage ("обстрелам подверглись сёла Горналь и Гуево", "у Новороссийска отражена атака
    безэкипажных катеров"): artillery's or the boats' scenes, not the drones'."""
    named = {place.sentence for place in found}
    drones = _drone_words()
    shelled: set[int] = set()
    for union, group, _ in groups:
        if not group or group[0].sentence not in named:
            continue
        if union & (FIRE | KILLED | INJURED):
            continue
        boats = any(t.classes & _BOATS for t in group)
        if union & DOWN and not boats:
            continue  # a downing told there; the boats' downing is no drone's
        if not boats and not any(t.classes & _SHELLING for t in group):
            continue
        if not boats and any(
            t.flags & PREDICATE and not t.classes & _SHELLING_VERBS for t in group
        ):
            continue  # damage told there ("при обстреле посечены дома") is the post's
        if not any(t.low.startswith(drones) for t in group):
            shelled.add(group[0].sentence)
    return {place for place in found if place.sentence in shelled}


def _locating_towns(tokens: list[Token], found: list[Place]) -> set[Place]:
    """A town that only locates the scene ("Под Курском погиб пенсионер ... в селе
    Нижнемахово"), when the post names another settlement: a loose bearing, no scene (a
    district named beside it leaves it: "под Грайвороном ... в Грайворонском округе")."""
    locating = {
        place
        for place in found
        if (index := token_at(tokens, place.start)) > 0
        and tokens[index - 1].low == links().locating
    }
    if not locating:
        return locating
    keys = {place_key(place.name) for place in locating}
    others = {place_key(p.name) for p in found if p not in locating}
    settlements = (p for p in found if p not in locating and not p.name.endswith(district_names()))
    if not {place_key(p.name) for p in settlements} - keys:
        return set()
    # a town also named as a scene otherwise ("недалеко от Грайворона") stays one
    return {place for place in locating if place_key(place.name) not in others}


def _outage_places(groups: list[Sentence], found: list[Place]) -> set[Place]:
    """Places named after a power outage in a sentence that tells no downing, fire or
    casualty ("без электричества остались хутора Светлый и Волченский"): only left without
    power, no scenes; when another place is named (else they are all the post tells)."""
    named = {place.sentence for place in found}
    after: dict[int, int] = {}  # the first outage word's start, by sentence
    for union, group, _ in groups:
        if not group or group[0].sentence not in named:
            continue
        if union & (DOWN | FIRE | KILLED | INJURED):
            continue
        outage = next((t.start for t in group if t.classes & _OUTAGE), None)
        if outage is not None:
            after[group[0].sentence] = outage
    dropped = {p for p in found if p.sentence in after and p.start > after[p.sentence]}
    return dropped if len(dropped) < len(found) else set()


def _visited_places(groups: list[Sentence], found: list[Place]) -> set[Place]:
    """Places of a sentence that only tells of an official's visit ("Губернатор побывал в
    Камышине") or where a town lies ("Х находится в 38 км от Y"): no downing, hit, damage,
    fire or casualty there; when another sentence names a place."""
    named = {place.sentence for place in found}
    visits = place_words("visits") + place_words("geography")
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


def _negated(tokens: list[Token], place: Place) -> bool:
    """A place denied as the scene ("объект находится не в Ижевске", "упал не над
    Курском")."""
    index = token_at(tokens, place.start)
    return (
        index > 1
        and tokens[index - 1].low in place_words("location_prepositions")
        and tokens[index - 2].low == links().negation
    )


_QUOTES = frozenset({"«", "»", '"', "“", "”", "„"})


def _titled_or_dateline(tokens: list[Token], place: Place) -> bool:
    """A place named in an official's title ("глава Белгородского района", "мэр города
    Курска", "глава администрации Шебекинского округа"), alone in quotes (a hotel's or a
    company's name), or an agency's dateline opening the post ("Белгород. 27 ноября.
    ИНТЕРФАКС")."""
    index = token_at(tokens, place.start)
    after = token_at(tokens, place.end)
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
    while position >= 0 and tokens[position].low in place_words("title_links"):
        position -= 1
    if position >= 0 and tokens[position].classes & _OFFICIAL_TITLES:
        return True
    if index > 0 and tokens[index - 1].kind != "nl":
        return False
    if after + 2 < len(tokens) and tokens[after].text == "," and _byline(tokens, after + 1):
        return True  # a reporter's byline: "Брянск, Наталья Петрова"
    return (
        after + 1 < len(tokens)
        and tokens[after].text in (".", ",")
        and tokens[after + 1].kind == "num"
    )


def _byline(tokens: list[Token], index: int) -> bool:
    """A first name and a surname ending their line."""
    first, last = tokens[index], tokens[index + 1]
    ends = index + 2 >= len(tokens) or tokens[index + 2].kind == "nl"
    return (
        ends
        and first.capitalized
        and last.capitalized
        and morph.top_has(first.low, "Name")
        and morph.has_reading(last.low, "Surn")
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
