"""The bot's commands in the private chat, for the configured recipients only.

`BotCommands.handle(sender_id, text)` is a plain function of its inputs and the
store: it returns the reply (Telegram-HTML messages) or None for anyone who is not a
configured recipient, who then gets no answer at all. `register_bot_commands` is the
thin Telethon glue.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telethon import events

from dronewatch.config import Settings
from dronewatch.digest.build import build_summary
from dronewatch.digest.delivery import (
    NewBotClient,
    RoutingSender,
    TelethonSender,
    recipients,
    start_bot,
)
from dronewatch.digest.render import (
    Line,
    bold,
    digest_lines,
    plain,
    region_lines,
    to_messages,
    week_lines,
)
from dronewatch.digest.summary import AVERAGE_DAYS, DayFigures
from dronewatch.folding import fold
from dronewatch.regions import regions
from dronewatch.reporting import day_of, latest_ended
from dronewatch.store import Database
from dronewatch.store.deliveries import digest_states
from dronewatch.store.status import store_status
from dronewatch.store.types import utcnow

log = logging.getLogger(__name__)

HELP = (
    "/today: the digest so far since the last one\n"
    "/yesterday: the last complete digest\n"
    "/week: drones per day over the last week\n"
    "/region <name or code>: one region over the last week\n"
    "/status: what is stored and the last digests sent"
)


def authorized_users(settings: Settings) -> frozenset[int]:
    """User ids allowed to ask: the recipients that are users (positive ids)."""
    return frozenset(
        int(recipient)
        for recipient in recipients(settings)
        if recipient.isdigit() and int(recipient) > 0
    )


def find_region(query: str) -> str | None:
    """A region code from "RU-KRS", "KRS", "Курская", "kursk" (prefix of either name)."""
    wanted = fold(query.strip())
    if not wanted:
        return None
    known = regions()
    for code in (wanted.upper(), f"RU-{wanted.upper()}"):
        if code in known:
            return code
    for region in known.values():
        names = (fold(region.name_ru), fold(region.name_en))
        if any(name.startswith(wanted) for name in names):
            return region.code
    return None


class BotCommands:
    def __init__(
        self, settings: Settings, database: Database, *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.settings = settings
        self.database = database
        self.clock = clock
        self.users = authorized_users(settings)

    def handle(self, sender_id: int | None, text: str) -> list[str] | None:
        """The reply to `text` from `sender_id`, or None: strangers get silence."""
        if sender_id is None or sender_id not in self.users:
            return None
        command, _, argument = text.strip().partition(" ")
        name = command.split("@", 1)[0].lower()
        handlers: dict[str, Callable[[str], list[Line]]] = {
            "/today": self._today,
            "/yesterday": self._yesterday,
            "/week": self._week,
            "/region": self._region,
            "/status": self._status,
        }
        handler = handlers.get(name)
        lines = handler(argument) if handler else [(plain(HELP),)]
        return to_messages(lines)

    def _today(self, _argument: str) -> list[Line]:
        config = self.settings.digest
        now = self.clock()
        day = day_of(now, config.day_starts, config.zone)
        return digest_lines(build_summary(self.database, config, day, until=now))

    def _yesterday(self, _argument: str) -> list[Line]:
        config = self.settings.digest
        day = latest_ended(self.clock(), config.day_starts, config.zone)
        return digest_lines(build_summary(self.database, config, day))

    def _last_week(self) -> list[DayFigures]:
        config = self.settings.digest
        day = latest_ended(self.clock(), config.day_starts, config.zone)
        return list(build_summary(self.database, config, day).history[-AVERAGE_DAYS:])

    def _week(self, _argument: str) -> list[Line]:
        return week_lines(self._last_week(), "Drones per day, last 7 digests")

    def _region(self, argument: str) -> list[Line]:
        code = find_region(argument)
        if code is None:
            return [(plain("Usage: /region <name or code>, e.g. /region Курская or /region KRS"),)]
        return region_lines(code, self._last_week())

    def _status(self, _argument: str) -> list[Line]:
        with self.database.session() as session:
            status = store_status(session)
            sent = [state for state in digest_states(session) if state.sent_at is not None]
        last_post = f"{status.last_post_at:%Y-%m-%d %H:%M} UTC" if status.last_post_at else "none"
        last_digest = (
            f"{sent[0].day} to {sent[0].recipient} at {sent[0].sent_at:%Y-%m-%d %H:%M} UTC"
            if sent and sent[0].sent_at
            else "none yet"
        )
        return [
            (bold("dronewatch status"),),
            (plain(f"Channels: {status.channels} · posts: {status.posts}"),),
            (plain(f"Reports: {status.reports} · newest post: {last_post}"),),
            (plain(f"Last digest sent: {last_digest}"),),
        ]


def register_bot_commands(client: Any, commands: BotCommands) -> None:
    """Answer commands sent to the bot in private chats; others' messages are ignored."""

    async def on_command(event: Any) -> None:
        replies = await asyncio.to_thread(commands.handle, event.sender_id, event.raw_text or "")
        if replies is None:
            log.info("bot: ignored a command from unauthorized user %s", event.sender_id)
            return
        for reply in replies:
            await event.respond(reply, parse_mode="html", link_preview=False)

    client.add_event_handler(
        on_command,
        events.NewMessage(
            incoming=True, func=lambda event: event.is_private and _is_command(event.raw_text)
        ),
    )


def _is_command(text: str | None) -> bool:
    return bool(text) and str(text).startswith("/")


@dataclass
class DigestSenders:
    """The digest's way out: a sender routing per recipient, and the bot if there is one."""

    sender: RoutingSender
    bot: Any | None

    async def close(self) -> None:
        if self.bot is not None:
            await self.bot.disconnect()


async def open_senders(
    settings: Settings,
    database: Database,
    user_client: Any | None,
    *,
    new_bot: NewBotClient,
    answer_commands: bool = True,
) -> DigestSenders:
    """The digest's senders: the user client for "me", the bot (logged in here) for chat ids.

    `new_bot` builds the bot's client (`daemon.client.bot_client`). With
    `answer_commands` the bot also answers /today, /week... for the recipients.
    Raises `DeliveryError` when a configured bot cannot log in.
    """
    bot = await start_bot(settings, new_bot)
    if bot is not None and answer_commands:
        register_bot_commands(bot, BotCommands(settings, database))
    return DigestSenders(
        RoutingSender(
            user=TelethonSender(user_client) if user_client is not None else None,
            bot=TelethonSender(bot) if bot is not None else None,
            ids_as_user=settings.digest.send_as == "user",
        ),
        bot,
    )
