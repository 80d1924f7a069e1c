"""The post's headline number of drones, and whether it is a running total.

Contract rules: a stated total beats its parts; without one, incidents add up (singular
incidents in different places, "ещё N" increments); one plural incident without a number
makes the total unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from dronewatch.parsing.drones import Mention
from dronewatch.parsing.lexicon import words
from dronewatch.parsing.text import Sentence, Token, groups_of


@dataclass(frozen=True, slots=True)
class Headline:
    drones: int | None
    mentions: tuple[Mention, ...]  # the mentions that carry the number (evidence)
    increments: bool  # the number is a stated total reached by "ещё N" updates


def headline(
    mentions: list[Mention],
    place_of_sentence: Mapping[int, str],
    headline_sentences: set[int],
    sentence_places: Mapping[int, set[str]] | None = None,
    settled: set[int] | None = None,
) -> Headline:
    """Count the drones of the strongest event class that gives a number.

    `settled`: the sentences that name a settlement (a town or village, not a district)."""
    events = [m for m in mentions if m.event is not None]
    # "атакованы дронами" names the weapon; a drone counted or singular beside it tells
    # how many ("Посёлок атаковали дронами. ... атаковали с помощью FPV-дрона")
    events = [m for m in events if not m.generic] or events
    places = sentence_places or {}
    for event in ("down", "strike"):
        chosen = [m for m in events if m.event == event]
        if any(m.count is not None for m in chosen):
            return _count(chosen, place_of_sentence, headline_sentences, places, settled or set())
    for event in ("down", "strike"):
        chosen = [m for m in events if m.event == event]
        if chosen:
            return _count(chosen, place_of_sentence, headline_sentences, places, settled or set())
    return Headline(None, (), False)


def _located_sum(
    stated: list[Mention],
    singles: list[Mention],
    place_of_sentence: Mapping[int, str],
    sentence_places: Mapping[int, set[str]],
    settled: set[int],
) -> int:
    """Incidents in different settlements add up ("два дрона атаковали дома в посёлке А.
    В селе Б беспилотник сбросил ВУ" -> 3) when every stated number belongs to a
    settlement; 0 when some stated number floats free (a total of the post)."""
    if not stated or any(m.sentence not in settled for m in stated):
        return 0
    incidents: list[tuple[set[str], int]] = []
    located = [(m, m.count or 0) for m in stated] + [
        (m, 1) for m in singles if m.sentence in place_of_sentence
    ]
    for mention, value in located:
        names = set(sentence_places.get(mention.sentence, ())) or {
            place_of_sentence[mention.sentence]
        }
        joined = [i for i in incidents if i[0] & names]
        for incident in joined:
            incidents.remove(incident)
            names |= incident[0]
            value = max(value, incident[1])
        incidents.append((names, value))
    return sum(value for _, value in incidents)


def _count(
    chosen: list[Mention],
    place_of_sentence: Mapping[int, str],
    headline_sentences: set[int],
    sentence_places: Mapping[int, set[str]],
    settled: set[int],
) -> Headline:
    numbered = [m for m in chosen if m.count is not None]
    stated = [m for m in numbered if not m.more]
    increments = [m for m in numbered if m.more]
    singles = [m for m in chosen if m.count is None and m.plural is False]
    plural = [
        m for m in chosen if m.count is None and m.plural and m.sentence not in headline_sentences
    ]
    ambiguous = [m for m in chosen if m.count is None and m.plural is None]
    unknown = plural or ([] if singles else ambiguous)
    if not numbered and unknown:
        return Headline(None, tuple(unknown[:1]), False)
    # "ещё несколько БПЛА сбиты": an uncounted increment leaves the total unknown.
    uncounted_more = [m for m in plural if m.more]
    if uncounted_more:
        return Headline(None, tuple(uncounted_more[:1]), False)
    if not numbered and not singles:
        return Headline(None, (), False)
    total_mention = max(stated, key=lambda m: (m.colon_total, m.count or 0), default=None)
    if total_mention is not None and total_mention.colon_total:
        return Headline(total_mention.count, (total_mention,), False)
    # "another drone hit a shop": one more incident, wherever it happened
    added = [m for m in singles if m.more]
    first = [m for m in singles if not m.more]
    places = _incidents(first, place_of_sentence, sentence_places)
    if stated and increments:
        before = [m for m in stated if m.index < increments[0].index]
        base = before[-1].count if before else 0
    elif stated:
        base = 0
    else:
        # an unlocated first incident still counts when "another" follows it ("сбит
        # беспилотник ... ещё один БПЛА сбит"); after it, a single retells it
        earlier = increments and any(
            m.index < increments[0].index and m.sentence not in headline_sentences for m in first
        )
        base = max(len(places), 1 if first and (added or earlier) else 0) + len(added)
    parts = (base or 0) + sum(m.count or 0 for m in increments)
    located = (
        0
        if increments
        else _located_sum(stated, singles, place_of_sentence, sentence_places, settled)
    )
    best = max(
        (total_mention.count or 0) if total_mention else 0, parts, 1 if singles else 0, located
    )
    evidence = tuple(m for m in numbered if m.count == best) or tuple(increments + singles)
    reached_by_increments = bool(
        total_mention is not None
        and increments
        and best == parts == total_mention.count
        and total_mention.index < increments[0].index
    )
    return Headline(
        best, evidence or (total_mention,) if total_mention else evidence, reached_by_increments
    )


def _incidents(
    singles: list[Mention],
    place_of_sentence: Mapping[int, str],
    sentence_places: Mapping[int, set[str]],
) -> list[set[str]]:
    """Places of the singular incidents, one set per incident: sentences that share a place
    retell one incident ("Дрон атаковал авто в Белгородском районе. В селе Х Белгородского
    района беспилотник ...")."""
    incidents: list[set[str]] = []
    for sentence in dict.fromkeys(m.sentence for m in singles):
        if sentence not in place_of_sentence:
            continue
        names = set(sentence_places.get(sentence, ())) or {place_of_sentence[sentence]}
        joined = [i for i in incidents if i & names]
        for incident in joined:
            incidents.remove(incident)
            names |= incident
        incidents.append(names)
    return incidents


def is_cumulative(
    tokens: list[Token],
    result: Headline,
    groups: list[Sentence] | None = None,
    mentions: list[Mention] | None = None,
    headline_sentences: set[int] | None = None,
) -> bool:
    """A running total: a totalling word, an update, or several parts of a day beside the
    number; or in a sentence that only restates it ("Всего ...", "к утру все дроны были
    сбиты") or in the post's title ("Сводка за сутки")."""
    if result.drones is None:
        return False
    if result.increments:
        return True
    groups = groups_of(tokens) if groups is None else groups
    counted = {m.sentence for m in result.mentions}
    for sentence in counted:
        if _totalling(groups[sentence].tokens, result.mentions[0].more, True):
            return True
    uncounted = {m.sentence for m in mentions or () if m.count is None and m.plural is not False}
    restating = {s + 1 for s in counted if s + 1 in uncounted and s + 1 < len(groups)}
    restating |= {s for s in headline_sentences or () if s not in counted}
    if 0 not in counted and _short_title(groups[0].tokens):
        restating.add(0)  # "Сводка за сутки. В период с ... сбиты 37 беспилотников."
    return any(_totalling(groups[s].tokens, False, False) for s in restating)


def _short_title(tokens: list[Token]) -> bool:
    """A first sentence of a few words and no number: the post's title."""
    words = sum(1 for t in tokens if t.kind == "word")
    return 0 < words <= _TITLE_WORDS and not any(t.kind in ("num", "time") for t in tokens)


_TITLE_WORDS = 6
_NOT_TOTAL_BEFORE = frozenset({"больше", "более", "меньше", "менее", "чаще", "прежде", "лучше"})


@cache
def _cumulative_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(totalling words, "уже" words, day parts) as sets."""
    return (
        frozenset(words("cumulative", "words")),
        frozenset(words("cumulative", "already")),
        frozenset(words("cumulative", "day_parts")),
    )


@cache
def _phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """English totalling phrases by their first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words("cumulative", "phrases"):
        parts = tuple(phrase.split())
        found.setdefault(parts[0], []).append(parts)
    return {first: tuple(group) for first, group in found.items()}


def _totalling(tokens: list[Token], more: bool, own: bool) -> bool:
    """Whether a sentence has a totalling word; `own`: the sentence of the number itself
    ("уже" counts only there)."""
    words, already, parts = _cumulative_words()
    phrases = _phrases()
    lows = [t.low for t in tokens if t.kind in ("word", "num")]
    seen_parts: set[str] = set()
    for i, low in enumerate(lows):
        if low in words:
            # "больше всего дронов", "прежде всего", "всего лишь": not a total
            if low == "всего" and (
                (i > 0 and lows[i - 1] in _NOT_TOTAL_BEFORE)
                or (i + 1 < len(lows) and lows[i + 1] == "лишь")
            ):
                continue
            return True
        if low.startswith(("достиг", "уточненн")):
            return True
        if low in phrases and any(tuple(lows[i : i + len(p)]) == p for p in phrases[low]):
            return True
        if own and not more and low in already:
            return True
        if low in parts:
            seen_parts.add(low[:3])
    return len(seen_parts) >= 2
