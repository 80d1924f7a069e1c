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


def _earlier_attack(tokens: list[Token]) -> bool:
    """The post dates its event to the past: "в прошлом месяце", "last week", an event word
    followed by its date ("после атаки беспилотников 8 января", "при атаках в марте"), or
    a reminder ("Напомню, ...")."""
    reminders = words("aftermath", "reminders")
    for index, token in enumerate(tokens):
        if token.low in reminders:
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


def classify(
    tokens: list[Token], mentions: list[Mention], groups: list[Sentence] | None = None
) -> str:
    """ "attack" when drones took part in an event (unless only its aftermath is told),
    "alert" for warnings, all-clears and airport restrictions, "none" otherwise."""
    union = 0
    for sentence in groups_of(tokens) if groups is None else groups:
        union |= sentence.flags
    events = [m for m in mentions if m.event is not None and not m.weak]
    if events and union & EXERCISE:
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
