"""Damage tags: what was hit or damaged, mapped to the contract's fixed set.

A sentence yields tags when it reports damage or fire, a hit ("атака дрона на
предприятие", unless the post says the attack was repelled), or debris that fell where
the post reports damage at all. Parts of buildings (windows, roofs) belong to the
building named beside them, else to a home.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    DISTRICT_TYPE,
    FAKE,
    FIRE,
    HOSPITAL,
    NEGATION,
    NEGATIONS,
    NO_DAMAGE_NOUN,
    PREDICATE,
    REPELLED,
    VOCABULARY,
)
from dronewatch.parsing.lexicon import DamageWord, lexicon, words
from dronewatch.parsing.text import Sentence, Token, groups_of

_MAX_SUFFIX = 4
_LONG_STEM = 9
_MAX_LONG_SUFFIX = 6


class DamageHit(NamedTuple):
    tag: str
    start: int
    end: int


def _words(key: str) -> tuple[str, ...]:
    return words("damage", key)


@cache
def _by_first_letter() -> dict[str, tuple[DamageWord, ...]]:
    index: dict[str, list[DamageWord]] = {}
    for word in lexicon().damage:
        index.setdefault(word.stem[0], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def vocabulary_tag(word: str) -> DamageWord | None:
    """The damage vocabulary entry a folded word belongs to (longest stem wins)."""
    best: DamageWord | None = None
    for entry in _by_first_letter().get(word[:1], ()):
        if entry.exact:
            matched = word == entry.stem
        elif word.isascii():
            matched = word in (entry.stem, entry.stem + "s", entry.stem + "es")
        else:
            # Long stems are specific enough for participle endings ("нефтеперерабатывающего").
            limit = _MAX_SUFFIX if len(entry.stem) < _LONG_STEM else _MAX_LONG_SUFFIX
            matched = word.startswith(entry.stem) and len(word) - len(entry.stem) <= limit
        if matched and (best is None or len(entry.stem) > len(best.stem)):
            best = entry
    return best


def _negated_spans(group: list[Token]) -> set[int]:
    """Token positions inside "X не повреждены", "разрушений нет", "no damage"."""
    negated: set[int] = set()
    for position, token in enumerate(group):
        if not token.flags & NEGATION:
            continue
        if token.low in ("не", "no", "not", "без", "without"):
            start = position
            # "окна не повреждены", "часть домов без света": the clause before is negated
            # too; English "no" and "without" negate only what follows them ("... and
            # leaving the town without power")
            while (
                token.low in ("не", "not", "без")
                and start > 0
                and group[start - 1].text not in (",", ";", "—", "–")
            ):
                start -= 1
            end = position + 2
            while (
                end < len(group)
                and end < position + 6
                and group[end].kind == "word"
                and token.latin
            ):
                end += 1
            negated.update(range(start, min(end, len(group))))
        elif token.low == "нет" or token.low.startswith(_words("avoided")):
            start = position
            while start > 0 and group[start - 1].text not in (",", ";", "—", "–", ":"):
                start -= 1
            negated.update(range(start, position + 1))
    return negated


def _predicates(group: list[Token], negated: set[int]) -> set[str]:
    kinds: set[str] = set()
    for position, token in enumerate(group):
        if not token.flags & PREDICATE or position in negated:
            continue
        low = token.low
        if low.startswith(_words("damage")) and not low.startswith(_words("not_fire")):
            kinds.add("damage")
        elif low.startswith(_words("hit")):
            kinds.add("hit")
        elif low.startswith(_words("debris")):
            kinds.add("hit" if _drone_landed(group, position) else "debris")
    return kinds


def _drone_landed(group: list[Token], position: int) -> bool:
    """ "беспилотник попал в территорию предприятия": a hit, unless debris is what fell."""
    following = group[position + 1].low if position + 1 < len(group) else ""
    return (
        group[position].low.startswith("попал")
        and following in ("в", "на")
        and not any(t.low.startswith(_words("debris_nouns")) for t in group)
    )


def find_damage(tokens: list[Token], groups: list[Sentence] | None = None) -> list[DamageHit]:
    """Every damage tag with the word it came from."""
    repelled = False
    analysed = []
    for union, group, _ in groups_of(tokens) if groups is None else groups:
        repelled = repelled or bool(union & REPELLED)
        if union & FAKE or not union & PREDICATE:
            continue
        # Sentences without a negation word or a damage word need no walk over their tokens.
        negated = _negated_spans(group) if union & NEGATION else set()
        analysed.append((union, group, negated, _predicates(group, negated)))
    damaged_post = any("damage" in kinds for _, _, _, kinds in analysed)
    hits: list[DamageHit] = []
    owner_sentence = -2  # the last sentence that named a damaged object
    for union, group, negated, kinds in analysed:
        active = (
            "damage" in kinds
            or ("hit" in kinds and not repelled)
            or ("debris" in kinds and damaged_post)
        )
        if active and union & (FIRE | VOCABULARY):
            sentence = group[0].sentence
            found, named = _sentence_tags(group, negated, owner_sentence == sentence - 1)
            hits.extend(found)
            if named:
                owner_sentence = sentence
    if any(h.tag == "industrial" for h in hits):
        # "атака на НПЗ ... На территории завода возник пожар": the plant is the refinery
        # named just before
        fuel = {t.sentence for t in tokens if t.flags & VOCABULARY and _is_fuel(t.low)}
        hits = [
            DamageHit("fuel", h.start, h.end) if _plant_word(tokens, h, fuel) else h for h in hits
        ]
    if damaged_post and not hits:
        for _, group, negated, kinds in analysed:
            for position, token in enumerate(group):
                if (
                    "damage" in kinds
                    and position not in negated
                    and token.low.startswith(("ущерб", "damage"))
                ):
                    hits.append(DamageHit("other", token.start, token.end))
    return hits


def _is_fuel(word: str) -> bool:
    entry = vocabulary_tag(word)
    return entry is not None and entry.tag == "fuel"


def _plant_word(tokens: list[Token], hit: DamageHit, fuel: set[int]) -> bool:
    """Whether the hit is a bare "завод" / "предприятие" (not "химического завода") with a
    refinery or depot named in its sentence or the two before."""
    index = next((i for i, t in enumerate(tokens) if t.start == hit.start), None)
    if index is None or not tokens[index].low.startswith(_words("plant_words")):
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
    for position, token in enumerate(group):
        if not token.flags & (FIRE | VOCABULARY) or position in negated:
            continue
        if token.flags & FIRE:
            if not _air_defence_fire(group, position):
                objects.append(DamageHit("fire", token.start, token.end))
            continue
        entry = vocabulary_tag(token.low)
        previous = group[position - 1].low if position > 0 else ""
        if entry is None or previous in ("aerial", "unmanned", "над", "over"):
            continue
        if entry.tag == "other" and _qualified(group, position):
            continue
        if token.flags & HOSPITAL and _treated_there(group, position):
            continue
        if _district_name(group, position):
            continue
        hit = DamageHit(entry.tag, token.start, token.end)
        {"object": objects, "part": parts, "generic": generic}[entry.role].append(hit)
    named = [h for h in objects if h.tag != "fire"]
    result = list(objects)
    if parts and not named and not owner_before:
        result += parts
    if generic and not objects and not parts:
        result += generic
    return result, bool(named)


def _air_defence_fire(group: list[Token], position: int) -> bool:
    """ "уничтожены огнём ПВО": the fire of guns, not a fire caused."""
    following = group[position + 1].low if position + 1 < len(group) else ""
    return group[position].low == "огнем" and following.startswith(_words("gunfire"))


def _district_name(group: list[Token], position: int) -> bool:
    """ "в Заводском районе Саратова": a district's name, not a plant."""
    following = group[position + 1] if position + 1 < len(group) else None
    return (
        group[position].capitalized
        and following is not None
        and bool(following.flags & DISTRICT_TYPE)
    )


def _treated_there(group: list[Token], position: int) -> bool:
    """ "доставлена в больницу", "taken to hospital": where the injured went, not a target."""
    treated = _words("treated")
    return any(t.low.startswith(treated) for t in group[max(0, position - 4) : position])


def _qualified(group: list[Token], position: int) -> bool:
    """ "объект железнодорожной инфраструктуры": the adjective before names the tag."""
    if position == 0 or group[position - 1].kind != "word":
        return False
    entry = vocabulary_tag(group[position - 1].low)
    return entry is not None and entry.tag != "other" and entry.role == "object"


def tags(hits: list[DamageHit]) -> list[str]:
    """Distinct tags in first-seen order; fuel absorbs the plant it belongs to."""
    ordered = list(dict.fromkeys(h.tag for h in hits))
    if "fuel" in ordered and "industrial" in ordered:
        ordered.remove("industrial")
    return ordered


def no_damage(tokens: list[Token], groups: list[Sentence] | None = None) -> tuple[int, int] | None:
    """The span of "разрушений нет", "без разрушений", "no damage", if the post says so."""
    for union, group, _ in groups_of(tokens) if groups is None else groups:
        if union & NEGATION:
            span = _objects_unhurt(group)
            if span is not None:
                return span
        if not union & NO_DAMAGE_NOUN:
            continue
        words = [t for t in group if t.kind == "word"]
        for position, token in enumerate(words):
            if not token.flags & NO_DAMAGE_NOUN:
                continue
            before = [t.low for t in words[max(0, position - 3) : position]]
            if _after_clause_break(group, token):
                before = []
            after = _clause_after(group, token)
            if before and before[-1] in ("о", "об"):
                continue
            if token.latin:
                if "no" in before and not {"for", "to"} & set(after[:4]):
                    return token.start, token.end
                continue
            # "без жертв и разрушений": the "без" reaches over the pair.
            paired = len(before) == 3 and before[0] == "без" and before[2] in ("и", "или")
            # "повреждений и пострадавших на местах падения обломков нет": a "нет" that
            # ends the clause negates all that stands before it.
            closing = (
                bool(after)
                and after[-1] == "нет"
                and all(word in _words("before_closing_no") for word in after[:-1])
            )
            if (
                (before and before[-1] in ("без", "нет"))
                or paired
                or any(a in NEGATIONS for a in after[:6])
                or closing
            ):
                return token.start, token.end
    return None


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


def _objects_unhurt(group: list[Token]) -> tuple[int, int] | None:
    """ "гражданские объекты не пострадали", "капитальные строения не повреждены": no
    damage, said of things. Only objects at large or capital buildings count as "не
    повреждены" ("жилые строения не повреждены" is said of homes only)."""
    words = [t for t in group if t.kind == "word"]
    for position in range(2, len(words)):
        token = words[position]
        if words[position - 1].low != "не":
            continue
        subject = words[position - 2]
        capital = position > 2 and words[position - 3].low.startswith("капитальн")
        if token.low.startswith("пострадал") and (
            subject.low.startswith("объект") or vocabulary_tag(subject.low) is not None
        ):
            return subject.start, token.end
        # "объекты (инфраструктуры) не повреждены"
        objects = next(
            (w for w in words[max(0, position - 3) : position - 1] if w.low.startswith("объект")),
            None,
        )
        if token.low.startswith(("поврежден", "разрушен")):
            if objects is not None:
                return objects.start, token.end
            if capital and subject.low.startswith("строени"):
                return words[position - 3].start, token.end
    return None
