"""The post's headline number of drones, and whether it is a running total.

Contract rules: a stated total beats its parts; without one, incidents add up (singular
incidents in different places, "ещё N" increments); one plural incident without a number
makes the total unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dronewatch.parsing.drones import Mention
from dronewatch.parsing.lexicon import lexicon
from dronewatch.parsing.text import Sentence, Token


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
) -> Headline:
    """Count the drones of the strongest event class that gives a number."""
    events = [m for m in mentions if m.event is not None]
    for event in ("down", "strike"):
        chosen = [m for m in events if m.event == event]
        if any(m.count is not None for m in chosen):
            return _count(chosen, place_of_sentence, headline_sentences, sentence_places or {})
    for event in ("down", "strike"):
        chosen = [m for m in events if m.event == event]
        if chosen:
            return _count(chosen, place_of_sentence, headline_sentences, sentence_places or {})
    return Headline(None, (), False)


def _count(
    chosen: list[Mention],
    place_of_sentence: Mapping[int, str],
    headline_sentences: set[int],
    sentence_places: Mapping[int, set[str]],
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
    places = _incidents(singles, place_of_sentence, sentence_places)
    if stated and increments:
        before = [m for m in stated if m.index < increments[0].index]
        base = before[-1].count if before else 0
    elif stated:
        base = 0
    else:
        base = len(places)
    parts = (base or 0) + sum(m.count or 0 for m in increments)
    best = max((total_mention.count or 0) if total_mention else 0, parts, 1 if singles else 0)
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
    tokens: list[Token], result: Headline, groups: list[Sentence] | None = None
) -> bool:
    """A running total: a totalling word, an update, or several parts of a day beside the number."""
    if result.drones is None:
        return False
    if result.increments:
        return True
    lex = lexicon()
    words = lex.words("cumulative", "words")
    already = lex.words("cumulative", "already")
    parts = lex.words("cumulative", "day_parts")
    for sentence in {m.sentence for m in result.mentions}:
        if groups is not None:  # sentence n is groups[n]: no sentence is empty
            group = [t for t in groups[sentence].tokens if t.kind == "word"]
        else:
            group = [t for t in tokens if t.sentence == sentence and t.kind == "word"]
        lows = [t.low for t in group]
        if any(low in words or low.startswith(("достиг", "уточненн")) for low in lows):
            return True
        if _phrase(lows, ("in", "total")) or _phrase(lows, ("so", "far")):
            return True
        if any(low in already for low in lows) and not result.mentions[0].more:
            return True
        if len({low[:3] for low in lows if low in parts}) >= 2:
            return True
    return False


def _phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))
