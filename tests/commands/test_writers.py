"""The writers take each column's form from `ReportRow`'s field types."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from dronewatch.store.queries import ReportRow
from dronewatch.writers import write_csv, write_jsonl, write_parquet

POSTED = datetime(2026, 6, 1, 5, 30, tzinfo=UTC)


def row(**changes: object) -> ReportRow:
    base = ReportRow(
        channel_telegram_id=1111, channel_username="kaluga_gov", channel_title="Губернатор",
        channel_region="RU-KLU", message_id=7, posted_at=POSTED, edited_at=None, deleted=False,
        link="https://t.me/kaluga_gov/7", parser_version="v1", kind="attack", drones=3,
        cumulative=False, killed=None, injured=0, no_damage=True, window_start=None,
        window_end=None, period_end=POSTED, regions=["RU-KLU", "RU-MOS"],
        region_drones=[3, None], places=["Обнинск"], place_latitudes=[55.1],
        place_longitudes=[36.6], damage=[], text='Текст, с "кавычками"',
    )  # fmt: skip
    return base._replace(**changes)


def test_csv_cells() -> None:
    out = io.StringIO()
    assert write_csv([row()], out) == 1
    header, line = out.getvalue().splitlines()
    assert header.split(",") == ReportRow.columns()
    cells = dict(zip(ReportRow.columns(), next(csv.reader([line])), strict=True))
    assert cells["posted_at"] == "2026-06-01T05:30:00+00:00"
    assert (cells["edited_at"], cells["killed"]) == ("", "")
    assert (cells["deleted"], cells["no_damage"]) == ("false", "true")
    assert (cells["regions"], cells["region_drones"]) == ("RU-KLU; RU-MOS", "3; ")
    assert (cells["place_latitudes"], cells["damage"]) == ("55.1", "")
    assert cells["text"] == 'Текст, с "кавычками"'


def test_json_lines_match_json_dumps() -> None:
    out = io.StringIO()
    write_jsonl([row(), row(edited_at=POSTED)], out)
    first, second = out.getvalue().splitlines()
    expected = {
        **row().as_dict(),
        "posted_at": POSTED.isoformat(),
        "period_end": POSTED.isoformat(),
    }
    assert first == json.dumps(expected, ensure_ascii=False)
    assert json.loads(second)["edited_at"] == POSTED.isoformat()


def test_parquet_schema_follows_report_row() -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = io.BytesIO()
    write_parquet([row()], out)
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.schema.names == ReportRow.columns()
    assert str(table.schema.field("posted_at").type) == "timestamp[us, tz=UTC]"
    assert str(table.schema.field("region_drones").type.value_type) == "int64"
    assert str(table.schema.field("place_latitudes").type.value_type) == "double"
    assert table.to_pylist()[0]["region_drones"] == [3, None]
