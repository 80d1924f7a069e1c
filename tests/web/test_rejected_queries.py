"""A query Datasette rejects costs the server log one line, not a traceback with locals."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from dronewatch.web import metadata, server


@pytest.mark.parametrize(
    "sql",
    ["delete from posts", "select * from no_such_table", "select from where"],
)
def test_a_rejected_query_is_one_log_line(
    filled_db: Path,
    sql: str,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    options = metadata.Options(database_name=server.database_name(filled_db))
    datasette = server.create_datasette(filled_db, options)
    name = server.database_name(filled_db)
    with caplog.at_level(logging.WARNING, logger="dronewatch.web.plugin"):
        response = asyncio.run(datasette.client.get(f"/{name}.json", params={"sql": sql}))
    assert response.status_code == 400
    assert response.json()["ok"] is False
    captured = capsys.readouterr()
    lines = captured.err.splitlines() + [record.getMessage() for record in caplog.records]
    assert captured.out == ""
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
