"""Damage tags: what was hit or damaged, mapped to the contract's fixed set.

A sentence yields tags when it reports damage, fire or an outage ("без света"), a hit
("дрон атаковал автомобиль"; a hit named by a noun, "атака на предприятие", only in a post
that does not say the attack was repelled; none that was only tried or threatened),
debris that fell onto an object ("обломки упали на жилой дом": that object alone), or
debris that fell where the post reports damage it names no object for. Parts of
buildings (windows, roofs) belong to the building named beside them, else to a home.
Objects named only as a place (the vicinity of a downing, a landmark, the hospital the
injured were taken to, a vehicle's owner, the yard an outbuilding stood in) are no
targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    CLAUSE_WORD,
    DISTRICT_TYPE,
    DOWN,
    DRONE_CANDIDATE,
    FAKE,
    FIRE,
    INJURED,
    INTACT,
    NEGATION,
    NEGATIONS,
    NO_DAMAGE_NOUN,
    PREDICATE,
    REPELLED,
    SETTLEMENT_ABBREVIATION,
    SETTLEMENT_TYPE,
    VOCABULARY,
)
from dronewatch.parsing.lexicon import (
    DamageWord,
    section,
    vocabulary_tag,
    word_class,
    words,
)
from dronewatch.parsing.numbers import word_value
from dronewatch.parsing.text import Sentence, Token, groups_of

_MAX_ITEM_WORDS = 8


# The word classes ([damage] lists) the rules below ask about word by word.
_ATTEMPT = word_class("damage", "attempt")
_AVOIDED = word_class("damage", "avoided")
_BURN_INJURY = word_class("damage", "burn_injury")
_CONSEQUENCES = word_class("damage", "consequences")
_DEBRIS_NOUNS = word_class("damage", "debris_nouns")
_HABITUAL = word_class("damage", "habitual")
_HOSPITALS = word_class("damage", "hospitals")
_HURT_THINGS = word_class("damage", "hurt_things")
_LANDING = word_class("damage", "landing")
_LOSS = word_class("damage", "loss")
_MUNITION_STORES = word_class("damage", "munition_stores")
_PLANT_PARTS = word_class("damage", "plant_parts")
_PLANT_WORDS = word_class("damage", "plant_words")
_PREVENTED = word_class("damage", "prevented")
_REPELLABLE = word_class("damage", "repellable")
_STATIONS = word_class("damage", "stations")
_THREAT_WORDS = word_class("events", "threat")
_TRAFFIC = word_class("damage", "traffic")
_VAGUE_TARGETS = word_class("damage", "vague_targets")
_WORKING_PEOPLE = word_class("damage", "working_people")
_YARDS = word_class("damage", "yards")
_ZONES = word_class("damage", "zones")
_TREATED = word_class("damage", "treated")
_STAFF = word_class("damage", "staff")
_PEOPLE = word_class("damage", "people")
_CASUALTIES_PEOPLE = word_class("casualties", "people")
_ADMINISTRATIONS = word_class("damage", "administrations")
_ORG_HEADS = word_class("damage", "org_heads")
_VICINITY = word_class("damage", "vicinity")
_CLOSURES = word_class("damage", "closures")
_STREETS = word_class("damage", "streets")
_SUPPLY_LINES = word_class("damage", "supply_lines")
_TRAVEL = word_class("damage", "travel")
_INTACT = word_class("damage", "intact", exact=True)
_DISTINCT = word_class("damage", "distinct")
_SHELTERS = word_class("damage", "shelters")
_BELONGING = word_class("damage", "belonging")
_DEENERGIZED = word_class("damage", "deenergized")
_ENGLISH_BACKGROUND = word_class("damage", "english_background", exact=True)
_REMAINED = word_class("damage", "remained", exact=True)


# The words `_predicates` looks at: an outage's negation, a casualty or downing word said of
# a thing, a predicate.
_PREDICATE_WORDS = NEGATION | INJURED | DOWN | PREDICATE


class DamageHit(NamedTuple):
    tag: str
    start: int
    end: int


@cache
def _words(key: str) -> tuple[str, ...]:
    return words("damage", key)


@dataclass(frozen=True, slots=True)
class _Phrasing:
    """vocabulary.toml [damage_phrasing]: the small words the rules read a negation, a list
    or a place by (each key's comment there says what for)."""

    negations: tuple[str, ...]
    clause_negations: tuple[str, ...]
    negation: str
    without: str
    no: str
    nor: str
    none_of: tuple[str, ...]
    nor_needs: tuple[str, ...]
    predicate_conjunctions: tuple[str, ...]
    list_conjunctions: tuple[str, ...]
    also: str
    landed: str
    landed_into: tuple[str, ...]
    not_object_before: tuple[str, ...]
    terminals: tuple[str, ...]
    holding: tuple[str, ...]
    street_name_links: tuple[str, ...]
    workplace_prepositions: tuple[str, ...]
    in_place: tuple[str, ...]
    at_owner: str
    by_fire: str
    fire: tuple[str, ...]
    consequences_for: str
    did_not_go_without: tuple[str, ...]
    unhurt_verbs: tuple[str, ...]
    suffered: str
    nobody: tuple[str, ...]
    object: str
    structure: str


@cache
def _said() -> _Phrasing:
    return section(_Phrasing, "damage_phrasing")


_CLAUSE_BREAKS = (",", ";", "—", "–", ":")
_QUOTE_ENDS = ("»", "”")
_QUOTES = ("«", "»", "“", "”", '"')
_OWNERS = frozenset({"industrial", "commercial", "fuel", "energy", "social", "transport"})
_BUILDINGS = frozenset({"residential", "commercial", "industrial", "social", "fuel", "other"})


def _negated_spans(group: list[Token]) -> set[int]:
    """Token positions inside "X не повреждены", "разрушений нет", "no damage"."""
    negated: set[int] = set()
    for position, token in enumerate(group):
        if not token.flags & NEGATION:
            continue
        if _outage(group, position):
            # "часть посёлка без света": the outage stands; what is left without power
            # in its clause is no damaged object
            negated.update(_clause(group, position))
            negated.discard(position + 1)
            continue
        if token.low in _said().negations:
            following = group[position + 1].low if position + 1 < len(group) else ""
            if following in _words("not_negating"):
                continue  # "не менее 20 домов"
            start = position
            # "окна не повреждены", "часть домов без света": the clause before is negated
            # too; English "no" and "without" negate only what follows them ("... and
            # leaving the town without power")
            while (
                token.low in _said().clause_negations
                and start > 0
                and group[start - 1].text not in (",", ";", "—", "–")
                and not _joins_predicates(group, start - 1)
            ):
                start -= 1
            end = position + 2
            if following.startswith(_words("result_verbs")):
                # "не привело к разрушениям", "не повлекло повреждений": the negated
                # result reaches to the end of its clause
                end = _clause(group, position).stop
            # English "no" reaches to the end of its clause ("no information about
            # casualties or material damage"), "without" over a few words
            reach = position + (12 if token.low in ("no", "not", "neither") else 6)
            while (
                end < len(group)
                and end < reach
                and group[end].kind == "word"
                and token.latin
                and not _english_break(group, end)
            ):
                end += 1
            # "без пострадавших и повреждений объектов инфраструктуры": "без" reaches over
            # its nouns to the end of the clause (not over a verb of damage: "без
            # пострадавших в селе повреждены два дома")
            while (
                token.low == _said().without
                and end < len(group)
                and end < position + 8
                and group[end].kind == "word"
                and group[end].low not in _words("contrasts")
                and not (group[end].flags & PREDICATE and not group[end].flags & NO_DAMAGE_NOUN)
            ):
                end += 1
            negated.update(range(start, min(end, len(group))))
        elif token.low == _said().no or token.classes & _AVOIDED:
            start = position
            while start > 0 and group[start - 1].text not in _CLAUSE_BREAKS:
                start -= 1
            if (
                start == position
                and start > 1
                and group[start - 1].text in ("—", "–", "-")
                and _genitive_item(group, start - 1)
            ):
                # "Возгораний, повреждений – нет": a dash before the "нет" of a list
                start = _clause(group, start - 2).start
            # "Возгораний, повреждений и пострадавших нет": the "нет" reaches back over
            # a list of genitive nouns parted by commas
            while start > 1 and group[start - 1].text == "," and _genitive_item(group, start - 1):
                start = _clause(group, start - 2).start
            end = position + 1
            if token.classes & _PREVENTED:
                # "удалось предотвратить возгорание": what was prevented follows too
                end = _clause(group, position).stop
            negated.update(range(start, end))
    negated.update(_english_unhurt(group))
    return negated


def _joins_predicates(group: list[Token], position: int) -> bool:
    """Whether a conjunction joins a predicate before it to a negated one ("дрон врезался в
    дом и не сдетонировал", "the drone hit a house and did not explode"): the negation
    stops there ("окна и двери не повреждены" joins nouns)."""
    if group[position].low not in _said().predicate_conjunctions:
        return False
    start = _clause(group, position).start
    return any(
        t.kind == "word"
        and (t.flags & PREDICATE or (not t.latin and _verbal(t.low)))
        and not t.flags & NO_DAMAGE_NOUN
        for t in group[start:position]
    )


def _english_break(group: list[Token], position: int) -> bool:
    """Whether an English negation stops at this word: a contrast ("no one was hurt but a
    car was damaged"), or an "and" that starts a clause of its own ("no one was injured
    and two houses were damaged"; not "no injuries and no damage", "no casualties and
    damage")."""
    low = group[position].low
    if low in _words("english_contrasts"):
        return True
    if low != "and" or position + 1 >= len(group):
        return False
    following = group[position + 1]
    return not (following.flags & NO_DAMAGE_NOUN or following.low in ("no", "any"))


def _genitive_item(group: list[Token], comma: int) -> bool:
    """Whether the clause before the comma is an item of a list of things negated by a
    "нет" after it: genitive nouns and their adjectives only ("Возгораний,", "пожаров и
    разрушений,"), no verb ("повреждены два дома," is a clause of its own)."""
    clause = _clause(group, comma - 1)
    items = [group[i] for i in range(clause.start, comma) if group[i].text not in _QUOTES]
    return bool(items) and all(
        t.kind == "word"
        and not t.latin
        # "Повреждений на промышленных, социальных, жилых объектах нет": prepositions and
        # places may stand in an item, as before a closing "нет"
        and (t.low in _words("list_links") or _before_closing_no(t.low))
        for t in items
    )


@lru_cache(maxsize=65536)
def _verbal(word: str) -> bool:
    """Whether the word's best reading is a verb or a short participle ("повреждены"); not
    for words the dictionary does not know ("бпла" is no verb)."""
    readings = morph.parses(word)
    return (
        bool(readings)
        and bool({"VERB", "PRTS", "INFN"} & readings[0][1])
        and morph.analyzer().word_is_known(word)
    )


class _Clauses(NamedTuple):
    """A sentence's clauses (the start and end of each position's clause) and where the
    words that rules look for in a clause stand."""

    group: list[Token]
    starts: list[int]
    ends: list[int]
    marked: dict[str, tuple[int, ...]]


_MARKED = ("landmarks", "working", "uncertain", "news_words")
_MARKED_CLASSES = {key: word_class("damage", key) for key in _MARKED}
# Clauses of the sentences of the post being read: the rules ask about one sentence many
# times (kept by identity; find_damage and no_damage empty it when they start).
_clause_cache: dict[int, _Clauses] = {}
# ... and those of its sentences that have none of the words the clause rules look for.
_unmarked: dict[int, list[Token]] = {}


def _clauses(group: list[Token]) -> _Clauses:
    cached = _clause_cache.get(id(group))
    if cached is not None and cached.group is group:
        return cached
    starts: list[int] = []
    ends: list[int] = []
    marked: dict[str, list[int]] = {key: [] for key in (*_MARKED, "repelled")}
    start = 0
    for position, token in enumerate(group):
        starts.append(start)
        if token.text in _CLAUSE_BREAKS:
            ends.extend([position] * (position - start))
            ends.append(position + 1)
            start = position + 1
        if token.flags & REPELLED:
            marked["repelled"].append(position)
        if token.flags & CLAUSE_WORD:
            for key, bit in _MARKED_CLASSES.items():
                if token.classes & bit:
                    marked[key].append(position)
    ends.extend([len(group)] * (len(group) - len(ends)))
    found = _Clauses(group, starts, ends, {k: tuple(v) for k, v in marked.items()})
    _clause_cache[id(group)] = found
    return found


def _clause(group: list[Token], position: int) -> range:
    """The positions of the clause around a token (between commas, dashes, colons)."""
    clauses = _clauses(group)
    return range(clauses.starts[position], clauses.ends[position])


def _in_clause(group: list[Token], position: int, key: str, before: bool = False) -> bool:
    """Whether a word of `vocabulary.toml [damage] key` stands in the token's clause
    (before the token, if `before`)."""
    if _unmarked.get(id(group)) is group:
        return False
    clauses = _clauses(group)
    start = clauses.starts[position]
    end = position if before else clauses.ends[position]
    return any(start <= i < end for i in clauses.marked[key])


def _outage(group: list[Token], position: int) -> bool:
    """ "без света", "без газоснабжения", "нет света", "отсутствует электроснабжение",
    "without power": a supply cut, not a negation."""
    low = group[position].low
    if position + 1 >= len(group) or not (
        low in _words("outage") or low.startswith(_words("outage_prefixes"))
    ):
        return False
    entry = vocabulary_tag(group[position + 1].low)
    return entry is not None and entry.tag in ("energy", "fuel")


def _predicates(group: list[Token], negated: set[int]) -> tuple[set[str], set[int]]:
    """The kinds of predicate in the sentence (damage, hit, debris, landed), and the
    positions of the objects debris landed on."""
    kinds: set[str] = set()
    landed: set[int] = set()
    for position, token in enumerate(group):
        if not token.flags & _PREDICATE_WORDS:
            continue
        if token.flags & NEGATION and _outage(group, position):
            kinds.add("damage")
            continue
        if (
            token.flags & (INJURED | DOWN)
            and position not in negated
            and _thing_hurt(group, position)
        ):
            kinds.add("damage")
            continue
        if not token.flags & PREDICATE or position in negated:
            continue
        low = token.low
        if low.startswith(_words("damage")) and not low.startswith(_words("not_fire")):
            if (
                _burn_injury(group, position)
                or _air_defence_fire(group, position)
                or _debris_burning(group, position)
                or _drone_damaged(group, position)
                or _drones_destroyed(group, position)
                or _english_background(group, position)
            ):
                continue
            if "damage" not in kinds and not _uncertain(group, position):
                kinds.add("damage")
        elif low.startswith(_words("hit")):
            if low.startswith(words("events", "not_strike")) or low in _words("aims"):
                continue  # "ударный беспилотник", "drones targeting a plant": no hit
            following = group[position + 1].low if position + 1 < len(group) else ""
            if low in _words("hit_into") and following != "into":
                continue  # "a drone flew into a house" hits it; "flew over" does not
            if (
                not _attempted(group, position)
                and not _repelled(group, position)
                and not _english_background(group, position)
            ):
                realized = position > 0 and group[position - 1].low in _words("realized_before")
                kinds.add("hit_noun" if _nominal(token) and not realized else "hit")
        elif low.startswith(_words("debris")):
            if _drone_landed(group, position):
                kinds.add("hit")
                continue
            target = _landed_on_object(group, position)
            kinds.add("landed" if target else "debris")
            landed.update(target)
    return kinds, landed


def _thing_hurt(group: list[Token], position: int) -> bool:
    """ "пострадали два частных дома", "уничтожен грузовик": a casualty or a downing word
    said of a listed thing, with no person or drone beside it."""
    if not group[position].classes & _HURT_THINGS:
        return False
    clause = _clause(group, position)
    near = [
        group[i]
        for i in range(max(clause.start, position - 3), min(clause.stop, position + 4))
        if i != position and group[i].kind == "word"
    ]
    if any(
        t.classes & _CASUALTIES_PEOPLE or (not t.latin and morph.top_has(t.low, "NOUN", "anim"))
        for t in near
    ):
        return False  # "пострадал помощник машиниста электропоезда": a person
    # a drone, unless named as the one whose fall or strike it was ("в результате падения
    # аппарата пострадали три дома")
    window = range(max(clause.start, position - 3), min(clause.stop, position + 4))
    if any(
        group[i].flags & DRONE_CANDIDATE
        and not (i > 0 and group[i - 1].kind == "word" and group[i - 1].flags & PREDICATE)
        for i in window
        if i != position
    ):
        return False
    return any((entry := vocabulary_tag(t.low)) is not None and entry.role != "part" for t in near)


def _nominal(token: Token) -> bool:
    """ "атака на предприятие", "удар по подстанции": a hit named by a noun, which a post
    that says the attack was repelled names as the attack's target ("дрон атаковал
    автомобиль" tells a hit that happened, and so do "прилёт", "попадание")."""
    if token.latin:
        return token.low in _words("hit_nouns_english")
    if not token.classes & _REPELLABLE:
        return False
    readings = morph.parses(token.low)
    return bool(readings) and "NOUN" in readings[0][1]


def _repelled(group: list[Token], position: int) -> bool:
    """ "отражена атака дронов на НПЗ", "предотвратили атаку на подстанцию": a hit the
    clause says was repelled names a target, not damage."""
    return _in_clause(group, position, "repelled")


def _attempted(group: list[Token], position: int) -> bool:
    """ "пытались атаковать завод", "попытка атаки", "угроза удара": no hit happened; nor
    is one told as a habit ("продолжает атаковать жилые дома", "repeatedly targeted")."""
    before = [t for t in group[max(0, position - 3) : position] if t.kind == "word"]
    if group[position].latin:
        # "an attempt by the Kiev regime to carry out a terrorist attack": English puts the
        # attempt further back, in the hit's clause
        before = []
        for token in reversed(group[max(0, position - 10) : position]):
            if token.kind != "word":
                break
            before.append(token)
    return any(
        t.classes & (_ATTEMPT | _THREAT_WORDS | _HABITUAL) or t.low in _words("habitual_exact")
        for t in before
    )


def _uncertain(group: list[Token], position: int) -> bool:
    """ "возможный ущерб уточняется", "информация о разрушениях не поступала": damage not
    (yet) reported."""
    if _in_clause(group, position, "uncertain"):
        return True
    return _topic(group, position) and _in_clause(group, position, "news_words")


def _topic(group: list[Token], position: int) -> bool:
    """Whether the word is governed by "о" / "about" ("о пострадавших и разрушениях")."""
    for token in reversed(group[max(0, position - 4) : position]):
        if token.kind != "word":
            return False
        if token.low in _words("topic_prepositions"):
            return True
    return False


def _drone_landed(group: list[Token], position: int) -> bool:
    """ "беспилотник попал в территорию предприятия": a hit, unless debris is what fell."""
    following = group[position + 1].low if position + 1 < len(group) else ""
    return (
        group[position].low.startswith(_said().landed)
        and following in _said().landed_into
        and not any(t.classes & _DEBRIS_NOUNS for t in group)
    )


def _landed_on_object(group: list[Token], position: int) -> range:
    """ "обломки упали на жилой дом", "на жилой дом упал беспилотник", "fell onto a house":
    the positions of the object that debris hit itself; none for the ground around it
    ("упали на территорию завода", "на промышленную площадку", "в жилом секторе")."""
    if not group[position].classes & _LANDING:
        return range(0)
    prepositions = _words("landing_prepositions")
    for index in range(position + 1, min(len(group), position + 4)):
        if group[index].low in prepositions:
            return _object_after(group, index)
        if group[index].kind != "word":
            break
    for index in range(position - 1, max(-1, position - 5), -1):
        if group[index].kind != "word":
            break
        if group[index].low in prepositions:
            target = _object_after(group, index)
            return target if target and target.stop <= position else range(0)
    return range(0)


def _object_after(group: list[Token], preposition: int) -> range:
    """The noun phrase after a preposition when its head is a listed object in the
    accusative ("на жилую постройку", "onto a house"), else none."""
    for index in range(preposition + 1, min(len(group), preposition + 5)):
        token = group[index]
        if token.kind != "word":
            return range(0)
        if token.latin:
            if token.low in ("a", "an", "the") or (
                "-" in token.low and vocabulary_tag(token.low) is None
            ):
                continue  # "onto a single-family house", "a two-storey building"
            entry = vocabulary_tag(token.low)
            if entry is not None and index + 1 < len(group):
                following = vocabulary_tag(group[index + 1].low)
                if following is not None:
                    continue  # "a residential building": the head comes last
            return range(preposition + 1, index + 1) if entry is not None else range(0)
        if morph.has_reading(token.low, "ADJF") or morph.has_reading(token.low, "NUMR"):
            continue
        if vocabulary_tag(token.low) is None or not morph.has_reading(token.low, "accs"):
            return range(0)
        return range(preposition + 1, _genitive_end(group, index + 1))
    return range(0)


def _genitive_end(group: list[Token], start: int) -> int:
    """Where the genitive words after a head end ("крышу торгового центра", "здание одного
    из местных предприятий")."""
    end = start
    limit = start + 3
    while (
        end < len(group)
        and end < limit
        and group[end].kind == "word"
        and (
            morph.has_reading(group[end].low, "gent")
            or (
                group[end].low in _words("one_of_links")
                and end > start
                and group[end - 1].low in _words("one_of")
            )
        )
    ):
        if group[end].low in _words("one_of_links"):
            limit += 2  # "одного из": the owner follows
        end += 1
    return end


def find_damage(tokens: list[Token], groups: list[Sentence] | None = None) -> list[DamageHit]:
    """Every damage tag with the word it came from."""
    _clause_cache.clear()
    _unmarked.clear()
    _background.clear()
    analysed: list[tuple[int, int, list[Token], set[int], set[str], set[int]]] = []
    repelled = False
    ordinal = 0  # sentences with words, counted: "the sentence before" skips blank lines
    for union, group, _ in groups_of(tokens) if groups is None else groups:
        if not union and not any(t.kind == "word" for t in group):
            continue
        ordinal += 1
        repelled = repelled or bool(union & REPELLED)
        continued = (
            not union & (PREDICATE | FAKE)
            and union & VOCABULARY
            and bool(analysed)
            and analysed[-1][0] == ordinal - 1
            and "damage" in analysed[-1][4]
            and (_continuation(group) or _numbered_item(group, analysed[-1][2]))
        )
        # Sentences with no damage word, and no outage or thing hurt ("без света",
        # "уничтожен грузовик"), need no walk over their tokens.
        if not continued and (
            union & FAKE
            or not (
                union & PREDICATE or (union & (NEGATION | INJURED | DOWN) and union & VOCABULARY)
            )
        ):
            continue
        if not union & (CLAUSE_WORD | REPELLED):
            _unmarked[id(group)] = group
        negated = _negated_spans(group) if union & NEGATION else set()
        kinds, landed = _predicates(group, negated)
        if continued:
            # "Повреждены два дома. В соседнем селе — автомобиль и ЛЭП.": a list with no
            # verb of its own after a sentence of damage goes on with that damage
            kinds.add("damage")
        analysed.append((ordinal, union, group, negated, kinds, landed))
    # Debris that fell where the post reports damage it names no object for ("Обломки
    # упали на территорию предприятия. Степень ущерба устанавливается") did that damage.
    orphan = any("debris" in kinds and not landed for *_, kinds, landed in analysed) and any(
        "damage" in kinds and not _sentence_tags(group, negated, False)[1]
        for _, union, group, negated, kinds, _ in analysed
    )
    hits: list[DamageHit] = []
    owner = -2  # the last sentence that named a damaged object
    for ordinal, union, group, negated, kinds, landed in analysed:
        full = (
            "damage" in kinds
            or "hit" in kinds
            or ("hit_noun" in kinds and not repelled)
            or ("debris" in kinds and not landed and orphan)
        )
        if not (full or landed) or not union & (FIRE | VOCABULARY):
            continue
        if not full:
            if union & NO_DAMAGE_NOUN and _says_undamaged(group):
                continue  # "обломки упали на крышу дома, повреждений нет"
            # only debris that landed on an object: that object alone
            negated = negated | (set(range(len(group))) - landed)
        if "damage" not in kinds:
            # "под удар попали мирные жители и инфраструктура": a hit on the
            # infrastructure at large names no object
            negated = negated | {i for i, t in enumerate(group) if t.classes & _VAGUE_TARGETS}
        found, named = _sentence_tags(group, negated, owner == ordinal - 1)
        hits.extend(found)
        if named:
            owner = ordinal
    if any(h.tag == "industrial" for h in hits):
        hits = _plants_named_before(tokens, hits)
        index = {t.start: i for i, t in enumerate(tokens)}
        # the refinery absorbs the plant it belongs to, not a plant of its own beside it
        # (gas pipes and filling stations are no plant: "повреждены промышленный объект и
        # газовые коммуникации")
        if any(
            h.tag == "fuel" and not _supply_line(tokens, index, h) for h in hits
        ) and not _other_production(tokens, index, hits):
            hits = [h for h in hits if h.tag != "industrial"]
    words_at = {h.start: "" for h in hits}
    for token in tokens:
        if token.start in words_at:
            words_at[token.start] = token.low
    if any(h.tag in _BUILDINGS and not _generic(words_at, h) for h in hits):
        # "повреждения зданий и транспорта ... повреждён фасад частного дома": a building of
        # no stated use is one of those the post names
        hits = [h for h in hits if not _generic(words_at, h)]
    if all(h.tag == "fire" for h in hits):
        # "оценивается материальный ущерб": damage to nothing named is other
        hits += [
            DamageHit("other", group[position].start, group[position].end)
            for *_, group, negated, kinds, _ in analysed
            if "damage" in kinds
            for position in _unlisted_damage(group, negated)
        ][:1]
    return hits


def _supply_line(tokens: list[Token], index: dict[int, int], hit: DamageHit) -> bool:
    """Whether a fuel hit is a supply line or a filling station, no plant of its own."""
    position = index.get(hit.start)
    return position is not None and bool(tokens[position].classes & _SUPPLY_LINES)


def _says_undamaged(group: list[Token]) -> bool:
    """Whether the sentence states no damage ("повреждений нет", "без разрушений")."""
    words = [t for t in group if t.kind == "word"]
    return any(
        t.flags & NO_DAMAGE_NOUN and _stated_none(group, words, position)
        for position, t in enumerate(words)
    )


def _continuation(group: list[Token]) -> bool:
    """Whether a sentence is a verbless list after a dash ("В одном из районов — окна
    школы и автомобиль."), or an item of a list ("— частный дом;"): a place, a dash, then
    the objects, with no verb anywhere."""
    # "Повреждены:\n— частный дом;\n— автомобиль.": a list item starts with its dash
    dash = next((i for i, t in enumerate(group) if t.kind != "nl"), -1)
    if dash < 0 or group[dash].text not in ("—", "–", "-", "•", "·", "*"):
        dash = next((i for i, t in enumerate(group) if t.text in ("—", "–")), 0)
        if dash == 0 or dash > 8:
            return False
    # the list ends at a closing quote or the next dash ("..., автомобиль», — написал он")
    end = next(
        (i for i in range(dash + 1, len(group)) if group[i].text in ("—", "–", "»", '"')),
        len(group),
    )
    return not any(t.kind == "word" and (t.latin or _verbal(t.low)) for t in group[:end])


def _numbered_item(group: list[Token], before: list[Token]) -> bool:
    """ "Повреждены:\n1. частный дом;\n2. автомобиль.": an item of a numbered list (its
    number a sentence of its own), after a sentence that ends with a colon or a semicolon:
    a few words, no verb."""
    ending = next((t.text for t in reversed(before) if t.kind != "nl"), "")
    words = [t for t in group if t.kind == "word"]
    return (
        ending in (":", ";")
        and 0 < len(words) <= _MAX_ITEM_WORDS
        and not any(t.latin or _verbal(t.low) for t in words)
    )


def _unlisted_damage(group: list[Token], negated: set[int]) -> list[int]:
    """Positions of the sentence's words of a loss ("ущерб", "повреждён") that report one:
    not negated, in a sentence that does not say the damage is unknown or asks about it
    ("Пока неизвестно, какие повреждения есть", "не уточняет, есть ли разрушения")."""
    if _clauses(group).marked["uncertain"] or any(t.low in _words("questions") for t in group):
        return []
    words = [t for t in group if t.kind == "word"]
    return [
        position
        for position, token in enumerate(group)
        if token.flags & PREDICATE
        and not token.flags & FIRE
        and position not in negated
        and token.classes & _LOSS
        and not _uncertain(group, position)
        and not (
            token.flags & NO_DAMAGE_NOUN
            and _stated_none(group, words, next(i for i, w in enumerate(words) if w is token))
        )
    ]


def _generic(words_at: dict[int, str], hit: DamageHit) -> bool:
    """Whether the hit is a building of no stated use ("здание")."""
    entry = vocabulary_tag(words_at.get(hit.start, ""))
    return entry is not None and entry.role == "generic"


def _plants_named_before(tokens: list[Token], hits: list[DamageHit]) -> list[DamageHit]:
    """ "атака на НПЗ ... На территории завода возник пожар": the plant is the refinery
    named just before; "a hydroelectric power plant ... the plant's grounds": the station."""
    fuel = {
        t.sentence
        for t in tokens
        if t.flags & VOCABULARY and _is_fuel(t.low) and not t.classes & _SUPPLY_LINES
    }
    stations = {t.sentence for t in tokens if t.flags & VOCABULARY and t.classes & _STATIONS}
    found = []
    for hit in hits:
        if _plant_word(tokens, hit, fuel):
            hit = DamageHit("fuel", hit.start, hit.end)
        elif _plant_word(tokens, hit, stations):
            hit = DamageHit("energy", hit.start, hit.end)
        found.append(hit)
    return found


def _is_fuel(word: str) -> bool:
    entry = vocabulary_tag(word)
    return entry is not None and entry.tag == "fuel"


def _plant_word(tokens: list[Token], hit: DamageHit, fuel: set[int]) -> bool:
    """Whether the hit is a bare "завод" / "предприятие" (not "химического завода") with a
    refinery or depot named in its sentence or the two before."""
    index = next((i for i, t in enumerate(tokens) if t.start == hit.start), None)
    if index is None or not tokens[index].classes & _PLANT_WORDS:
        return False
    sentence = tokens[index].sentence
    if not {sentence, sentence - 1, sentence - 2} & fuel:
        return False
    previous = tokens[index - 1] if index > 0 else None
    return (
        previous is None
        or previous.kind != "word"
        or previous.latin
        or not morph.has_reading(previous.low, "ADJF")
    )


def _sentence_tags(
    group: list[Token], negated: set[int], owner_before: bool
) -> tuple[list[DamageHit], bool]:
    """The sentence's tags, and whether it names a damaged object. Parts of a building
    ("кровля", "окна") are a home's unless the sentence, or the one just before it, names
    whose they are ("упали на крышу торгового центра. Повреждена кровля")."""
    objects: list[DamageHit] = []
    parts: list[DamageHit] = []
    generic: list[DamageHit] = []
    areas: list[DamageHit] = []
    located: list[DamageHit] = []  # objects named as where something stood ("в доме")
    classes = 0
    for token in group:
        classes |= token.classes
    for position, token in enumerate(group):
        if not token.flags & (FIRE | VOCABULARY) or position in negated:
            continue
        if token.flags & FIRE:
            if not (
                _air_defence_fire(group, position)
                or _burn_injury(group, position)
                or _debris_burning(group, position)
            ):
                objects.append(DamageHit("fire", token.start, token.end))
            continue
        entry = vocabulary_tag(token.low)
        previous = group[position - 1].low if position > 0 else ""
        if entry is None or previous in _said().not_object_before:
            continue
        if token.latin and position > 1 and group[position - 2].low in ("unmanned", "aerial"):
            continue  # "unmanned attack vehicles", "unmanned surface vehicles": drones
        if _no_target(group, position, entry, classes):
            continue
        if entry.role == "part" and previous in _words("possessives"):
            # "упал на его крышу": a part of the object named before it, which the part
            # tags even when that object was named as the vicinity ("сдетонировал
            # неподалёку от жилого дома, повредив его кровлю")
            owner = _antecedent(group, position, negated)
            if owner is not None:
                objects.append(DamageHit(owner, token.start, token.end))
            continue
        if entry.role == "part" and _unlisted_owner(group, position):
            # "в крышу штаба флота", "окна почты": the part of a building of another use,
            # one of no stated use where the post names others
            generic.append(DamageHit("other", token.start, token.end))
            continue
        hit = DamageHit(entry.tag, token.start, token.end)
        if entry.role == "generic" and position > 0 and group[position - 1].classes & _DISTINCT:
            # "выбиты стёкла в другом здании": a building apart from those named, its span
            # from the adjective that says so (no building of no stated use)
            objects.append(DamageHit(entry.tag, group[position - 1].start, token.end))
            continue
        if _area(group, position, entry):
            areas.append(hit)
            continue
        if entry.role in ("object", "outbuilding") and _location(group, position):
            located.append(hit)
        {"part": parts, "generic": generic}.get(entry.role, objects).append(hit)
    named = [h for h in objects if h.tag != "fire"]
    if located and not parts and any(h not in located for h in named):
        # "во дворе частного дома повреждена хозпостройка", "находящийся в гараже
        # автомобиль": the place named is where the damaged object stood
        objects = [h for h in objects if h not in located]
        named = [h for h in named if h not in located]
    result = list(objects)
    if parts and not named and not owner_before and not generic:
        result += parts
    elif parts and not owner_before and not generic and all(h.tag == "vehicle" for h in named):
        # "выбиты окна, повреждены два автомобиля": a vehicle has glass, not windows
        result += [h for h in parts if _home_part(group, h)][:1]
    if generic and (not named if parts else not objects):
        # "повреждён фасад здания": the parts are those of a building of no stated use
        result += generic
    if areas and not named:
        result += areas
    return result, bool(named)


def _antecedent(group: list[Token], position: int, negated: set[int]) -> str | None:
    """The tag of the nearest listed object before a possessive part ("дома ... его
    кровлю"), if the sentence names one (not negated)."""
    for back in range(position - 2, -1, -1):
        token = group[back]
        if token.kind != "word" or not token.flags & VOCABULARY:
            continue
        entry = vocabulary_tag(token.low)
        if entry is None or entry.role == "part":
            continue
        return None if back in negated else entry.tag
    return None


def _home_part(group: list[Token], hit: DamageHit) -> bool:
    """Whether a part is one a vehicle does not have ("окна", "windows")."""
    return any(t.start == hit.start and t.low.startswith(_words("home_parts")) for t in group)


def _unlisted_owner(group: list[Token], position: int) -> bool:
    """Whether a part of a building is followed by its owner, a thing in the genitive that
    the vocabulary does not list ("крыша штаба", "окна почтового отделения"): no home. Not
    a listed owner ("кровля склада": the rules as before), a person ("окна пенсионерки"),
    a name, nor a part of a home ("окна второго этажа", "забор участка")."""
    if not morph.top_has(group[position].low, "NOUN"):
        return False  # "оконных конструкций": an adjective of a part
    found = False
    for index in range(position + 1, min(len(group), position + 6)):
        token = group[index]
        if token.kind != "word" or token.latin:
            break
        entry = vocabulary_tag(token.low)
        if entry is not None:
            if entry.role == "part":
                continue  # "стекла окон"
            return False
        if token.low.startswith(_words("part_links")):
            continue
        readings = morph.parses(token.low)
        best = readings[0][1] if readings else frozenset()
        if "ADJF" in best or "NUMR" in best or "PRTF" in best:
            continue
        abbreviation = token.text.isupper() and len(token.text) > 1
        if (token.capitalized and not abbreviation) or not (
            abbreviation or {"NOUN", "gent", "inan"} <= best
        ):
            break
        found = True  # an owner; a listed one may follow ("фасад помещения магазина")
    return found


def _no_target(group: list[Token], position: int, entry: DamageWord, classes: int) -> bool:
    """Whether a listed word names no object hit: a qualified "объект", the hospital the
    injured were taken to, a district's or a village's name, the road a drone struck on
    detonating, a vehicle's owner, the administration that speaks or acts. `classes`: the
    union of the sentence's word classes (a rule whose words the sentence lacks is not
    tried)."""
    previous = group[position - 1] if position > 0 else None
    token = group[position]
    return (
        (
            (entry.tag == "other" or entry.stem in _words("weak_heads"))
            and _qualified(group, position, entry)
        )
        or (
            entry.tag in _words("describing_tags")
            and _describes_other_object(group, position, entry)
        )
        or (entry.stem in _words("plant_words") and _station(group, position))
        or (entry.stem in _words("stores") and _contents(group, position))
        or (entry.stem in _words("stores") and _terminal_of_transport(group, position))
        or (entry.stem in _words("munitions") and not _stored(group, position))
        or (token.classes & _HOSPITALS and _treated_there(group, position))
        # only a capitalised word is the name of a district, a village or a street
        or (
            token.capitalized
            and (
                _district_name(group, position)
                or _settlement_name(group, position)
                or _street_name(group, position)
            )
        )
        or (
            entry.tag == "transport"
            and previous is not None
            and previous.low in _words("impact_prepositions")
        )
        or (entry.tag == "transport" and classes & _TRAVEL and _travelled(group, position))
        or (entry.tag == "social" and classes & _SHELTERS and _shelter(group, position))
        or (classes & _BELONGING and _belonging_to(group, position))
        or (
            entry.tag not in ("energy", "fuel")
            and classes & _DEENERGIZED
            and _deenergized(group, position)
        )
        or (_listed_before(group, position, 3) and _possessor(group, position, entry))
        or (
            entry.stem in _words("brands")
            and position + 1 < len(group)
            and _listed(group[position + 1])
        )
        # the owner or the served are listed words just before the object
        or (
            entry.tag != "vehicle"
            and _listed_before(group, position, 2)
            and _owner_of_vehicle(group, position)
        )
        or (
            entry.tag == "vehicle"
            and _listed_before(group, position, 3)
            and _served_by(group, position)
        )
        or _administration_acting(group, position)
        or (token.latin and _supplied(group, position))
        or (
            token.latin
            and position + 1 < len(group)
            and group[position + 1].low in _words("english_trade")
        )
        or (token.low in _words("sector_workers") and _workers_acting(group, position))
        or (classes & _EMPLOYING and _employer(group, position))
        or (entry.stem in _words("owned") and _owner_in_clause(group, position))
        or (classes & _MARKED_CLASSES["landmarks"] and _landmark(group, position))
        or (
            entry.tag in ("transport", "social")
            and classes & _CLOSURES
            and _closed(group, position)
        )
        or (
            entry.tag in ("vehicle", "transport")
            and previous is not None
            and bool(previous.classes & _TRAFFIC)
        )
        or _vicinity(group, position)
        or (classes & _MARKED_CLASSES["working"] and _working(group, position))
        or (token.low in _idiom_middles() and _idiom(group, position))
    )


# The word classes of the people `_employer` names: whose staff, who works where.
_EMPLOYING = _STAFF | _PEOPLE | _WORKING_PEOPLE


def _listed_before(group: list[Token], position: int, reach: int) -> bool:
    """Whether a listed word stands among the `reach` tokens before the position."""
    for index in range(max(0, position - reach), position):
        if group[index].flags & VOCABULARY:
            return True
    return False


@cache
def _idiom_middles() -> frozenset[str]:
    """The middle words of the three-word idioms (`_idiom` compares the word and its two
    neighbours with them)."""
    return frozenset(phrase.split(" ")[1] for phrase in _words("idioms") if phrase.count(" ") == 2)


def _idiom(group: list[Token], position: int) -> bool:
    """ "в связи с угрозой": a listed word inside a fixed phrase that names no object."""
    if position == 0 or position + 1 >= len(group):
        return False
    phrase = f"{group[position - 1].low} {group[position].low} {group[position + 1].low}"
    return phrase in _words("idioms")


def _closed(group: list[Token], position: int) -> bool:
    """ "airports have been closed", "движение поездов приостановлено", "приостановлена
    работа детских садов", "занятия в школах отменены": transport or a school closed or held
    up for safety, not hit (a word of closure in its clause)."""
    return any(group[i].classes & _CLOSURES for i in _clause(group, position))


def _working(group: list[Token], position: int) -> bool:
    """ "Беловская ЦРБ работает в штатном режиме": an object said to work as usual."""
    return _in_clause(group, position, "working")


def _vicinity(group: list[Token], position: int) -> bool:
    """ "сбит в районе завода", "вблизи нефтебазы", "недалеко от предприятия", "на подлёте
    к НПЗ", "on its approach to an oil refinery": an object named as where, not what."""
    index = position - 1
    while index >= 0 and group[index].kind == "word":
        word = group[index].low
        if group[index].classes & _VICINITY:
            return True
        if word in _words("vicinity_exact") and index > 0 and _whole(group[index - 1]):
            return True  # "здание у причала": where the object before it stands
        if word in _words("vicinity_exact"):
            # "сбросы на людей у магазина": where, in a sentence that tells no damage
            return not any(t.low.startswith(_words("damage")) for t in group)
        before = group[index - 1].low if index > 0 else ""
        if word in _words("one_of_links") and before in _words("one_of") and index > 1:
            # "рядом с одним из предприятий": over "одним из" to the link before
            index -= 2
            continue
        if word in _words("vicinity_links"):
            return before.startswith(_words("vicinity_linked"))
        modifier = (
            word in ("a", "an", "the", "its") or vocabulary_tag(word) is not None
            if group[index].latin
            else morph.has_reading(word, "ADJF")
        )
        if not modifier:
            return False
        index -= 1
    return False


def _possessor(group: list[Token], position: int, entry: DamageWord) -> bool:
    """ "крыша общежития техникума", "подстанция завода": a listed object in the genitive
    right after an object of another tag names whose that object is; the object before is
    what was hit (an object of no tag of its own, "вышка ЛЭП", is its owner's instead)."""
    token = group[position]
    if token.latin or not morph.has_reading(token.low, "gent"):
        return False
    index = position - 1
    while index >= max(0, position - 3) and group[index].kind == "word" and not group[index].latin:
        head = vocabulary_tag(group[index].low)
        if head is not None and head.role == "object" and morph.top_has(group[index].low, "NOUN"):
            # a store is tagged by what it holds ("склад боеприпасов"), see `_contents`
            return (
                head.tag not in (entry.tag, "other")
                and head.stem not in _words("weak_heads")
                and head.stem not in _words("stores")
            )
        if not morph.top_has(group[index].low, "ADJF"):
            return False
        index -= 1
    return False


def _shelter(group: list[Token], position: int) -> bool:
    """ "жильцов эвакуировали в школу", "пункт временного размещения в здании школы": a
    school or a house of culture named as where people were taken in, no target (a word
    of sheltering in its clause, five words either side)."""
    if any(t.low in _words("out_of") for t in group[max(0, position - 3) : position]):
        return False  # "детей эвакуировали из школы": the school they left
    clause = _clause(group, position)
    near = range(max(clause.start, position - 5), min(clause.stop, position + 6))
    return any(group[i].classes & _SHELTERS for i in near if i != position)


def _deenergized(group: list[Token], position: int) -> bool:
    """ "обесточены 200 домов": what lost its supply, with no other word of damage in its
    clause ("повреждён дом и обесточена улица" keeps the house)."""
    clause = _clause(group, position)
    cut = [i for i in clause if group[i].classes & _DEENERGIZED]
    return bool(cut) and not any(
        group[i].flags & PREDICATE and not group[i].classes & _DEENERGIZED
        for i in clause
        if i != position
    )


def _belonging_to(group: list[Token], position: int) -> bool:
    """ "автомобиль, принадлежащий местному предприятию": the owner after a participle of
    belonging, no target of its own."""
    return any(t.classes & _BELONGING for t in group[max(0, position - 3) : position])


def _listed(token: Token) -> bool:
    return token.kind == "word" and vocabulary_tag(token.low) is not None


def _whole(token: Token) -> bool:
    """Whether the token is a listed object, not a part of one ("стекла у магазина")."""
    entry = vocabulary_tag(token.low) if token.kind == "word" else None
    return entry is not None and entry.role != "part"


def _travelled(group: list[Token], position: int) -> bool:
    """ "трактор, который ехал по автомобильной дороге", "a car driving along the highway":
    the road a vehicle moved on, not a target."""
    index = position - 1
    while index > 0 and group[index].kind == "word":
        token = group[index]
        if token.low in _words("travel_prepositions"):
            return bool(group[index - 1].classes & _TRAVEL)
        if not (token.latin and token.low == "the") and not (
            not token.latin and morph.has_reading(token.low, "ADJF")
        ):
            return False
        index -= 1
    return False


def _landmark(group: list[Token], position: int) -> bool:
    """ "атаковали город Курчатов, где расположена АЭС": an object named in a clause of its
    own as a landmark. A full participle before the object describes it instead ("в
    расположенном рядом доме выбиты стекла": the house nearby was hit)."""
    if not _in_clause(group, position, "landmarks", before=True):
        return False
    start = _clauses(group).starts[position]
    return any(
        start <= i < position and not _attributive(group, i, position)
        for i in _clauses(group).marked["landmarks"]
    )


def _attributive(group: list[Token], index: int, position: int) -> bool:
    """A full participle ("расположенном") before the object with only adverbs and
    adjectives between ("рядом", "частном"), not a predicate ("расположена", "находится")
    nor a participle that places something else ("расположенное рядом с домом")."""
    token = group[index]
    readings = morph.parses(token.low) if not token.latin else []
    if not readings or "PRTF" not in readings[0][1]:
        return False
    return all(
        t.kind == "word"
        and not t.latin
        and (morph.has_reading(t.low, "ADJF") or morph.has_reading(t.low, "ADVB"))
        for t in group[index + 1 : position]
    )


def _contents(group: list[Token], position: int) -> bool:
    """ "склад ГСМ", "склад боеприпасов": a store is tagged by what it holds."""
    following = group[position + 1] if position + 1 < len(group) else None
    if following is None or following.kind != "word":
        return False
    entry = vocabulary_tag(following.low)
    return entry is not None and entry.role == "object"


def _terminal_of_transport(group: list[Token], position: int) -> bool:
    """ "Drones struck the airport, damaging a terminal building", "терминал порта": a
    terminal of the airport or port its sentence names is that transport."""
    if not group[position].low.startswith(_said().terminals):
        return False
    return any(
        (entry := vocabulary_tag(t.low)) is not None and entry.tag == "transport"
        for t in group
        if t.flags & VOCABULARY
    )


def _stored(group: list[Token], position: int) -> bool:
    """ "склад боеприпасов", "an ammunition depot": munitions tag only as what a store
    holds ("резервуар с топливом"); "с дрона сброшен боеприпас", "детонация топлива" are the
    drone's own."""
    before = position - 2 if position > 1 and group[position - 1].low in _said().holding else -1
    near = [group[i] for i in (before, position - 1, position + 1) if 0 <= i < len(group)]
    return any(t.classes & _MUNITION_STORES for t in near)


def _station(group: list[Token], position: int) -> bool:
    """ "thermal power plant", "нефтеперерабатывающий завод": the plant is the station or
    the refinery its adjective names."""
    if position == 0 or group[position - 1].kind != "word":
        return False
    entry = vocabulary_tag(group[position - 1].low)
    return entry is not None and entry.tag in ("energy", "fuel")


def _street_name(group: list[Token], position: int) -> bool:
    """ "на улице Школьной", "ул. Заводская", "проспект Металлургов": a capitalised word
    after a street's type word is the street's name, not an object (abbreviations in
    capitals, "НПЗ", stay objects)."""
    token = group[position]
    if not token.capitalized or token.latin or token.text.isupper() or position == 0:
        return False
    before = group[position - 1]
    if before.kind != "word" and before.text not in (",", "."):
        return False  # the first word of a sentence, a quote or a list item
    for back in range(position - 1, max(-1, position - 5), -1):
        word = group[back]
        if word.kind == "word" and (
            word.classes & _STREETS or word.low in _words("street_abbreviations")
        ):
            return True
        if not (word.capitalized or word.low in _said().street_name_links):
            break
    return False


def _settlement_name(group: list[Token], position: int) -> bool:
    """ "в поселке Газопровод", "в с. Нефтегорск": a village's name, not an object."""
    if not group[position].capitalized or position == 0:
        return False
    before = group[position - 1]
    if before.text == "." and position > 1:
        before = group[position - 2]
    return bool(before.flags & (SETTLEMENT_TYPE | SETTLEMENT_ABBREVIATION))


def _owner_of_vehicle(group: list[Token], position: int) -> bool:
    """ "служебный автомобиль сельхозпредприятия", "автомобиль газовой службы": whose the
    vehicle is, in the genitive right after it."""
    for back in range(position - 1, max(-1, position - 3), -1):
        token = group[back]
        if token.kind != "word" or token.latin or token.low in _said().list_conjunctions:
            return False  # "повреждения автомобиля и дома": two things
        entry = vocabulary_tag(token.low)
        if entry is not None and entry.tag == "vehicle":
            return morph.has_reading(group[position].low, "gent")
        if not morph.has_reading(token.low, "gent"):
            return False
    return False


def _served_by(group: list[Token], position: int) -> bool:
    """ "остановка общественного транспорта": vehicles in the genitive after a transport
    object name what it serves."""
    if not morph.has_reading(group[position].low, "gent"):
        return False
    for back in range(position - 1, max(-1, position - 4), -1):
        token = group[back]
        if token.kind != "word" or token.latin:
            return False
        entry = vocabulary_tag(token.low)
        if entry is not None:
            return entry.tag == "transport"
        if not morph.top_has(token.low, "ADJF"):
            return False
    return False


def _owner_in_clause(group: list[Token], position: int) -> bool:
    """ "административное здание промышленного предприятия", "по территории предприятия
    повреждено административное здание": the building is the enterprise's (named in the
    genitive in its clause; "склад и административное здание" are two)."""
    for index in _clause(group, position):
        entry = vocabulary_tag(group[index].low) if group[index].kind == "word" else None
        if entry is None or entry.role != "object" or entry.tag not in _OWNERS:
            continue
        if _vicinity(group, index):
            continue  # "административное здание у причала": no owner, a landmark
        if group[index].latin:
            # "an administrative building of the plant"
            if any(group[i].low == "of" for i in range(max(0, index - 3), index)):
                return True
        elif morph.has_reading(_head(group, index).low, "gent"):
            return True
    return False


def _workers_acting(group: list[Token], position: int) -> bool:
    """ "энергетики работают на месте": the sector's word that names its workers, before
    their verb (not "атакован объект энергетики")."""
    if group[position].low not in _words("sector_workers") or position + 1 >= len(group):
        return False
    following = group[position + 1]
    return following.kind == "word" and _verbal(following.low)


def _supplied(group: list[Token], position: int) -> bool:
    """ "cutting power to thousands of homes", "electricity supply to two schools", "a
    blackout that affected five villages and a hospital": what a supply cut reached is no
    damaged object."""
    if not group[position].latin:
        return False
    if _de_energized(group, position):
        return True
    for back in range(position - 1, max(0, position - 9), -1):
        token = group[back]
        if token.kind != "word":
            return False
        if token.low.startswith(_words("english_outages")):
            return True
        if token.low.startswith(_words("damage")):
            return False  # "an outage, and damaged a school"
        if token.low == "to":
            entry = vocabulary_tag(group[back - 1].low)
            return group[back - 1].low in ("supply", "supplies") or (
                entry is not None and entry.tag in ("energy", "fuel")
            )
    return False


def _de_energized(group: list[Token], position: int) -> bool:
    """ "200 houses were de-energized" (a dash may part the word): what lost power."""
    if position + 2 >= len(group) or group[position + 1].low not in _words("english_passives"):
        return False
    cut = group[position + 2].low
    following = group[position + 4].low if position + 4 < len(group) else ""
    return cut.startswith(_words("english_deenergized")) or (
        cut == "de" and following.startswith("energ")
    )


def _employer(group: list[Token], position: int) -> bool:
    """ "сотрудники АЭС", "работники завода", "жильцы дома", "работавший на ферме": whose
    people they are, where someone works."""
    if group[position].latin:
        # "residents of more than 200 houses": whose people they are, over a number
        for back in range(position - 1, max(-1, position - 6), -1):
            token = group[back]
            if token.low == "of":
                return back > 0 and bool(group[back - 1].classes & _PEOPLE)
            if (
                token.kind != "num"
                and token.low not in _words("english_amounts")
                and word_value(token.low) is None
            ):
                return False
        return False
    if position == 0 or group[position - 1].kind != "word":
        return False
    previous = group[position - 1]
    if previous.low in _said().workplace_prepositions and position > 1:
        return bool(group[position - 2].classes & _WORKING_PEOPLE)
    return bool(previous.classes & (_STAFF | _PEOPLE))


def _administration_acting(group: list[Token], position: int) -> bool:
    """ "пресс-служба администрации региона", "администрацией города будет проведена
    оценка", "администрация проводит обход": the administration as speaker or actor, not a
    building."""
    token = group[position]
    if token.latin and token.low in _words("english_administrations"):
        # "the regional administration reported", "the city administration said"
        verb = group[position + 1].low if position + 1 < len(group) else ""
        return verb in _words("english_speech")
    if not token.classes & _ADMINISTRATIONS:
        return False
    low = token.low
    if position > 0 and group[position - 1].classes & _ORG_HEADS:
        return True
    if _organisation_of(group, position):
        return True
    if all("ablt" in tags for _, tags in morph.parses(low)):
        return True
    # "районная администрация уже проводит обход": the subject of a verb that is no damage
    if not morph.top_has(low, "nomn"):
        return False
    for following in group[position + 1 : position + 4]:
        if following.kind != "word" or following.low.startswith(_words("damage")):
            return False
        # "администрация начала обход": a verb, if the word may be read as one
        if morph.top_has(following.low, "VERB") or (
            morph.has_reading(following.low, "VERB") and not morph.top_has(following.low, "ADJF")
        ):
            return True
    return False


def _organisation_of(group: list[Token], position: int) -> bool:
    """ "официальный аккаунт администрации области", "по данным администрации района": the
    administration in the genitive after a noun that names no building (over its
    adjectives), the body that speaks; "здание администрации", "окна администрации" are
    the building."""
    if not morph.has_reading(group[position].low, "gent"):
        return False
    for back in range(position - 1, max(-1, position - 4), -1):
        token = group[back]
        if token.kind != "word" or token.latin:
            return False
        if vocabulary_tag(token.low) is not None:
            return False
        readings = morph.parses(token.low)
        best = readings[0][1] if readings else frozenset()
        if "NOUN" in best:
            return True
        if "ADJF" not in best:
            return False
    return False


def _head(group: list[Token], position: int) -> Token:
    """The noun an adjective belongs to ("жилой" in "в жилой дом"), or the word itself."""
    index = position
    while (
        index + 1 < len(group)
        and group[index + 1].kind == "word"
        and morph.has_reading(group[index].low, "ADJF")
    ):
        index += 1
    return group[index]


def _area(group: list[Token], position: int, entry: DamageWord) -> bool:
    """ "промзона", "промышленная зона": an area, tagged only when nothing in it is named."""
    if entry.tag != "industrial":
        return False
    if group[position].classes & _ZONES:
        return True
    following = group[position + 1].low if position + 1 < len(group) else ""
    return following.startswith(_words("zone_nouns"))


def _location(group: list[Token], position: int) -> bool:
    """ "в домовладении", "во дворе частного дома", "у магазина", "onto the grounds of a
    kindergarten": an object named as where something stood."""
    if group[position].latin:
        return _english_grounds(group, position)
    for back in range(position - 1, max(-1, position - 4), -1):
        token = group[back]
        if token.kind != "word":
            return False
        if token.classes & _YARDS:
            return True
        if back > 0 and f"{group[back - 1].low} {token.low}" in _words("grounds"):
            # a home's grounds stay the home's (the labels tag the homestead), and so do
            # a production site's ("на территории сельхозпредприятия повреждены комбайн и
            # трактор": the enterprise's property)
            entry = vocabulary_tag(group[position].low)
            return entry is not None and entry.tag not in _words("own_grounds")
        if token.low in _said().in_place:
            return morph.has_reading(_head(group, position).low, "loct")
        if token.low == _said().at_owner:
            return morph.has_reading(_head(group, position).low, "gent")
        if not morph.has_reading(token.low, "ADJF"):
            return False
    return False


def _english_grounds(group: list[Token], position: int) -> bool:
    """ "on the grounds of the Yagodka kindergarten", "the territory of an enterprise": the
    object whose grounds something fell on."""
    for back in range(position - 1, max(0, position - 5), -1):
        token = group[back]
        if token.kind != "word":
            return False
        if token.low == "of":
            return group[back - 1].low in _words("english_grounds")
    return False


def _drone_damaged(group: list[Token], position: int) -> bool:
    """ "беспилотник получил повреждения и упал", "повреждённый дрон", "the drone was
    damaged by electronic warfare": damage to the drone itself (a drone beside a passive
    or nominal damage word, no listed object in the clause; "дрон повредил дом" and
    "после атаки дрона повреждения получили дома" stay)."""
    token = group[position]
    if not token.classes & _LOSS or not any(
        t.flags & DRONE_CANDIDATE for t in group[max(0, position - 3) : position + 3]
    ):
        return False
    if token.latin:
        previous = group[position - 1].low if position > 0 else ""
        if previous not in ("was", "were", "been", "damaged") and not any(
            t.flags & DRONE_CANDIDATE for t in group[position + 1 : position + 2]
        ):
            return False
    else:
        readings = morph.parses(token.low)
        if readings and "VERB" in readings[0][1]:
            return False  # "дрон повредил"
    clause = _clause(group, position)
    if any(
        group[i].flags & VOCABULARY and vocabulary_tag(group[i].low) is not None for i in clause
    ):
        return False
    near = range(max(clause.start, position - 3), min(clause.stop, position + 3))
    return any(
        group[i].flags & DRONE_CANDIDATE
        and not (
            i - 1 != position
            and i > 0
            and group[i - 1].kind == "word"
            and group[i - 1].flags & PREDICATE
        )
        for i in near
        if i != position
    )


def _drones_destroyed(group: list[Token], position: int) -> bool:
    """ "air defence destroyed 11 drones", "the drones were destroyed": English "destroy"
    said of drones is a downing, not damage."""
    token = group[position]
    if not token.latin or not token.low.startswith("destroy"):
        return False
    after = group[position + 1 : position + 5]
    if any(t.flags & DRONE_CANDIDATE for t in after if t.kind == "word"):
        return True
    before = group[max(0, position - 4) : position]
    return (
        position > 0
        and group[position - 1].low in _words("english_passives")
        and any(t.flags & DRONE_CANDIDATE for t in before if t.kind == "word")
    )


def _english_background(group: list[Token], position: int) -> bool:
    """ "Ukraine has targeted Russian refineries in recent months", "has been hitting
    airfields", "strikes ... are retaliation for ...": an English news item's background,
    no event of its own (a continuous "been ...ing", or a background word in the
    sentence)."""
    token = group[position]
    if not token.latin:
        return False
    if position > 0 and group[position - 1].low == "been" and token.low.endswith("ing"):
        return True
    cached = _background.get(id(group))
    if cached is not None and cached[0] is group:
        return cached[1]
    # "in recent months" (not "the most recent attack")
    found = any(
        t.classes & _ENGLISH_BACKGROUND
        and (
            t.low not in _words("english_recent")
            or (index + 1 < len(group) and group[index + 1].low in _words("english_periods"))
        )
        for index, t in enumerate(group)
    )
    _background[id(group)] = (group, found)
    return found


# Whether a sentence of the post being read is an English item's background (kept by
# identity; find_damage empties it when it starts).
_background: dict[int, tuple[list[Token], bool]] = {}


def _burn_injury(group: list[Token], position: int) -> bool:
    """ "suffered significant burns", "with burns to his hands": an injury, not a fire."""
    if group[position].low not in ("burn", "burns"):
        return False
    following = group[position + 1].low if position + 1 < len(group) else ""
    if following in ("to", "on"):
        return True
    return any(t.classes & _BURN_INJURY for t in group[max(0, position - 3) : position])


def _debris_burning(group: list[Token], position: int) -> bool:
    """ "на месте падения горели его обломки", "обломки дрона загорелись на земле": the
    drone's own debris burning, with nothing set on fire (no listed object in the clause;
    "обломки упали на крышу и загорелись" stays a fire)."""
    token = group[position]
    if token.latin or not morph.top_has(token.low, "VERB"):
        return False
    clause = _clause(group, position)
    debris = _words("debris_nouns")
    if not any(
        group[i].low.startswith(debris) and morph.has_reading(group[i].low, "nomn") for i in clause
    ):
        return False
    return not any(
        group[i].flags & VOCABULARY and vocabulary_tag(group[i].low) is not None for i in clause
    )


def _air_defence_fire(group: list[Token], position: int) -> bool:
    """ "уничтожены огнём ПВО", "открыли огонь по беспилотнику", "opened fire on the
    drones", "anti-aircraft fire": the fire of guns, not a fire caused."""
    following = group[position + 1].low if position + 1 < len(group) else ""
    if group[position].low == _said().by_fire and following.startswith(_words("gunfire")):
        return True
    if position == 0 or group[position].low not in _said().fire:
        return False
    previous = group[position - 1].low
    return previous.startswith(_words("gunfire_before")) or previous in _words("gunfire_verbs")


def _district_name(group: list[Token], position: int) -> bool:
    """ "в Заводском районе Саратова": a district's name, not a plant."""
    following = group[position + 1] if position + 1 < len(group) else None
    return (
        group[position].capitalized
        and following is not None
        and bool(following.flags & DISTRICT_TYPE)
    )


def _treated_there(group: list[Token], position: int) -> bool:
    """ "доставлена в больницу", "taken to hospital", "в больнице ему оказывают помощь":
    where the injured went, not a target (a treating word in its clause, five words
    either side)."""
    if not group[position].classes & _HOSPITALS:
        return False
    clause = _clause(group, position)
    near = range(max(clause.start, position - 5), min(clause.stop, position + 6))
    if any(
        group[i].classes & _TREATED
        # "автомобиль скорой помощи": an ambulance, no treatment
        and not (i > 0 and group[i - 1].low in _words("ambulances"))
        for i in near
        if i != position
    ):
        return True
    # "мужчина и женщина попали в больницу": people who got there
    if position < 2 or not group[position - 2].low.startswith(_words("got_to")):
        return False
    return any(
        t.kind == "word" and not t.latin and morph.top_has(t.low, "NOUN", "anim")
        for t in group[clause.start : position - 2]
    )


def _qualified(group: list[Token], position: int, head: DamageWord) -> bool:
    """ "объект железнодорожной инфраструктуры", "гостевой дом", "канализационная насосная
    станция": the adjective before names the tag of an "other" noun or a weak head."""
    weak = head.stem in _words("weak_heads")
    owned = weak or (head.tag == "other" and head.role == "object")
    if owned and position + 1 < len(group) and group[position + 1].kind == "word":
        # "Дом культуры": the genitive after names what the house is; "вышка ЛЭП",
        # "котельная школы": what an object of no tag of its own belongs to
        following = vocabulary_tag(group[position + 1].low)
        if (
            following is not None
            and following.role == "object"
            and following.tag != head.tag
            and morph.has_reading(group[position + 1].low, "gent")
        ):
            return True
    if position == 0 or group[position - 1].kind != "word" or not (weak or head.tag == "other"):
        return False
    previous = group[position - 1]
    entry = vocabulary_tag(previous.low)
    return (
        entry is not None
        and entry.role == "object"
        and (entry.tag != head.tag if weak else entry.tag != "other")
        and (previous.latin or morph.has_reading(previous.low, "ADJF"))
    )


def _describes_other_object(group: list[Token], position: int, entry: DamageWord) -> bool:
    """ "автомобильного завода", "школьный автобус": a transport, vehicle or school adjective
    before a listed object of another kind describes it; the object is what was hit."""
    if (
        entry.tag not in _words("describing_tags")
        or position + 1 >= len(group)
        or group[position].latin
        or not morph.top_has(group[position].low, "ADJF")
    ):
        return False
    following = group[position + 1]
    head = vocabulary_tag(following.low) if following.kind == "word" else None
    return (
        head is not None
        and head.role == "object"
        and head.tag not in (entry.tag, "other")
        and head.stem not in _words("weak_heads")
    )


def tags(hits: list[DamageHit]) -> list[str]:
    """Distinct tags in first-seen order."""
    return list(dict.fromkeys(h.tag for h in hits))


def _other_production(tokens: list[Token], index: dict[int, int], hits: list[DamageHit]) -> bool:
    """Whether an industrial hit is a plant of its own beside a refinery or depot: a
    production named by its own noun ("пилорама", "элеватор"), or a plant word after an
    adjective of its own ("соседнего химического завода", "цех соседнего предприятия"),
    not a refinery's name ("Новошахтинского завода") nor one of its parts ("цех")."""
    for hit in hits:
        position = index.get(hit.start)
        if hit.tag != "industrial" or position is None or position == 0:
            continue
        token, previous = tokens[position], tokens[position - 1]
        if not token.classes & _PLANT_PARTS:
            return True
        if (
            token.classes & _PLANT_WORDS
            and previous.kind == "word"
            and not previous.capitalized
            and vocabulary_tag(previous.low) is None
            and morph.has_reading(previous.low, "ADJF")
        ):
            return True
    return False


def no_damage(
    tokens: list[Token], groups: list[Sentence] | None = None, damaged: bool = False
) -> tuple[int, int] | None:
    """The span of "разрушений нет", "без разрушений", "no damage", if the post says so.
    `damaged`: whether the post reports damage (then "жилые дома не повреждены", said of
    one kind of object, leaves the rest open)."""
    _clause_cache.clear()
    _unmarked.clear()
    for union, group, _ in groups_of(tokens) if groups is None else groups:
        if union & (NEGATION | INTACT):
            span = _objects_unhurt(group, damaged)
            if span is not None:
                return span
        if not union & NO_DAMAGE_NOUN:
            continue
        words = [t for t in group if t.kind == "word"]
        for position, token in enumerate(words):
            if not token.flags & NO_DAMAGE_NOUN:
                continue
            if _stated_none(group, words, position, damaged):
                return token.start, token.end
    return None


def _stated_none(
    group: list[Token], words: list[Token], position: int, damaged: bool = True
) -> bool:
    """Whether a damage noun is negated: "разрушений нет", "без разрушений", "жертв и
    разрушений удалось избежать", "отсутствие разрушений", "пострадавших нет, как и
    разрушений", "no damage"."""
    token = words[position]
    before = [t.low for t in words[max(0, position - 3) : position]]
    if _as_well(group, token):
        return True
    if _after_clause_break(group, token):
        before = []
    after = _clause_after(group, token)
    index = next(i for i, t in enumerate(group) if t is token)
    if _topic(group, index):
        return False  # "информация о разрушениях не поступала"
    if (
        token.classes & _CONSEQUENCES
        and after[:1] == [_said().consequences_for]
        and (len(after) < 2 or after[1].startswith(_words("people_concerns")))
    ):
        return False  # "без последствий для здоровья": of people, not of things
    if after and after[0] in _words("not_negating"):
        return False
    if _not_spared(words, position):
        return False  # "без разрушений не обошлось", "не обошлось без повреждений"
    if token.latin:
        # "no damage", "caused no damage", "without causing damage", "did not result in
        # any damage"
        reach = _words_before(group, index, 5)
        if not {"no", "not", "neither", "without"} & set(reach):
            reach = _english_list_before(group, index) or reach
        for cut in range(len(reach) - 1, -1, -1):
            # "did not explode but damaged": a contrast ends the negation before it
            if reach[cut] in _words("english_contrasts") or (
                reach[cut] == "and" and cut < len(reach) - 1
            ):
                reach = reach[cut + 1 :]
                break
        return (
            bool({"no", "not", "neither", "without"} & set(reach))
            # "no damage to the houses", "no damage recorded for it": said of one object,
            # a statement only in a post that reports no damage
            and (not damaged or not {"for", "to"} & set(after[:4]))
            and not any(word.startswith(_words("news_words")) for word in reach)
        )
    # "без жертв и разрушений": the "без" reaches over the pair.
    paired = (
        len(before) == 3 and before[0] == _said().without and before[2] in _said().list_conjunctions
    )
    # "повреждений и пострадавших на местах падения обломков нет": a "нет" that
    # ends the clause negates all that stands before it.
    rest = _words_to_end(group, index)
    closing = (
        bool(rest)
        and rest[-1] == _said().no
        and all(_before_closing_no(word) for word in rest[:-1])
    )
    avoided = _words("avoided")
    # "атака не повлекла разрушений", "нет ни разрушений, ни пострадавших"
    negated_verb = _said().negation in before[-2:] and before[-1] not in _words("not_negating")
    return (
        (bool(before) and before[-1] in _said().none_of)
        or _without_modified(group, index)
        or _no_result(group, index)
        or negated_verb
        or (
            bool(before)
            and before[-1] == _said().nor
            and bool(
                set(_said().nor_needs) & {t.low for t in words[max(0, position - 6) : position]}
            )
        )
        or paired
        or _negation_after(after)
        or (
            not after
            and rest[:1] != []
            and rest[0] not in _words("contrasts")
            and _negation_after(rest)
            and not _aside_verb(group, index)
        )
        or _avoided_after(after)
        or any(b.startswith(avoided) for b in before)
        or closing
    )


def _avoided_after(after: list[str]) -> bool:
    """ "жертв удалось избежать", "пострадавших и разрушений на земле при ликвидации
    вражеской авиатехники удалось избежать": a word of avoiding after the noun, near it or
    with no verb of its own between."""
    avoided = _words("avoided")
    for index, word in enumerate(after):
        if word.startswith(avoided):
            # "разрушения инфраструктуры и ранения людей удалось не допустить": the modal
            # verb is the avoiding's own
            return index < 6 or not any(
                _verbal(w) and w not in _words("avoided_modals")
                for w in after[: index - 1]
                if not w.isascii()
            )
    return False


def _before_closing_no(word: str) -> bool:
    """Whether the word may stand between a damage noun and the "нет" that closes its
    clause: a listed word, or a genitive noun or adjective ("повреждений объектов
    инфраструктуры и пострадавших нет")."""
    return word in _words("before_closing_no") or (
        # "разрушений в селе либо пострадавших нет": a place between
        (morph.has_reading(word, "gent") or morph.has_reading(word, "loct")) and not _verbal(word)
    )


def _aside_verb(group: list[Token], index: int) -> bool:
    """Whether a verb stands between the token and the next negation ("Повреждения,
    которые получил дом, не опасны": a clause of its own, not an aside)."""
    for token in group[index + 1 :]:
        if token.low in NEGATIONS:
            return False
        if token.kind == "word" and not token.latin and _verbal(token.low):
            return True
    return False


def _not_spared(words: list[Token], position: int) -> bool:
    """ "Без разрушений не обошлось", "не обошлось без повреждений": damage, said twice
    negated."""
    near = words[max(0, position - 3) : position + 8]
    negation, verb = _said().did_not_go_without
    return any(
        first.low == negation and second.low.startswith(verb) for first, second in pairwise(near)
    )


def _words_to_end(group: list[Token], index: int) -> list[str]:
    """The words after the token to the end of its sentence, over commas ("Пострадавших и
    разрушений, по его данным, нет"), skipping a parenthetical between two commas ("по
    счастью")."""
    found: list[str] = []
    aside: list[str] = []
    inside = False
    for token in group[index + 1 :]:
        if token.text in _QUOTE_ENDS:
            break  # "«Повреждений на объектах нет», — уточнил он": the quote ends there
        if token.text == ",":
            if inside:
                aside = []  # a closed parenthetical: its words do not count
            else:
                found.extend(aside)
                aside = []
            inside = not inside
            continue
        if token.kind == "word":
            (aside if inside else found).append(token.low)
    return found + aside


def _english_list_before(group: list[Token], index: int) -> list[str]:
    """The items of an English list the noun ends, back to its "no" ("no casualties,
    injuries, or destruction"): nouns parted by commas, no verb (not "no one was hurt,
    damage was caused")."""
    if group[index].low.endswith("ed"):
        return []  # "no casualties, a house damaged": a participle, no item
    if index == 0 or group[index - 1].low not in ("or", "and", "nor"):
        return []  # "no injuries, damage to two houses": the list's last item has its link
    found: list[str] = []
    items = 0  # words of the item being read, besides its links
    for token in reversed(group[max(0, index - 10) : index]):
        if token.kind != "word":
            if token.text != ",":
                break
            items = 0
            continue
        found.append(token.low)
        if token.low in ("no", "without"):
            return found[::-1]
        if token.low not in ("or", "and", "any"):
            items += 1
            if items > 1 or token.low in _words("english_passives"):
                return []  # an item of one word: a noun
    return []


def _words_before(group: list[Token], index: int, count: int) -> list[str]:
    """Up to `count` words before the token, within its clause."""
    found: list[str] = []
    for token in reversed(group[max(0, index - count) : index]):
        if token.kind != "word":
            break
        found.append(token.low)
    return found[::-1]


def _no_result(group: list[Token], index: int) -> bool:
    """ "не привело к каким-либо разрушениям", "не повлекло за собой серьёзных
    повреждений", "не вызвало разрушений": a result that did not follow."""
    before = _words_before(group, index, 8)
    if _said().negation not in before:
        return False
    at = len(before) - before[::-1].index(_said().negation)
    if at >= len(before) or not before[at].startswith(_words("result_verbs")):
        return False
    # "не привёл к человеческим жертвам и разрушениям": casualty nouns in the list too
    return all(
        word in _words("result_links")
        or word in _words("list_links")
        or word.startswith(_words("zero_nouns"))
        or morph.has_reading(word, "ADJF")
        for word in before[at + 1 :]
    )


def _without_modified(group: list[Token], index: int) -> bool:
    """ "без серьёзных разрушений", "без каких-либо последствий"."""
    before = _words_before(group, index, 3)
    if _said().without not in before:
        return False
    between = before[len(before) - before[::-1].index(_said().without) :]
    return bool(between) and all(morph.has_reading(word, "ADJF") for word in between)


def _negation_after(after: list[str]) -> bool:
    """ "разрушений не выявлено", "повреждения отсутствуют"; not "повреждения незначительные
    и пострадавших нет", where the negation after a casualty noun is its own."""
    for index, word in enumerate(after[:6]):
        if word.startswith(_words("zero_nouns")):
            return all(_before_closing_no(w) for w in after[:index]) and any(
                a in NEGATIONS for a in after[index:]
            )
        if word in NEGATIONS and _supply_cut(after, index):
            return False  # "из-за повреждения ЛЭП без света остались жители": an outage
        if word in NEGATIONS:
            # "повреждения получили два дома и не пострадал никто": the negation is of
            # a predicate of its own; a verb of finding is the negated one's ("повреждений
            # зафиксировано не было")
            return not _not_negating_after(after) and not any(
                _verbal(w) and not w.startswith(_words("result_verbs"))
                for w in after[:index]
                if not w.isascii()
            )
    return False


def _supply_cut(words: list[str], index: int) -> bool:
    """Whether the negation at the index is a supply cut ("без света", "без газа", "without
    power"): an energy or fuel word after it."""
    if index + 1 >= len(words) or words[index] not in _words("outage"):
        return False
    entry = vocabulary_tag(words[index + 1])
    return entry is not None and entry.tag in ("energy", "fuel")


def _not_negating_after(after: list[str]) -> bool:
    """ "повреждения получили не менее 20 домов": the first "не" negates nothing."""
    for index, word in enumerate(after[:6]):
        if word in NEGATIONS:
            following = after[index + 1] if index + 1 < len(after) else ""
            return following in _words("not_negating") or following.startswith(
                _words("not_negating_degrees")
            )
    return False


def _as_well(group: list[Token], token: Token) -> bool:
    """ "пострадавших нет, как и разрушений": the negation of the clause before reaches a
    noun after "как и"."""
    index = next((i for i, t in enumerate(group) if t is token), 0)
    if (
        index < 4
        or group[index - 1].low != _said().also
        or group[index - 2].low not in _words("as_well")
    ):
        return False
    before = group[index - 3]
    if before.kind == "word" or index < 5:
        return False
    return group[index - 4].low in NEGATIONS


def _clause_after(group: list[Token], token: Token) -> list[str]:
    """The words after the token up to the end of its clause ("Повреждения есть, ...")."""
    index = next((i for i, t in enumerate(group) if t is token), len(group))
    clause: list[str] = []
    for following in group[index + 1 :]:
        if following.kind != "word":
            break
        clause.append(following.low)
    return clause


def _after_clause_break(group: list[Token], token: Token) -> bool:
    """ "Пострадавших нет, повреждения незначительные": a comma ends the "нет" before."""
    index = next((i for i, t in enumerate(group) if t is token), 0)
    return index > 0 and group[index - 1].kind != "word"


def _objects_unhurt(group: list[Token], damaged: bool) -> tuple[int, int] | None:
    """ "гражданские объекты не пострадали", "капитальные строения не повреждены",
    "инфраструктура и здания не повреждены": no damage, said of things. Said of one kind
    of object ("жилые дома не повреждены", "промышленные объекты не пострадали") it counts
    only in a post that reports no damage: other damage may have happened."""
    english = _english_unhurt(group)
    if english:
        entry = vocabulary_tag(group[english.start + 1].low)
        # "No houses were damaged": one kind of object, as "жилые дома не повреждены"
        if not (damaged and entry is not None and entry.tag != "other"):
            return group[english.start].start, group[english.stop - 1].end
    words = [t for t in group if t.kind == "word"]
    for position in range(1, len(words)):
        token = words[position]
        if token.classes & _INTACT:
            # "все объекты инфраструктуры и здания остались целыми"
            end = position - 1 if words[position - 1].classes & _REMAINED else position
        elif words[position - 1].low == _said().negation and token.low.startswith(
            _said().unhurt_verbs
        ):
            end = position - 1
        else:
            continue
        subject = words[max(0, end - 5) : end]
        # the subject: the words back to the clause's start
        index = next(i for i, t in enumerate(group) if t is words[end])
        start = _clause(group, index).start
        subject = [w for w in subject if w.start >= group[start].start]
        # "повреждены два дома и не пострадал никто": the subject starts after an "и"
        # that joins a predicate before it
        for cut in range(len(subject) - 1, -1, -1):
            at = next(i for i, t in enumerate(group) if t is subject[cut])
            if _joins_predicates(group, at):
                subject = subject[cut + 1 :]
                break
        lows = [w.low for w in subject]
        if not subject or any(w in _said().nobody for w in lows):
            continue
        if any(w.startswith(_words("people")) for w in lows):
            continue
        things = [w for w in subject if w.low.startswith(_said().object) or _thing(w.low)]
        nouns = [w for w in subject if not w.latin and morph.top_has(w.low, "NOUN")]
        if nouns and nouns[-1] not in things:
            continue  # "производственный процесс не пострадал": no thing unhurt
        capital = any(w.startswith(_said().structure) for w in lows)
        if not things and not capital:
            continue
        if token.low.startswith(_said().suffered) and not things:
            continue
        specific = any(
            (entry := vocabulary_tag(w.low)) is not None
            and entry.role == "object"
            and entry.tag != "other"
            for w in subject
        )
        if specific and damaged:
            continue
        return subject[0].start, token.end
    return None


def _english_unhurt(group: list[Token]) -> range:
    """ "No facilities in the city have been damaged", "no buildings, either in the city or
    the port, were hit": a listed object after "no", the subject of a passive of damage
    later in its sentence (over commas, not over a contrast)."""
    for position, token in enumerate(group):
        if token.low != "no" or not token.latin or position + 1 >= len(group):
            continue
        subject = group[position + 1]
        if subject.kind != "word" or vocabulary_tag(subject.low) is None:
            continue
        for index in range(position + 2, min(len(group), position + 16)):
            word = group[index]
            if word.kind != "word":
                if word.text in (",", "—", "–"):
                    continue
                break
            if word.low in _words("english_contrasts") or word.low in ("no", "not"):
                break
            if (
                word.low in _words("english_passives")
                and index + 1 < len(group)
                and group[index + 1].low.startswith(_words("english_unhurt"))
            ):
                return range(position, index + 2)
            if word.low in ("been",) and group[index - 1].low in _words("english_passives"):
                continue
    return range(0)


def _thing(word: str) -> bool:
    entry = vocabulary_tag(word)
    return entry is not None
