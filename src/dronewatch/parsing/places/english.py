"""Places in English posts, mapped to the same Russian names ("Obninsk" -> "Обнинск").

"the village of Tetkino", "the Shebekino district", "in Stary Oskol": a type word or a
preposition before a capitalised name, looked up in the gazetteer's English names (a
district by its town's adjective); regions, seas and objects named after a town are not
places.
"""

from __future__ import annotations

from functools import lru_cache

from dronewatch.parsing.features import CAPITALIZED_LATIN
from dronewatch.parsing.lexicon import Settlement, english_key, lexicon, words
from dronewatch.parsing.numbers import word_value
from dronewatch.parsing.places.declension import adjective_of_town
from dronewatch.parsing.places.gazetteer import gazetteer_regions
from dronewatch.parsing.places.grammar import Place
from dronewatch.parsing.places.translit import (
    adjective_ending,
    latin_key,
    russian_word,
    spelled,
    transliterate,
)
from dronewatch.parsing.places.vocabulary import names, place_words
from dronewatch.parsing.text import Token

_ENGLISH_OBJECTS = frozenset(
    {
        "oil",
        "refinery",
        "depot",
        "plant",
        "airport",
        "mayor",
        "governor",
        "region",
        "oblast",
        "highway",
        # "Novorossiysk naval base", "Shatura hydroelectric power plant": a town's name
        # that only qualifies an object
        "port",
        "naval",
        "base",
        "airfield",
        "terminal",
        "substation",
        "factory",
        "bridge",
        "hydroelectric",
        "thermal",
        "power",
        "chemical",
        "metallurgical",
        "nuclear",
    }
)


def english_places(tokens: list[Token], capitalised: list[int], region: str | None) -> list[Place]:
    found: list[Place] = []
    last_found = last_typed = -1
    for index in capitalised:
        if index <= last_found:
            continue  # the second word of a name just found
        token = tokens[index]
        if not token.capitalized or not token.latin or token.text.isupper():
            continue
        following = tokens[index + 1].low if index + 1 < len(tokens) else ""
        after = tokens[index + 2].low if index + 2 < len(tokens) else ""
        previous = _english_previous(tokens, index)
        if _owner_of_a_district(tokens, index, region):
            continue
        if token.low in place_words("english_not_district_names"):
            continue  # "the Central Federal District": a group of regions
        if following.removesuffix("s") in place_words("english_district_types") or (
            following in place_words("english_district_qualifiers") and after == "district"
        ):
            # "the Kamensky, Millerovsky and Chertkovsky districts": one plural type word
            for member in _english_listed(tokens, index) if following.endswith("s") else [index]:
                name = _english_district(tokens[member].low, region)
                found.append(
                    Place(name, token.sentence, tokens[member].start, tokens[index + 1].end)
                )
            continue
        typed = (
            index > 1
            and previous == "of"
            and tokens[index - 2].low.removesuffix("s") in place_words("english_settlement_types")
        )
        # "over Tulyanka village", "near the Kozinka village": the type word after the name
        before = tokens[index - 2].low if previous == "the" and index > 1 else previous
        typed = typed or (
            following in place_words("english_settlement_types")
            and after != "of"  # "the Russian city of Sevastopol"
            and token.low not in place_words("english_place_modifiers")
            and before in place_words("english_before_place")
        )
        if typed and _english_region_city(token.low):
            continue  # "the city of Sevastopol": a region, never a place
        # "the villages of Tetkino, Glushkovo and Korenevo"
        typed = typed or (
            previous in (",", "and")
            and index - 2 == last_typed
            and (previous == "and" or _english_list_ends(tokens, index))
        )
        if index <= last_typed:
            continue  # the second word of a name just found
        if typed:
            last = index
            # "the village of Mokraya Orlovka": a second capitalised word that names no type
            if (
                index + 1 < len(tokens)
                and tokens[index + 1].flags & CAPITALIZED_LATIN
                and tokens[index + 1].start - token.end == 1
                and not _english_type_word(tokens[index + 1].low)
            ):
                last = index + 1
            name = " ".join(t.text for t in tokens[index : last + 1])
            found.append(
                Place(
                    _english_settlement(name, region), token.sentence, token.start, tokens[last].end
                )
            )
            last_typed = last
            continue
        # "in the Domodedovo area", "on the outskirts of ..." (the article before a name
        # that only "area" follows)
        vicinity = previous == "the" and following in place_words("english_vicinity")
        # "attacked Gelendzhik and Tuapse": a list after a place just found
        listed = previous in (",", "and") and index - 2 == last_found
        if (
            previous not in place_words("english_before_place") and not vicinity and not listed
        ) or _english_region_named(tokens, index, region):
            continue
        if region is None and index > 1 and _english_tally_count(tokens[index - 2]):
            continue  # a national tally ("26 over the Belgorod region, 25 over Bryansk")
        last = index
        matches: list[Settlement] = []
        if (
            index + 1 < len(tokens)
            and tokens[index + 1].flags & CAPITALIZED_LATIN
            and tokens[index + 1].start - token.end == 1
        ):
            # "in Stary Oskol", "in Krasnaya Yaruga": a name of two words
            matches = _english_matches(f"{token.text} {tokens[index + 1].text}", region)
            last = index + 1 if matches else index
        matches = matches or _english_matches(token.text, region)
        if matches:
            found.append(Place(_most_named(matches), token.sentence, token.start, tokens[last].end))
            last_found = last
    return found


def _english_region_city(word: str) -> bool:
    """A federal city, a region of its own ("Sevastopol", "Moscow")."""
    code, typed = lexicon().region_english.get(word, ("", True))
    return bool(code) and not typed


def _english_tally_count(token: Token) -> bool:
    """A count in a national tally: "26", "two" ("two in Rostov"), "another"."""
    return (
        token.kind == "num"
        or word_value(token.low) is not None
        or token.low in place_words("english_tally_words")
    )


def _owner_of_a_district(tokens: list[Token], index: int, region: str | None) -> bool:
    """ "Belgorod's Shebekino district": a possessive that names the region of a district
    named after a town of its own (the region, not the city; "Voronezh's Levoberezhny
    district" is the city's)."""
    if index + 4 >= len(tokens) or tokens[index + 2].low != "s":
        return False
    if tokens[index + 1].text not in "'’" or not tokens[index + 3].flags & CAPITALIZED_LATIN:
        return False
    district = tokens[index + 4].low.removesuffix("s") in place_words("english_district_types")
    return district and bool(_english_matches(tokens[index + 3].text, region))


def _english_previous(tokens: list[Token], index: int) -> str:
    """The word before a name, past a part of the town or the country's possessive ("in
    central Voronezh", "in Russia's Volgograd" -> "in")."""
    position = index - 1
    if position >= 3 and tokens[position].low == "s" and tokens[position - 1].text in "'’":
        position -= 2  # "Russia's": the possessive, then the country
        if tokens[position].low in words("regions", "english_types"):
            return "in"  # "the Bryansk region's Klintsy": a town of the region
    if position >= 1 and tokens[position].low in place_words("english_place_modifiers"):
        return tokens[position - 1].low
    return tokens[index - 1].low if index > 0 else ""


def _english_matches(name: str, region: str | None) -> list[Settlement]:
    """The gazetteer settlements a romanised name may stand for (in the channel's region
    and the region around a federal city, when the post has a channel region)."""
    return [
        s
        for s in lexicon().settlements_en.get(english_key(name), ())
        if region is None or s.region in gazetteer_regions(region)
    ]


def _most_named(matches: list[Settlement]) -> str:
    """The Russian name most of the settlements one romanised name matches share (GeoNames
    spells a few of them otherwise: "Красний Октябр" beside three "Красный Октябрь")."""
    names = [s.name for s in matches]
    return max(dict.fromkeys(names), key=names.count)


def _english_list_ends(tokens: list[Token], index: int) -> bool:
    """Whether capitalised names from `index` on, one or two words each, separated by
    commas, end a list with "and" and one more name ("Tetkino, Glushkovo and Korenevo"; not
    "Obninsk, Governor Vladislav Shapsha said")."""
    position = index
    while position < len(tokens) and position - index < 12:
        if not tokens[position].flags & CAPITALIZED_LATIN:
            return False
        if position + 1 < len(tokens) and tokens[position + 1].flags & CAPITALIZED_LATIN:
            position += 1  # a name of two words
        following = tokens[position + 1].low if position + 1 < len(tokens) else ""
        if following == "and":
            return position + 2 < len(tokens) and bool(
                tokens[position + 2].flags & CAPITALIZED_LATIN
            )
        if following != ",":
            return False
        position += 2
    return False


def _english_listed(tokens: list[Token], index: int) -> list[int]:
    """The capitalised names listed up to `index` ("Kamensky, Millerovsky and Chertkovsky")."""
    members = [index]
    position = index - 1
    # a list of adjectives ("Kamensky, Millerovsky") ends where a town's noun heads it
    endings = ("ky", "kiy", "kii", "kyi", "ny", "nyy", "nyi", "oy", "iy")
    adjectives = endings if tokens[index].low.endswith(endings) else ()
    while position > 0 and tokens[position].low in (",", "and"):
        if tokens[position].low == "and" and tokens[position - 1].text == ",":
            position -= 1  # "Millerovsky, and Chertkovsky": the serial comma
        if not tokens[position - 1].flags & CAPITALIZED_LATIN:
            break
        if adjectives and not tokens[position - 1].low.endswith(adjectives):
            break  # "in Novoshakhtinsk, Kamensky and Sholokhovsky districts": a town
        members.insert(0, position - 1)
        position -= 2
    return members


def _english_region_named(tokens: list[Token], index: int, region: str | None = None) -> bool:
    """A capitalised word naming a region or an object, not a town: "over Crimea", "the Sea
    of Azov", "the region of Belgorod", "over Pskov, Tula and Kursk Regions", "at Vnukovo
    and Domodedovo airports"."""
    if (
        index > 1
        and tokens[index - 1].low == "of"
        and tokens[index - 2].low in place_words("english_district_types")
    ):
        return False  # "the Zavodskoy district of Oryol": the city of a city district
    code, typed = lexicon().region_english.get(tokens[index].low, ("", True))
    if typed is False and (region is None or code != region):
        return True  # "over Oryol" in a national summary; in the Oryol channel, the city
    if index > 1 and tokens[index - 1].low == "of":
        owner = tokens[index - 2].low
        if owner == "sea" or owner in words("regions", "english_types"):
            return True
    types = words("regions", "english_types")

    def names_what(word: str) -> bool:
        return word in types or word.removesuffix("s") in _ENGLISH_OBJECTS

    position = index + 1  # past the list the name begins ("Pskov, Tula and Kursk")
    while position < len(tokens) and not names_what(tokens[position].low):
        token = tokens[position]
        if token.text == "(":
            # "Belgorod (four drones), Kursk (one drone) regions": each name's count
            close = position + 1
            while close < len(tokens) and close - position < 6 and tokens[close].text != ")":
                close += 1
            if close < len(tokens) and tokens[close].text == ")":
                position = close + 1
                continue
        if token.low not in (",", "and") and not token.flags & CAPITALIZED_LATIN:
            break
        position += 1
    if position >= len(tokens) or not names_what(tokens[position].low):
        return False
    # A list needs a plural: "in Aleksin, Tula region" names a town of the region; a name
    # of two words is no list ("over Nizhny Novgorod Oblast").
    two_words = position == index + 2 and tokens[index + 1].start - tokens[index].end == 1
    return position == index + 1 or two_words or tokens[position].low.endswith("s")


def _english_type_word(word: str) -> bool:
    """ "District", "Region", "Oblast": a type word, not part of a settlement's name."""
    stem = word.removesuffix("s")
    return (
        stem in place_words("english_district_types")
        or word in words("regions", "english_types")
        or stem in _ENGLISH_OBJECTS
    )


def _english_settlement(name: str, region: str | None) -> str:
    matches = [
        s
        for s in lexicon().settlements_en.get(english_key(name), ())
        if region is None or s.region in gazetteer_regions(region)
    ]
    if matches:
        return _most_named(matches)
    return " ".join(russian_word(word.lower()).capitalize() for word in name.split())


def _english_district(word: str, region: str | None) -> str:
    """ "Navlinsky district" -> "Навлинский район"; "Michurinsk district" -> "Мичуринский ..."."""
    raion = names()
    matches = [
        s
        for s in lexicon().settlements_en.get(english_key(word), ())
        if region is None or s.region == region
    ]
    if matches:
        town = matches[0]
        if town.region in place_words("town_named_districts") and not word.lower().endswith("y"):
            return f"{raion.urban_okrug} {town.name}"  # "Podolsk district": Подольск's okrug
        return f"{adjective_of_town(town.name)} {raion.raion}"
    known = _romanised_adjectives(region).get(latin_key(word)) if region else None
    if known is not None:
        return f"{known} {raion.raion}"  # "Olkhovatsky" -> "Ольховатский" (the town is Ольховатка)
    low = word.lower()
    if low.endswith(("ovo", "evo", "ino", "yno")):
        # "Migalovo District": a city district named by a village's noun, not a raion
        return transliterate(low).capitalize()
    if low.endswith(("sky", "skiy", "skii", "tsky", "skoy")):
        return f"{spelled(transliterate(low))} {raion.raion}".capitalize()
    if low.endswith("y") and low.rstrip("iy")[-1:] not in "aeiou":
        # "Levoberezhny" -> "Левобережный": an adjective, not a town's name
        stem = transliterate(low.rstrip("iy"))
        return f"{spelled(stem + adjective_ending(stem))} {raion.raion}".capitalize()
    return f"{adjective_of_town(transliterate(low).capitalize())} {raion.raion}"


@lru_cache(maxsize=128)
def _romanised_adjectives(region: str | None) -> dict[str, str]:
    """The adjectives of the region's towns (districts are named after them) by their
    permissive romanisation."""
    found: dict[str, str] = {}
    for settlements in lexicon().settlements.values():
        for settlement in settlements:
            if region is None or settlement.region == region:
                adjective = adjective_of_town(settlement.name)
                found.setdefault(latin_key(adjective), adjective)
    return found
