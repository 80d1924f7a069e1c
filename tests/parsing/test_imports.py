"""The parser's modules import one another without a cycle (read from their source)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "dronewatch.parsing"
SOURCE = Path(__file__).resolve().parents[2] / "src" / "dronewatch" / "parsing"


def _type_checking_only(node: ast.AST) -> bool:
    """Whether the node is an `if TYPE_CHECKING:` block (imports for annotations only)."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST, modules: set[str]) -> set[str]:
    """The package's modules a module imports, at its top or inside a function."""
    found: set[str] = set()
    pending = [tree]
    while pending:
        node = pending.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == PACKAGE:
                found.update(alias.name for alias in node.names if alias.name in modules)
            elif node.module.startswith(PACKAGE + "."):
                found.add(node.module.removeprefix(PACKAGE + ".").split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE + "."):
                    found.add(alias.name.removeprefix(PACKAGE + ".").split(".")[0])
        pending.extend(ast.iter_child_nodes(node))
    return found & modules


def import_graph() -> dict[str, set[str]]:
    """Each module of the package (its __init__ aside) -> the package's modules it imports."""
    paths = {p.stem: p for p in SOURCE.glob("*.py") if p.stem != "__init__"}
    modules = set(paths)
    return {
        name: _imported(ast.parse(path.read_text(encoding="utf-8")), modules) - {name}
        for name, path in paths.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as the modules along it (first repeated last), or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        path.append(name)
        for following in sorted(graph.get(name, ())):
            if state.get(following) == "open":
                return [*path[path.index(following) :], following]
            if following not in state and (cycle := visit(following)) is not None:
                return cycle
        path.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name)) is not None:
            return cycle
    return None


def test_the_parser_modules_import_without_a_cycle() -> None:
    graph = import_graph()
    assert {"text", "features", "lexicon", "damage", "engine"} <= set(graph)
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    ("graph", "cyclic"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, False),
        ({"a": {"b"}, "b": {"a"}}, True),
        ({"a": {"b", "c"}, "b": {"c"}, "c": {"a"}}, True),
        ({"a": {"b", "c"}, "b": {"d"}, "c": {"d"}, "d": set()}, False),
    ],
)
def test_find_cycle(graph: dict[str, set[str]], cyclic: bool) -> None:
    assert (find_cycle(graph) is not None) == cyclic


def test_an_import_inside_a_function_counts() -> None:
    tree = ast.parse("def f():\n    from dronewatch.parsing.damage import tags\n")
    assert _imported(tree, {"damage"}) == {"damage"}
    checking = "if TYPE_CHECKING:\n    from dronewatch.parsing.drones import Mention\n"
    assert _imported(ast.parse(checking), {"drones"}) == set()
