"""Romanised Russian back to Cyrillic, and Cyrillic to a permissive Latin key.

English posts spell names the gazetteer lacks ("Nikolskoye", "Krasny Oktyabr",
"Olkhovatsky district"): the transliteration, with the soft signs and adjective endings
the dictionary knows, gives the Russian name; the Latin key matches a district's
romanised adjective against the region's towns.
"""

from __future__ import annotations

from dronewatch.parsing import morph
from dronewatch.parsing.lexicon import english_key
from dronewatch.parsing.places.grammar import ADJECTIVE_NAME_ENDINGS

_TRANSLIT = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("ye", "е"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("y", "ы"),
)
# Stems of adjectives in romanised names ("Krasny", "Lgovsky"): "-y" after them is "-ый".
_ADJECTIVE_STEMS = ("н", "ск", "цк", "ов", "ев")


def russian_word(low: str) -> str:
    """A romanised word of a name back in Cyrillic, with the adjective's ending and the
    soft sign the dictionary knows ("krasny" -> "красный", "oktyabr" -> "октябрь")."""
    if low.endswith("y") and low[-2:-1] not in ("", *"aeiouy"):
        stem = transliterate(low[:-1])
        adjective = spelled(stem + ("ий" if stem[-1:] in "кгхжшщч" else "ый"))
        soft = spelled(stem + "ий")  # "Nizhny" -> "нижний"
        if not morph.is_known(adjective) and morph.is_known(soft):
            return soft
        if morph.is_known(adjective) or stem.endswith(_ADJECTIVE_STEMS):
            return adjective
        # "Divasy" -> "Дивасы": a plural noun, unless the stem is an adjective's
        return stem + ("и" if stem[-1:] in "кгхжшщч" else "ы")
    word = transliterate(low)
    if not morph.is_known(word) and morph.is_known(word + "ь"):
        return word + "ь"
    if word.endswith(ADJECTIVE_NAME_ENDINGS):
        # "Soldatskoye": "ts" before "k" may be "тс" ("солдатское"), when the dictionary
        # knows that spelling
        spelt = word.replace("цк", "тск")
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
        candidate = f"{stem[:position]}ь{stem[position:]}{ending}"
        if morph.is_known(candidate):
            return candidate
    return adjective


_ROMAN = str.maketrans(
    {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
     "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
     "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
     "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
     "я": "ya"}
)  # fmt: skip


def latin_key(word: str) -> str:
    """A permissive romanisation key: soft and hard signs dropped, -iy/-yy/-ii endings and
    doubled letters folded, so that "Olkhovatsky" meets "Ольховатский"."""
    key = english_key(word.lower().translate(_ROMAN))
    for ending in ("skiy", "skii", "skyy", "skoy"):
        if key.endswith(ending):
            key = key[: -len(ending)] + "sky"
    return key.replace("kh", "h").replace("'", "")


def transliterate(word: str) -> str:
    """Romanised Russian back to Cyrillic, good enough for "-sky" adjectives and villages."""
    for ending, russian in (
        ("skiy", "ский"),
        ("skii", "ский"),
        ("sky", "ский"),
        ("iy", "ий"),
        ("yy", "ый"),
        ("oye", "ое"),  # "Dubovoye" -> "Дубовое"
        ("yaya", "яя"),  # "Nizhnyaya" -> "Нижняя"
        ("aya", "ая"),
        ("nye", "ные"),  # "Krasnye" -> "Красные"
        ("lye", "лые"),  # "Malye" -> "Малые"
        ("iye", "ие"),
    ):
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
            out.append("й")
            position += 1
            continue
        for latin, cyrillic in _TRANSLIT:
            if word.startswith(latin, position):
                out.append(cyrillic)
                position += len(latin)
                break
        else:
            position += 1
    return "".join(out)
