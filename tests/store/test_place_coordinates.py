"""Places carry the gazetteer's coordinates: stored with new reports, filled in by the
migration for old ones, shown by the map view, on both databases."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import select, text
from typer.testing import CliRunner

from dronewatch import model
from dronewatch.cli import app
from dronewatch.geo import Point, place_point
from dronewatch.parsing import RegionCount, Report
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.database import alembic_config
from dronewatch.store.models import Base, ReportPlace
from dronewatch.store.queries import ReportFilter, report_rows

OBNINSK = Point(55.1099, 36.6124)
IVANOVKA_BRY = Point(53.3469, 34.2192)
BOROVSK = Point(55.2034, 36.4909)
KLIMOVO = Point(52.3788, 32.1963)
GLUSHKOVO = Point(51.3407, 34.6392)
GOVERNOR = model.Channel(telegram_id=7, title="Брянск", username="bry_gov", region="RU-BRY")
STAMP = datetime(2026, 10, 1, 5, 0, tzinfo=UTC)


def test_place_point_prefers_the_reports_regions() -> None:
    assert place_point("Обнинск", []) == OBNINSK  # one settlement of that name
    assert place_point("Обнинск", ["RU-BEL"]) == OBNINSK
    assert place_point("Ивановка", ["RU-KRS", "RU-BRY"]) == IVANOVKA_BRY
    assert place_point("Ивановка", ["RU-KRS"]) is None  # several, none in the report
    # A district at the town it is named after, in the report's region only.
    assert place_point("Боровский район", ["RU-KLU"]) == BOROVSK
    assert place_point("Климовский район", ["RU-BRY"]) == KLIMOVO
    assert place_point("Климовский район", []) is None  # not Климовск, Moscow Oblast
    assert place_point("Брасовский район", ["RU-BRY"]) is None  # its centre is Локоть
    assert place_point("Нигдевка", ["RU-KLU"]) is None


def _report(*places: str, region: str = "RU-BRY") -> Report:
    return Report(
        kind="attack", drones=2, regions=[RegionCount(code=region, drones=2)], places=list(places)
    )


def _located(database: Database) -> dict[str, tuple[float | None, float | None]]:
    with database.session() as session:
        rows = session.execute(
            select(ReportPlace.name, ReportPlace.latitude, ReportPlace.longitude)
        )
        return {name: (latitude, longitude) for name, latitude, longitude in rows}


def test_stored_places_carry_coordinates(database: Database) -> None:
    report = _report("Ивановка", "Обнинск", "Брасовский район", "Климовский район")
    Pipeline(database, parser=lambda *_: report, parser_version="t").ingest(
        [model.Post(GOVERNOR, 1, STAMP, "text")]
    )
    assert _located(database) == {
        "Ивановка": IVANOVKA_BRY,
        "Обнинск": OBNINSK,
        "Брасовский район": (None, None),
        "Климовский район": KLIMOVO,
    }
    with database.session() as session:
        [row] = report_rows(session, ReportFilter())
    assert row.places == ["Ивановка", "Обнинск", "Брасовский район", "Климовский район"]
    assert row.place_latitudes == [IVANOVKA_BRY[0], OBNINSK[0], None, KLIMOVO[0]]
    assert row.place_longitudes == [IVANOVKA_BRY[1], OBNINSK[1], None, KLIMOVO[1]]
    with database.engine.connect() as connection:
        view = connection.execute(
            text(
                "SELECT place, latitude, longitude, link, popup FROM place_map_view ORDER BY place"
            )
        ).all()
    assert [tuple(item)[:4] for item in view] == [
        ("Ивановка", *IVANOVKA_BRY, "https://t.me/bry_gov/1"),
        ("Климовский район", *KLIMOVO, "https://t.me/bry_gov/1"),
        ("Обнинск", *OBNINSK, "https://t.me/bry_gov/1"),
    ]
    assert json.loads(view[2].popup) == {
        "title": "Обнинск",
        "description": "2026-10-01 08:00 MSK, bry_gov: attack, 2 drones",
        "link": "https://t.me/bry_gov/1",
    }


@pytest.fixture
def old_database(database_url: str) -> Database:
    """A database at 0006_fts holding reports whose places have no coordinates."""
    database = Database(database_url)
    command.upgrade(alembic_config(database.engine), "0006_fts")
    tables = Base.metadata.tables
    with database.engine.begin() as connection:
        connection.execute(
            tables["channels"].insert(),
            {"id": 1, "telegram_id": 7, "username": "bry_gov", "created_at": STAMP,
             "updated_at": STAMP},
        )  # fmt: skip
        connection.execute(
            tables["posts"].insert(),
            [
                {"id": n, "channel_id": 1, "message_id": n, "date": STAMP, "text": "",
                 "deleted": False, "raw": {}, "first_seen_at": STAMP, "updated_at": STAMP}
                for n in (1, 2)
            ],
        )  # fmt: skip
        connection.execute(
            tables["reports"].insert(),
            [
                {"id": n, "post_id": n, "parser_version": "t", "is_current": True,
                 "kind": "attack", "cumulative": False, "no_damage": False,
                 "period_end": STAMP, "evidence": [], "created_at": STAMP}
                for n in (1, 2)
            ],
        )  # fmt: skip
        connection.execute(
            tables["report_regions"].insert(),
            [
                {"report_id": 1, "code": "RU-KRS", "position": 0},
                {"report_id": 1, "code": "RU-BRY", "position": 1},
                {"report_id": 2, "code": "RU-KRS", "position": 0},
            ],
        )
        connection.execute(
            text("INSERT INTO report_places (report_id, name, position) VALUES (:r, :n, :p)"),
            [
                {"r": 1, "n": "Ивановка", "p": 0},
                {"r": 1, "n": "Обнинск", "p": 1},
                {"r": 2, "n": "Ивановка", "p": 0},
                {"r": 2, "n": "Глушковский район", "p": 1},
                {"r": 2, "n": "Брасовский район", "p": 2},
            ],
        )
    return database


def test_the_migration_fills_in_stored_places(old_database: Database) -> None:
    try:
        old_database.upgrade()
        with old_database.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT report_id, name, latitude, longitude FROM report_places "
                    "ORDER BY report_id, position"
                )
            ).all()
        assert [tuple(row) for row in rows] == [
            (1, "Ивановка", *IVANOVKA_BRY),
            (1, "Обнинск", *OBNINSK),
            (2, "Ивановка", None, None),  # several regions have one, none is the report's
            (2, "Глушковский район", *GLUSHKOVO),
            (2, "Брасовский район", None, None),
        ]
        command.downgrade(alembic_config(old_database.engine), "0006_fts")
        with old_database.engine.connect() as connection:
            columns = connection.execute(text("SELECT * FROM report_places")).keys()
        assert "latitude" not in columns
        old_database.upgrade()
        assert _located(old_database)["Обнинск"] == OBNINSK
    finally:
        old_database.dispose()


def test_export_carries_the_coordinates(database: Database, database_url: str) -> None:
    report = _report("Обнинск", "Брасовский район")
    Pipeline(database, parser=lambda *_: report, parser_version="t").ingest(
        [model.Post(GOVERNOR, 1, STAMP, "text")]
    )
    env = {"DRONEWATCH_DATABASE__URL": database_url}
    result = CliRunner().invoke(app, ["export", "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    [row] = csv.DictReader(io.StringIO(result.stdout))
    assert row["places"] == "Обнинск; Брасовский район"
    assert row["place_latitudes"] == f"{OBNINSK.latitude}; "
    assert row["place_longitudes"] == f"{OBNINSK.longitude}; "
