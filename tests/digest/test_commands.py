"""`dronewatch demo` and `dronewatch digest` from the command line, and the bot's commands."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from digest_scenario import DAY, msk, settings_with
from typer.testing import CliRunner

from dronewatch.cli import app
from dronewatch.digest.bot import BotCommands, find_region, register_bot_commands
from dronewatch.sources.demo import demo_posts
from dronewatch.store import Database

runner = CliRunner()


def test_demo_prints_the_last_day_and_writes_a_png(tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--database", str(database)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Drone digest · Mon 12 October 2026" in out
    # Kursk: 4 + 5 new, then "всего за ночь 15": 15, not 24; the MoD's 16, the larger.
    assert "Kursk Oblast: 16 (15 · 16)" in out
    # Belgorod's edit (three injured -> four) replaced the first reading.
    assert "1 killed, 4 injured" in out
    chart = Path(result.stderr.split("chart: ", 1)[1].strip())
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert chart.stat().st_size > 20_000
    before = dump(database)
    again = runner.invoke(app, ["demo", "--database", str(database)])
    assert again.exit_code == 0
    assert again.stdout == out
    assert dump(database) == before  # ingesting twice changes nothing, not even a revision


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def test_demo_history_skips_bad_lines() -> None:
    text = "\n".join(
        [
            '{"type": "channel", "key": "k", "telegram_id": 1, "region": "RU-KRS"}',
            '{"type": "post", "channel": "k", "id": 1, "date": "2026-10-05T06:00:00+03:00", '
            '"text": "ok"}',
            "not json",
            '{"type": "post", "channel": "missing", "id": 2, '
            '"date": "2026-10-05T06:00:00+03:00", "text": "x"}',
            '{"type": "post", "channel": "k", "id": 3, "date": "2026-10-05T06:00:00", "text": "x"}',
        ]
    )
    assert [post.message_id for post in demo_posts(text)] == [1]
    assert len(list(demo_posts())) == 50


def test_digest_command_for_a_date(known_database: Database, tmp_path: Path) -> None:
    url = known_database.engine.url.render_as_string(hide_password=False)
    env = {"DRONEWATCH_DATABASE__URL": url, "DRONEWATCH_DATA_DIR": str(tmp_path)}
    result = runner.invoke(app, ["digest", "--date", DAY.isoformat()], env=env)
    assert result.exit_code == 0, result.output
    assert "Regional officials: 19" in result.stdout
    assert (tmp_path / "charts" / "digest-2026-06-08.png").is_file()
    bad = runner.invoke(app, ["digest", "--date", "8 June"], env=env)
    assert bad.exit_code == 2


def test_digest_send_without_recipients_fails_clearly(known_database: Database) -> None:
    url = known_database.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(
        app, ["digest", "--date", DAY.isoformat(), "--send"], env={"DRONEWATCH_DATABASE__URL": url}
    )
    assert result.exit_code == 1
    assert "digest.recipients is empty" in result.stderr


def test_bot_answers_only_configured_users(known_database: Database) -> None:
    settings = settings_with(recipients=["me", 4242, -1001234])
    commands = BotCommands(settings, known_database, clock=lambda: msk(8, 12))
    assert commands.handle(999, "/today") is None
    assert commands.handle(None, "/status") is None
    assert commands.handle(-1001234, "/week") is None  # a group id is not a user
    yesterday = commands.handle(4242, "/yesterday")
    assert yesterday is not None
    assert "Regional officials: <b>19</b>" in yesterday[0]
    today = commands.handle(4242, "/today@dronewatch_bot")
    assert today is not None
    assert "so far today" in today[0]
    week = "\n".join(commands.handle(4242, "/week") or [])
    assert "Mon 08 Jun: <b>40</b> (19 · 40)" in week
    region = "\n".join(commands.handle(4242, "/region курская") or [])
    assert "Kursk Oblast (RU-KRS)" in region
    assert "Mon 08 Jun: <b>15</b> (12 · 15)" in region
    assert "Usage" in "\n".join(commands.handle(4242, "/region атлантида") or [])
    status = "\n".join(commands.handle(4242, "/status") or [])
    assert "Channels: 3" in status
    assert "/week" in "\n".join(commands.handle(4242, "/help") or [])


def test_find_region() -> None:
    assert find_region("RU-KRS") == "RU-KRS"
    assert find_region("bel") == "RU-BEL"
    assert find_region("Брянская") == "RU-BRY"
    assert find_region("  ") is None


class _FakeEvent:
    def __init__(self, sender_id: int, text: str) -> None:
        self.sender_id = sender_id
        self.raw_text = text
        self.is_private = True
        self.replies: list[tuple[str, dict[str, Any]]] = []

    async def respond(self, text: str, **kwargs: Any) -> None:
        self.replies.append((text, kwargs))


class _FakeClient:
    def __init__(self) -> None:
        self.handlers: list[tuple[Any, Any]] = []

    def add_event_handler(self, callback: Any, event: Any) -> None:
        self.handlers.append((callback, event))


async def test_registered_handler_replies_in_html_and_ignores_strangers(
    known_database: Database,
) -> None:
    client = _FakeClient()
    register_bot_commands(
        client,
        BotCommands(settings_with(recipients=[4242]), known_database, clock=lambda: msk(8, 12)),
    )
    [(callback, event_filter)] = client.handlers
    assert event_filter.func(_FakeEvent(4242, "/week"))
    assert not event_filter.func(_FakeEvent(4242, "hello"))
    stranger, owner = _FakeEvent(1, "/status"), _FakeEvent(4242, "/status")
    await callback(stranger)
    await callback(owner)
    assert stranger.replies == []
    assert owner.replies[0][1] == {"parse_mode": "html", "link_preview": False}
