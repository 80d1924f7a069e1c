"""Where exports go: never over the database, over a file only when asked, whole or not at all.

An export written straight into its path truncates whatever was there first, the
database itself when a user gives its path by mistake, and leaves half a file when
it fails. So the path is checked before anything is read, the rows go to a hidden
file beside it, and only a finished export is renamed into place.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url

# Files SQLite keeps beside a database: writing over any of them corrupts it.
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputError(Exception):
    """The output path cannot be used; the message says why, naming it."""


def database_files(database_url: str) -> list[Path]:
    """The files a SQLite database URL stands for (none for a server database)."""
    try:
        url = make_url(database_url)
    except Exception:  # an unreadable URL is reported when the database is opened
        return []
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return []
    base = Path(url.database).expanduser().resolve()
    return [base.with_name(base.name + suffix) for suffix in SQLITE_COMPANIONS]


def check_output(path: Path, *, database_url: str, force: bool) -> Path:
    """`path` resolved, or `OutputError` when writing it could destroy something."""
    target = path.expanduser().resolve()
    for protected in database_files(database_url):
        if target == protected or (target.exists() and _same_file(target, protected)):
            raise OutputError(f"{path} is the database ({protected.name}): choose another file")
    if target.is_dir():
        raise OutputError(f"{path} is a directory: give a file name")
    if not target.parent.is_dir():
        raise OutputError(f"{path}: the directory {target.parent} does not exist")
    if target.exists():
        if not stat.S_ISREG(target.stat().st_mode):
            raise OutputError(f"{path} is not a regular file: leave out --output to write stdout")
        if not force:
            raise OutputError(f"{path} exists: add --force to replace it")
    return target


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


@contextmanager
def replacing(target: Path) -> Iterator[IO[bytes]]:
    """A new file that replaces `target` only once it is written whole."""
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            os.fchmod(file.fileno(), _mode_for(target))
            yield file
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
