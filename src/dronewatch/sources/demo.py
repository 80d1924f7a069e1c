"""The bundled demo history: invented posts for a few regions over a week.

`data/demo/history.jsonl` holds one JSON object a line: `channel` lines describe
the channels, `post` lines their messages in publication order (an edit is the
same message id again with a later `edit_date`). Lines it cannot read are logged
and skipped, like any other source's.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime
from importlib.resources import files
from typing import Any

from dronewatch import model

log = logging.getLogger(__name__)

HISTORY = "data/demo/history.jsonl"


def demo_posts(text: str | None = None) -> Iterator[model.Post]:
    """The demo's posts, from the packaged history (or `text` in the same format)."""
    if text is None:
        text = files("dronewatch").joinpath(HISTORY).read_text(encoding="utf-8")
    channels: dict[str, model.Channel] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if item.get("type") == "channel":
                channels[item["key"]] = _channel(item)
            elif item.get("type") == "post":
                yield _post(item, channels)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            log.warning("demo history line %d skipped: %s", number, error)


def _channel(item: dict[str, Any]) -> model.Channel:
    return model.Channel(
        telegram_id=int(item["telegram_id"]),
        title=item.get("title"),
        username=item.get("username"),
        region=item.get("region"),
        label=item.get("label"),
    )


def _post(item: dict[str, Any], channels: dict[str, model.Channel]) -> model.Post:
    date = datetime.fromisoformat(item["date"])
    edit_date = datetime.fromisoformat(item["edit_date"]) if item.get("edit_date") else None
    if date.tzinfo is None or (edit_date is not None and edit_date.tzinfo is None):
        raise ValueError("dates need a UTC offset")
    return model.Post(
        channel=channels[item["channel"]],
        message_id=int(item["id"]),
        date=date,
        text=str(item["text"]),
        edit_date=edit_date,
    )
