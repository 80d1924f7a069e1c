"""Getting a digest into a private chat: through a bot, or through the user's own client.

Everything is sent through a `Sender`, so the scheduler and the tests never see
Telethon. A recipient is "me" (the user's Saved Messages, user client only) or a
numeric chat id (the bot when one is configured, else the user client). Transient
failures are retried with exponential backoff; errors that a retry cannot fix (the
bot was blocked, the chat does not exist) fail at once.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from telethon import errors

from dronewatch.config import Settings

log = logging.getLogger(__name__)

SELF = "me"
ATTEMPTS = 4
FIRST_BACKOFF_SECONDS = 5.0
MAX_FLOOD_WAIT_SECONDS = 600

# Failures that the same request cannot overcome later.
PERMANENT_ERRORS: tuple[type[BaseException], ...] = (
    errors.UserIsBlockedError,
    errors.ChatWriteForbiddenError,
    errors.PeerIdInvalidError,
    errors.InputUserDeactivatedError,
    errors.ChatIdInvalidError,
    errors.ChannelPrivateError,
    errors.AuthKeyUnregisteredError,
    errors.AccessTokenInvalidError,
    ValueError,  # Telethon: "Could not find the input entity"
)


class Sender(Protocol):
    """Sends Telegram-HTML text and PNG photos to a recipient ("me" or a chat id)."""

    async def send_text(self, recipient: str, html: str) -> None: ...

    async def send_photo(self, recipient: str, png: bytes, caption: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One digest as it goes out: text messages, then the chart with its caption."""

    messages: tuple[str, ...]
    chart: bytes | None
    caption: str


class DeliveryError(Exception):
    """The digest could not be delivered; the message says why, without secrets."""


class TelethonSender:
    """A `Sender` over a connected Telethon client (a bot's or the user's)."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def send_text(self, recipient: str, html: str) -> None:
        await self.client.send_message(
            _entity(recipient), html, parse_mode="html", link_preview=False
        )

    async def send_photo(self, recipient: str, png: bytes, caption: str) -> None:
        file = io.BytesIO(png)
        file.name = "dronewatch-digest.png"
        await self.client.send_file(
            _entity(recipient), file, caption=caption, parse_mode="html", force_document=False
        )


def _entity(recipient: str) -> str | int:
    return recipient if recipient == SELF else int(recipient)


class RoutingSender:
    """ "me" goes through the user client; chat ids through the bot, or through the user's
    own account only when `ids_as_user` (`[digest] send_as = "user"`) says so: messaging
    people from one's own account shows them who runs dronewatch."""

    def __init__(
        self, *, user: Sender | None = None, bot: Sender | None = None, ids_as_user: bool = False
    ) -> None:
        self.user = user
        self.bot = bot
        self.ids_as_user = ids_as_user

    def route(self, recipient: str) -> Sender:
        if recipient == SELF:
            if self.user is None:
                raise DeliveryError(f"recipient {recipient}: needs the user client, not connected")
            return self.user
        sender = self.user if self.ids_as_user else self.bot
        if sender is None:
            via = "the user client" if self.ids_as_user else "the bot (digest.bot_token)"
            raise DeliveryError(f"recipient {recipient}: needs {via}, and it is not connected")
        return sender

    async def send_text(self, recipient: str, html: str) -> None:
        await self.route(recipient).send_text(recipient, html)

    async def send_photo(self, recipient: str, png: bytes, caption: str) -> None:
        await self.route(recipient).send_photo(recipient, png, caption)


def recipients(settings: Settings) -> list[str]:
    """The configured recipients as stored in digest rows: "me" or a chat id, deduplicated."""
    return list(dict.fromkeys(str(recipient) for recipient in settings.digest.recipients))


Sleep = Callable[[float], Awaitable[None]]
FailureHook = Callable[[int, BaseException], Awaitable[None]]


async def deliver(
    sender: Sender,
    recipient: str,
    outgoing: Outgoing,
    *,
    attempts: int = ATTEMPTS,
    backoff: float = FIRST_BACKOFF_SECONDS,
    sleep: Sleep = asyncio.sleep,
    before_attempt: Callable[[int], Awaitable[None]] | None = None,
    on_failure: FailureHook | None = None,
    what: str = "digest",
) -> None:
    """Send every part of `outgoing`, retrying from the part that failed.

    Parts already delivered are not sent again within this call. Raises
    `DeliveryError` when the attempts run out or the failure is permanent. `what` names
    the message in logs and errors ("digest", "alert ...").
    """
    parts: list[Callable[[], Awaitable[None]]] = [
        _text_part(sender, recipient, message) for message in outgoing.messages
    ]
    if outgoing.chart is not None:
        parts.append(_photo_part(sender, recipient, outgoing.chart, outgoing.caption))
    done = 0
    for attempt in range(1, attempts + 1):
        if before_attempt is not None:
            await before_attempt(attempt)
        try:
            while done < len(parts):
                await parts[done]()
                done += 1
            return
        except Exception as error:
            if on_failure is not None:
                await on_failure(attempt, error)
            permanent = isinstance(error, PERMANENT_ERRORS)
            if permanent or attempt == attempts:
                raise DeliveryError(
                    f"{what} to {recipient} failed after {attempt} attempt(s): {describe(error)}"
                ) from error
            delay = _retry_delay(error, backoff * 2 ** (attempt - 1))
            log.warning(
                "%s to %s: attempt %d failed (%s), retrying in %.0f s",
                what,
                recipient,
                attempt,
                describe(error),
                delay,
            )
            await sleep(delay)


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _retry_delay(error: BaseException, default: float) -> float:
    if isinstance(error, errors.FloodWaitError):
        return float(min(error.seconds + 1, MAX_FLOOD_WAIT_SECONDS))
    return default


def _text_part(sender: Sender, recipient: str, html: str) -> Callable[[], Awaitable[None]]:
    async def send() -> None:
        await sender.send_text(recipient, html)

    return send


def _photo_part(
    sender: Sender, recipient: str, png: bytes, caption: str
) -> Callable[[], Awaitable[None]]:
    async def send() -> None:
        await sender.send_photo(recipient, png, caption)

    return send


class BotClient(Protocol):
    """A Telegram client a bot logs in with: Telethon's, as `daemon.client.bot_client`
    builds it (session file, proxy, server). Delivery only logs it in and out."""

    async def start(self, *, bot_token: str) -> Any: ...

    async def disconnect(self) -> Any: ...


NewBotClient = Callable[[Settings], BotClient]


async def start_bot(settings: Settings, new_client: NewBotClient) -> BotClient | None:
    """The bot's client, logged in with `[digest] bot_token`, or None without a token."""
    token = settings.digest.bot_token
    if token is None:
        return None
    client = new_client(settings)
    try:
        await client.start(bot_token=token.get_secret_value())
    except errors.RPCError as error:
        await client.disconnect()
        raise DeliveryError(
            f"digest.bot_token: the bot could not log in ({describe(error)})"
        ) from error
    return client
