"""A large read-only table of text rows, searched where it lies.

Tens of thousands of rows held as Python strings in a dict cost about ten times their
file size; held as one bytes object with an array of row offsets, and searched by
bisection, they cost little more than the file.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

_ROW_START = re.compile(rb"^(?=[^#\n])", re.MULTILINE)


class SortedTable:
    """Rows `key<TAB>value` sorted by the UTF-8 bytes of their keys (`#` lines are
    comments), looked up by key."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._starts = array("I", (match.start() for match in _ROW_START.finditer(data)))

    def __len__(self) -> int:
        return len(self._starts)

    def _key_at(self, start: int) -> bytes:
        return self._data[start : self._data.index(b"\t", start)]

    def get(self, key: str) -> str | None:
        """The value of the row whose key is `key`, if there is one."""
        wanted = key.encode()
        position = bisect_left(self._starts, wanted, key=self._key_at)
        if position == len(self._starts):
            return None
        start = self._starts[position]
        if self._key_at(start) != wanted:
            return None
        end = self._data.find(b"\n", start)
        row = self._data[start : end if end >= 0 else len(self._data)]
        return row[len(wanted) + 1 :].decode()
