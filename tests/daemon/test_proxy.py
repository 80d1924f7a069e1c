"""`[telegram] proxy` and `server`: validated, masked, and what the client really connects to.

The proxies here are tiny servers on 127.0.0.1 that record what the real client
(Telethon with python-socks) sends them; nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import struct
from pathlib import Path
from typing import Any

import pytest
import rsa
from telethon.crypto import rsa as telethon_rsa
from telethon.network.connection import ConnectionTcpMTProxyRandomizedIntermediate
from typer.testing import CliRunner

from dronewatch.cli import app
from dronewatch.config import ConfigError, Settings, load_settings
from dronewatch.daemon.client import create_client

runner = CliRunner()
SECRET = "dd" + "0123456789abcdef" * 2


def settings(tmp_path: Path, **telegram: Any) -> Settings:
    return Settings(data_dir=tmp_path, telegram={"api_id": 1, "api_hash": "h", **telegram})


def problems(tmp_path: Path, line: str) -> list[str]:
    config = tmp_path / "bad.toml"
    config.write_text(f"[telegram]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    return caught.value.problems


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('proxy = "socks9://h:1"', "telegram.proxy: proxy must start with one of socks5://"),
        ('proxy = "socks5://host"', "telegram.proxy: proxy needs a host and a port"),
        ('proxy = "mtproxy://127.0.0.1:443"', "telegram.proxy: mtproxy needs its secret"),
        (f'proxy = "mtproxy://ee{SECRET[2:]}@h:443"', "telegram.proxy: fake-TLS MTProxy"),
        ('server = "localhost"', "telegram.server: server must be host:port"),
        ('server_key = "/nonexistent.pem"', "telegram.server_key: cannot read /nonexistent.pem"),
    ],
)
def test_bad_proxy_and_server_settings_are_named(tmp_path: Path, line: str, problem: str) -> None:
    [found] = problems(tmp_path, line)
    assert found.startswith(problem)
    assert "0123456789abcdef" not in found


def test_config_check_masks_the_proxy_password_and_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRONEWATCH_TELEGRAM__PROXY", "socks5://alice:s3cr%40t@10.0.0.1:1080")
    result = runner.invoke(app, ["config", "check"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)["telegram"]["proxy"]
    assert shown == "socks5://alice:**********@10.0.0.1:1080"
    assert "s3cr" not in result.output

    monkeypatch.setenv("DRONEWATCH_TELEGRAM__PROXY", f"mtproxy://{SECRET}@10.0.0.1:443")
    result = runner.invoke(app, ["config", "check"])
    assert json.loads(result.stdout)["telegram"]["proxy"] == "mtproxy://**********@10.0.0.1:443"
    assert "0123456789abcdef" not in result.output


class Recorder:
    """A server on 127.0.0.1 that keeps what each connection sent, then what it asked."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.seen: asyncio.Queue[Any] = asyncio.Queue()
        self.port = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> Recorder:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            await self.seen.put(await self.handle(reader, writer))
        writer.close()


async def socks5_handshake(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Any:
    """RFC 1928 with RFC 1929 login: answer the greeting and the login, record CONNECT."""
    version, count = await reader.readexactly(2)
    methods = await reader.readexactly(count)
    writer.write(b"\x05\x02")  # username/password, please
    await writer.drain()
    _, user_length = await reader.readexactly(2)
    user = await reader.readexactly(user_length)
    (password_length,) = await reader.readexactly(1)
    password = await reader.readexactly(password_length)
    writer.write(b"\x01\x00")
    await writer.drain()
    _, command, _, kind = await reader.readexactly(4)
    if kind == 3:  # a name
        (length,) = await reader.readexactly(1)
        host = (await reader.readexactly(length)).decode()
    else:
        host = ".".join(str(b) for b in await reader.readexactly(4))
    (port,) = struct.unpack(">H", await reader.readexactly(2))
    return {
        "version": version,
        "methods": methods,
        "login": (user.decode(), password.decode()),
        "connect": (command, host, port),
    }


async def first_bytes(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bytes:
    return await reader.readexactly(64)  # an obfuscated connection's init header


async def connect_until_seen(client: Any, recorder: Recorder) -> Any:
    """Connect once (no retries: the proxy hangs up); return what the proxy saw."""
    client._sender._retries, client._sender._delay = 0, 0
    attempt = asyncio.create_task(client.connect())
    try:
        return await asyncio.wait_for(recorder.seen.get(), 10)
    finally:
        attempt.cancel()
        with contextlib.suppress(BaseException):
            await attempt
        with contextlib.suppress(BaseException):
            await client.disconnect()


async def test_socks5_proxy_and_custom_server_reach_the_client(tmp_path: Path) -> None:
    async with Recorder(socks5_handshake) as proxy:
        client = create_client(
            settings(
                tmp_path,
                proxy=f"socks5://alice:s3cr%40t@127.0.0.1:{proxy.port}",
                server="10.9.8.7:4430",
                session_string=None,
            )
        )
        seen = await connect_until_seen(client, proxy)
    assert seen["login"] == ("alice", "s3cr@t")
    assert seen["connect"] == (1, "10.9.8.7", 4430)  # the configured server, via the proxy
    assert client.session.server_address == "10.9.8.7"


async def test_mtproxy_reaches_the_client(tmp_path: Path) -> None:
    async with Recorder(first_bytes) as proxy:
        client = create_client(
            settings(tmp_path, proxy=f"mtproxy://{SECRET}@127.0.0.1:{proxy.port}")
        )
        assert client._connection is ConnectionTcpMTProxyRandomizedIntermediate
        header = await connect_until_seen(client, proxy)
    assert len(header) == 64


def test_the_servers_rsa_key_is_trusted(tmp_path: Path) -> None:
    public, _ = rsa.newkeys(512)
    key_file = tmp_path / "server.pem"
    key_file.write_bytes(public.save_pkcs1())
    client = create_client(settings(tmp_path, server="127.0.0.1:4430", server_key=str(key_file)))
    fingerprint = telethon_rsa._compute_fingerprint(public)
    try:
        assert telethon_rsa._server_keys[fingerprint] == (public, False)
        assert (client.session.server_address, client.session.port) == ("127.0.0.1", 4430)
    finally:
        del telethon_rsa._server_keys[fingerprint]
        client.session.close()
