"""Attack, alert or none: does the post report drones in an event, or only warn?"""

from __future__ import annotations

from dronewatch.parsing.drones import Mention
from dronewatch.parsing.lexicon import lexicon
from dronewatch.parsing.text import Token


def classify(tokens: list[Token], mentions: list[Mention]) -> str:
    """ "attack" when drones took part in an event (unless only its aftermath is told),
    "alert" for warnings and all-clears, "none" otherwise."""
    lex = lexicon()
    lows = [t.low for t in tokens if t.kind == "word"]
    events = [m for m in mentions if m.event is not None and not m.weak]
    if events:
        aftermath = any(low.startswith(lex.words("aftermath", "prefixes")) for low in lows)
        if not aftermath or any(m.event == "down" for m in events):
            return "attack"
        return "none"
    if any(low.startswith(lex.words("alerts", "prefixes")) for low in lows):
        return "alert"
    return "none"
