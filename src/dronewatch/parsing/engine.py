"""The parser: one post in, one Report out, with evidence for every value."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from dronewatch.parsing.casualties import find_casualties, totals
from dronewatch.parsing.damage import find_damage, no_damage, tags
from dronewatch.parsing.drones import Mention, find_mentions, sentence_events, with_events
from dronewatch.parsing.features import DRONE_CANDIDATE, MORE, REMINDER
from dronewatch.parsing.headline import (
    Headline,
    additions,
    approximate,
    headline,
    is_cumulative,
    locate,
    quoted,
    running_titles,
    title_line,
)
from dronewatch.parsing.kind import classify
from dronewatch.parsing.lexicon import PARSER_VERSION
from dronewatch.parsing.numbers import word_value
from dronewatch.parsing.places import every_place, place_key, unique_places
from dronewatch.parsing.places.vocabulary import names as place_names
from dronewatch.parsing.regions import (
    RegionHit,
    fill_rest,
    find_regions,
    national,
    region_of_settlements,
    split_joint,
)
from dronewatch.parsing.reminders import earlier_summary, reminds, retold
from dronewatch.parsing.report import Report, Window
from dronewatch.parsing.text import Sentence, Token, scan
from dronewatch.parsing.windows import find_window

__all__ = ["PARSER_VERSION", "parse"]

_HEADLINE_MAX_CHARS = 100
_TITLE_MAX_CHARS = 160


@cache
def _district_endings() -> tuple[str, ...]:
    """How a district's name ends ("Боровский район", "Шебекинский муниципальный округ")."""
    names = place_names()
    return (f" {names.raion}", f" {names.okrug}")


def _evidence(text: str, field: str, value: Any, start: int, end: int) -> dict[str, Any]:
    # Plain data: the Report validates its whole evidence list at once (faster than one
    # model per item).
    return {"field": field, "value": value, "start": start, "end": end, "text": text[start:end]}


def _headline_sentences(tokens: list[Token], longest: int = _HEADLINE_MAX_CHARS) -> set[int]:
    """Sentences of a short title line: their plural summary ("атакованы дронами") restates
    the incidents below it."""
    for index, token in enumerate(tokens):
        if token.start > longest:
            break
        if token.kind == "nl":
            # sentences are numbered in order, so those before the line break are 0..last
            return set(range(tokens[index - 1].sentence + 1)) if index else set()
    return set()


def _news(tokens: list[Token], groups: list[Sentence], national: bool = True) -> list[Sentence]:
    """The sentences, with those of a later paragraph that opens with a reminder
    ("Напомним, вчера ...", "Ранее, 8 января, ...") emptied: they tell earlier events,
    counted when they were reported. Emptied, not removed: the list stays indexed by
    sentence number."""
    if not any(group.flags & REMINDER for group in groups):
        return groups
    news: list[Sentence] = []
    background = False
    counted = False  # a news sentence so far gives a number of drones
    told = False  # a news sentence so far names a drone
    for group in groups:
        first = group.first
        if first == 0 or tokens[first - 1].kind == "nl":  # a paragraph begins
            background = any(g.tokens for g in news) and (
                reminds(group.tokens)
                or (counted and earlier_summary(group.tokens, national))
                # "Как сообщалось, ранее ... сбиты два беспилотника": after drones of its
                # own, an earlier report (not "Как ранее сообщал губернатор, ещё один дрон
                # упал ...": an increment retold adds to the news)
                or (told and not group.flags & MORE and retold(group.tokens))
            )
        elif counted and group.flags & REMINDER and earlier_summary(group.tokens, False):
            background = True  # "... — говорится в сообщении. Ранее в Минобороны сообщали"
        elif group.flags & REMINDER and any(g.tokens for g in news) and reminds(group.tokens):
            background = True  # "... повреждён дом. Напомним, вчера в Грайвороне ..."
        news.append(Sentence(0, [], first) if background else group)
        counted = counted or (not background and _counts_drones(group))
        told = told or (not background and bool(group.flags & DRONE_CANDIDATE))
    return news


def _counts_drones(group: Sentence) -> bool:
    """Whether a sentence may give a number of drones: a drone word and a number."""
    return bool(group.flags & DRONE_CANDIDATE) and any(
        t.kind == "num" or (t.kind == "word" and word_value(t.low) is not None)
        for t in group.tokens
    )


def _regional(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """A governor's post without the national figure it cites ("Минобороны сообщало, что
    над российскими регионами сбиты 110 беспилотников"), when it tells drones of its own."""
    countrywide = {
        m.index for m in mentions if m.count is not None and m.event and national(tokens, m.index)
    }
    if not countrywide:
        return mentions
    own = [m for m in mentions if m.index not in countrywide]
    return own if any(m.event for m in own) else mentions


def _lists_regions(tokens: list[Token], mentions: list[Mention], channel_region: str) -> bool:
    """Whether a regional post retells a list of regions with their own counts, its own
    among them ("Помимо трёх дронов в Тамбовской области, 15 уничтожено над Белгородской, 7
    - над Воронежской"): the list is the post's, not the whole figure its region's."""
    counts = {m.index: m.count for m in mentions if m.count is not None}
    if not counts:
        return False
    hits = find_regions(tokens, counts)
    counted = {h.code for h in hits if h.count is not None}
    return len(counted) >= 3 and channel_region in counted


def parse(text: str, channel_region: str | None = None, date: datetime | None = None) -> Report:
    """Read one post into the contract's report."""
    tokens, groups = scan(text)
    # "Накануне ..." opens the day before's summary in a national item; in a governor's
    # post it may tell the news itself
    groups = _news(tokens, groups, channel_region is None)
    mentions = with_events(find_mentions(tokens, groups), sentence_events(tokens, groups), groups)
    if channel_region is not None:
        mentions = _regional(tokens, mentions)
    kind = classify(tokens, mentions, groups)
    if kind != "attack":
        return Report(kind=kind)
    evidence: list[dict[str, Any]] = []
    every = every_place(tokens, channel_region, groups)
    places = unique_places(every)
    first_place: dict[int, str] = {}
    for place in places:
        first_place.setdefault(place.sentence, place.name)
        evidence.append(_evidence(text, "places", place.name, place.start, place.end))
    sentence_places: dict[int, set[str]] = {}
    for place in every:
        sentence_places.setdefault(place.sentence, set()).add(place_key(place.name))
    title = _headline_sentences(tokens)
    district_endings = _district_endings()
    settled = {p.sentence for p in every if not p.name.endswith(district_endings)}
    located = locate(
        tokens,
        mentions,
        [
            (place_key(p.name), p.sentence, p.start, not p.name.endswith(district_endings))
            for p in every
        ],
    )
    result = headline(
        mentions,
        first_place,
        title,
        sentence_places,
        settled,
        located=located,
        quoted=quoted(tokens, mentions),
        # a title that retells the body's one drone may run longer (a title and its
        # subtitle on one line)
        title=title_line(tokens, _headline_sentences(tokens, _TITLE_MAX_CHARS)),
        running=running_titles(groups, title_line(tokens, title)),
        also=additions(groups),
    )
    drones = result.drones
    # the regions' counts as plain data, as the evidence: the Report validates them into
    # RegionCount models (faster than one model each)
    regions: list[dict[str, Any]]
    if channel_region is not None and not _lists_regions(tokens, mentions, channel_region):
        regions = [{"code": channel_region, "drones": drones}]
    else:
        counts = {m.index: m.count for m in mentions if m.count is not None}
        # a singular drone noun counts one for its region ("над Крымом сбит БПЛА")
        singles = {
            m.index: 1
            for m in mentions
            if m.plural is False
            and m.event
            # no number written: "сбит БПЛА", "another drone" (not "по одному беспилотнику")
            and (m.count is None or (m.count == 1 and m.start == tokens[m.index].start))
        }
        background = frozenset(i for i, group in enumerate(groups) if not group.tokens)
        headline_event = result.mentions[0].event if result.mentions else None
        plurals = frozenset(
            m.index
            for m in mentions
            if m.count is None and m.plural and m.event == headline_event and not m.generic
        )
        hits = find_regions(tokens, counts, background, singles, plurals)
        inferred = None if hits else region_of_settlements([p.name for p in places])
        if inferred is not None:
            hits = [RegionHit(inferred, None, places[0].start, places[0].end)]
        # a count given for regions jointly ("17 — над акваториями Чёрного и Азовского
        # морей") adds once to the parts, each share unknown; not the post's own total
        # given over its regions ("58 БПЛА над Белгородской, Калужской ... областями")
        joints = {(h.start, h.shared) for h in hits if h.count is None and h.shared != drones}
        counted = sum(h.count or 0 for h in hits) + sum(s or 0 for _, s in joints)
        # "over 100 drones" stays the total the parts exceed, unless it is a region's part
        bound = approximate(tokens, result) and all(h.count != drones for h in hits)
        if drones is None or (counted > drones and not bound):
            if counted and result.drones is not None:
                # the regions' parts sum to the figure: their mentions carry it, and their
                # sentences tell whether it is a total ("Всего за ночь над краем сбиты
                # восемь, 17 над морями ...")
                parts = {h.count for h in hits} | {s for _, s in joints}
                told = tuple(m for m in mentions if m.count is not None and m.count in parts)
                result = Headline(counted, told or result.mentions, False)
            drones = counted or drones
        elif (
            counted < drones
            and sum(h.count is not None for h in hits) > 1
            and counted == max((m.count or 0 for m in mentions), default=0)
        ):
            # "сбиты 19 БПЛА: 13 над морем ... Ещё четыре над краем": the regions' counts
            # add up to the stated total, so "ещё" listed a part of it; so too when the
            # total is itself an increment ("сбила ещё 31 беспилотник ... 13 над X. Ещё 11
            # над Y ...")
            drones = counted
            stated = tuple(m for m in mentions if m.count == counted and not m.more) or tuple(
                m for m in mentions if m.count == counted
            )
            result = Headline(counted, stated, False)  # its sentence tells if it is a total
        stated_total = max((m.count or 0 for m in mentions if not m.more), default=0)
        if (
            drones is not None
            and any(h.rest for h in hits)
            and any(m.more for m in result.mentions)
            and counted <= stated_total < drones
        ):
            # "сбиты 77 БПЛА. Больше всего — над X, 42. Ещё 9 — над Y. Остальные — над
            # Z": with "the rest" the regions list parts of the total, "ещё" one of them
            drones = stated_total
            stated = tuple(m for m in mentions if m.count == stated_total and not m.more)
            result = Headline(stated_total, stated, False)
        # One region has the whole count, unless its own share is given ("40 drones,
        # including 18 over the Moscow region"); an increment ("two more ... heading for
        # Moscow") is no share.
        if drones is not None and drones == counted and any(h.vague for h in hits):
            # "Над Брянской сбиты 10 БПЛА, также беспилотники уничтожены над Курской": the
            # parts of an incomplete list make no total
            drones = None
        increments = {m.count for m in mentions if m.more}
        whole = hits and (hits[0].count is None or hits[0].count in increments) and not hits[0].part
        if len(hits) == 1 and whole and drones is not None:
            hits[0] = RegionHit(hits[0].code, drones, hits[0].start, hits[0].end)
        hits = fill_rest(split_joint(hits, drones), drones)
        regions = [{"code": h.code, "drones": h.count} for h in hits]
        evidence += [_evidence(text, "regions", h.code, h.start, h.end) for h in hits]
    for mention in result.mentions:
        evidence.append(_evidence(text, "drones", mention.count, mention.start, mention.end))
    cumulative = is_cumulative(tokens, result, groups, mentions, title) and drones == result.drones
    casualties = find_casualties(tokens, groups)
    killed, injured = totals(casualties, sentence_places, settled)
    evidence += [_evidence(text, c.field, c.value, c.start, c.end) for c in casualties]
    damage_hits = find_damage(tokens, groups)
    evidence += [_evidence(text, "damage", h.tag, h.start, h.end) for h in damage_hits]
    no_damage_span = no_damage(tokens, groups, bool(damage_hits))
    if no_damage_span is not None:
        evidence.append(_evidence(text, "no_damage", True, *no_damage_span))
    window_found = find_window(tokens, date, groups)
    window = None
    if window_found is not None:
        start, end, first, last = window_found
        window = Window(start=start, end=end)
        evidence.append(_evidence(text, "window", window.model_dump(mode="json"), first, last))
    return Report.model_validate(
        {
            "kind": "attack",
            "drones": drones,
            "cumulative": cumulative,
            "regions": regions,
            "places": [p.name for p in places],
            "killed": killed,
            "injured": injured,
            "damage": tags(damage_hits),
            "no_damage": no_damage_span is not None,
            "window": window,
            "evidence": evidence,
        }
    )
