"""The global `--database PATH|URL`, and the demo that never mixes into real data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.models import Channel, Post

runner = CliRunner()
REAL = model.Channel(telegram_id=1_114_589_522, username="gubernator_46", region="RU-KRS")


def test_the_demo_database_is_queried_with_database(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    env = {"DRONEWATCH_DATA_DIR": str(tmp_path / "data")}
    assert runner.invoke(app, ["demo", "--database", str(demo)], env=env).exit_code == 0
    result = runner.invoke(app, ["query", "--database", str(demo), "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) > 20
    before = runner.invoke(app, ["--database", str(demo), "status", "--json"], env=env)
    assert before.exit_code == 0, before.output
    assert not (tmp_path / "data" / "dronewatch.db").exists()  # the configured one untouched


def posts_and_channels(database: Database) -> tuple[int, int]:
    with database.session() as session:
        posts = session.scalar(select(func.count()).select_from(Post)) or 0
        channels = session.scalar(select(func.count()).select_from(Channel)) or 0
    return int(posts), int(channels)


def test_the_demo_refuses_a_database_with_real_channels(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    when = datetime(2026, 6, 1, 5, tzinfo=UTC)
    Pipeline(database).ingest([model.Post(REAL, 7, when, "Над Курском сбиты 2 БПЛА.")])
    env = {"DRONEWATCH_DATA_DIR": str(tmp_path)}
    refused = runner.invoke(app, ["demo", "--database", database_url], env=env)
    assert refused.exit_code == 2, refused.output
    assert refused.stderr.count("\n") == 1
    assert "holds 1 channel(s) that are not the demo's" in refused.stderr
    assert posts_and_channels(database) == (1, 1)
    forced = runner.invoke(app, ["demo", "--database", database_url, "--force"], env=env)
    assert forced.exit_code == 0, forced.output
    assert posts_and_channels(database)[1] > 1
    again = runner.invoke(app, ["demo", "--database", database_url, "--force"], env=env)
    assert again.exit_code == 0  # the demo's own channels never count as real
