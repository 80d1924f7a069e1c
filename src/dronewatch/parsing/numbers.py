"""Numbers written as digits or words, in any case and gender ("18", "восемнадцати", "двух")."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from dronewatch.folding import fold_yo
from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import WordSet, lexicon, words
from dronewatch.parsing.text import Token

_MAX_DIGITS = 6


class Number(NamedTuple):
    value: int
    first: int  # index of the first token
    last: int  # index of the last token


@cache
def _beginnings() -> tuple[str, ...]:
    """The first two letters of the Russian number words."""
    return tuple({fold_yo(w)[:2] for w in lexicon().numbers if not w.isascii()})


@cache
def _months() -> tuple[str, ...]:
    """Beginnings of month names: Russian stems and English full names."""
    return words("months", "russian") + words("months", "english_names")


@lru_cache(maxsize=16384)
def word_value(word: str) -> int | None:
    """The value of a number word in any form, or None."""
    numbers = lexicon().numbers
    if word.isascii():
        tens, _, unit = word.partition("-")
        if unit:  # "forty-one", "twenty-six"
            high, low = numbers.get(tens), numbers.get(unit)
            if high is not None and low is not None and 20 <= high <= 90 and 0 < low < 10:
                return high + low
            return None
        return numbers.get(word)
    # Every form of a numeral starts as its lemma does ("двух", "двумя" <- "два"), so other
    # words need no (costly, for a new word) morphological analysis.
    if not word.startswith(_beginnings()):
        return None
    for form, grammemes in morph.parses(word):
        if form in numbers and ("NUMR" in grammemes or "Anum" in grammemes):
            return numbers[form]
        if numbers.get(form, 0) >= _THOUSAND and "NOUN" in grammemes:
            return numbers[form]  # "тысяча" is a noun
    return None


_SHORT_MONTHS = WordSet("months", "short_may")


@cache
def _long_months() -> tuple[str, ...]:
    """Beginnings that only a month's forms have: "ма" and "may" begin "малоразмерный",
    "машина", "mayor" too, so May is known by its short forms alone."""
    return tuple(p for p in _months() if len(p) >= 3 and p not in _SHORT_MONTHS)


def is_month(word: str) -> bool:
    return word in _SHORT_MONTHS or (len(word) > 3 and word.startswith(_long_months()))


def _first_day(tokens: list[Token], index: int) -> bool:
    """The first day of a pair before a month ("с 18 на 19 января"): a date, no count."""
    if index + 3 >= len(tokens) or tokens[index + 1].low not in _day_links():
        return False
    second, month = tokens[index + 2], tokens[index + 3]
    return second.kind == "num" and month.kind == "word" and is_month(month.low)


@cache
def _day_links() -> frozenset[str]:
    return frozenset(words("months", "day_links"))


def may_start_number(token: Token) -> bool:
    """Whether a number may start at the token: digits or a number word (`number_at`
    finds none at any other token, so a rule skips those without asking it)."""
    return token.kind == "num" or (token.kind == "word" and word_value(token.low) is not None)


def number_at(tokens: list[Token], index: int) -> Number | None:
    """The number that starts at `tokens[index]`, compound words included ("двадцать два").

    Digits glued to a hyphen ("67-й", "58-летний"), years and dates are not counts.
    """
    token = tokens[index]
    if token.kind == "num":
        if len(token.low) > _MAX_DIGITS:
            return None
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.start == token.end and following.text in "-‐–":
            return None
        if following is not None and following.kind == "word" and is_month(following.low):
            return None
        if _first_day(tokens, index):
            return None
        value = int(token.low)
        last = index
        grouped = _comma_group(tokens, index)  # "1,200 drones"
        if grouped is not None:
            value, last = grouped
        elif 1900 <= value <= 2100 and len(token.text) == 4 and not _bounded(tokens, index):
            return None
        thousands = _thousands(tokens, last)  # "7 тысяч", "3 thousand"
        if thousands is not None:
            return Number(value * _THOUSAND, index, thousands)
        return Number(value, index, last)
    if token.kind != "word":
        return None
    first_value = word_value(token.low)
    if first_value is None:
        return None
    value, last = first_value, index
    while last + 1 < len(tokens) and tokens[last + 1].kind == "word":
        part = word_value(tokens[last + 1].low)
        if part == _THOUSAND and value < _THOUSAND:
            value *= _THOUSAND  # "семь тысяч"
            last += 1
            continue
        if part is None or part >= _magnitude(value):
            break
        value += part
        last += 1
    if (
        last + 1 < len(tokens)
        and tokens[last + 1].kind == "word"
        and is_month(tokens[last + 1].low)
    ):
        return None
    return Number(value, index, last)


_THOUSAND = 1000
_BOUNDS = WordSet("numbers", "bounds")


def _bounded(tokens: list[Token], index: int) -> bool:
    """ "свыше 2000 беспилотников", "more than 2000 drones": a count, not a year."""
    return index > 0 and tokens[index - 1].low in _BOUNDS


def _comma_group(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """ "1,200", "92,500": digits grouped by commas with no space, as English writes them
    (value, last token index)."""
    value, last = int(tokens[index].low), index
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].text == ","
        and tokens[last + 1].start == tokens[last].end
        and tokens[last + 2].kind == "num"
        and tokens[last + 2].start == tokens[last + 1].end
        and len(tokens[last + 2].text) == 3
        and len(tokens[index].text) <= 3
    ):
        value = value * _THOUSAND + int(tokens[last + 2].low)
        last += 2
    return (value, last) if last > index else None


def _thousands(tokens: list[Token], last: int) -> int | None:
    """The index of "тысяч" / "thousand" right after digits, or None."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == "word"
        and word_value(following.low) == _THOUSAND
    ):
        return last + 1
    return None


def _magnitude(value: int) -> int:
    """The smallest value that cannot follow `value` in a compound number."""
    if value % _THOUSAND == 0 and value >= _THOUSAND:
        return _THOUSAND
    for step in (100, 10):
        if value % step == 0 and value >= step:
            return step
    return 1
