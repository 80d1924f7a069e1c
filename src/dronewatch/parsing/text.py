"""Tokens and sentences: the one scan of the text that every rule family works on.

A single linear regex (no nested quantifiers) splits the text; rules then walk token
lists instead of running regexes over the raw text, so no input can make them backtrack.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from dronewatch.folding import fold_yo
from dronewatch.parsing.features import (
    CAPITALIZED_CYRILLIC,
    CAPITALIZED_LATIN,
    EVENT,
    word_flags,
)
from dronewatch.parsing.lexicon import WordSet, lexicon, word_classes, words

# Telegram caps a message at 4,096 characters; anything far longer is not a post, so
# only its beginning is read (keeps the worst case bounded).
MAX_CHARS = 20_000

# A number with spaces between its thousands ("1 246", "1\u00a0024"): 1-3 digits, then
# groups of exactly three. No digit can precede a number or a time: the digits before it
# would have been taken by a number (`\d+` takes them all), so no look-behind is needed.
_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"
_WORD = r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*"
_TIME = r"\d{1,2}[:.]\d{2}(?!\d)"
_TOKEN = re.compile(
    rf"(?P<word>{_WORD})|(?P<time>{_TIME})|(?P<num>{_GROUPED}|\d+)|(?P<nl>\n)|(?P<p>[^\w\s])"
)
# The same alternatives as one group, for `split`: it returns the tokens as plain strings
# (fast) with the text between them, and a token's kind depends on its text alone, so it
# is looked up once per distinct token. Words come first: they are most tokens.
_SPLIT = re.compile(rf"({_WORD}|{_TIME}|{_GROUPED}|\d+|\n|[^\w\s])")
_SENTENCE_END = frozenset({".", "!", "?", "…", "\n"})
# Short abbreviations whose dot does not end a sentence ("г. Видное", "т. г.").
_ABBREVIATIONS = WordSet("text", "abbreviations")


@cache
def _homoglyphs() -> dict[int, int]:
    """Latin letters that look Cyrillic, as typed into Russian words to dodge filters."""
    pairs = [pair.split() for pair in words("text", "homoglyphs")]
    return str.maketrans("".join(p[0] for p in pairs), "".join(p[1] for p in pairs))


@cache
def _cyrillic() -> re.Pattern[str]:
    """A Cyrillic letter, either case."""
    return re.compile(f"[{lexicon().vocab['text']['cyrillic_letters']}]", re.IGNORECASE)


class Token(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    kind: str  # "word", "num" (`low`: its bare digits), "time", "nl" or "p" (punctuation)
    sentence: int
    capitalized: bool
    latin: bool
    flags: int  # features.word_flags of a word, 0 for other tokens
    classes: int = 0  # lexicon.word_classes of a word, 0 for other tokens


class Sentence(NamedTuple):
    flags: int  # the union of its tokens' flags: which rule families may concern it
    tokens: list[Token]
    first: int  # index of its first token in the post's token list


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower-case, ё -> е, and Latin look-alikes -> Cyrillic inside Cyrillic words."""
    low = fold_yo(word.lower())
    if "\u2010" in low or "\u2011" in low:
        low = low.replace("\u2010", "-").replace("\u2011", "-")  # typographic hyphens
    cyrillic = _cyrillic()
    if cyrillic.search(low) and not low.isascii():
        parts = low.split("-")
        homoglyphs = _homoglyphs()
        low = "-".join(p.translate(homoglyphs) if cyrillic.search(p) else p for p in parts)
    return low


@lru_cache(maxsize=65536)
def _describe(raw: str) -> tuple[str, str, bool, bool, int, int]:
    """(kind, folded form, capitalised, Latin, flags, word classes) of a token's text: once
    per distinct token text."""
    match = _TOKEN.fullmatch(raw)
    kind = (match.lastgroup if match is not None else None) or "p"
    if kind == "num":
        # A grouped number's folded form is its bare digits ("1 246" -> "1246").
        return kind, "".join(c for c in raw if c.isdigit()), False, False, 0, 0
    low = _fold(raw)
    if kind != "word":
        return kind, low, False, False, 0, 0
    latin = low.isascii()
    capitalized = raw[0].isupper()
    flags = word_flags(low, latin)
    if capitalized:
        flags |= CAPITALIZED_LATIN if latin else CAPITALIZED_CYRILLIC
    return kind, low, capitalized, latin, flags, word_classes(low)


def tokenize(text: str) -> list[Token]:
    """Split the text into tokens, numbering sentences as they go."""
    return scan(text)[0]


def scan(text: str) -> tuple[list[Token], list[Sentence]]:
    """The tokens of the text, and its sentences with the union of their tokens' flags."""
    tokens: list[Token] = []
    groups: list[Sentence] = []
    append = tokens.append
    new = tuple.__new__
    sentence = 0
    union = 0
    first = 0  # index of the current sentence's first token
    english: list[int] = []  # Latin words with an event stem ("shot", "destroyed")
    # Splitting keeps what lies between tokens (spaces, underscores), so every token's
    # offset is a running sum of lengths, with no search in the text.
    parts = _SPLIT.split(text[:MAX_CHARS])
    end = len(parts[0])
    for raw, gap in zip(parts[1::2], parts[2::2], strict=True):
        kind, low, capitalized, latin, flags, classes = _describe(raw)
        start = end
        end = start + len(raw)
        append(
            new(Token, (raw, low, start, end, kind, sentence, capitalized, latin, flags, classes))
        )
        union |= flags
        if latin and flags & EVENT:
            english.append(len(tokens) - 1)
        if raw in _SENTENCE_END and not (raw == "." and _is_abbreviation_dot(tokens)):
            sentence += 1
            groups.append(new(Sentence, (union, tokens[first:], first)))
            union, first = 0, len(tokens)
        end += len(gap)
    if first < len(tokens):
        groups.append(new(Sentence, (union, tokens[first:], first)))
    if english:
        _names_in_russian(tokens, groups, english)
    return tokens, groups


def _names_in_russian(tokens: list[Token], groups: list[Sentence], english: list[int]) -> None:
    """A Latin word between Russian words names something (the outlet Shot in "Shot
    пишет, что ..."): it is no English event verb."""
    changed: set[int] = set()
    for index in english:
        token = tokens[index]
        before = next(
            (t for t in reversed(tokens[:index]) if t.kind == "word"),
            None,
        )
        after = next((t for t in tokens[index + 1 :] if t.kind == "word"), None)
        if after is None or after.latin or after.sentence != token.sentence:
            continue
        if before is not None and before.latin and before.sentence == token.sentence:
            continue
        tokens[index] = token._replace(flags=token.flags & ~EVENT)
        changed.add(token.sentence)
    for number, group in enumerate(groups):
        if group.tokens and group.tokens[0].sentence in changed:
            part = tokens[group.first : group.first + len(group.tokens)]
            union = 0
            for t in part:
                union |= t.flags
            groups[number] = Sentence(union, part, group.first)


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


def groups_of(tokens: list[Token]) -> list[Sentence]:
    """The sentences of an already tokenized text (for callers without `scan`'s result)."""
    found: list[Sentence] = []
    first = 0
    for group in sentences(tokens):
        union = 0
        for token in group:
            union |= token.flags
        found.append(Sentence(union, group, first))
        first += len(group)
    return found
