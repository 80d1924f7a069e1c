"""The fast paths (token scan, feature flags, sentence pre-filters) agree with the slow ones."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from dronewatch.parsing import features
from dronewatch.parsing.lexicon import RULE_MODULES
from dronewatch.parsing.text import _TOKEN, groups_of, scan, sentences, tokenize

TEXTS = [
    "Над Боровским районом сбиты два беспилотника. Пострадавших нет.",
    "В с. Ивановка  дрон_атаковал дом;\tв 20.00 мск — ещё 3 БПЛА!\n\nг. Курск… «сбит»",
    "Air defences shot down 12 UAVs over the Kursk Region at 7:30 a.m.",
    "1.2.3 12:345 9.99.9 ЁЛКИ-ПАЛКИ ёлки‐палки",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_matches_the_reference_tokenizer(text: str) -> None:
    """Tokens from `findall` + `find` are the ones `finditer` gives, spans included."""
    tokens, groups = scan(text)
    reference = [(m.group(), m.start(), m.end(), m.lastgroup) for m in _TOKEN.finditer(text)]
    assert [(t.text, t.start, t.end, t.kind) for t in tokens] == reference
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert [g.tokens for g in groups] == sentences(tokens)
    assert groups == groups_of(tokens)
    assert tokenize(text) == tokens


def test_sentence_flags_are_the_union_of_their_tokens() -> None:
    _, groups = scan(TEXTS[0] + " " + TEXTS[1])
    for group in groups:
        union = 0
        for token in group.tokens:
            union |= token.flags
        assert group.flags == union
        assert group.tokens[0].sentence == groups.index(group)


@pytest.mark.parametrize(
    ("word", "flag"),
    [
        ("беспилотников", features.DRONE_CANDIDATE),
        ("бпла", features.DRONE_CANDIDATE),
        ("сбиты", features.DOWN),
        ("атаковал", features.STRIKE),
        ("пострадавших", features.ZERO_BOTH),
        ("погибли", features.KILLED),
        ("повреждены", features.PREDICATE),
        ("возгорание", features.FIRE),
        ("районе", features.DISTRICT_TYPE),
        ("округа", features.DISTRICT_TYPE),
        ("селе", features.SETTLEMENT_TYPE),
        ("поселка", features.SETTLEMENT_TYPE),
        ("деревень", features.SETTLEMENT_TYPE),
    ],
)
def test_word_flags(word: str, flag: int) -> None:
    assert features.word_flags(word, word.isascii()) & flag


@pytest.mark.parametrize("word", ["рядом", "погода", "сегодня", "жителей"])
def test_ordinary_words_have_no_place_flags(word: str) -> None:
    flags = features.word_flags(word, False)
    assert not flags & (features.DISTRICT_TYPE | features.SETTLEMENT_TYPE)


def test_version_covers_every_rule_module() -> None:
    package = files("dronewatch.parsing")
    modules = {p.name for p in package.iterdir() if re.fullmatch(r"[a-z]\w*\.py", p.name)}
    for sub in package.iterdir():  # a subpackage's modules, its __init__ included
        if sub.is_dir() and sub.joinpath("__init__.py").is_file():
            modules |= {f"{sub.name}/{p.name}" for p in sub.iterdir() if p.name.endswith(".py")}
    assert modules - {"__init__.py"} == set(RULE_MODULES)


def test_word_classes_answer_as_their_lists_do() -> None:
    """Every declared word class holds exactly the words that begin with one of its list's
    stems (or are one of its words, for an exact class), tried on every word of every list
    and on longer and shorter forms of them."""
    import dronewatch.parsing  # noqa: F401  (the rule modules declare their classes)
    from dronewatch.parsing.lexicon import _classes, lexicon, word_classes

    vocab = lexicon().vocab
    samples = {w for section in vocab.values() for key in section.values() for w in key}
    samples |= {w + "ами" for w in samples} | {w[:-1] for w in samples if len(w) > 1}
    samples |= {"", "и", "сбиты", "повреждены", "drones", "xyz"}
    for (section, key, exact), bit in _classes.items():
        listed = tuple(vocab[section][key])
        for word in samples:
            expected = word in listed if exact else word.startswith(listed)
            assert bool(word_classes(word) & bit) == expected, (section, key, word)
