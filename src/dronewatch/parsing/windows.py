"""The clock window a post covers ("с 20.00 мск 3 июня до 7.00 мск 4 июня"), in Moscow time.

Missing dates come from the publication date: the end is the occurrence of its clock
time nearest to publication, the start the latest occurrence of its time before the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache

from dronewatch.parsing.features import WINDOW_FROM
from dronewatch.parsing.lexicon import WordSet, lexicon, words
from dronewatch.parsing.numbers import is_month
from dronewatch.parsing.text import Sentence, Token

MOSCOW = timezone(timedelta(hours=3))
_TO = WordSet("window", "to")
_UTC = frozenset({"gmt", "utc"})
_MOSCOW = WordSet("window", "moscow")
_MIDNIGHT = WordSet("window", "midnight")
# Words that may stand between a clock time and its zone or date ("20.00 по московскому
# времени", "Moscow time on September 2").
_FILLER = WordSet("window", "filler")


@cache
def _named() -> dict[str, time]:
    """Times named by a word ("до полуночи", "noon"): word -> its time."""
    return {
        word: time(int(hour))
        for word, hour in (entry.split() for entry in words("window", "named_times"))
    }


@dataclass(frozen=True, slots=True)
class Clock:
    at: time
    midnight_end: bool  # "24.00" / "до полуночи": the end of the day
    day: date | None
    first: int
    last: int
    zone: timezone | None  # named beside the clock; None: Moscow unless the other names one


def _meridiem(tokens: list[Token], index: int) -> tuple[str, int] | None:
    """ "p.m." / "pm" / "a.m." after a clock: ("p" or "a", index of its last token)."""
    following = tokens[index].low if index < len(tokens) else ""
    if following in ("pm", "am"):
        return following[0], index
    if following in ("p", "a") and index + 2 < len(tokens) and tokens[index + 2].low == "m":
        last = index + 2
        dotted = last + 1 < len(tokens) and tokens[last + 1].text == "."
        return following, last + 1 if dotted else last
    return None


def _spoken_hour(tokens: list[Token], index: int, hours: int) -> tuple[int, int] | None:
    """The hour of "9 утра", "8 вечера", "11 ночи", "2 часов дня" on a 24-hour clock, and the
    index of its last word."""
    if index >= len(tokens):
        return None
    word = tokens[index].low
    if word in words("window", "hours"):
        part_of_day = _spoken_hour(tokens, index + 1, hours)
        return part_of_day if part_of_day is not None else (hours, index)
    if word in words("window", "afternoon_hours"):
        return (hours + 12 if hours < 12 else hours), index
    if word in words("window", "night_hours"):
        return (0 if hours == 12 else hours + 12 if 6 <= hours < 12 else hours), index
    return None


def _zone_after(tokens: list[Token], index: int) -> tuple[timezone, int] | None:
    """The zone named right after a clock ("GMT", "UTC"; Moscow is the default)."""
    position = index
    while position < len(tokens) and position < index + 3:
        low = tokens[position].low
        if low in _UTC:
            return UTC, position
        if low in _MOSCOW:
            return MOSCOW, position
        if low not in _FILLER:
            return None
        position += 1
    return None


def _clock(tokens: list[Token], index: int, year: int) -> Clock | None:
    token = tokens[index]
    zone: timezone | None = None
    if token.kind == "time":
        hours, minutes = int(token.text[:-3]), int(token.text[-2:])
        last = index
    elif token.kind == "num" and len(token.low) <= 2 and int(token.low) <= 24:
        # "8 p.m.", "9 утра": an hour only with its meridiem or a word for the hour.
        hours, minutes, last = int(token.low), 0, index
        spoken = _spoken_hour(tokens, index + 1, hours)
        if spoken is not None:
            hours, last = spoken
        elif not 1 <= hours <= 12 or _meridiem(tokens, index + 1) is None:
            return None
    elif token.kind == "num" and len(token.low) == 4:
        # "1700 GMT": four digits are a clock only with a zone beside them.
        hours, minutes, last = int(token.low[:2]), int(token.low[2:]), index
        if _zone_after(tokens, index + 1) is None:
            return None
    elif token.low in _named():
        return Clock(_named()[token.low], token.low in _MIDNIGHT, None, index, index, None)
    else:
        return None
    if minutes > 59 or hours > 24:
        return None
    meridiem = _meridiem(tokens, index + 1)
    if meridiem is not None and hours <= 12:
        hours = hours % 12 + (12 if meridiem[0] == "p" else 0)
        last = meridiem[1]
    named = _zone_after(tokens, last + 1)
    if named is not None:
        zone = named[0]
        if zone is UTC:
            last = named[1]
    at = time(0) if hours == 24 else time(hours, minutes)
    day = _day_after(tokens, last + 1, year)
    return Clock(at, hours == 24, day[0] if day else None, index, day[1] if day else last, zone)


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
            (date(year, month, int(first.low)), position + 1)
            if month and 1 <= int(first.low) <= 31
            else None
        )
    if first.kind == "word" and is_month(first.low) and second.kind == "num":
        month = _month(first.low)
        return (
            (date(year, month, int(second.low)), position + 1)
            if month and 1 <= int(second.low) <= 31
            else None
        )
    return None


def _month(word: str) -> int | None:
    months = lexicon().vocab["months"]
    for number, stem in enumerate(months["russian"], start=1):
        # "ма" is May only as "мая" / "май"
        if word.startswith(stem) and (
            stem not in months["may_stem"] or word in months["may_forms"]
        ):
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
    for index, token in enumerate(tokens[:-1]):
        if not token.flags & WINDOW_FROM:
            continue
        year = _local(published, MOSCOW).year
        start = _clock(tokens, index + 1, year)
        if start is None:
            continue
        end = _end_clock(tokens, start, year)
        if end is None:
            continue
        zone = end.zone or start.zone or MOSCOW
        begin, finish = _resolve(start, end, _local(published, zone), zone)
        return begin, finish, token.start, tokens[end.last].end
    return None


def _local(published: datetime, zone: timezone) -> datetime:
    return published.astimezone(zone) if published.tzinfo else published.replace(tzinfo=MOSCOW)


def _end_clock(tokens: list[Token], start: Clock, year: int) -> Clock | None:
    """The clock after "до" / "and" within a few words of the start."""
    for position in range(start.last + 1, min(len(tokens) - 1, start.last + 9)):
        if tokens[position].low in _TO:
            end = _clock(tokens, position + 1, year)
            if end is not None:
                return end
    return None


def _resolve(
    start: Clock, end: Clock, published: datetime, zone: timezone
) -> tuple[datetime, datetime]:
    if end.day is not None:
        finish = _at(end.day, end, zone)
        if finish > published + timedelta(days=2):
            finish = _at(end.day.replace(year=end.day.year - 1), end, zone)
    else:
        candidates = [
            _at(published.date() + timedelta(days=shift), end, zone) for shift in (-1, 0, 1)
        ]
        finish = min(candidates, key=lambda moment: abs(moment - published))
    if start.day is not None:
        begin = _at(start.day, start, zone)
        if begin > finish:
            begin = _at(start.day.replace(year=start.day.year - 1), start, zone)
    else:
        begin = datetime.combine(finish.date(), start.at, zone)
        if begin >= finish:
            begin -= timedelta(days=1)
    return begin, finish


def _at(day: date, clock: Clock, zone: timezone) -> datetime:
    moment = datetime.combine(day, clock.at, zone)
    return moment + timedelta(days=1) if clock.midnight_end else moment
