"""`dronewatch export`: every stored post with its current report, for spreadsheets and notebooks.

`write_rows` is shared with `dronewatch query`: rows stream from the database
straight into the file (through `dronewatch.writers`), a page at a time, whatever
the size of the database.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from dronewatch.commands.context import EXIT_USAGE, app_context
from dronewatch.commands.db import opened_store
from dronewatch.commands.filters import channel_ids, date_range
from dronewatch.commands.output import OutputError, check_output, replacing
from dronewatch.store.queries import ReportFilter, ReportRow, report_rows
from dronewatch.terminal import printable
from dronewatch.writers import (
    MissingExtraError,
    parquet_schema,
    write_csv,
    write_json,
    write_jsonl,
    write_parquet,
)

EXCEL_MARK = "\ufeff"  # UTF-8 byte order mark


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


def _printable_row(row: ReportRow) -> ReportRow:
    """The row as a terminal may show it: its texts without escapes (files keep them)."""
    changes: dict[str, Any] = {}
    for name, value in zip(row._fields, row, strict=True):
        if isinstance(value, str):
            changes[name] = printable(value)
        elif isinstance(value, list):
            changes[name] = [printable(v) if isinstance(v, str) else v for v in value]
    return row._replace(**changes)


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
        parquet_schema()  # fail before creating the file when pyarrow is missing
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
    try:
        with opened_store(context, create=False) as database, database.session() as session:
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
    context.say(f"exported {count} posts to {output or 'stdout'}")
