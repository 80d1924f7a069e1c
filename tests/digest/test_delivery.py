"""Delivery through fake senders and a fake Telethon client: routing, retries, backoff."""

from __future__ import annotations

from typing import Any

import pytest
from digest_scenario import FakeSender
from telethon import errors

from dronewatch.config import Settings
from dronewatch.digest.delivery import (
    DeliveryError,
    Outgoing,
    RoutingSender,
    TelethonSender,
    deliver,
    recipients,
)

OUTGOING = Outgoing(("<b>one</b>", "two"), b"\x89PNG fake", "caption")


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


async def test_routing_sends_me_through_the_user_and_ids_through_the_bot() -> None:
    user, bot = FakeSender(), FakeSender()
    routing = RoutingSender(user=user, bot=bot)
    await routing.send_text("me", "a")
    await routing.send_text("4242", "b")
    assert user.recipients() == ["me"]
    assert bot.recipients() == ["4242"]
    as_user = RoutingSender(user=user, bot=bot, ids_as_user=True)
    await as_user.send_photo("4242", b"png", "c")
    assert user.recipients() == ["me", "4242"]
    with pytest.raises(DeliveryError, match="needs the bot"):  # never the user's account unasked
        await RoutingSender(user=user).send_text("4242", "x")
    with pytest.raises(DeliveryError, match="needs the user client"):
        await RoutingSender(bot=bot).send_text("me", "x")


async def test_backoff_doubles_and_flood_waits_are_honoured() -> None:
    flood = errors.FloodWaitError(request=None, capture=42)
    sender = FakeSender(failures=[ConnectionError(), flood, OSError()])
    sleeps = Sleeps()
    await deliver(sender, "me", OUTGOING, attempts=4, backoff=5, sleep=sleeps)
    assert sleeps.delays == [5, 43, 20]
    assert [kind for kind, _, _ in sender.calls] == ["text", "text", "photo"]


async def test_gives_up_after_the_attempts_and_reports_each_failure() -> None:
    sender = FakeSender(failures=[ConnectionError("down")] * 3)
    failures: list[int] = []

    async def on_failure(attempt: int, _error: BaseException) -> None:
        failures.append(attempt)

    with pytest.raises(DeliveryError, match="after 3 attempt"):
        await deliver(sender, "me", OUTGOING, attempts=3, sleep=Sleeps(), on_failure=on_failure)
    assert failures == [1, 2, 3]
    assert sender.calls == []


class FakeClient:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any, Any, dict[str, Any]]] = []

    async def send_message(self, entity: Any, text: str, **kwargs: Any) -> None:
        self.calls.append(("message", entity, text, kwargs))

    async def send_file(self, entity: Any, file: Any, **kwargs: Any) -> None:
        self.calls.append(("file", entity, file.read(), kwargs))


async def test_telethon_sender_sends_html_to_the_right_entity() -> None:
    client = FakeClient()
    sender = TelethonSender(client)
    await sender.send_text("me", "<b>hi</b>")
    await sender.send_photo("-1001234", b"png", "<i>c</i>")
    assert client.calls[0] == (
        "message",
        "me",
        "<b>hi</b>",
        {"parse_mode": "html", "link_preview": False},
    )
    kind, entity, data, kwargs = client.calls[1]
    assert (kind, entity, data) == ("file", -1001234, b"png")
    assert kwargs["caption"] == "<i>c</i>"
    assert kwargs["parse_mode"] == "html"


def test_recipients_are_strings_without_duplicates() -> None:
    settings = Settings(digest={"recipients": ["me", 4242, "4242", "me"], "send_as": "user"})
    assert recipients(settings) == ["me", "4242"]
