"""`dronewatch parse`: run the parser on one post, or on JSON lines for scoring."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from typing import Annotated, Any

import typer

from dronewatch.parsing import Report
from dronewatch.parsing import parse as parse_text

log = logging.getLogger(__name__)


def _report_json(report: Report, explain: bool) -> str:
    data = report.explained_dict() if explain else report.contract_dict()
    return json.dumps(data, ensure_ascii=False)


def _parse_line(line: str) -> Report:
    item: Any = json.loads(line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    date = datetime.fromisoformat(item["date"]) if item.get("date") else None
    return parse_text(item["text"], channel_region=item.get("channel_region"), date=date)


def parse(
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="The post (default: stdin).")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="ISO code of the channel's region.")
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
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                report = _parse_line(line)
            except (ValueError, TypeError) as error:
                # Keep the output aligned with the input: a bad line gets an empty report.
                log.warning("line %d skipped: %s", number, error)
                report = Report()
            sys.stdout.write(_report_json(report, explain) + "\n")
        sys.stdout.flush()
        return
    body = text if text is not None else sys.stdin.read()
    typer.echo(_report_json(parse_text(body, channel_region=region, date=date), explain))
