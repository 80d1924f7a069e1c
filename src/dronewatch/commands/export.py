"""`dronewatch export`: every stored post with its current report, for spreadsheets and notebooks.

The writers here are shared with `dronewatch query`: rows stream from the database
straight into the file, a page at a time, whatever the size of the database.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from dronewatch.commands.context import EXIT_USAGE, app_context
from dronewatch.commands.db import open_store
from dronewatch.commands.filters import channel_ids, date_range
from dronewatch.commands.output import OutputError, check_output, replacing
from dronewatch.store.queries import ReportFilter, ReportRow, report_rows
from dronewatch.terminal import printable

PARQUET_ROW_GROUP = 10_000
LIST_SEPARATOR = "; "
EXCEL_MARK = "\ufeff"  # UTF-8 byte order mark


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


class MissingExtraError(Exception):
    """An optional dependency a format needs is not installed."""


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _isoformat(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _json_line(row: ReportRow) -> str:
    # Times through `default`, which json calls for them alone: faster than a pass
    # over every value.
    return json.dumps(row.as_dict(), ensure_ascii=False, default=_isoformat)


def _csv_value(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or value is None:  # most cells, first (bool is not int)
        return value
    if isinstance(value, list):
        return LIST_SEPARATOR.join("" if item is None else str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return _json_value(value)


def write_csv(rows: Iterable[ReportRow], out: IO[str]) -> int:
    """Lists become `; `-joined cells (region codes, their counts, places, damage tags)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ReportRow.columns())  # even with no rows, so the file opens as a table
    count = 0
    for row in rows:
        writer.writerow([_csv_value(value) for value in row.as_dict().values()])
        count += 1
    return count


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


def _parquet_schema() -> Any:
    try:
        import pyarrow as pa
    except ImportError as error:
        raise MissingExtraError(
            "parquet export needs pyarrow: pip install 'dronewatch[parquet]'"
        ) from error
    timestamp = pa.timestamp("us", tz="UTC")
    return pa.schema(
        [
            ("channel_telegram_id", pa.int64()),
            ("channel_username", pa.string()),
            ("channel_title", pa.string()),
            ("channel_region", pa.string()),
            ("message_id", pa.int64()),
            ("posted_at", timestamp),
            ("edited_at", timestamp),
            ("deleted", pa.bool_()),
            ("link", pa.string()),
            ("parser_version", pa.string()),
            ("kind", pa.string()),
            ("drones", pa.int64()),
            ("cumulative", pa.bool_()),
            ("killed", pa.int64()),
            ("injured", pa.int64()),
            ("no_damage", pa.bool_()),
            ("window_start", timestamp),
            ("window_end", timestamp),
            ("period_end", timestamp),
            ("regions", pa.list_(pa.string())),
            ("region_drones", pa.list_(pa.int64())),
            ("places", pa.list_(pa.string())),
            ("place_latitudes", pa.list_(pa.float64())),
            ("place_longitudes", pa.list_(pa.float64())),
            ("damage", pa.list_(pa.string())),
            ("text", pa.string()),
        ]
    )


def write_parquet(rows: Iterable[ReportRow], out: IO[bytes]) -> int:
    """Typed columns (lists stay lists), one row group per 10,000 rows."""
    schema = _parquet_schema()
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        for group in _chunks(rows, PARQUET_ROW_GROUP):
            writer.write_batch(pa.RecordBatch.from_pylist([row.as_dict() for row in group], schema))
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


def _printable_row(row: ReportRow) -> ReportRow:
    """The row as a terminal may show it: its texts without escapes (files keep them)."""
    changes: dict[str, Any] = {}
    for item in fields(row):
        value = getattr(row, item.name)
        if isinstance(value, str):
            changes[item.name] = printable(value)
        elif isinstance(value, list):
            changes[item.name] = [printable(v) if isinstance(v, str) else v for v in value]
    return replace(row, **changes)


EXCEL_HELP = "CSV for Excel: starts with a UTF-8 byte order mark, so Cyrillic shows right."
TEXT_WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "json": write_json}


def write_rows(
    rows: Iterable[ReportRow], fmt: str, output: Path | None, *, excel: bool = False
) -> int:
    """Write rows in `fmt` to `output` (checked by `check_output`), or to stdout without one.

    A file is replaced only once the export is complete; returns the rows written.
    `excel` starts a CSV with a UTF-8 byte order mark: without it, Excel reads the file
    in the system's code page and shows Cyrillic as mojibake.
    """
    if fmt == ExportFormat.PARQUET:
        _parquet_schema()  # fail before creating the file when pyarrow is missing
        with _binary_output(output) as binary:
            return write_parquet(rows, binary)
    writer = TEXT_WRITERS[fmt]
    mark = EXCEL_MARK if excel and fmt == ExportFormat.CSV else ""
    if output is None:
        if sys.stdout.isatty():
            rows = map(_printable_row, rows)
        sys.stdout.write(mark)
        count = writer(rows, sys.stdout)
        sys.stdout.flush()
        return count
    with replacing(output) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        text.write(mark)
        count = writer(rows, text)
        text.flush()
        text.detach()
        return count


@contextmanager
def _binary_output(output: Path | None) -> Iterator[IO[bytes]]:
    if output is not None:
        with replacing(output) as file:
            yield file
        return
    if sys.stdout.isatty():
        raise MissingExtraError("parquet is binary: give --output FILE or redirect stdout")
    yield sys.stdout.buffer
    sys.stdout.buffer.flush()


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, jsonl, or parquet (pyarrow).")
    ] = ExportFormat.CSV,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it exists.")
    ] = False,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Only this channel (username or id).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Posts from this date or time on.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Posts up to this date (inclusive) or time.")
    ] = None,
    excel: Annotated[bool, typer.Option("--excel", help=EXCEL_HELP)] = False,
) -> None:
    """Write one row per stored post with its current report (deleted posts flagged)."""
    context = app_context(ctx)
    if excel and fmt != ExportFormat.CSV:
        context.fail("--excel is for --format csv", EXIT_USAGE)
    zone = context.settings.digest.zone
    start, end = date_range(context, since, until, zone)
    target: Path | None = None
    if output is not None:
        try:
            target = check_output(output, database_url=context.settings.database_url, force=force)
        except OutputError as error:
            context.fail(str(error), EXIT_USAGE)
    database = open_store(context, create=False)
    try:
        with database.session() as session:
            selection = ReportFilter(
                since=start,
                until=end,
                channel_ids=channel_ids(context, session, channel),
                include_deleted=True,
            )
            rows = report_rows(session, selection, reports_only=False)
            count = write_rows(rows, fmt, target, excel=excel)
    except MissingExtraError as error:
        context.fail(str(error))
    except OSError as error:
        context.fail(f"{output}: {error.strerror or error}")
    finally:
        database.dispose()
    context.say(f"exported {count} posts to {output or 'stdout'}")
