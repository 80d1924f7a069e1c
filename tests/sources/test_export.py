"""Reading Telegram Desktop exports: formats of text and dates, bad messages, bad files."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from dronewatch.model import channel_id
from dronewatch.sources.export import ChannelExport, ExportError


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def channel_export(messages: list[Any], **header: Any) -> dict[str, Any]:
    return {
        "name": "Губернатор",
        "type": "public_channel",
        "id": 1001,
        **header,
        "messages": messages,
    }


def test_posts_with_plain_and_entity_text(tmp_path: Path) -> None:
    export = ChannelExport(
        write(
            tmp_path / "result.json",
            channel_export(
                [
                    {
                        "id": 1,
                        "type": "service",
                        "date": "2026-06-01T09:00:00",
                        "action": "create_channel",
                    },
                    {
                        "id": 2,
                        "type": "message",
                        "date": "2026-06-01T12:00:00",
                        "date_unixtime": "1780304400",
                        "edited": "2026-06-01T12:05:00",
                        "edited_unixtime": "1780304700",
                        "text": ["Сбит ", {"type": "bold", "text": "беспилотник"}, "."],
                        "photo": "photos/1.jpg",
                    },
                    {"id": 3, "type": "message", "date_unixtime": 1780308000, "text": "Отбой."},
                ]
            ),
        )
    )
    assert export.channel.telegram_id == 1001
    assert export.channel.title == "Губернатор"
    posts = list(export.posts())
    assert [(p.message_id, p.text) for p in posts] == [(2, "Сбит беспилотник."), (3, "Отбой.")]
    assert posts[0].date == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert posts[0].edit_date == datetime(2026, 6, 1, 9, 5, tzinfo=UTC)
    assert posts[0].raw == {"photo": "photos/1.jpg", "source": "telegram-desktop-export"}
    assert posts[1].edit_date is None
    assert export.counts == {"messages": 3, "service": 1, "posts": 2}


def test_old_exports_without_unixtime_use_the_given_zone(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.json", channel_export([{"id": 7, "date": "2020-01-02T03:04:05", "text": ""}])
    )
    moscow = timezone(timedelta(hours=3))
    (post,) = ChannelExport(path, naive_timezone=moscow).posts()
    assert post.date == datetime(2020, 1, 2, 0, 4, 5, tzinfo=UTC)


def test_malformed_messages_are_skipped_with_their_id(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    messages = [
        {"id": 1, "date_unixtime": "1780304400", "text": "ok"},
        {"id": 2, "text": "no date"},
        {"id": 3, "date_unixtime": "1780304400", "text": 42},
        {"id": "x4", "date_unixtime": "1780304400", "text": "bad id"},
        {"id": 5, "date": "yesterday", "text": "bad date"},
        {"id": 6, "date_unixtime": "1780304400", "text": [{"type": "link"}]},
        "not an object",
        {"id": 8, "date_unixtime": "1780304400", "text": "ok too"},
    ]
    export = ChannelExport(write(tmp_path / "r.json", channel_export(messages)))
    with caplog.at_level(logging.WARNING):
        assert [p.message_id for p in export.posts()] == [1, 8]
    assert export.counts["malformed"] == 6
    logged = caplog.text
    for fragment in (
        "message 2 skipped: no date",
        "message 3 skipped",
        "message x4 skipped",
        "message 5 skipped: bad date",
        "message 6 skipped",
    ):
        assert fragment in logged


def test_a_directory_means_its_result_json(tmp_path: Path) -> None:
    write(tmp_path / "result.json", channel_export([]))
    assert ChannelExport(tmp_path).path == tmp_path / "result.json"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<html><body>messages</body></html>", "not a JSON file"),
        ("[1, 2]", "not a JSON object"),
        ('{"about": "x", "chats": {"list": []}}', "whole-account export"),
        ('{"name": "x", "type": "public_channel"}', "not a Telegram Desktop export"),
        (
            '{"name": "x", "type": "personal_chat", "id": 5, "messages": []}',
            "personal_chat, not of a channel",
        ),
    ],
)
def test_files_that_are_not_channel_exports_are_refused(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExportError, match=message):
        ChannelExport(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such file"):
        ChannelExport(tmp_path / "missing.json")


def test_a_truncated_export_fails_clearly_after_its_good_posts(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    text = json.dumps(channel_export([{"id": 1, "date_unixtime": "1780304400", "text": "a"}] * 2))
    path.write_text(text[:-20], encoding="utf-8")
    export = ChannelExport(path)
    read = []
    with pytest.raises(ExportError, match="broken JSON after"):
        read.extend(export.posts())
    assert [p.message_id for p in read] == [1]


def test_the_header_may_follow_the_messages(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        '{"messages": [], "id": -1000000001234, "type": "private_channel"}', encoding="utf-8"
    )
    assert ChannelExport(path).channel.telegram_id == 1234


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [(1234567890, 1234567890), ("-1001234567890", 1234567890), ("channel42", 42), (-42, 42)],
)
def test_channel_ids_are_bare(spelling: int | str, expected: int) -> None:
    assert channel_id(spelling) == expected
