"""Every source replayed twice and out of order stores what one in-order run stores.

Live updates, catch-up, exports made on different days and the demo reach the
pipeline in any order and any number of times; the database must not care.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ingest_fakes import CHANNEL, START, export_message, fake_parse, post, write_export
from sqlalchemy import delete, func, select
from telethon.tl import types

from dronewatch import model
from dronewatch.pipeline import Outcome, Pipeline
from dronewatch.sources.demo import demo_posts
from dronewatch.sources.export import ChannelExport
from dronewatch.sources.telegram import post_from_message
from dronewatch.store import Database
from dronewatch.store.models import Channel, Post, PostRevision, Report
from dronewatch.versions import written_at

EDITED = START + timedelta(days=2)


def _edited(message_id: int, text: str, at: timedelta) -> dict[str, Any]:
    when = EDITED + at
    return export_message(
        message_id,
        text,
        edited=when.replace(tzinfo=None).isoformat(),
        edited_unixtime=str(int(when.timestamp())),
    )


def _live(message_id: int, text: str, at: timedelta) -> model.Post:
    message = types.Message(
        id=message_id,
        peer_id=types.PeerChannel(CHANNEL.telegram_id),
        date=START + timedelta(hours=message_id),
        message=text,
        post=True,
        edit_date=EDITED + at,
    )
    found = post_from_message(message, CHANNEL)
    assert found is not None
    return found


def sources(tmp_path: Path) -> list[list[model.Post]]:
    """The demo, an early export, live edits and a later export: versions of the same posts."""
    early = write_export(
        tmp_path / "early.json",
        [
            export_message(1, "5 drones over RU-BEL"),
            export_message(2, "air alert"),
            export_message(3, "2 drones over RU-KRS at Sudzha"),
        ],
    )
    late = write_export(
        tmp_path / "late.json",
        [
            _edited(1, "12 drones over RU-BEL at Shebekino, a house hit", timedelta(hours=2)),
            export_message(2, "air alert"),
            _edited(3, "3 drones over RU-KRS at Sudzha", timedelta(hours=1)),
            export_message(4, "7 drones over RU-BEL"),
        ],
    )
    live = [
        _live(1, "9 drones over RU-BEL at Shebekino", timedelta(hours=1)),
        _live(3, "3 drones over RU-KRS at Sudzha", timedelta(hours=1)),
        _live(4, "7 drones over RU-BEL", timedelta(0)),
    ]
    return [
        list(demo_posts()),
        list(ChannelExport(early).posts(CHANNEL)),
        live,
        list(ChannelExport(late).posts(CHANNEL)),
    ]


def snapshot(database: Database) -> dict[str, Any]:
    """Everything stored, without ids and the clock times of this run.

    Not `raw` either: one version seen by two sources keeps the facts of the first.
    """
    with database.session() as session:
        channels = {
            (row.telegram_id, row.username, row.title, row.region, row.label)
            for row in session.scalars(select(Channel))
        }
        posts = {
            (row.channel.telegram_id, row.message_id): (
                row.date,
                row.edit_date,
                row.text,
                row.deleted,
                sorted((rev.text, rev.edit_date) for rev in row.revisions),
                sorted(
                    (
                        report.parser_version,
                        report.kind,
                        report.drones,
                        report.killed,
                        report.period_end,
                        [(r.code, r.drones) for r in report.regions],
                        [p.name for p in report.places],
                        sorted(d.tag for d in report.damage),
                    )
                    for report in row.reports
                    if report.is_current
                ),
            )
            for row in session.scalars(select(Post))
        }
        counts = {
            table.__name__: session.scalar(select(func.count()).select_from(table))
            for table in (Post, PostRevision, Report)
        }
    return {"channels": channels, "posts": posts, "counts": counts}


def in_order(database: Database, everything: list[list[model.Post]]) -> Pipeline:
    pipeline = Pipeline(database, parser=fake_parse, parser_version="test-1")
    flat = [item for source in everything for item in source]
    pipeline.ingest(sorted(flat, key=lambda item: written_at(item.date, item.edit_date)))
    return pipeline


def backwards(everything: list[list[model.Post]]) -> list[model.Post]:
    """The last source first, each source's posts last first."""
    return [item for source in reversed(everything) for item in reversed(source)]


def shuffled(everything: list[list[model.Post]]) -> list[model.Post]:
    flat = [item for source in everything for item in source]
    random.Random(11).shuffle(flat)
    return flat


@pytest.mark.parametrize("order", [backwards, shuffled])
def test_replayed_twice_and_out_of_order_equals_one_in_order_run(
    database: Database,
    tmp_path: Path,
    order: Callable[[list[list[model.Post]]], list[model.Post]],
) -> None:
    everything = sources(tmp_path)
    in_order(database, everything)
    expected = snapshot(database)
    with database.session() as session:  # start again from empty tables
        for table in (Post, Channel):
            session.execute(delete(table))

    pipeline = Pipeline(database, parser=fake_parse, parser_version="test-1", batch_size=3)
    pipeline.ingest(order(everything))
    assert snapshot(database) == expected
    for source in everything:  # every source once more: nothing changes
        assert set(pipeline.ingest(source).outcomes) == {Outcome.UNCHANGED}
    assert snapshot(database) == expected


def test_the_newest_text_stands_whatever_arrives_last(database: Database) -> None:
    pipeline = Pipeline(database, parser=fake_parse, parser_version="test-1")
    edited = post(1, "12 drones over RU-BEL", edit_date=EDITED)
    original = post(1, "5 drones over RU-BEL")
    assert pipeline.ingest([edited]).outcomes == {Outcome.NEW: 1}
    assert pipeline.ingest([original]).outcomes == {Outcome.OLDER: 1}
    assert pipeline.ingest([original, edited][::-1]).outcomes == {Outcome.UNCHANGED: 2}
    with database.session() as session:
        row = session.scalars(select(Post)).one()
        assert (row.text, row.edit_date) == ("12 drones over RU-BEL", EDITED)
        assert [(rev.text, rev.edit_date) for rev in row.revisions] == [
            ("5 drones over RU-BEL", original.date)
        ]
        current = session.scalars(select(Report).where(Report.is_current.is_(True))).one()
        assert current.drones == 12
