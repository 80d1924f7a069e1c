"""Derive the table of the gazetteer names' inflected forms from data/gazetteer.tsv.

Writes src/dronewatch/parsing/data/gazetteer_forms.tsv: each word of each settlement name
inflected by pymorphy3 in the six cases of its noun and adjective readings (in the
reading's own number: "Обнинск" is never plural, "Лиски" always), folded as the parser
folds words (lower case, ё as е), with what the parser's morphology says of that form:
the gazetteer key words it may stand for (`places.analysed_forms`, less the forms that
are no word of any key), the gazetteer names it agrees with (`places.agreeing_names`, less
the words that name no settlement) and whether it reads as an adjective or participle
(`drones.adjectival`). The parser then looks a settlement word up instead of
analysing it, with the same result; a form missing from the table is analysed as
before, so the table decides speed, never answers.

Rows are sorted by the UTF-8 bytes of the form (`sorted_table.SortedTable`). The table is
stamped with the gazetteer's hash and the morphology's versions; the parser ignores it
when either differs. Rebuild it after scripts/build_gazetteer.py.

Run: uv run python scripts/build_gazetteer_forms.py
"""

from __future__ import annotations

from pathlib import Path

from dronewatch.parsing import morph
from dronewatch.parsing.drones import adjectival
from dronewatch.parsing.lexicon import forms_stamp, lexicon
from dronewatch.parsing.places.gazetteer import agreeing_names, analysed_forms

OUT = Path(__file__).resolve().parents[1] / "src/dronewatch/parsing/data/gazetteer_forms.tsv"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_PARTS_OF_SPEECH = ("NOUN", "ADJF")


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def inflected(word: str) -> set[str]:
    """The word and its forms in the six cases, by each noun or adjective reading (a name
    read as a verb gives no forms a post would use)."""
    forms = {_fold(word)}
    for reading in morph.analyzer().parse(word):
        if reading.tag.POS not in NAME_PARTS_OF_SPEECH:
            continue
        for case in CASES:
            form = reading.inflect({case})
            if form is not None:
                forms.add(_fold(form.word))
    return forms


def main() -> None:
    # The functions called below analyse every form; none reads the table being replaced.
    settlements = lexicon().settlements
    key_words = {word for key in settlements for word in key.split(" ")}
    names = {s.name.lower().replace("ё", "е") for group in settlements.values() for s in group}
    words = {word for group in settlements.values() for s in group for word in s.name.split()}
    forms: set[str] = set()
    for word in words:
        forms |= inflected(word)
    lines = [
        "# Inflected forms of the settlement names of gazetteer.tsv (derived from GeoNames,"
        " https://www.geonames.org, CC BY 4.0), with the gazetteer key words each may stand"
        " for; built by scripts/build_gazetteer_forms.py",
        f"# stamp: {forms_stamp()}",
    ]
    for form in sorted(forms, key=str.encode):
        if not morph.analysable(form):
            continue
        keys = [f for f in analysed_forms(form) if f in key_words]
        agreeing = sorted(agreeing_names(form) & names)
        flag = "1" if adjectival(form) else "0"
        lines.append(f"{form}\t{' '.join(keys)}\t{' '.join(agreeing)}\t{flag}")
    # written beside the table, then moved over it: a failed build leaves the old one
    partial = OUT.with_suffix(".tsv.partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(OUT)
    print(f"{len(lines) - 2} forms -> {OUT}")


if __name__ == "__main__":
    main()
