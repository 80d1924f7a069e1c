"""The clock window a post covers ("с 20.00 мск 3 июня до 7.00 мск 4 июня"), in Moscow time.

Missing dates come from the publication date: the end is the occurrence of its clock
time nearest to publication, the start the latest occurrence of its time before the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from dronewatch.parsing.features import WINDOW_FROM
from dronewatch.parsing.lexicon import lexicon
from dronewatch.parsing.numbers import is_month
from dronewatch.parsing.text import Sentence, Token

MOSCOW = timezone(timedelta(hours=3))
_FROM = frozenset({"с", "from", "between"})
_TO = frozenset({"до", "по", "and", "to", "till", "until"})
_NAMED = {"полуночи": time(0), "полудня": time(12), "midnight": time(0), "noon": time(12)}
_FILLER = frozenset(
    {
        "мск",
        "по",
        "московскому",
        "времени",
        "moscow",
        "time",
        "часов",
        "on",
        "of",
        "текущего",
        "года",
        "т",
        "г",
        ".",
        "(",
        ")",
        ",",
    }
)


@dataclass(frozen=True, slots=True)
class Clock:
    at: time
    midnight_end: bool  # "24.00" / "до полуночи": the end of the day
    day: date | None
    first: int
    last: int


def _clock(tokens: list[Token], index: int, year: int) -> Clock | None:
    token = tokens[index]
    if token.kind == "time":
        hours, minutes = int(token.text[:-3]), int(token.text[-2:])
        if minutes > 59 or hours > 24:
            return None
        last = index
        following = tokens[index + 1].low if index + 1 < len(tokens) else ""
        if following in ("p", "a") and index + 3 < len(tokens) and tokens[index + 3].low == "m":
            hours = hours % 12 + (12 if following == "p" else 0)
            last = (
                index + 4
                if index + 4 < len(tokens) and tokens[index + 4].text == "."
                else index + 3
            )
        at = time(0) if hours == 24 else time(hours, minutes)
        day = _day_after(tokens, last + 1, year)
        return Clock(at, hours == 24, day[0] if day else None, index, day[1] if day else last)
    if token.low in _NAMED:
        return Clock(_NAMED[token.low], token.low in ("полуночи", "midnight"), None, index, index)
    return None


def _day_after(tokens: list[Token], index: int, year: int) -> tuple[date, int] | None:
    """ "мск 3 июня", "Moscow time on September 2": a date written after a clock time."""
    position = index
    while position < len(tokens) and position < index + 6 and tokens[position].low in _FILLER:
        position += 1
    if position + 1 >= len(tokens):
        return None
    first, second = tokens[position], tokens[position + 1]
    if first.kind == "num" and second.kind == "word" and is_month(second.low):
        month = _month(second.low)
        return (
            (date(year, month, int(first.text)), position + 1)
            if month and 1 <= int(first.text) <= 31
            else None
        )
    if first.kind == "word" and is_month(first.low) and second.kind == "num":
        month = _month(first.low)
        return (
            (date(year, month, int(second.text)), position + 1)
            if month and 1 <= int(second.text) <= 31
            else None
        )
    return None


def _month(word: str) -> int | None:
    months = lexicon().vocab["months"]
    for number, stem in enumerate(months["russian"], start=1):
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
            return number
    for number, stem in enumerate(months["english"], start=1):
        if word.startswith(stem):
            return number
    return None


def find_window(
    tokens: list[Token], published: datetime | None, groups: list[Sentence] | None = None
) -> tuple[datetime, datetime, int, int] | None:
    """(start, end, first char, last char) of the first "from T1 to T2" in the post."""
    if published is None:
        return None
    if groups is not None and not any(g.flags & WINDOW_FROM for g in groups):
        return None
    local = published.astimezone(MOSCOW) if published.tzinfo else published.replace(tzinfo=MOSCOW)
    for index, token in enumerate(tokens[:-1]):
        if not token.flags & WINDOW_FROM:
            continue
        start = _clock(tokens, index + 1, local.year)
        if start is None:
            continue
        end = _end_clock(tokens, start, local.year)
        if end is None:
            continue
        begin, finish = _resolve(start, end, local)
        return begin, finish, token.start, tokens[end.last].end
    return None


def _end_clock(tokens: list[Token], start: Clock, year: int) -> Clock | None:
    """The clock after "до" / "and" within a few words of the start."""
    for position in range(start.last + 1, min(len(tokens) - 1, start.last + 9)):
        if tokens[position].low in _TO:
            end = _clock(tokens, position + 1, year)
            if end is not None:
                return end
    return None


def _resolve(start: Clock, end: Clock, published: datetime) -> tuple[datetime, datetime]:
    if end.day is not None:
        finish = _at(end.day, end)
        if finish > published + timedelta(days=2):
            finish = _at(end.day.replace(year=end.day.year - 1), end)
    else:
        candidates = [_at(published.date() + timedelta(days=shift), end) for shift in (-1, 0, 1)]
        finish = min(candidates, key=lambda moment: abs(moment - published))
    if start.day is not None:
        begin = _at(start.day, start)
        if begin > finish:
            begin = _at(start.day.replace(year=start.day.year - 1), start)
    else:
        begin = datetime.combine(finish.date(), start.at, MOSCOW)
        if begin >= finish:
            begin -= timedelta(days=1)
    return begin, finish


def _at(day: date, clock: Clock) -> datetime:
    moment = datetime.combine(day, clock.at, MOSCOW)
    return moment + timedelta(days=1) if clock.midnight_end else moment
