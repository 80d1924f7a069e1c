"""Tokens and sentences: the one scan of the text that every rule family works on.

A single linear regex (no nested quantifiers) splits the text; rules then walk token
lists instead of running regexes over the raw text, so no input can make them backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Telegram caps a message at 4,096 characters; anything far longer is not a post, so
# only its beginning is read (keeps the worst case bounded).
MAX_CHARS = 20_000

_TOKEN = re.compile(
    r"(?P<time>(?<!\d)\d{1,2}[:.]\d{2}(?!\d))|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+(?:[-‐][^\W\d_]+)*)|(?P<nl>\n)|(?P<p>[^\w\s])"
)
# Latin letters that look Cyrillic, as typed into Russian words to dodge filters.
_HOMOGLYPHS = str.maketrans("aeopcyxkmthbAEOPCYXKMTHB", "аеорсухкмтнвАЕОРСУХКМТНВ")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SENTENCE_END = frozenset({".", "!", "?", "…", "\n"})
# Short abbreviations whose dot does not end a sentence ("г. Видное", "т. г.").
_ABBREVIATIONS = frozenset(
    {"г", "с", "д", "п", "пос", "х", "ст", "мкр", "ул", "р", "т", "им", "обл", "пгт", "тыс"}
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int
    kind: str  # "word", "num", "time", "nl" or "p" (punctuation)
    sentence: int
    capitalized: bool
    latin: bool


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower-case, ё -> е, and Latin look-alikes -> Cyrillic inside Cyrillic words."""
    low = word.lower().replace("ё", "е")
    if _CYRILLIC.search(low) and not low.isascii():
        parts = low.split("-")
        low = "-".join(p.translate(_HOMOGLYPHS) if _CYRILLIC.search(p) else p for p in parts)
    return low


def tokenize(text: str) -> list[Token]:
    """Split the text into tokens, numbering sentences as they go."""
    tokens: list[Token] = []
    sentence = 0
    for match in _TOKEN.finditer(text, 0, min(len(text), MAX_CHARS)):
        kind = match.lastgroup or "p"
        raw = match.group()
        low = _fold(raw)
        word = kind == "word"
        tokens.append(
            Token(
                raw,
                low,
                match.start(),
                match.end(),
                kind,
                sentence,
                word and raw[0].isupper(),
                word and low.isascii(),
            )
        )
        if raw in _SENTENCE_END and not _is_abbreviation_dot(tokens):
            sentence += 1
    return tokens


def _is_abbreviation_dot(tokens: list[Token]) -> bool:
    if tokens[-1].text != "." or len(tokens) < 2:
        return False
    previous = tokens[-2]
    return (
        previous.kind == "word"
        and previous.low in _ABBREVIATIONS
        and previous.end == tokens[-1].start
    )


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped by sentence."""
    if not tokens:
        return []
    groups: list[list[Token]] = [[] for _ in range(tokens[-1].sentence + 1)]
    for token in tokens:
        groups[token.sentence].append(token)
    return [group for group in groups if group]


def starts(word: str, prefixes: tuple[str, ...]) -> bool:
    """Whether a folded word starts with one of the prefixes."""
    return word.startswith(prefixes)
