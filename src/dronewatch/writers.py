"""Report rows as CSV, JSON lines, a JSON array or Parquet, written as they stream in.

Shared by `dronewatch export` and `dronewatch query`. Each writer takes rows one at a
time (a page is all the database hands over at once), so a file of a million rows
costs no more memory than a page. Every cell's conversion is chosen once per column
from `ReportRow`'s field types, not looked up value by value: at a million rows,
that lookup cost more than the query.
"""

from __future__ import annotations

import csv
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from dronewatch.store.queries import ReportRow

PARQUET_ROW_GROUP = 10_000
LIST_SEPARATOR = "; "


class MissingExtraError(Exception):
    """An optional dependency a format needs is not installed."""


def _field_types() -> dict[str, Any]:
    """Each column's type, `X | None` reduced to X."""
    hints = typing.get_type_hints(ReportRow)
    found = {}
    for name in ReportRow.columns():
        kind = hints[name]
        if isinstance(kind, types.UnionType):
            kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
        found[name] = kind
    return found


FIELD_TYPES = _field_types()
_COLUMNS = ReportRow.columns()
_TIMES = [index for index, name in enumerate(_COLUMNS) if FIELD_TYPES[name] is datetime]


def _csv_converters() -> list[tuple[int, Callable[[Any], str]]]:
    """(column, conversion) for each column csv cannot write as it is; None stays empty."""
    converters: list[tuple[int, Callable[[Any], str]]] = []
    for index, name in enumerate(_COLUMNS):
        kind = FIELD_TYPES[name]
        if kind is bool:
            converters.append((index, lambda value: "true" if value else "false"))
        elif kind is datetime:
            converters.append((index, datetime.isoformat))
        elif typing.get_origin(kind) is list:
            items = typing.get_args(kind)[0]
            converters.append((index, _join_texts if items is str else _join_values))
        elif kind not in (str, int, float):
            raise TypeError(f"ReportRow.{name}: no CSV form for {kind}")
    return converters


def _join_texts(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _join_values(values: list[Any]) -> str:
    return LIST_SEPARATOR.join("" if value is None else str(value) for value in values)


_CSV_CONVERTERS = _csv_converters()


def write_csv(rows: Iterable[ReportRow], out: IO[str]) -> int:
    """Lists become `; `-joined cells (region codes, their counts, places, damage tags)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)  # even with no rows, so the file opens as a table
    count = 0
    for row in rows:
        cells = list(row)
        for index, convert in _CSV_CONVERTERS:
            value = cells[index]
            if value is not None:
                cells[index] = convert(value)
        writer.writerow(cells)
        count += 1
    return count


# One encoder for every line: `json.dumps` with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json_line(row: ReportRow) -> str:
    # Times as ISO text, converted here rather than through the encoder's `default`
    # callback: the same text, at less than half the cost.
    values: list[Any] = list(row)
    for index in _TIMES:
        value = values[index]
        if value is not None:
            values[index] = value.isoformat()
    return _ENCODER.encode(dict(zip(_COLUMNS, values, strict=True)))


def write_jsonl(rows: Iterable[ReportRow], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(_json_line(row) + "\n")
        count += 1
    return count


def write_json(rows: Iterable[ReportRow], out: IO[str]) -> int:
    """One JSON array, written row by row rather than built in memory."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(("," if count else "") + "\n" + _json_line(row))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def parquet_schema() -> Any:
    """The Parquet schema of `ReportRow`: each field's type as an Arrow type, in order."""
    try:
        import pyarrow as pa
    except ImportError as error:
        raise MissingExtraError(
            "parquet export needs pyarrow: pip install 'dronewatch[parquet]'"
        ) from error
    scalars = {
        int: pa.int64(),
        str: pa.string(),
        float: pa.float64(),
        bool: pa.bool_(),
        datetime: pa.timestamp("us", tz="UTC"),
    }

    def arrow(kind: Any) -> Any:
        if typing.get_origin(kind) is list:
            (items,) = typing.get_args(kind)
            if isinstance(items, types.UnionType):  # list[int | None]: nulls are allowed anyway
                items = next(arg for arg in typing.get_args(items) if arg is not type(None))
            return pa.list_(arrow(items))
        return scalars[kind]

    return pa.schema([(name, arrow(FIELD_TYPES[name])) for name in _COLUMNS])


def write_parquet(rows: Iterable[ReportRow], out: IO[bytes]) -> int:
    """Typed columns (lists stay lists), one row group per 10,000 rows."""
    schema = parquet_schema()
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        for group in _chunks(rows, PARQUET_ROW_GROUP):
            # Column by column: Arrow converts a Python list per column far faster
            # than a dict per row.
            columns = zip(*group, strict=True)
            arrays = [
                pa.array(values, item.type) for values, item in zip(columns, schema, strict=True)
            ]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            count += len(group)
    return count


def _chunks(rows: Iterable[ReportRow], size: int) -> Iterator[list[ReportRow]]:
    chunk: list[ReportRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
