"""A tiny parser with exactly known output, and export files, for ingest tests.

The real parser improves while this is written; these tests pin the pipeline's
behaviour, so they read "<N> drones over <CODE> at <Place>" and nothing else.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dronewatch import model
from dronewatch.parsing import RegionCount, Report

CHANNEL = model.Channel(
    telegram_id=1234567, title="Test governor", username="testgov", region="RU-BEL"
)
START = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
_DRONES = re.compile(r"(\d+) drones over (RU-[A-Z]+)(?: at (\w+))?")


def fake_parse(text: str, region: str | None, date: datetime | None) -> Report:
    match = _DRONES.search(text)
    if match is None:
        return Report(kind="alert" if "alert" in text else "none")
    drones, code, place = int(match[1]), match[2], match[3]
    return Report(
        kind="attack",
        drones=drones,
        regions=[RegionCount(code=code, drones=drones)],
        places=[place] if place else [],
        damage=["residential"] if "house" in text else [],
        killed=0,
        injured=0,
    )


def post(message_id: int, text: str, **changes: Any) -> model.Post:
    values: dict[str, Any] = {
        "channel": CHANNEL,
        "message_id": message_id,
        "date": START + timedelta(hours=message_id),
        "text": text,
    }
    values.update(changes)
    return model.Post(**values)


def export_message(message_id: int, text: Any, **extra: Any) -> dict[str, Any]:
    when = START + timedelta(hours=message_id)
    return {
        "id": message_id,
        "type": "message",
        "date": when.replace(tzinfo=None).isoformat(),
        "date_unixtime": str(int(when.timestamp())),
        "from": "Test governor",
        "from_id": "channel1234567",
        "text": text,
        **extra,
    }


def write_export(path: Path, messages: list[Any], **header: Any) -> Path:
    document = {"name": "Test governor", "type": "public_channel", "id": 1234567, **header}
    document["messages"] = messages
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def write_big_export(path: Path, count: int) -> Path:
    """`count` posts, streamed to disk, for the kill -9 test."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"name": "Big", "type": "public_channel", "id": 1234567, "messages": [\n')
        for message_id in range(1, count + 1):
            text = f"{message_id % 50} drones over RU-KRS at Place{message_id % 7}"
            separator = ",\n" if message_id < count else "\n"
            out.write(json.dumps(export_message(message_id, text)) + separator)
        out.write("]}\n")
    return path
