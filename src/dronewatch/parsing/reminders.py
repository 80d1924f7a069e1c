"""Sentences that retell an earlier event ("Напомним, ...", "Ранее, 8 января, ..."): their
figures were counted when that event was reported."""

from __future__ import annotations

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import words
from dronewatch.parsing.numbers import is_month
from dronewatch.parsing.text import Token


def reminds(sentence: list[Token]) -> bool:
    """ "Напомним, вчера ...", "Ранее, 8 января, ...": a sentence that opens a reminder."""
    opening = [t for t in sentence if t.kind != "nl"][:5]
    if not opening:
        return False
    if opening[0].low in words("aftermath", "reminders"):
        return True
    if len(opening) > 1 and f"{opening[0].low} {opening[1].low}" in words(
        "aftermath", "before_that"
    ):
        return True  # "До этого, по его данным, ..."
    if len(opening) > 2 and " ".join(t.low for t in opening[:3]) in words(
        "aftermath", "before_that"
    ):
        return True  # "Prior to that, ..."
    if len(opening) < 3 or opening[0].low not in words("aftermath", "earlier"):
        return False
    if opening[1].low in words("cumulative", "day_parts"):
        opening = opening[:1] + opening[2:]  # "Ранее утром, 14 января, ..."
    opening = opening[:4]
    if opening[1].text != ",":
        return False  # "Ранее губернатор сообщил": the same news, told before
    date = opening[2]
    if date.low in words("aftermath", "dated_prepositions") and len(opening) == 4:
        date = opening[3]
    return date.kind == "num" or date.low in words("aftermath", "dated") or is_month(date.low)


def earlier_summary(sentence: list[Token], paragraph: bool) -> bool:
    """ "Ранее Минобороны сообщило ...", "Ранее в Минобороны сообщали ...": an earlier
    summary of the ministry, which covered a window of its own; `paragraph`: the sentence
    opens a paragraph, where "Накануне ..." tells the day before too. Only after a counted
    report: before one, the earlier summary is the news ("Губернатор: последствий нет.
    Ранее в Минобороны сообщили, что над областью сбит один беспилотник")."""
    opening = [t for t in sentence if t.kind != "nl"][:4]
    if not opening:
        return False
    if paragraph and opening[0].low in words("aftermath", "previous_day"):
        return True
    if opening[0].low not in words("aftermath", "earlier"):
        return False
    return any(t.low in words("aftermath", "ministry") for t in opening[1:])


def retold(sentence: list[Token]) -> bool:
    """ "Как сообщалось, ...", "Как заявляло Минобороны, ...", "Как ранее сообщал
    губернатор, ...", "As previously reported, ...": a sentence that opens by pointing at
    an earlier report (an imperfective past verb of speech, or "ранее", right after "как");
    not "Как сообщил губернатор, ...", the news itself."""
    opening = [t for t in sentence if t.kind == "word"][:4]
    if len(opening) < 2 or opening[0].low not in words("kind", "retelling"):
        return False
    speech = words("kind", "speech")
    return any(
        t.low in words("aftermath", "earlier")
        or (t.low.startswith(speech) and morph.top_has(t.low, "VERB", "impf", "past"))
        for t in opening[1:3]
    )
