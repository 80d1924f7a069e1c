"""`dronewatch serve` where it must refuse, and the metadata it serves."""

from __future__ import annotations

import socket
import sqlite3
import sys
from datetime import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dronewatch.cli import app
from dronewatch.reporting import COMBINING_RULE
from dronewatch.store import open_database
from dronewatch.web.metadata import HIDDEN_TABLES, TABLES, Options, build_metadata

runner = CliRunner()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://dronewatch:secret@127.0.0.1/dronewatch",
        "postgresql+psycopg://dronewatch@db.example/dronewatch",
    ],
)
def test_refuses_postgresql_and_names_the_tools_to_use(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRONEWATCH_DATABASE__URL", url)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    assert "needs a SQLite database, not postgresql" in result.output
    for tool in ("Metabase", "DBeaver", "psql"):
        assert tool in result.output
    assert "secret" not in result.output


def test_refuses_an_in_memory_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRONEWATCH_DATABASE__URL", "sqlite://")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    assert "in-memory" in result.output


def test_says_how_to_install_datasette_when_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DRONEWATCH_DATABASE__URL", f"sqlite:///{tmp_path / 'd.db'}")
    for name in [name for name in sys.modules if name.startswith("dronewatch.web")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "datasette", None)  # makes `import datasette` fail
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    assert "dronewatch[web]" in result.output


def test_port_in_use_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    open_database(f"sqlite:///{tmp_path / 'd.db'}").dispose()
    monkeypatch.setenv("DRONEWATCH_DATABASE__URL", f"sqlite:///{tmp_path / 'd.db'}")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_every_table_and_view_is_described(tmp_path: Path) -> None:
    path = tmp_path / "dronewatch.db"
    open_database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as connection:
        names = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            )
        }
    assert names <= set(TABLES), f"not described: {sorted(names - set(TABLES))}"
    tables = build_metadata(Options("dronewatch"))["databases"]["dronewatch"]["tables"]
    for name in names:
        assert tables[name]["title"]
        assert tables[name]["description"]
        assert tables[name].get("hidden", False) == (name in HIDDEN_TABLES)


def test_facets_name_real_columns(tmp_path: Path) -> None:
    path = tmp_path / "dronewatch.db"
    open_database(f"sqlite:///{path}").dispose()
    tables = build_metadata(Options("dronewatch"))["databases"]["dronewatch"]["tables"]
    with sqlite3.connect(path) as connection:
        for name, entry in tables.items():
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({name})")}
            wanted = set(entry.get("facets", [])) | set(entry.get("columns", {}))
            wanted |= {entry[key] for key in ("sort_desc", "label_column") if key in entry}
            assert wanted <= columns, f"{name}: {sorted(wanted - columns)}"


def test_the_front_page_states_the_reporting_day_and_the_rule() -> None:
    metadata = build_metadata(
        Options("dronewatch", timezone="Asia/Vladivostok", day_starts=time(6, 30))
    )
    assert "06:30 to 06:30 in Asia/Vladivostok" in metadata["description"]
    assert COMBINING_RULE in metadata["description"]
    query = metadata["databases"]["dronewatch"]["queries"]["drones_per_region_per_day"]
    assert "reporting_days" in query["sql"]  # days come from the stored calendar
    assert query["params"] == ["since", "until", "region"]
