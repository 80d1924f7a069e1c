"""Each command imports only what it uses: the quick ones never load the heavy libraries.

Telethon, matplotlib and the parser's dictionaries cost seconds to import, and
`status --check` runs every minute as a healthcheck. Each command runs in a fresh
interpreter, and the modules it imported are checked afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dronewatch.cli import COMMANDS
from dronewatch.store import open_database

HEAVY = ("telethon", "matplotlib", "pymorphy3", "dronewatch.parsing", "apscheduler", "pyarrow")
# `--help` needs neither configuration nor a database.
HELP_ONLY = ("sqlalchemy", "alembic", "pydantic", "pydantic_settings")
# `status` reads with SQLAlchemy Core (dronewatch.store.health): building the ORM's
# mappers, the PostgreSQL dialect the models' partial index loads, and alembic were
# half of a health check's start-up.
STATUS_SKIPS = (
    "alembic",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.postgresql",
    "dronewatch.store.models",
    "dronewatch.store.calendar",
    "dronewatch.reporting",
    "dronewatch.web",
)

_RUN = """
import json, sys
from dronewatch.cli import app
try:
    app(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported_by(args: list[str], cwd: Path) -> set[str]:
    """The top-level packages and dronewatch modules importing the CLI and running `args` loads."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN, *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return set(modules)


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(
        name for name in names if name in modules or any(m.startswith(f"{name}.") for m in modules)
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["config", "check"],
        ["status"],
        ["status", "--check"],
        ["query", "--since", "2026-01-01"],
        ["db", "current"],
    ],
    ids=" ".join,
)
def test_quick_commands_do_not_import_heavy_libraries(args: list[str], tmp_path: Path) -> None:
    modules = imported_by(args, tmp_path)
    assert _loaded(modules, HEAVY) == []
    if args == ["--help"]:
        assert _loaded(modules, HELP_ONLY) == []


@pytest.mark.parametrize(
    "args", [["status"], ["status", "--check"], ["status", "--json"]], ids=" ".join
)
def test_status_reads_a_database_without_the_orm_or_alembic(
    args: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "dronewatch.db"
    open_database(f"sqlite:///{path}").dispose()
    modules = imported_by(["--database", str(path), *args], tmp_path)
    assert "dronewatch.store.health" in modules  # it did read the database
    assert _loaded(modules, HEAVY + STATUS_SKIPS) == []


def test_parse_does_not_import_the_store_or_telegram(tmp_path: Path) -> None:
    modules = imported_by(["parse", "--text", "Сбиты 3 БПЛА"], tmp_path)
    assert "dronewatch.parsing" in modules
    assert _loaded(modules, ("telethon", "matplotlib", "sqlalchemy")) == []


@pytest.mark.parametrize("name", list(COMMANDS))
def test_listed_help_is_the_commands_own(name: str) -> None:
    """`dronewatch --help` lists each command's help without importing it: the same text."""
    command = COMMANDS[name].load(name)
    own = (command.help or "").split("\n\n")[0].replace("\n", " ").strip()
    assert COMMANDS[name].help == own
