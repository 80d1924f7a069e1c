"""`import`, `reparse`, `query` and `export` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.parsing import RegionCount, Report
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.models import Channel, Post
from dronewatch.store.models import Report as ReportRow

GOVERNOR = model.Channel(telegram_id=555, title="Губернатор", username="gov_bel", region="RU-BEL")
PRIVATE = model.Channel(telegram_id=777, title="Closed", region="RU-KRS")
DAY = datetime(2026, 6, 1, 5, 0, tzinfo=UTC)  # 08:00 in Moscow
# The parser's answers for each text: the rows below are checked against them.
KNOWN: dict[str, Report] = {
    "attack-bel": Report(
        kind="attack",
        drones=12,
        cumulative=True,
        regions=[RegionCount(code="RU-BEL", drones=12)],
        places=["Шебекино", "Белгородский район"],
        damage=["vehicle", "residential"],
        killed=0,
        injured=2,
    ),
    "attack-kur": Report(
        kind="attack", drones=3, regions=[RegionCount(code="RU-KRS", drones=3)], places=["Суджа"]
    ),
    "alert": Report(kind="alert"),
    "deleted": Report(kind="attack", drones=40, regions=[RegionCount(code="RU-BEL", drones=40)]),
}


def known_parse(text: str, region: str | None, date: datetime | None) -> Report:
    return KNOWN[text]


@pytest.fixture
def env(database: Database, database_url: str) -> dict[str, str]:
    return {"DRONEWATCH_DATABASE__URL": database_url}


@pytest.fixture
def filled(database: Database, env: dict[str, str]) -> dict[str, str]:
    pipeline = Pipeline(database, parser=known_parse, parser_version="known")
    pipeline.ingest(
        [
            model.Post(GOVERNOR, 10, DAY, "attack-bel"),
            model.Post(GOVERNOR, 11, DAY + timedelta(days=1), "alert"),
            model.Post(PRIVATE, 5, DAY + timedelta(days=2), "attack-kur"),
            model.Post(GOVERNOR, 12, DAY + timedelta(days=3), "deleted"),
        ]
    )
    pipeline.delete(model.Deletion(GOVERNOR.telegram_id, (12,)))
    return env


def run(env: dict[str, str], *args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == code, result.output
    return result


def query_links(env: dict[str, str], *args: str) -> list[str]:
    rows = json.loads(run(env, "query", "--format", "json", *args).stdout)
    return [row["link"] for row in rows]


def test_query_rows_carry_the_report_and_a_link(filled: dict[str, str]) -> None:
    rows = json.loads(run(filled, "query", "--format", "json", "--oldest-first").stdout)
    assert [row["link"] for row in rows] == [
        "https://t.me/gov_bel/10",
        "https://t.me/gov_bel/11",
        "https://t.me/c/777/5",
    ]
    first = rows[0]
    assert first["regions"] == ["RU-BEL"]
    assert first["region_drones"] == [12]
    assert first["places"] == ["Шебекино", "Белгородский район"]
    assert first["damage"] == ["residential", "vehicle"]
    assert (first["drones"], first["cumulative"], first["killed"], first["injured"]) == (
        12,
        True,
        0,
        2,
    )
    assert first["posted_at"] == "2026-06-01T05:00:00+00:00"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--region", "ru-krs"), ["https://t.me/c/777/5"]),
        (("--place", "шебекино"), ["https://t.me/gov_bel/10"]),
        (("--place", "Белгородский"), ["https://t.me/gov_bel/10"]),
        (("--kind", "alert"), ["https://t.me/gov_bel/11"]),
        (("--min-drones", "5"), ["https://t.me/gov_bel/10"]),
        (("--channel", "@GOV_BEL"), ["https://t.me/gov_bel/11", "https://t.me/gov_bel/10"]),
        (("--channel", "-1000000000777"), ["https://t.me/c/777/5"]),
        (("--since", "2026-06-02", "--until", "2026-06-02"), ["https://t.me/gov_bel/11"]),
        (("--since", "2026-06-02T09:00:00+03:00"), ["https://t.me/c/777/5"]),
        (("--include-deleted", "--min-drones", "20"), ["https://t.me/gov_bel/12"]),
        (("--limit", "1"), ["https://t.me/c/777/5"]),  # newest first
        (("--oldest-first", "--limit", "1"), ["https://t.me/gov_bel/10"]),
    ],
)
def test_query_filters(filled: dict[str, str], args: tuple[str, ...], expected: list[str]) -> None:
    assert query_links(filled, *args) == expected


def test_query_table_csv_jsonl_and_bad_input(filled: dict[str, str]) -> None:
    table = run({**filled, "COLUMNS": "250"}, "query", "--region", "RU-BEL").stdout
    assert "https://t.me/gov_bel/10" in table
    assert "Шебекино" in table
    piped = run(filled, "query", "--region", "RU-BEL").stdout  # no terminal, no COLUMNS
    [row] = [line for line in piped.splitlines() if "https://t.me/gov_bel/10" in line]
    assert "Шебекино" in row  # the whole row on one line, nothing cut at 80 columns
    assert len(row) > 80
    rows = list(csv.DictReader(io.StringIO(run(filled, "query", "--format", "csv").stdout)))
    assert rows[-1]["places"] == "Шебекино; Белгородский район"
    assert rows[-1]["cumulative"] == "true"
    lines = run(filled, "query", "--format", "jsonl", "--kind", "attack").stdout.splitlines()
    assert [json.loads(line)["message_id"] for line in lines] == [5, 10]
    assert "not a date" in run(filled, "query", "--since", "June", code=2).stderr
    assert "no stored channel" in run(filled, "query", "--channel", "nobody", code=1).stderr


def test_query_shows_the_text_without_control_characters(
    database: Database, env: dict[str, str]
) -> None:
    hostile = "hostile\x1b]8;;https://evil\x07link\x1b]8;;\x07 \x1b[31mred"
    Pipeline(database, parser=lambda *_: KNOWN["attack-kur"]).ingest(
        [model.Post(GOVERNOR, 20, DAY, hostile)]
    )
    without = run({**env, "COLUMNS": "250"}, "query").stdout
    assert "hostile" not in without
    table = run({**env, "COLUMNS": "250"}, "query", "--show-text").stdout
    assert "hostilelink red" in table
    assert "\x1b" not in table
    assert "\x07" not in table


def test_query_and_export_csv_for_excel_start_with_a_byte_order_mark(
    filled: dict[str, str], tmp_path: Path
) -> None:
    raw = run(filled, "query", "--format", "csv", "--excel").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbfchannel_telegram_id,")
    assert "Шебекино" in raw.decode("utf-8-sig")
    assert not run(filled, "query", "--format", "csv").stdout_bytes.startswith(b"\xef\xbb\xbf")
    out = tmp_path / "posts.csv"
    run(filled, "export", "--excel", "--output", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbfchannel_telegram_id,")
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["places"] == "Шебекино; Белгородский район"
    assert "--excel is for --format csv" in run(filled, "query", "--excel", code=2).stderr


def test_export_csv_and_jsonl_hold_every_post(filled: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "posts.csv"
    run(filled, "export", "--format", "csv", "--output", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["message_id"], r["kind"], r["deleted"]) for r in rows] == [
        ("10", "attack", "false"),
        ("11", "alert", "false"),
        ("5", "attack", "false"),
        ("12", "attack", "true"),
    ]
    assert rows[0]["link"] == "https://t.me/gov_bel/10"
    assert rows[0]["drones"] == "12"
    assert rows[1]["drones"] == ""
    assert rows[0]["damage"] == "residential; vehicle"
    stdout = run(filled, "export", "--format", "jsonl", "--channel", "gov_bel").stdout
    data = [json.loads(line) for line in stdout.splitlines()]
    assert [(d["message_id"], d["text"], d["regions"]) for d in data] == [
        (10, "attack-bel", ["RU-BEL"]),
        (11, "alert", []),
        (12, "deleted", ["RU-BEL"]),
    ]


def test_export_parquet(filled: dict[str, str], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "posts.parquet"
    run(filled, "export", "--format", "parquet", "--output", str(out), "--since", "2026-06-02")
    table = pq.read_table(out).to_pylist()
    assert [(r["message_id"], r["kind"], r["regions"], r["deleted"]) for r in table] == [
        (11, "alert", [], False),
        (5, "attack", ["RU-KRS"], False),
        (12, "attack", ["RU-BEL"], True),
    ]
    assert table[1]["posted_at"] == datetime(2026, 6, 3, 5, 0, tzinfo=UTC)
    assert table[1]["places"] == ["Суджа"]
    assert table[1]["region_drones"] == [3]


def test_parquet_without_pyarrow_says_what_to_install(
    filled: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "x.parquet"
    result = run(filled, "export", "--format", "parquet", "--output", str(out), code=1)
    assert "dronewatch[parquet]" in result.stderr
    assert not out.exists()


def test_views_read_like_the_query(filled: dict[str, str], database: Database) -> None:
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT message_id, link, regions, places, damage, drones FROM report_view "
            "ORDER BY posted_at"
        ).all()
        regions = connection.exec_driver_sql(
            "SELECT region_code, SUM(region_drones) FROM region_drones_view GROUP BY region_code "
            "ORDER BY region_code"
        ).all()
    assert [tuple(row) for row in rows] == [
        (
            10,
            "https://t.me/gov_bel/10",
            "RU-BEL",
            "Шебекино, Белгородский район",
            "residential, vehicle",
            12,
        ),
        (11, "https://t.me/gov_bel/11", None, None, None, None),
        (5, "https://t.me/c/777/5", "RU-KRS", "Суджа", None, 3),
    ]
    assert [tuple(row) for row in regions] == [
        ("RU-BEL", 12),
        ("RU-KRS", 3),
    ]  # deleted post left out


def test_reparse_with_the_current_parser(filled: dict[str, str], database: Database) -> None:
    result = run(filled, "reparse", "--channel", "gov_bel")
    assert "re-parsed 3 posts" in result.stdout
    assert "re-parsed 0 posts" in run(filled, "reparse", "--channel", "gov_bel").stdout
    assert "re-parsed 4 posts" in run(filled, "reparse", "--all").stdout
    with database.session() as session:
        stale = session.scalar(
            select(func.count()).where(
                ReportRow.is_current.is_(True), ReportRow.parser_version == "known"
            )
        )
    assert stale == 0


def export_file(tmp_path: Path, messages: list[Any]) -> Path:
    document = {"name": "Губернатор", "type": "public_channel", "id": 1234567, "messages": messages}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def message(message_id: int, text: Any) -> dict[str, Any]:
    return {
        "id": message_id,
        "type": "message",
        "date_unixtime": str(1780300000 + message_id),
        "text": text,
    }


def test_import_twice_and_its_summary(
    env: dict[str, str], database: Database, tmp_path: Path
) -> None:
    path = export_file(
        tmp_path,
        [
            {"id": 1, "type": "service", "action": "create_channel"},
            message(2, "Над районом сбит беспилотник."),
            message(3, ["Внимание! ", {"type": "bold", "text": "Беспилотная опасность."}]),
            {"id": 4, "type": "message", "text": "no date"},
            message(5, "Отбой."),
        ],
    )
    result = run(env, "import", str(path), "--region", "ru-bel", "--channel-username", "@bel_gov")
    assert "messages read 5: posts 3, skipped 2 (service 1, malformed 1)" in result.stdout
    assert "posts: new 3, updated 0, older versions kept 0, unchanged 0" in result.stdout
    assert "message 4 skipped: no date" in result.stderr
    again = run(env, "import", str(tmp_path))
    assert "posts: new 0, updated 0, older versions kept 0, unchanged 3" in again.stdout
    with database.session() as session:
        channel = session.scalars(select(Channel)).one()
        assert (channel.telegram_id, channel.username, channel.region) == (
            1234567,
            "bel_gov",
            "RU-BEL",
        )
        texts = session.scalars(select(Post.text).order_by(Post.message_id)).all()
    assert texts == ["Над районом сбит беспилотник.", "Внимание! Беспилотная опасность.", "Отбой."]


def test_import_takes_region_and_username_from_the_config(
    env: dict[str, str], database: Database, tmp_path: Path
) -> None:
    Path("dronewatch.toml").write_text(
        '[[channels]]\nchannel = "-1000001234567"\nregion = "RU-KRS"\nlabel = "Kursk"\n',
        encoding="utf-8",
    )
    run(env, "import", str(export_file(tmp_path, [message(1, "Отбой.")])))
    with database.session() as session:
        channel = session.scalars(select(Channel)).one()
    assert (channel.region, channel.label, channel.username) == ("RU-KRS", "Kursk", None)


def test_import_refuses_bad_input(env: dict[str, str], tmp_path: Path) -> None:
    not_export = tmp_path / "notes.json"
    not_export.write_text('{"hello": "world"}', encoding="utf-8")
    assert "not a Telegram Desktop export" in run(env, "import", str(not_export), code=1).stderr
    assert "no such file" in run(env, "import", str(tmp_path / "nope.json"), code=1).stderr
    path = export_file(tmp_path, [])
    assert "unknown region 'XX'" in run(env, "import", str(path), "--region", "XX", code=2).stderr


def stored_count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Post)) or 0)


def stored_ids(database: Database) -> tuple[list[int], int]:
    with database.session() as session:
        ids = session.scalars(select(Post.message_id).order_by(Post.message_id)).all()
        reports = session.scalar(
            select(func.count()).select_from(ReportRow).where(ReportRow.is_current.is_(True))
        )
    return list(ids), int(reports or 0)


def test_kill_9_mid_import_then_run_again_stores_exactly_everything(
    env: dict[str, str], database: Database, tmp_path: Path
) -> None:
    total = 20_000
    path = tmp_path / "big.json"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"name": "Big", "type": "public_channel", "id": 99, "messages": [\n')
        out.write(
            ",\n".join(json.dumps(message(n, f"Сбито {n % 9} БПЛА.")) for n in range(1, total + 1))
        )
        out.write("\n]}\n")
    command = [sys.executable, "-m", "dronewatch", "import", str(path), "--workers", "1"]
    child_env = {**os.environ, **env}
    child = subprocess.Popen(
        command, env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if stored_count(database) >= 1500:
                break
            time.sleep(0.05)
        assert child.poll() is None, "the import ended before it could be killed"
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    partial, partial_reports = stored_ids(database)
    assert 0 < len(partial) < total
    assert partial_reports == len(partial)  # a batch is stored whole or not at all
    assert partial == list(range(1, len(partial) + 1))
    subprocess.run(command, env=child_env, check=True, capture_output=True, timeout=300)
    ids, reports = stored_ids(database)
    assert ids == list(range(1, total + 1))
    assert reports == total
