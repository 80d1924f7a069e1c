"""Romanised Russian back to Cyrillic, and Cyrillic to a permissive Latin key.

English posts spell names the gazetteer lacks ("Nikolskoye", "Krasny Oktyabr",
"Olkhovatsky district"): the transliteration, with the soft signs and adjective endings
the dictionary knows, gives the Russian name; the Latin key matches a district's
romanised adjective against the region's towns.
"""

from __future__ import annotations

from functools import cache

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import english_key
from dronewatch.parsing.places.vocabulary import endings, pairs, romanisation


@cache
def _tables() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], dict[int, str]]:
    """The letter groups and endings of romanised Russian to Cyrillic, in their order, and
    the table of Cyrillic letters to Latin."""
    spelling = romanisation()
    letters = tuple(pairs(spelling.letters).items())
    endings = tuple(pairs(spelling.endings).items())
    return letters, endings, str.maketrans(pairs(spelling.to_latin))


def adjective_ending(stem: str) -> str:
    """The nominative ending of a masculine adjective after its stem ("-ий" after к, г, х
    and the hushing consonants, else "-ый")."""
    spelling = romanisation()
    soft = stem[-1:] in spelling.soft_after
    return spelling.adjective_soft if soft else spelling.adjective_hard


def russian_word(low: str) -> str:
    """A romanised word of a name back in Cyrillic, with the adjective's ending and the
    soft sign the dictionary knows ("krasny" -> "красный", "oktyabr" -> "октябрь")."""
    if low.endswith("y") and low[-2:-1] not in ("", *"aeiouy"):
        stem = transliterate(low[:-1])
        spelling = romanisation()
        adjective = spelled(stem + adjective_ending(stem))
        soft = spelled(stem + spelling.adjective_soft)  # "Nizhny" -> "нижний"
        if not morph.is_known(adjective) and morph.is_known(soft):
            return soft
        if morph.is_known(adjective) or stem.endswith(spelling.adjective_stems):
            return adjective
        # "Divasy" -> "Дивасы": a plural noun, unless the stem is an adjective's
        plural = spelling.plural_soft if stem[-1:] in spelling.soft_after else spelling.plural_hard
        return stem + plural
    word = transliterate(low)
    soft_sign = romanisation().soft_sign
    if not morph.is_known(word) and morph.is_known(word + soft_sign):
        return word + soft_sign
    if word.endswith(endings().adjective_name):
        # "Soldatskoye": "ts" before "k" may be "тс" ("солдатское"), when the dictionary
        # knows that spelling
        written, _, spelt_so = romanisation().ts_before_k.partition(" ")
        spelt = word.replace(written, spelt_so)
        if spelt != word and not morph.is_known(word) and morph.is_known(spelt):
            return spelt
        return spelled(word)  # "Nikolskoye" -> "Никольское", "Bolshaya" -> "Большая"
    return word


def spelled(adjective: str) -> str:
    """A transliterated adjective with the soft sign romanisation drops, when the
    dictionary knows it so ("октябрский" -> "октябрьский", "централный" -> "центральный")."""
    if morph.is_known(adjective):
        return adjective
    stem, ending = adjective[:-2], adjective[-2:]
    for position in range(len(stem) - 1, 0, -1):
        candidate = f"{stem[:position]}{romanisation().soft_sign}{stem[position:]}{ending}"
        if morph.is_known(candidate):
            return candidate
    return adjective


def latin_key(word: str) -> str:
    """A permissive romanisation key: soft and hard signs dropped, -iy/-yy/-ii endings and
    doubled letters folded, so that "Olkhovatsky" meets "Ольховатский"."""
    key = english_key(word.lower().translate(_tables()[2]))
    for ending in ("skiy", "skii", "skyy", "skoy"):
        if key.endswith(ending):
            key = key[: -len(ending)] + "sky"
    return key.replace("kh", "h").replace("'", "")


def transliterate(word: str) -> str:
    """Romanised Russian back to Cyrillic, good enough for "-sky" adjectives and villages."""
    letters, endings, _ = _tables()
    for ending, russian in endings:
        if word.endswith(ending):
            return transliterate(word.removesuffix(ending)) + russian
    out: list[str] = []
    position = 0
    while position < len(word):
        if (
            word[position] in "iy"
            and position > 0
            and word[position - 1] in "aeiou"
            and not (word[position] == "y" and word[position + 1 : position + 2] in tuple("aeou"))
        ):
            # "Zaitsevo" -> "Зайцево"; "Nikolayevka" keeps its "ye" -> "Николаевка"
            out.append(romanisation().short_i)
            position += 1
            continue
        for latin, cyrillic in letters:
            if word.startswith(latin, position):
                out.append(cyrillic)
                position += len(latin)
                break
        else:
            position += 1
    return "".join(out)
