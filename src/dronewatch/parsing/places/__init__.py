"""Districts, towns and villages where drones fell or struck, in canonical Russian.

Three sources, strongest first, each a module of this package: a type word (`districts`:
"Боровским районом"; `settlements`: "в селе Новая Таволжанка"), the gazetteer
(`bare_names`: inflected forms matched by lemma, "в Обнинске" -> "Обнинск"), and, in
English, "town of X" / "X district" / a gazetteer name after a preposition (`english`).
A name found once is consumed: the weaker sources skip its tokens. `scenes` then drops
the places that are no scene of the event (a hospital, a warning, a visit, a title).

The helpers beneath: `grammar` (the shapes of words the rules test: adjectives, cases,
agreement), `gazetteer` (look-ups of names in inflected forms), `declension` (the
nominative of a name the gazetteer lacks), `translit` (romanised names back to
Cyrillic).
"""

from __future__ import annotations

from dronewatch.parsing.places.bare_names import bare_settlements, district_names
from dronewatch.parsing.places.districts import (
    districts_sharing_a_type_word,
    listed_districts,
    typed_districts,
)
from dronewatch.parsing.places.english import english_places
from dronewatch.parsing.places.grammar import Place, place_key, starts
from dronewatch.parsing.places.scenes import scenes
from dronewatch.parsing.places.settlements import typed_settlements
from dronewatch.parsing.text import Sentence, Token, groups_of

__all__ = ["Place", "every_place", "find_places", "place_key", "unique_places"]


def find_places(
    tokens: list[Token], region: str | None, groups: list[Sentence] | None = None
) -> list[Place]:
    """Places in text order, without duplicates, outside sentences about hospitals."""
    return unique_places(every_place(tokens, region, groups))


def unique_places(places: list[Place]) -> list[Place]:
    """The first mention of each place."""
    unique: dict[str, Place] = {}
    for place in places:
        unique.setdefault(place_key(place.name), place)
    return list(unique.values())


def every_place(
    tokens: list[Token], region: str | None, groups: list[Sentence] | None = None
) -> list[Place]:
    """Places in text order, repeats included, outside sentences about hospitals."""
    groups = groups_of(tokens) if groups is None else groups
    consumed: set[int] = set()
    begin = starts(tokens, groups)
    found = typed_districts(tokens, begin.districts, region, consumed)
    found += listed_districts(tokens, begin.districts, consumed)
    found += districts_sharing_a_type_word(tokens, groups, region, consumed)
    found += typed_settlements(tokens, begin.settlements, region, consumed)
    districts = frozenset(p.start for p in found if p.name.endswith(district_names()))
    found += bare_settlements(tokens, begin.cyrillic, region, consumed, districts)
    found += english_places(tokens, begin.latin, region)
    if not found:
        return found
    return scenes(tokens, groups, found)
