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


def _known(dotted: str, modules: set[str]) -> str | None:
    """The module of `modules` a dotted name inside the package is, or lies in: itself, or
    its longest prefix ("places.grammar.Place" -> "places.grammar")."""
    parts = dotted.split(".")
    return next(
        (
            ".".join(parts[:size])
            for size in range(len(parts), 0, -1)
            if ".".join(parts[:size]) in modules
        ),
        None,
    )


def _imported(tree: ast.AST, modules: set[str]) -> set[str]:
    """The package's modules a module imports, at its top or inside a function; a module of
    a subpackage by its dotted name ("places.grammar")."""
    found: set[str] = set()
    pending = [tree]
    while pending:
        node = pending.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == PACKAGE or node.module.startswith(PACKAGE + "."):
                inner = node.module.removeprefix(PACKAGE).lstrip(".")
                for alias in node.names:
                    name = _known(f"{inner}.{alias.name}".lstrip("."), modules)
                    found.add(name or _known(inner, modules) or "")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE + "."):
                    found.add(_known(alias.name.removeprefix(PACKAGE + "."), modules) or "")
        pending.extend(ast.iter_child_nodes(node))
    return found & modules


def import_graph() -> dict[str, set[str]]:
    """Each module of the package (its __init__ aside) -> the package's modules it imports;
    a subpackage is a module (its __init__) and so is each of its modules ("places",
    "places.grammar")."""
    paths = {p.stem: p for p in SOURCE.glob("*.py") if p.stem != "__init__"}
    for init in SOURCE.glob("*/__init__.py"):
        package = init.parent.name
        paths[package] = init
        paths.update({f"{package}.{p.stem}": p for p in init.parent.glob("*.py") if p != init})
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
    assert {"text", "features", "lexicon", "damage", "engine", "places.grammar"} <= set(graph)
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


def test_a_subpackage_module_is_a_node_of_its_own() -> None:
    tree = ast.parse("from dronewatch.parsing.places.grammar import Place\n")
    assert _imported(tree, {"places", "places.grammar"}) == {"places.grammar"}
    tree = ast.parse("from dronewatch.parsing.places import every_place\n")
    assert _imported(tree, {"places", "places.grammar"}) == {"places"}
