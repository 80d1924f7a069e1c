"""Text from posts made safe for a terminal.

Posts, channel titles and exports are written by strangers. A post holding an ANSI
escape or an OSC-8 hyperlink would recolour, retitle or plant links in the analyst's
terminal when printed; so whatever reaches a terminal loses its escape sequences and
control characters (newlines and tabs stay), and the marks that reverse text direction.
"""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: hyperlinks, window titles
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI and OSC in their one-character (C1) forms
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` without escape sequences, control characters and direction overrides."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))
