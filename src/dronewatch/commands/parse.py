"""`dronewatch parse`: run the parser on one post, or on JSON lines for scoring."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from typing import Annotated, Any

import typer

from dronewatch.commands.arguments import region_code
from dronewatch.commands.context import app_context
from dronewatch.parsing import Report
from dronewatch.parsing import parse as parse_text
from dronewatch.regions import is_known_region

log = logging.getLogger(__name__)


def _report_json(report: Report, explain: bool) -> str:
    data = report.explained_dict() if explain else report.contract_dict()
    return json.dumps(data, ensure_ascii=False)


def _parse_line(line: str) -> Report:
    if not line.strip():
        raise ValueError("blank line")
    try:
        item: Any = json.loads(line)
    except ValueError as error:
        raise ValueError(f"not JSON ({error})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    region = item.get("channel_region")
    if region is not None and not (isinstance(region, str) and is_known_region(region)):
        raise ValueError(f"unknown channel_region {region!r}")
    date = datetime.fromisoformat(item["date"]) if item.get("date") else None
    return parse_text(item["text"], channel_region=region, date=date)


def report_line(line: str, number: int, explain: bool = False) -> str:
    """The output line (without its newline) that `parse --jsonl` writes for input line
    `number`: the report's JSON, or an error object when the line cannot be read."""
    try:
        return _report_json(_parse_line(line), explain)
    except (ValueError, TypeError) as error:
        log.warning("line %d: %s", number, error)
        return json.dumps({"error": f"line {number}: {error}"}, ensure_ascii=False)


def _parse_lines(explain: bool) -> None:
    """One output line per input line, in order: a line that cannot be read gets an error
    object in its place, so output line N always answers input line N."""
    for number, line in enumerate(sys.stdin, start=1):
        sys.stdout.write(report_line(line, number, explain) + "\n")
    sys.stdout.flush()


def parse(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="The post (default: stdin).")
    ] = None,
    region: Annotated[
        str | None,
        typer.Option("--region", "-r", help="The channel's region: ISO code (RU-KLU) or name."),
    ] = None,
    date: Annotated[
        datetime | None,
        typer.Option(
            "--date",
            help="When the post was published (ISO 8601).",
            formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"],
        ),
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='Read {"text", "channel_region", "date"} JSON lines from stdin; '
            "write one report per line, in order.",
        ),
    ] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Add the evidence spans.")] = False,
) -> None:
    """Parse a post into the report contract's JSON."""
    if jsonl:
        _parse_lines(explain)
        return
    code = region_code(app_context(ctx), region)
    body = text if text is not None else sys.stdin.read()
    typer.echo(_report_json(parse_text(body, channel_region=code, date=date), explain))
