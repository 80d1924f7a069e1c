"""Attack, alert or none: does the post report drones in an event, or only warn?"""

from __future__ import annotations

from dronewatch.parsing.drones import Mention
from dronewatch.parsing.features import AFTERMATH, ALERT
from dronewatch.parsing.text import Sentence, Token, groups_of


def classify(
    tokens: list[Token], mentions: list[Mention], groups: list[Sentence] | None = None
) -> str:
    """ "attack" when drones took part in an event (unless only its aftermath is told),
    "alert" for warnings and all-clears, "none" otherwise."""
    union = 0
    for sentence in groups_of(tokens) if groups is None else groups:
        union |= sentence.flags
    events = [m for m in mentions if m.event is not None and not m.weak]
    if events:
        aftermath = bool(union & AFTERMATH)
        if not aftermath or any(m.event == "down" for m in events):
            return "attack"
        return "none"
    if union & ALERT:
        return "alert"
    return "none"
