"""Attack, alert or none: does the post report drones in an event, or only warn?"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from dronewatch.parsing.drones import Mention
from dronewatch.parsing.features import (
    AFTERMATH,
    ALERT,
    AVIATION,
    EVENT,
    EXERCISE,
    PAST,
    REPAIR,
    RESTRICTION,
)
from dronewatch.parsing.lexicon import words
from dronewatch.parsing.numbers import is_month
from dronewatch.parsing.text import Sentence, Token, groups_of


@cache
def _periods() -> tuple[str, ...]:
    return words("aftermath", "past_periods")


def _dated(window: list[Token]) -> bool:
    """ "в начале месяца", "вчера", "8 января": the window names a past time."""
    return any(
        t.low.startswith(_periods())
        or t.low in ("вчера", "позавчера", "yesterday")
        or is_month(t.low)
        for t in window
        if t.kind == "word"
    )


def _earlier_attack(tokens: list[Token]) -> bool:
    """The post dates its event to the past: "в прошлом месяце", "last week", an event word
    followed by its date ("после атаки беспилотников 8 января", "при атаках в марте"), or
    a reminder ("Напомню, ...")."""
    reminders = words("aftermath", "reminders")
    for index, token in enumerate(tokens):
        if token.low in reminders and _dated(tokens[index + 1 : index + 6]):
            return True
        if token.flags & PAST:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.low.startswith(_periods()):
                return True
        if token.flags & EVENT:
            window = tokens[index + 1 : index + 5]
            for first, second in pairwise(window):
                if (
                    second.kind == "word"
                    and is_month(second.low)
                    and (first.kind == "num" or first.low in ("в", "in"))
                ):
                    return True
    return False


def _drill(tokens: list[Token]) -> bool:
    """ "учения (служб) по отражению атаки", "a drill to repel drones": an exercise word
    followed by what it trains ("во время тренировки" is no drill)."""
    return any(
        token.flags & EXERCISE and any(t.low in ("по", "on", "to") for t in tokens[i + 1 : i + 6])
        for i, token in enumerate(tokens)
    )


def classify(
    tokens: list[Token], mentions: list[Mention], groups: list[Sentence] | None = None
) -> str:
    """ "attack" when drones took part in an event (unless only its aftermath is told),
    "alert" for warnings, all-clears and airport restrictions, "none" otherwise."""
    union = 0
    for sentence in groups_of(tokens) if groups is None else groups:
        union |= sentence.flags
    events = [m for m in mentions if m.event is not None and not m.weak]
    if events and union & EXERCISE and _drill(tokens):
        return "none"  # "учения по отражению атаки беспилотников"
    if events:
        aftermath = bool(union & AFTERMATH) or (
            bool(union & REPAIR) and bool(union & (PAST | EVENT)) and _earlier_attack(tokens)
        )
        if not aftermath or any(m.event == "down" for m in events):
            return "attack"
        return "none"
    if union & ALERT:
        return "alert"
    if union & RESTRICTION and union & AVIATION:
        return "alert"
    return "none"
