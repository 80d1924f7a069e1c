"""A query Datasette rejects costs the server log one line, not a traceback with locals."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from dronewatch.web import metadata, server


class Lines(logging.Handler):
    """The plugin's log lines, kept apart from whatever other tests left on the root logger."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.mark.parametrize(
    "sql",
    ["delete from posts", "select * from no_such_table", "select from where"],
)
def test_a_rejected_query_is_one_log_line(
    filled_db: Path, sql: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    capsys.readouterr()  # what the fixtures printed (a new database) is not the server log
    logger = logging.getLogger("dronewatch.web.plugin")
    lines = Lines()
    monkeypatch.setattr(logger, "propagate", False)
    logger.addHandler(lines)
    try:
        options = metadata.Options(database_name=server.database_name(filled_db))
        datasette = server.create_datasette(filled_db, options)
        name = server.database_name(filled_db)
        response = asyncio.run(datasette.client.get(f"/{name}.json", params={"sql": sql}))
    finally:
        logger.removeHandler(lines)
    assert response.status_code == 400
    assert response.json()["ok"] is False
    captured = capsys.readouterr()
    shown = captured.err.splitlines() + lines.lines
    assert captured.out == ""
    assert len(shown) == 1, shown
    assert "Traceback" not in shown[0]
