"""Checks of command-line values several commands share: regions, channel usernames.

A value that cannot mean anything is refused with one line naming the forms that
work, rather than accepted and silently matching nothing.
"""

from __future__ import annotations

import re

from dronewatch.commands.context import EXIT_USAGE, AppContext
from dronewatch.regions import UnknownRegionError, resolve_region

# Telegram usernames: a letter first, then letters, digits and underscores, 4 to 32 in all.
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,30}[A-Za-z0-9]")


def region_code(context: AppContext, value: str | None, option: str = "--region") -> str | None:
    """The code of the region an option names (code or name, any case), or exit 2."""
    if value is None:
        return None
    try:
        return resolve_region(value)
    except UnknownRegionError as error:
        context.fail(f"{option}: {error}", EXIT_USAGE)


def channel_username(context: AppContext, value: str | None) -> str | None:
    """A channel's username without `@` or its t.me link, or exit 2 when it cannot be one."""
    if value is None:
        return None
    name = re.sub(r"^(https?://)?(t(elegram)?\.me/)|^@", "", value.strip()).rstrip("/")
    if not USERNAME.fullmatch(name):
        context.fail(
            f"--channel-username: {value!r} is not a Telegram username "
            "(4-32 letters, digits and underscores, starting with a letter)",
            EXIT_USAGE,
        )
    return name
