"""The ingest pipeline on both backends: idempotence, edits, deletions, re-parsing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from ingest_fakes import CHANNEL, fake_parse, post
from sqlalchemy import func, select

from dronewatch import model
from dronewatch.parsing import Report
from dronewatch.pipeline import IngestStats, Outcome, Pipeline
from dronewatch.store import Database
from dronewatch.store import posts as stored
from dronewatch.store.models import Post, PostRevision, ReportRegion
from dronewatch.store.models import Report as ReportRow


def pipeline(database: Database, **options: object) -> Pipeline:
    return Pipeline(database, parser=fake_parse, parser_version="test-1", **options)  # type: ignore[arg-type]


def count(database: Database, column: object, *where: object) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count(column)).where(*where)) or 0)  # type: ignore[call-overload]


def current_report(database: Database, message_id: int) -> ReportRow:
    with database.session() as session:
        report = session.scalars(
            select(ReportRow)
            .join(Post)
            .where(Post.message_id == message_id, ReportRow.is_current.is_(True))
        ).one()
        _ = report.regions, report.places, report.damage
        return report


def test_ingest_stores_posts_and_reports(database: Database) -> None:
    stats = pipeline(database).ingest(
        [post(1, "12 drones over RU-BEL at Shebekino, a house hit"), post(2, "air alert")]
    )
    assert stats.outcomes == {Outcome.NEW: 2}
    assert stats.kinds == {"attack": 1, "alert": 1}
    report = current_report(database, 1)
    assert (report.kind, report.drones, report.parser_version) == ("attack", 12, "test-1")
    assert [(r.code, r.drones) for r in report.regions] == [("RU-BEL", 12)]
    assert [p.name for p in report.places] == ["Shebekino"]
    assert [d.tag for d in report.damage] == ["residential"]
    assert report.period_end == post(1, "").date


def test_ingesting_twice_changes_nothing(database: Database) -> None:
    posts = [post(n, f"{n} drones over RU-KRS") for n in range(1, 40)]
    pipeline(database, batch_size=7).ingest(posts)
    again = pipeline(database, batch_size=7).ingest(posts)
    assert again.outcomes == {Outcome.UNCHANGED: 39}
    assert count(database, Post.id) == 39
    assert count(database, ReportRow.id) == 39
    assert count(database, PostRevision.id) == 0


def test_an_edit_keeps_a_revision_and_replaces_the_report(database: Database) -> None:
    pipe = pipeline(database)
    pipe.ingest([post(5, "3 drones over RU-BEL")])
    edited_at = post(5, "").date + timedelta(minutes=30)
    outcome = pipe.ingest_one(post(5, "4 drones over RU-KRS at Sudzha", edit_date=edited_at))
    assert outcome is Outcome.UPDATED
    with database.session() as session:
        row = session.scalars(select(Post)).one()
        assert row.text == "4 drones over RU-KRS at Sudzha"
        assert row.edit_date == edited_at
        assert [r.text for r in row.revisions] == ["3 drones over RU-BEL"]
    report = current_report(database, 5)
    assert (report.drones, [r.code for r in report.regions]) == (4, ["RU-KRS"])
    assert count(database, ReportRow.id) == 1  # the same parser version's report was replaced
    assert count(database, ReportRegion.code) == 1


def test_a_post_and_its_edit_in_one_call(database: Database) -> None:
    stats = pipeline(database).ingest(
        [post(1, "1 drones over RU-BEL"), post(1, "2 drones over RU-BEL")]
    )
    assert stats.outcomes == {Outcome.NEW: 1, Outcome.UPDATED: 1}
    assert current_report(database, 1).drones == 2
    assert count(database, PostRevision.id) == 1


def test_a_later_edit_date_without_new_text_is_recorded(database: Database) -> None:
    pipe = pipeline(database)
    pipe.ingest([post(1, "air alert")])
    later = post(1, "").date + timedelta(hours=1)
    assert pipe.ingest_one(post(1, "air alert", edit_date=later)) is Outcome.UNCHANGED
    with database.session() as session:
        assert session.scalars(select(Post.edit_date)).one() == later


def test_deletion_marks_and_keeps(database: Database) -> None:
    pipe = pipeline(database)
    pipe.ingest([post(1, "5 drones over RU-BEL"), post(2, "air alert")])
    assert pipe.delete(model.Deletion(CHANNEL.telegram_id, (1, 99))) == 1
    assert pipe.delete(model.Deletion(CHANNEL.telegram_id, (1,))) == 0
    assert pipe.delete(model.Deletion(424242, (1,))) == 0
    assert count(database, Post.id, Post.deleted.is_(True)) == 1
    assert count(database, ReportRow.id) == 2
    assert pipe.ingest_one(post(1, "5 drones over RU-BEL")) is Outcome.UNCHANGED


def test_the_stored_region_is_used_when_a_source_knows_none(database: Database) -> None:
    seen: list[str | None] = []

    def parser(text: str, region: str | None, date: object) -> Report:
        seen.append(region)
        return Report()

    pipe = Pipeline(database, parser=parser)  # type: ignore[arg-type]
    pipe.ingest([post(1, "first")])
    bare = model.Channel(telegram_id=CHANNEL.telegram_id)
    pipe.ingest([post(2, "second", channel=bare)])
    assert seen == ["RU-BEL", "RU-BEL"]
    with database.session() as session:
        channel = stored.channel_by_telegram_id(session, CHANNEL.telegram_id)
        assert channel is not None
        assert channel.username == "testgov"


def test_reparse_makes_new_current_reports(database: Database) -> None:
    pipeline(database).ingest([post(n, f"{n} drones over RU-BEL") for n in range(1, 6)])
    newer = Pipeline(database, parser=fake_parse, parser_version="test-2", batch_size=2)
    assert stored_reparse_count(database, "test-2") == 5
    stats = newer.reparse(stored.ReparseFilter(parser_version="test-2"))
    assert stats.outcomes == {Outcome.UPDATED: 5}
    assert current_report(database, 3).parser_version == "test-2"
    assert count(database, ReportRow.id) == 10  # the old version's reports stay, not current
    assert stored_reparse_count(database, "test-2") == 0
    assert newer.reparse(stored.ReparseFilter(parser_version="test-2")).total == 0
    everything = newer.reparse(stored.ReparseFilter(parser_version=None))
    assert everything.total == 5
    assert count(database, ReportRow.id) == 10


def stored_reparse_count(database: Database, version: str) -> int:
    with database.session() as session:
        return stored.count_posts_to_reparse(session, stored.ReparseFilter(parser_version=version))


def test_parser_processes_give_the_same_reports(database: Database) -> None:
    posts = [post(n, f"{n % 30} drones over RU-BRY at P{n % 4}") for n in range(1, 601)]
    stats = pipeline(database, workers=2, batch_size=250).ingest(posts)
    assert stats.outcomes == {Outcome.NEW: 600}
    assert current_report(database, 599).drones == 599 % 30
    assert [p.name for p in current_report(database, 598).places] == ["P2"]
    assert count(database, ReportRow.id, ReportRow.is_current.is_(True)) == 600


def test_a_source_that_fails_part_way_has_what_it_gave_stored(database: Database) -> None:
    def broken() -> Iterator[model.Post]:
        yield from (post(n, f"{n} drones over RU-BEL") for n in range(1, 8))
        raise ValueError("the file ends here")

    stats = IngestStats()
    with pytest.raises(ValueError, match="the file ends here"):
        pipeline(database, batch_size=3).ingest(broken(), stats)
    assert stats.outcomes == {Outcome.NEW: 7}
    assert count(database, Post.id) == 7
    assert count(database, ReportRow.id) == 7
