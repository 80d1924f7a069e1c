"""No rule module spells a Russian word: every word the rules look for is data.

The words, endings and names live in `parsing/data/` (vocabulary.toml, the .tsv files),
read once by `lexicon.py`; a Cyrillic string constant in a module's code (its docstrings
and comments aside) is a word list kept in the wrong place.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dronewatch.parsing.lexicon import RULE_MODULES

SOURCE = Path(__file__).resolve().parents[2] / "src" / "dronewatch" / "parsing"
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the constants that are a module's, a class's or a function's docstring."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def cyrillic_literals(source: str) -> list[tuple[int, str]]:
    """The Cyrillic string constants of a module's code, with their lines, docstrings aside
    (comments are no part of the syntax tree)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CYRILLIC.search(node.value)
    )


@pytest.mark.parametrize("module", RULE_MODULES)
def test_a_rule_module_holds_no_cyrillic_literal(module: str) -> None:
    found = cyrillic_literals((SOURCE / module).read_text(encoding="utf-8"))
    assert found == [], f"{module}: move these to parsing/data/: {found[:10]}"


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('"""Модуль."""\n\ndef f():\n    """Функция."""\n    return 1\n', []),
        ('# комментарий\nx = "район"\n', [(2, "район")]),
        ('x = f"{y} район"\n', [(1, " район")]),
        ('x = ("district", "р-н")\n', [(1, "р-н")]),
        ('def f():\n    y = 1\n    """не докстринг"""\n', [(3, "не докстринг")]),
    ],
)
def test_cyrillic_literals_are_found_outside_docstrings(
    source: str, found: list[tuple[int, str]]
) -> None:
    assert cyrillic_literals(source) == found
