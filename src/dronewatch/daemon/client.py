"""The Telegram client the daemon drives: what it needs of one, and how the real one is made.

The daemon only sees `TelegramClientLike`, so tests hand it a fake that serves
history offline. `create_client` builds the real Telethon client from the settings:
a session file in the data directory (mode 0600: it is a login), or a session string
for containers.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from telethon import TelegramClient
from telethon.crypto import rsa
from telethon.network.connection import ConnectionTcpMTProxyRandomizedIntermediate
from telethon.sessions import StringSession

from dronewatch import __version__
from dronewatch.config import ConfigError, Proxy, Settings, load_rsa_key

ReconnectHandler = Callable[[], None]


class TelegramClientLike(Protocol):
    """The few TelegramClient methods dronewatch uses."""

    async def connect(self) -> None: ...

    def disconnect(self) -> Awaitable[Any]: ...

    def is_connected(self) -> bool: ...

    async def is_user_authorized(self) -> bool: ...

    async def get_entity(self, entity: Any) -> Any: ...

    def iter_messages(self, entity: Any, **kwargs: Any) -> AsyncIterator[Any]: ...

    async def get_messages(self, entity: Any, **kwargs: Any) -> Any: ...

    def add_event_handler(self, callback: Callable[[Any], Awaitable[None]], event: Any) -> None: ...

    def run_until_disconnected(self) -> Awaitable[Any]: ...

    async def __call__(self, request: Any) -> Any: ...

    def add_reconnect_handler(self, callback: ReconnectHandler) -> None: ...


class DronewatchClient(TelegramClient):  # type: ignore[misc]  # Telethon is untyped
    """A TelegramClient that tells the daemon when it has reconnected on its own.

    Telethon reconnects silently after a network hiccup and does not fetch what was
    posted meanwhile; the daemon's catch-up does, when this hook tells it to.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reconnect_handlers: list[ReconnectHandler] = []

    def add_reconnect_handler(self, callback: ReconnectHandler) -> None:
        self._reconnect_handlers.append(callback)

    async def _handle_auto_reconnect(self) -> None:
        await super()._handle_auto_reconnect()
        for callback in self._reconnect_handlers:
            callback()


def create_client(settings: Settings) -> DronewatchClient:
    """The real client, from a session string when one is configured, else the session file.

    A session that cannot be read is a `ConfigError` (a person must fix it; restarting
    will not), worded without a byte of the secret.
    """
    api_id, api_hash = settings.require_telegram()
    try:
        client = DronewatchClient(
            open_session(settings),
            api_id,
            api_hash,
            device_model="dronewatch",
            app_version=__version__,
            sequential_updates=True,  # one handler at a time: posts are queued in arrival order
            flood_sleep_threshold=60,
            connection_retries=10,
            retry_delay=5,
            auto_reconnect=True,
            **proxy_arguments(settings.telegram.proxy_settings),
        )
        if settings.telegram.server is not None:
            use_server(client, settings.telegram.server, settings.telegram.server_key)
        return client
    except sqlite3.OperationalError as error:  # "database is locked": another process has it
        raise SessionInUseError(
            f"the session file {session_file(settings.session_path)} is in use by another "
            f"process ({error}); is a dronewatch daemon running?"
        ) from error
    except sqlite3.DatabaseError as error:
        raise ConfigError(
            [
                f"telegram.session: {session_file(settings.session_path)} is not a Telethon "
                f"session file ({error}); move it away and run `dronewatch login`"
            ]
        ) from error


def bot_client(settings: Settings) -> TelegramClient:
    """The digest bot's client (not logged in): `digest.delivery.start_bot` logs it in.

    The bot keeps a session file of its own beside the user's (mode 0600), so it
    does not log in afresh on every start; it goes through the same proxy and server.
    """
    api_id, api_hash = settings.require_telegram()
    path = settings.session_path
    session = private_session_file(path.with_name(path.name + "-bot"))
    client = TelegramClient(
        str(session),
        api_id,
        api_hash,
        device_model="dronewatch bot",
        app_version=__version__,
        **proxy_arguments(settings.telegram.proxy_settings),
    )
    if settings.telegram.server is not None:
        use_server(client, settings.telegram.server, settings.telegram.server_key)
    return client


def proxy_arguments(proxy: Proxy | None) -> dict[str, Any]:
    """TelegramClient's arguments for the proxy: SOCKS and HTTP through python-socks,
    MTProxy through Telethon's own obfuscated connection."""
    if proxy is None:
        return {}
    if proxy.scheme == "mtproxy":
        return {
            "connection": ConnectionTcpMTProxyRandomizedIntermediate,
            "proxy": (proxy.host, proxy.port, proxy.password),
        }
    return {
        "proxy": {
            "proxy_type": proxy.scheme,
            "addr": proxy.host,
            "port": proxy.port,
            "username": proxy.username,
            "password": proxy.password,
            "rdns": True,  # the proxy resolves names: DNS may be what is blocked
        }
    }


# The data centre a new session starts on (Telethon's DEFAULT_DC_ID).
SERVER_DC = 2


def use_server(client: TelegramClient, address: str, key_file: Path | None) -> None:
    """Talk to a test or self-hosted MTProto server instead of Telegram's.

    Its RSA key is added to the ones Telethon trusts; a session made on another
    server is pointed at this one (its login is not valid here anyway).
    """
    host, _, port = address.rpartition(":")
    host = host.strip("[]")  # an IPv6 address is written [::1]:443
    if key_file is not None:
        rsa.add_key(load_rsa_key(key_file.read_bytes()).save_pkcs1(), old=False)
    session = client.session
    if (session.server_address, session.port) != (host, int(port)):
        session.set_dc(SERVER_DC, host, int(port))


class SessionInUseError(Exception):
    """The session file is locked by another process: one process at a time may use it."""


def open_session(settings: Settings) -> StringSession | str:
    """The configured session string, decoded, or the path of the private session file."""
    secret = settings.telegram.session_string
    if secret is None:
        return str(private_session_file(settings.session_path))
    try:
        return StringSession(secret.get_secret_value())
    except (ValueError, struct.error):  # bad base64, wrong length: no detail, it is a secret
        raise ConfigError(
            [
                "telegram.session_string: not a valid Telethon session string "
                "(`dronewatch login --string` prints one)"
            ]
        ) from None


@dataclass(frozen=True)
class LoginPrompts:
    """How `login` asks the person at the terminal; nothing they type is logged."""

    phone: Callable[[], str]
    code: Callable[[], str]
    password: Callable[[], str]


async def log_in(client: DronewatchClient, prompts: LoginPrompts) -> str:
    """Log the session in (phone, code, 2FA password as needed); who it belongs to."""
    await client.start(phone=prompts.phone, code_callback=prompts.code, password=prompts.password)
    me = await client.get_me()
    name = " ".join(part for part in (me.first_name, me.last_name) if part)
    return f"{name} (@{me.username})" if me.username else name


def session_string(client: DronewatchClient) -> str:
    """The logged-in session as a string, for `[telegram] session_string` in containers."""
    return str(StringSession.save(client.session))


def session_file(path: Path) -> Path:
    """The file Telethon keeps a session named `path` in."""
    return path if path.suffix == ".session" else path.with_name(path.name + ".session")


def private_session_file(path: Path) -> Path:
    """Create the session file readable by its owner only, before Telethon opens it."""
    file = session_file(path)
    file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(file, os.O_CREAT | os.O_RDWR, 0o600))
    if stat.S_IMODE(file.stat().st_mode) != 0o600:
        file.chmod(0o600)
    return file
