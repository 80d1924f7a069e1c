"""The sorted table that holds the gazetteer names' inflected forms."""

from __future__ import annotations

import pytest

from dronewatch.parsing.sorted_table import SortedTable

ROWS = ["# a comment", "# stamp: x", "абаг\tабаг\t\t0", "ёлка\tелка\t\t1", "яма\t\t\t0", "zebra\tz"]


@pytest.fixture
def table() -> SortedTable:
    rows = ROWS[:2] + sorted(ROWS[2:], key=str.encode)
    return SortedTable(("\n".join(rows) + "\n").encode())


def test_finds_every_row_and_skips_comments(table: SortedTable) -> None:
    assert len(table) == 4
    assert table.get("абаг") == "абаг\t\t0"
    assert table.get("ёлка") == "елка\t\t1"
    assert table.get("яма") == "\t\t0"
    assert table.get("zebra") == "z"


MISSING = ["", "а", "аба", "абага", "ёл", "я", "ямаа", "zz", "#", "# a comment"]


@pytest.mark.parametrize("key", MISSING)
def test_a_missing_key_is_none(table: SortedTable, key: str) -> None:
    assert table.get(key) is None


def test_a_prefix_of_a_key_is_not_that_key() -> None:
    table = SortedTable(b"ab\t1\nabc\t2\nb\t3")
    found = [table.get(key) for key in ("ab", "abc", "b", "a")]
    assert found == ["1", "2", "3", None]


def test_an_empty_table_has_nothing() -> None:
    assert SortedTable(b"").get("абаг") is None
    assert len(SortedTable(b"# only a comment\n")) == 0
