"""The daemon sends instant alerts with its own client, within a poll of the post."""

from __future__ import annotations

import asyncio

from daemon_harness import Running, StartDaemon
from telegram_fakes import BELGOROD, KURSK, edited_message, message, new_message, now, world

RULE = {"name": "Belgorod 10+", "regions": ["RU-BEL"], "min_drones": 10}
SETTINGS = {"digest": {"recipients": ["me"], "enabled": False}, "alerts": [RULE]}


def alerts_sent(running: Running) -> list[str]:
    return [text for recipient, text in running.client.sent if text.startswith("<b>Alert:")]


async def until_alerted(running: Running, count: int) -> None:
    for _ in range(200):
        if len(alerts_sent(running)) >= count:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{count} alert(s) expected, sent: {alerts_sent(running)}")


async def test_a_live_post_alerts_once_across_edits_and_restarts(
    start_daemon: StartDaemon,
) -> None:
    client = world()
    running = await start_daemon(client, **SETTINGS)
    await client.deliver(new_message(message(KURSK, 5, "Сбиты 40 drones")))  # another region
    await client.deliver(new_message(message(BELGOROD, 10, "Сбиты 3 drones")))
    await running.settle()
    await asyncio.sleep(0.3)
    assert alerts_sent(running) == []

    edit = message(BELGOROD, 10, "Сбиты 12 drones", edit_date=now())
    await client.deliver(edited_message(edit))  # the edit newly matches
    await running.settle()
    await until_alerted(running, 1)
    (alert,) = alerts_sent(running)
    assert "12 drones · Belgorod Oblast" in alert
    assert '<a href="https://t.me/vvgladkov/10">' in alert
    assert [recipient for recipient, text in client.sent] == ["me"]  # the user's own client

    again = message(BELGOROD, 10, "Сбиты 14 drones", edit_date=now())
    await client.deliver(edited_message(again))  # still matches: alerted already
    await running.settle()
    await asyncio.sleep(0.3)
    assert len(alerts_sent(running)) == 1
    await running.stop()

    restarted = await start_daemon(client, **SETTINGS)  # its first look reads recent reports
    await asyncio.sleep(0.3)
    assert len(alerts_sent(restarted)) == 1
