"""The post's headline number of drones, and whether it is a running total.

Contract rules: a stated total beats its parts; without one, incidents add up (singular
incidents in different places, "ещё N" increments); one plural incident without a number
makes the total unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from dronewatch.parsing import morph
from dronewatch.parsing.drones import APPROXIMATE, Mention, summaries
from dronewatch.parsing.features import NEGATION
from dronewatch.parsing.lexicon import vocabulary, words
from dronewatch.parsing.numbers import word_value
from dronewatch.parsing.text import Sentence, Token, groups_of


def _phrasing(key: str, section: str = "headline_phrasing") -> frozenset[str]:
    """A word list of vocabulary.toml [headline_phrasing], for a module-level constant."""
    return frozenset(vocabulary()[section][key])


def _stems(key: str) -> tuple[str, ...]:
    """The stems of vocabulary.toml [headline_phrasing] `key`, for `str.startswith`."""
    return tuple(vocabulary()["headline_phrasing"][key])


@dataclass(frozen=True, slots=True)
class Headline:
    drones: int | None
    mentions: tuple[Mention, ...]  # the mentions that carry the number (evidence)
    increments: bool  # the number is a stated total reached by "ещё N" updates


# Where a mention's incident happened: the keys of its places, and whether one of them is
# a settlement (a town or village, not a district).
Location = tuple[frozenset[str], bool] | tuple[frozenset[str], bool, frozenset[str]]


def headline(
    mentions: list[Mention],
    place_of_sentence: Mapping[int, str],
    headline_sentences: set[int],
    sentence_places: Mapping[int, set[str]] | None = None,
    settled: set[int] | None = None,
    located: Mapping[int, Location] | None = None,
    quoted: set[int] | None = None,
    title: set[int] | None = None,
    running: set[int] | None = None,
    also: set[int] | None = None,
) -> Headline:
    """Count the drones of the strongest event class that gives a number.

    `settled`: the sentences that name a settlement (a town or village, not a district);
    `located`: the location of each mention by its token index (`locate`), which replaces
    the sentence's places; `quoted`: the token indices of mentions inside quotation marks;
    `title`: the sentences of a news item's title line (`title_line`); `running`: those of
    them that give a running total ("ПВО с начала ночи сбила девять беспилотников");
    `also`: the sentences that open with "Также", "Кроме того" (`additions`)."""
    events = _series(m for m in mentions if m.event is not None)
    # "атакованы дронами" names the weapon; a drone counted or singular beside it tells
    # how many ("Посёлок атаковали дронами. ... атаковали с помощью FPV-дрона")
    events = [m for m in events if not m.generic] or events
    if located is None:
        places = sentence_places or {}
        towns = settled or set()
        located = {
            m.index: (
                frozenset(places.get(m.sentence, ()) or {place_of_sentence[m.sentence]}),
                m.sentence in towns,
            )
            for m in events
            if m.sentence in place_of_sentence
        }
    if title:
        # "В Краснодаре упали обломки беспилотника" over a body that tells them again
        body = [m for m in events if m.sentence not in title]
        # only when the body tells one incident of one drone too, however many times (a
        # title over several incidents may tell one of its own)
        singular = [m for m in body if m.plural is False]
        if (
            singular
            and all(m.count is None and not m.more for m in body)
            and len(_incidents(singular, located)) <= 1
        ):
            events = [m for m in events if m.sentence not in title or m.count is not None]
    # "О нештатном приземлении БПЛА" beside "аппарат упал": an abbreviation of unknown
    # number downed, a singular drone struck: the singular tells how many
    downed = [m for m in events if m.event == "down"]
    if (
        downed
        and all(m.count is None and m.plural is None for m in downed)
        and any(m.event == "strike" and m.count is None and m.plural is False for m in events)
    ):
        events = [m for m in events if m.event != "down"]
    for numbered_only in (True, False):
        for event in ("down", "strike"):
            chosen = [m for m in events if m.event == event]
            if chosen and (not numbered_only or any(m.count is not None for m in chosen)):
                chosen = _without_retold(chosen, quoted or set())
                prior = _prior(events, chosen) if event == "down" else 0
                return _count(
                    chosen, headline_sentences, located, prior, running or set(), also or set()
                )
    return Headline(None, (), False)


def _series(events: Iterable[Mention]) -> list[Mention]:
    """The event mentions, each numbered drone ("Третий БПЛА уничтожен", "the third drone")
    read by what comes before it: after as many drones as its place in the series less
    one ("one drone fell ... Another was shot down ... The third drone ...") it is one
    more; otherwise it numbers the post's drone in a series begun in earlier posts
    ("Сбит 67-й дрон, летевший на Москву ... перехватили ещё один беспилотник"), which
    the post tells again: it counts only when nothing else does."""
    found: list[Mention] = []
    told = 0
    pending: list[Mention] = []
    for mention in events:
        if mention.ordinal is None or mention.ordinal == 1:  # "первый беспилотник": one
            found.append(mention)
            told += mention.count or (1 if mention.plural is False else 0)
        elif mention.ordinal > 1 and told == mention.ordinal - 1:
            mention.more, mention.count = True, 1
            found.append(mention)
            told += 1
        else:
            pending.append(mention)
    return found or pending[:1]


def title_line(tokens: list[Token], headline_sentences: set[int]) -> set[int]:
    """The headline sentences when they form a title: a first line with no final stop."""
    if not headline_sentences:
        return set()
    last = max(headline_sentences)
    ending = None  # the last token of the sentence, line breaks aside
    for token in tokens:
        if token.sentence > last:
            break  # (tokens are in sentence order)
        if token.sentence == last and token.kind != "nl":
            ending = token
    if ending is None or ending.text in '.!?…»"':
        return set()
    return headline_sentences


def locate(
    tokens: list[Token],
    mentions: list[Mention],
    places: Sequence[tuple[str, int, int, bool]],
) -> dict[int, Location]:
    """Where each mention's incident happened, by the mention's token index. `places`:
    (key, sentence, first char, settlement?) of every place named, in text order.

    A mention takes its sentence's places; in a sentence of several mentions, those of its
    own clause ("в Грайвороне от детонации беспилотника повреждён фасад, в селе Б дрон
    атаковал автомобиль"); in a sentence naming none, those of the sentence before ("В селе
    Б ранен мужчина. Дрон атаковал его автомобиль.")."""
    by_sentence: dict[int, list[tuple[str, int, bool]]] = {}
    for key, sentence, start, settled in places:
        by_sentence.setdefault(sentence, []).append((_bare(key), start, settled))
    evented = [m for m in mentions if m.event is not None]
    shared: dict[int, int] = {}  # mentions by sentence (a dict: a Counter is slow to make)
    for mention in evented:
        shared[mention.sentence] = shared.get(mention.sentence, 0) + 1
    found: dict[int, Location] = {}
    for mention in evented:
        if (mention.count or 0) > 1 and _split_after(tokens, mention.index):
            continue  # "упали два беспилотника, один из них — в Ельце": the two are not there
        own = by_sentence.get(mention.sentence, [])
        if shared[mention.sentence] > 1 and len(own) > 1:
            first, last = _clause(tokens, mention.index)
            clause = [p for p in own if first <= p[1] < last]
            own = clause or own
        if not own:
            own = by_sentence.get(mention.sentence - 1, [])
        if own:
            found[mention.index] = (
                frozenset(p[0] for p in own),
                any(p[2] for p in own),
                frozenset(p[0] for p in own if p[2]),
            )
    return found


# "29 из них", "of which 29": the phrasings drones.py reads as a part of drones counted.
_SPLITS = frozenset(tuple(p.split()) for p in _phrasing("partitives", "drone_phrasing"))


def _split_after(tokens: list[Token], index: int) -> bool:
    """Whether the sentence goes on to split the count at `index` ("один из них")."""
    sentence = tokens[index].sentence
    for position in range(index + 1, min(len(tokens) - 1, index + 12)):
        if tokens[position].sentence != sentence:
            return False
        if (tokens[position].low, tokens[position + 1].low) in _SPLITS:
            return True
    return False


def _clause(tokens: list[Token], index: int) -> tuple[int, int]:
    """[first char, end char) of the clause around a token: up to a comma or semicolon."""
    sentence = tokens[index].sentence
    first = index
    while (
        first > 0 and tokens[first - 1].sentence == sentence and tokens[first - 1].text not in ",;"
    ):
        first -= 1
    last = index
    while (
        last + 1 < len(tokens)
        and tokens[last + 1].sentence == sentence
        and tokens[last + 1].text not in ",;"
    ):
        last += 1
    return tokens[first].start, tokens[last].end


@cache
def _type_words() -> frozenset[str]:
    return frozenset(words("places", "settlement_types") + words("places", "district_types"))


def _bare(key: str) -> str:
    """A place's key without type words ("город шебекино" ~ "шебекино")."""
    bare = [w for w in key.split() if w not in _type_words()]
    return " ".join(bare) or key


def quoted(tokens: list[Token], mentions: list[Mention]) -> set[int]:
    """Token indices of the increments inside quotation marks («...», "...", “...”)."""
    if not any(m.more for m in mentions):
        return set()  # only increments are compared with their quotes
    inside: list[bool] = []
    depth = 0
    straight = False
    for token in tokens:
        if token.text in "«“":
            depth += 1
        elif token.text in "»”":
            depth = max(0, depth - 1)
        elif token.text == '"':
            straight = not straight
        inside.append(depth > 0 or straight)
    return {m.index for m in mentions if inside[m.index]}


def _without_retold(chosen: list[Mention], quoted: set[int]) -> list[Mention]:
    """A news retelling tells the increment it then quotes ("сбит ещё один БПЛА ...
    «Ещё один БПЛА уничтожен»", "уничтожены два беспилотника ... «Ещё два беспилотника
    уничтожено»"): a count outside the quotes before them is dropped when the quotes hold
    an increment of the same count."""
    inside = {m.count: m.index for m in chosen if m.more and m.index in quoted}
    if not inside:
        return chosen
    return [
        m
        for m in chosen
        if not (
            m.index not in quoted and m.count in inside and (m.more or m.index < inside[m.count])
        )
    ]


def _prior(events: list[Mention], chosen: list[Mention]) -> int:
    """Drones told before the first downed increment with no downed drone before it: "БПЛА
    упал на территории завода. После этого был сбит ещё один" -> 1 to add to."""
    increments = [m for m in chosen if m.more]
    if not increments:
        return 0
    first = min(m.index for m in increments)
    if any(m.index < first and not m.more for m in chosen):
        return 0
    before = [m for m in events if m.event == "strike" and m.index < first and not m.more]
    counts = [m.count for m in before if m.count is not None]
    return max(counts) if counts else int(any(m.plural is False for m in before))


def _located_sum(
    stated: list[Mention], singles: list[Mention], located: Mapping[int, Location]
) -> int:
    """Incidents in different settlements add up ("два дрона атаковали дома в посёлке А.
    В селе Б беспилотник сбросил ВУ" -> 3) when every stated number belongs to a
    settlement, or to a place of its own clause in a sentence listing several ("над Тверью
    уничтожено 6 БПЛА, в районе Конаковского округа – три"); 0 when some stated number
    floats free (a total of the post)."""
    listing = Counter(m.sentence for m in stated)
    if not stated or any(
        m.index not in located or not (located[m.index][1] or listing[m.sentence] > 1)
        for m in stated
    ):
        return 0
    incidents: list[tuple[set[str], int]] = []
    counted = [(m, m.count or 0) for m in stated] + [(m, 1) for m in singles if m.index in located]
    for mention, value in counted:
        names = set(located[mention.index][0])
        joined = [i for i in incidents if i[0] & names]
        for incident in joined:
            incidents.remove(incident)
            names |= incident[0]
            value = max(value, incident[1])
        incidents.append((names, value))
    return sum(value for _, value in incidents)


def _count(
    chosen: list[Mention],
    headline_sentences: set[int],
    located: Mapping[int, Location],
    prior: int = 0,
    running: set[int] | None = None,
    also: set[int] | None = None,
) -> Headline:
    numbered = [m for m in chosen if m.count is not None]
    stated = [m for m in numbered if not m.more]
    increments = [m for m in numbered if m.more]
    singles = [m for m in chosen if m.count is None and m.plural is False]
    plural = [
        m for m in chosen if m.count is None and m.plural and m.sentence not in headline_sentences
    ]
    ambiguous = [m for m in chosen if m.count is None and m.plural is None]
    plural = _unsummarised(plural, singles, located)
    # an abbreviation of unknown number retells a singular incident, unless it tells one
    # in a place of its own ("Обломки беспилотника ранили мужчину в А. Также обломки БПЛА
    # вызвали пожар в Б."): an incident of unknown number, the total unknown
    unknown = plural or (
        _elsewhere(ambiguous, singles, located, also or set()) if singles else ambiguous
    )
    if not numbered and unknown:
        return Headline(None, tuple(unknown[:1]), False)
    # "ещё несколько БПЛА сбиты": an uncounted increment leaves the total unknown.
    uncounted_more = [m for m in plural if m.more]
    if uncounted_more:
        return Headline(None, tuple(uncounted_more[:1]), False)
    if not numbered and not singles:
        return Headline(None, (), False)
    total_mention = max(stated, key=lambda m: (m.colon_total, m.count or 0), default=None)
    if total_mention is not None and total_mention.colon_total:
        return Headline(total_mention.count, (total_mention,), False)
    # "another drone hit a shop": one more incident, wherever it happened
    added = [m for m in singles if m.more]
    first = [m for m in singles if not m.more]
    places = _incidents(first, located, also or set())
    if not numbered and not added and _lead(first, located, also or set(), headline_sentences):
        places = places[:1]
    based: list[Mention] = []  # the stated count the increments add to
    if stated and (increments or added):
        # "One drone was shot down ... A second drone was also shot down" -> 2
        opening = min(m.index for m in increments + added)
        before = [m for m in stated if m.index < opening]
        based = before[-1:]
        base = (before[-1].count or 0) + len(added) if before else 0
    elif stated:
        base = 0
    else:
        # an unlocated first incident still counts when "another" follows it ("сбит
        # беспилотник ... ещё один БПЛА сбит"); after it, a single retells it
        earlier = increments and any(
            m.index < increments[0].index and m.sentence not in headline_sentences for m in first
        )
        base = max(len(places), 1 if first and (added or earlier) else 0, prior) + len(added)
    parts = (base or 0) + sum(m.count or 0 for m in increments)
    if based and based[0].sentence in (running or set()) and parts - base < base:
        # a title's running total over the body's latest increment ("ПВО с начала ночи
        # сбила девять беспилотников" over "сбиты ещё два"): the total includes it
        return Headline(base, tuple(based), False)
    in_places = 0 if increments else _located_sum(stated, singles, located)
    best = max(
        (total_mention.count or 0) if total_mention else 0, parts, 1 if singles else 0, in_places
    )
    evidence = tuple(m for m in numbered if m.count == best) or tuple(based + increments + singles)
    # an update: the increments follow their base in later sentences ("five were shot
    # down ... The government informed later that three more drones were eliminated"); in
    # its own sentence, "ещё один" lists a part ("один над Белгородской, ещё один — над
    # Курской")
    reached_by_increments = bool(
        total_mention is not None
        and increments
        and not any(m.listed for m in increments)  # "ещё 4 над X и 2 над Y": parts listed
        and best == parts == total_mention.count
        and total_mention.index < increments[0].index
        and not any(m.sentence == b.sentence for m in increments for b in based)
    )
    return Headline(
        best, evidence or (total_mention,) if total_mention else evidence, reached_by_increments
    )


def _elsewhere(
    ambiguous: list[Mention],
    singles: list[Mention],
    located: Mapping[int, Location],
    also: set[int],
) -> list[Mention]:
    """The mentions of unknown number that tell an incident of their own: in a place the
    singular incidents do not name (nor their namesake districts: "Псков", "Псковский
    район"), among settlements, or in a sentence that opens with "Также" (a district alone
    may hold their settlements otherwise)."""
    named: set[str] = set()
    for mention in singles:
        if mention.index in located:
            named |= located[mention.index][0]
    if not named:
        return []
    return [
        m
        for m in ambiguous
        if m.index in located
        and (located[m.index][1] or m.sentence in also)
        and any(not _alike((a,), named) for a in located[m.index][0])
    ]


def _alike(one: Iterable[str], other: Iterable[str]) -> bool:
    """Whether two sets of place keys share a place or a town and its district."""
    return any(_namesakes(a, b) for a in one for b in other)


def _namesakes(one: str, other: str) -> bool:
    """Whether two place keys name the same place or a town and its district ("энгельс",
    "энгельсский"; "суджа", "суджанский")."""
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    stem = short[:-1] if short[-1] in words("regions", "namesake_endings") else short
    return len(stem) >= _STEM and long.startswith(stem)


_STEM = 4


def _unsummarised(
    plural: list[Mention], singles: list[Mention], located: Mapping[int, Location]
) -> list[Mention]:
    """The uncounted plurals, without those that sum up the singular incidents told after
    them ("Сообщил об атаке дронов под Шебекино. ... недалеко от Шебекино дрон атаковал
    грузовик. ... в селе Никольское дрон атаковал автомобиль." -> 2): a plural before two
    incidents or more in different places, located in one of theirs."""
    incidents = _incidents([m for m in singles if not m.more], located)
    if len(incidents) < 2:
        return plural
    first = min(m.index for m in singles)
    named = set().union(*incidents)
    # "Под атаку беспилотников попал Белгородский район. В хуторе А ... В селе Б ...": a
    # plural that names only a district sums up the incidents in its settlements
    return [
        m
        for m in plural
        if m.index > first
        or m.index not in located
        or not (located[m.index][0] <= named or not located[m.index][1])
    ]


def _lead(
    first: list[Mention],
    located: Mapping[int, Location],
    also: set[int],
    headline_sentences: set[int] | None = None,
) -> bool:
    """A lead that names only a district before the one incident told in a settlement: one
    incident ("В Белгородском районе при атаке беспилотника пострадал мужчина. Дрон ударил
    по автомобилю в селе Х."), unless the second opens with "Также", "Кроме того". The
    lead opens the post, or the body under a title line whose drone it retells."""
    title = headline_sentences or set()
    body = [m for m in first if m.sentence not in title]
    placed = [m for m in body if m.index in located]
    opening = 0 if len(body) == len(first) else min(m.sentence for m in body) if body else -1
    return (
        len(placed) == len(body) == 2
        and placed[0].sentence == opening
        and placed[1].sentence not in also
        and not located[placed[0].index][1]
        and located[placed[1].index][1]
    )


def _incidents(
    singles: list[Mention], located: Mapping[int, Location], also: set[int] | None = None
) -> list[set[str]]:
    """Places of the singular incidents, one set per incident: mentions that share a place
    retell one incident ("Дрон атаковал авто в Белгородском районе. В селе Х Белгородского
    района беспилотник ..."), unless their sentence opens with "Также" (`also`: another
    incident in the same place)."""
    incidents: list[tuple[set[str], set[str]]] = []  # (places, settlements among them)
    for mention in singles:
        if mention.index not in located:
            continue
        where = located[mention.index]
        names = set(where[0])
        towns = set(where[2]) if len(where) > 2 else set()
        if also and mention.sentence in also:
            incidents.append((names, towns))
            continue
        # "В селе А Хомутовского района ... В селе Б Хомутовского района": a district
        # shared by different villages joins nothing (a town and its namesake district
        # still do: "Под Белгородом ... в селе Майский Белгородского района")
        joined = [
            i
            for i in incidents
            if _alike(i[1], towns)
            or (_alike(i[0] - names, names - i[0]) if i[1] and towns else _alike(i[0], names))
        ]
        for incident in joined:
            incidents.remove(incident)
            names |= incident[0]
            towns |= incident[1]
        incidents.append((names, towns))
    return [names for names, _ in incidents]


def approximate(tokens: list[Token], result: Headline) -> bool:
    """Whether the headline number is written as a bound ("over 100 drones", "более 60
    БПЛА"): a stated total the listed parts may exceed."""
    starts = {m.start for m in result.mentions if m.count == result.drones}
    for index, token in enumerate(tokens):
        if token.start in starts and index > 0 and tokens[index - 1].low in APPROXIMATE:
            return True
    return False


def is_cumulative(
    tokens: list[Token],
    result: Headline,
    groups: list[Sentence] | None = None,
    mentions: list[Mention] | None = None,
    headline_sentences: set[int] | None = None,
) -> bool:
    """A running total: a totalling word, an update, or several parts of a day beside the
    number; or in a sentence that only restates it ("Всего ...", "к утру все дроны были
    сбиты") or in the post's title ("Сводка за сутки")."""
    if result.drones is None:
        return False
    if result.increments:
        return True
    groups = groups_of(tokens) if groups is None else groups
    fresh = all(m.more for m in result.mentions) and bool(result.mentions)
    if _names_period(tokens) and any(
        _period(g.tokens) and not (fresh and _ordinal(g.tokens)) for g in groups
    ):
        # "в течение суток", "за минувшие сутки", "с начала ночи"; not "Сбит ещё один. Это
        # уже 12-й с начала ночи": the ordinal numbers the new drone
        return True
    if {m.sentence for m in result.mentions} & summaries(groups):
        return True  # "Всего с начала СВО уничтожены ...", "за 2025 год сбито ..."
    counted = {m.sentence for m in result.mentions}
    for sentence in counted:
        if _totalling(groups[sentence].tokens, result.mentions[0].more, True):
            return True
    uncounted = {m.sentence for m in mentions or () if m.count is None and m.plural is not False}
    restating = {s + 1 for s in counted if s + 1 in uncounted and s + 1 < len(groups)}
    restating |= {s for s in headline_sentences or () if s not in counted}
    if 0 not in counted and _short_title(groups[0].tokens):
        restating.add(0)  # "Сводка за сутки. В период с ... сбиты 37 беспилотников."
    return any(_totalling(groups[s].tokens, False, False) for s in restating)


def _ordinal(tokens: list[Token]) -> bool:
    """Whether a sentence holds an ordinal ("12-й", "двадцатый")."""
    for index, token in enumerate(tokens):
        if (
            token.kind == "num"
            and index + 2 < len(tokens)
            and tokens[index + 1].text == "-"
            and tokens[index + 2].low in _ORDINAL_ENDINGS
        ):
            return True
        if token.kind == "word" and not token.latin and morph.top_has(token.low, "Anum"):
            return True
    return False


_ORDINAL_ENDINGS = _phrasing("ordinal_endings")  # "25-го", "1-й"


@cache
def _periods() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The period phrases by their last word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words("cumulative", "periods"):
        parts = tuple(phrase.split())
        found.setdefault(parts[-1], []).append(parts)
    return {last: tuple(group) for last, group in found.items()}


_LOW = attrgetter("low")


def _names_period(tokens: list[Token]) -> bool:
    """Whether some word of the post ends a period phrase (else no sentence of it names a
    period: one look at every word instead of `_period` sentence by sentence)."""
    return not _periods().keys().isdisjoint(map(_LOW, tokens))


def _period(tokens: list[Token]) -> bool:
    """Whether a sentence names a period that makes any figure of the post a running total
    ("в течение суток", "за минувшие сутки": one word may stand before the last)."""
    periods = _periods()
    lows: list[str] | None = None
    for token in tokens:
        if token.low not in periods:
            continue
        if lows is None:
            lows = [t.low for t in tokens if t.kind == "word"]
        for i, low in enumerate(lows):
            for phrase in periods.get(low, ()):
                size = len(phrase)
                if (
                    (i + 1 >= size and tuple(lows[i + 1 - size : i + 1]) == phrase)
                    or (size > 1 and i >= size and (*lows[i - size : i - 1], low) == phrase)
                ) and not (low in _CLOCKED and any(t.kind == "time" for t in tokens)):
                    # "в течение дня, в период с 15:00 до 18:00": the clock window's day
                    return True
        return False
    return False


_CLOCKED = _phrasing("clocked")  # "в течение дня, с 15:00 до 18:00"


def _short_title(tokens: list[Token]) -> bool:
    """A first sentence of a few words and no number: the post's title."""
    words = sum(1 for t in tokens if t.kind == "word")
    return 0 < words <= _TITLE_WORDS and not any(t.kind in ("num", "time") for t in tokens)


_TITLE_WORDS = 6
_NOT_TOTAL_BEFORE = _phrasing("not_total_before")  # "больше всего", "прежде всего"
_ALL_TOLD = _phrasing("all_told")  # "всего"
_ONLY = _phrasing("only")  # "всего лишь"
_REFINED = _stems("refined")  # "уточненные данные"
_REACHED = _stems("reached")  # "достигло 25"


@cache
def _cumulative_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(totalling words, "уже" words, day parts) as sets."""
    return (
        frozenset(words("cumulative", "words")),
        frozenset(words("cumulative", "already")),
        frozenset(words("cumulative", "day_parts")),
    )


@cache
def _phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """English totalling phrases by their first word."""
    return _by_first(words("cumulative", "phrases"))


@cache
def _own_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Totalling phrases of the number's own sentence by their first word."""
    return _by_first(words("cumulative", "own_phrases"))


def _by_first(phrases: tuple[str, ...] | list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        found.setdefault(parts[0], []).append(parts)
    return {first: tuple(group) for first, group in found.items()}


def _figure_follows(lows: list[str], index: int) -> bool:
    """A number within the two words after `index` ("достигло 25", "достигло уже
    тридцати")."""
    return any(low.isdigit() or word_value(low) is not None for low in lows[index + 1 : index + 3])


def _totalling(tokens: list[Token], more: bool, own: bool) -> bool:
    """Whether a sentence has a totalling word; `own`: the sentence of the number itself
    ("уже" counts only there)."""
    words, already, parts = _cumulative_words()
    phrases = _phrases()
    own_phrases = _own_phrases()
    counted = [t for t in tokens if t.kind in ("word", "num")]
    lows = [t.low for t in counted]
    seen_parts: set[str] = set()
    for i, low in enumerate(lows):
        if low in words:
            # "больше всего дронов", "прежде всего", "всего лишь": not a total
            if low in _ALL_TOLD and (
                (i > 0 and lows[i - 1] in _NOT_TOTAL_BEFORE)
                or (i + 1 < len(lows) and lows[i + 1] in _ONLY)
            ):
                continue
            return True
        if low.startswith(_REFINED):
            return True
        # "число сбитых достигло 25", not "беспилотник не достиг цели"
        if (
            low.startswith(_REACHED)
            and _figure_follows(lows, i)
            and not (i > 0 and counted[i - 1].flags & NEGATION)
        ):
            return True
        if low in phrases and any(tuple(lows[i : i + len(p)]) == p for p in phrases[low]):
            return True
        if (
            own
            and low in own_phrases
            and any(tuple(lows[i : i + len(p)]) == p for p in own_phrases[low])
        ):
            return True
        # "Это уже седьмой БПЛА за день": an ordinal numbers the new drone, no total
        if own and not more and low in already:
            ordinal = i + 1 < len(lows) and morph.has_reading(lows[i + 1], "Anum")
            if not ordinal:
                return True
        if low in parts:
            seen_parts.add(low[:3])
    return len(seen_parts) >= 2


def running_titles(groups: list[Sentence], title: set[int]) -> set[int]:
    """The title's sentences that give a running total: a period ("с начала ночи") or a
    totalling word ("всего")."""
    return {
        s
        for s in title
        if s < len(groups)
        and (_period(groups[s].tokens) or _totalling(groups[s].tokens, False, False))
    }


def additions(groups: list[Sentence]) -> set[int]:
    """The sentences that open with "Также", "Кроме того", "In addition": another incident."""
    phrases = _addition_phrases()
    found = set()
    for number, group in enumerate(groups):
        opening = [t.low for t in group.tokens[:2] if t.kind == "word"]
        # the phrase is the first word ("Также") or the first two ("Кроме того")
        if opening and (opening[0] in phrases or " ".join(opening) in phrases):
            found.add(number)
    return found


@cache
def _addition_phrases() -> frozenset[str]:
    return frozenset(words("cumulative", "additions") + words("cumulative", "also"))
