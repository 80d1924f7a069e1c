"""Every command, given each bad input: the right exit code, one line on stderr, no
traceback, and the database exactly as it was.

Exit 2 means the command line or the configuration must change; exit 1 a failure at
run time (a database that cannot be reached, a file that cannot be read).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.commands import telegram as telegram_command
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.models import Base, Post

CHANNEL = model.Channel(telegram_id=555, username="gov_bel", region="RU-BEL")
SECRET = "s3cret-pass"
READ_ONLY = [["status"], ["query"], ["export"], ["digest"], ["db", "current"]]
WRITING = [["db", "upgrade"], ["reparse"]]


def snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "the database unchanged" compares."""
    with database.engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def env(database: Database, database_url: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A database holding a post, unchanged by whatever the test runs."""
    when = datetime(2026, 6, 1, 5, tzinfo=UTC)
    Pipeline(database).ingest([model.Post(CHANNEL, 1, when, "Над Шебекино сбиты 3 БПЛА.")])
    before = snapshot(database)
    yield {"DRONEWATCH_DATABASE__URL": database_url, "DRONEWATCH_DATA_DIR": str(tmp_path)}
    assert snapshot(database) == before


def refused(env: dict[str, str], args: list[str], code: int, words: str) -> str:
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: ")
    assert words in result.stderr
    assert "Traceback" not in result.output
    assert SECRET not in result.output
    return result.stderr


def unusable_urls(tmp_path: Path) -> dict[str, tuple[str, int, str]]:
    """Database URLs that cannot be opened: (url, exit code, words of the message)."""
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("these are my notes, not a database\n")
    return {
        "read-only directory": ("sqlite:////proc/dronewatch.db", 1, "/proc/dronewatch.db"),
        "missing directory": ("sqlite:////proc/no/such/dir/x.db", 1, "/proc/no/such/dir"),
        "server down": (f"postgresql://dw:{SECRET}@127.0.0.1:9/dw", 1, "127.0.0.1"),
        "unsupported scheme": ("mysql://dw@localhost/dw", 2, "unsupported database 'mysql'"),
        "not a URL": ("notaurl", 2, "is not a database URL"),
        "not a database": (f"sqlite:///{not_a_database}", 1, "not a database"),
    }


@pytest.mark.parametrize("args", READ_ONLY + WRITING, ids=" ".join)
@pytest.mark.parametrize(
    "case",
    [
        "read-only directory",
        "missing directory",
        "server down",
        "unsupported scheme",
        "not a URL",
        "not a database",
    ],
)
def test_a_database_that_cannot_be_opened(tmp_path: Path, args: list[str], case: str) -> None:
    url, code, words = unusable_urls(tmp_path)[case]
    before = sorted(tmp_path.iterdir())
    refused({"DRONEWATCH_DATABASE__URL": url}, args, code, words)
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("args", [*READ_ONLY, ["serve"]], ids=" ".join)
def test_read_only_commands_never_create_a_database(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo.db"
    stderr = refused(
        {"DRONEWATCH_DATA_DIR": str(tmp_path)}, [*args, "--database", str(missing)], 1, str(missing)
    )
    assert "database.url" in stderr
    assert not missing.exists()
    refused({"DRONEWATCH_DATABASE__URL": f"sqlite:///{missing}"}, args, 1, "no database at")
    assert not missing.exists()


def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "not JSON": ("notes.json", b"hello, this is text\n"),
        "empty": ("empty.json", b""),
        "binary": ("photo.json", bytes(range(256)) * 4),
        "not an export": ("other.json", b'{"hello": "world"}'),
    }
    for name, content in files.values():
        (tmp_path / name).write_bytes(content)
    return {case: tmp_path / name for case, (name, _) in files.items()}


@pytest.mark.parametrize("case", ["not JSON", "empty", "binary", "not an export"])
def test_import_of_a_file_that_is_no_export(env: dict[str, str], tmp_path: Path, case: str) -> None:
    path = bad_files(tmp_path)[case]
    refused(env, ["import", str(path)], 1, str(path))


def good_export(tmp_path: Path) -> Path:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "x", "type": "public_channel", "id": 9, "messages": []}))
    return path


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["query", "--region", "RU-XYZ"], 2, "unknown region 'RU-XYZ'"),
        (["query", "--region", "Кур"], 2, "fits several"),
        (["query", "--since", "2026-06-05", "--until", "2026-06-01"], 2, "is not before"),
        (["query", "--since", "June"], 2, "not a date"),
        (["export", "--until", "2026-06-01", "--since", "2026-06-02"], 2, "is not before"),
        (["parse", "--region", "RU-XYZ", "--text", "x"], 2, "unknown region"),
        (["import", "{export}", "--region", "RU-XYZ"], 2, "unknown region"),
        (["import", "{export}", "--channel-username", "not a name!"], 2, "not a Telegram username"),
        (["import", "{export}", "--channel-username", "ab"], 2, "not a Telegram username"),
        (["export", "-o", "{tmp}"], 2, "is a directory"),
        (["export", "-o", "{tmp}/no/such/dir/x.csv"], 2, "does not exist"),
        (["export", "-o", "{existing}"], 2, "exists: add --force"),
        (["import", "{tmp}/nothing-here.json"], 1, "no such file"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_bad_arguments(
    env: dict[str, str], tmp_path: Path, args: list[str], code: int, words: str
) -> None:
    existing = tmp_path / "mine.csv"
    existing.write_text("my own notes\n")
    values = {"export": str(good_export(tmp_path)), "tmp": str(tmp_path), "existing": str(existing)}
    refused(env, [arg.format(**values) for arg in args], code, words)
    assert existing.read_text() == "my own notes\n"


def test_export_over_the_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "dronewatch.db"
    env = {"DRONEWATCH_DATABASE__URL": f"sqlite:///{path}"}
    assert CliRunner().invoke(app, ["db", "upgrade"], env=env).exit_code == 0
    before = path.read_bytes()
    refused(env, ["export", "-o", str(path), "--force"], 2, "is the database")
    assert path.read_bytes() == before


class _Offline:
    """A Telegram client on a machine without network: connecting fails as Telethon's does."""

    async def connect(self) -> None:
        raise ConnectionError("Connection to Telegram failed 5 time(s)")

    async def disconnect(self) -> None:
        return None


def test_digest_send_without_network(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(telegram_command, "create_client", lambda settings: _Offline())
    offline = {
        **env,
        "DRONEWATCH_TELEGRAM__API_ID": "12345",
        "DRONEWATCH_TELEGRAM__API_HASH": SECRET,
        "DRONEWATCH_DIGEST__RECIPIENTS": '["me"]',
    }
    result = CliRunner().invoke(app, ["digest", "--date", "2026-06-01", "--send"], env=offline)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert errors == [
        "error: cannot connect (ConnectionError): Connection to Telegram failed 5 time(s)"
    ]
    assert "Traceback" not in result.output
    assert SECRET not in result.output


def test_digest_of_a_future_day_warns(env: dict[str, str]) -> None:
    future = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    result = CliRunner().invoke(app, ["digest", "--date", future], env=env)
    assert result.exit_code == 0
    assert f"warning: {future} is in the future" in result.stderr


def test_a_truncated_export_stores_what_it_read_and_says_so(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    messages = [
        {
            "id": n,
            "type": "message",
            "date_unixtime": str(1780300000 + n),
            "text": f"Сбито {n} БПЛА.",
        }
        for n in range(1, 4)
    ]
    whole = json.dumps({"name": "x", "type": "public_channel", "id": 9, "messages": messages})
    path = tmp_path / "result.json"
    path.write_text(whole[: whole.rindex("{") + 20])  # the last message cut short
    result = CliRunner().invoke(
        app, ["import", str(path)], env={"DRONEWATCH_DATABASE__URL": database_url}
    )
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {path}: broken JSON after 2 messages")
    assert "2 posts were stored (new 2) before it" in last
    with database.session() as session:
        assert sorted(session.scalars(select(Post.message_id))) == [1, 2]


def test_parse_jsonl_answers_every_line_in_its_place() -> None:
    lines = [
        '{"text": "Над Курском сбиты 3 БПЛА.", "channel_region": "RU-KRS"}',
        "",
        "not json",
        '{"text": "x", "channel_region": "RU-XYZ"}',
        "[1, 2]",
        '{"text": "Воздушная тревога"}',
    ]
    result = CliRunner().invoke(app, ["parse", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(lines)
    assert answers[0]["drones"] == 3
    assert [answer.get("error", "")[:7] for answer in answers[1:5]] == [
        "line 2:",
        "line 3:",
        "line 4:",
        "line 5:",
    ]
    assert "unknown channel_region 'RU-XYZ'" in answers[3]["error"]
    assert "kind" in answers[5]
