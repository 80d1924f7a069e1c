"""The web tests' database: a SQLite file filled through the pipeline with known posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from known_posts import fill

from dronewatch.store import open_database


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    """A SQLite file holding POSTS and EDIT, ingested through the pipeline."""
    path = tmp_path / "dronewatch.db"
    database = open_database(f"sqlite:///{path}")
    try:
        fill(database)
    finally:
        database.dispose()
    return path
