"""Full-text search over post texts on both databases: forms, ё, and the index in step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import delete, select, text

from dronewatch import model
from dronewatch.parsing import Report
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database
from dronewatch.store.database import alembic_config
from dronewatch.store.models import Channel, Post
from dronewatch.store.queries import ReportFilter, report_rows
from dronewatch.store.search import PostTextMatches as Matches
from dronewatch.store.search import fts5_query, words

CHANNEL = model.Channel(telegram_id=42, title="Губернатор", username="gov", region="RU-BRY")
START = datetime(2026, 10, 1, 6, 0, tzinfo=UTC)
TEXTS = {
    1: "Атакована нефтебаза в Новозыбкове, возгорание потушено.",
    2: "Обломки беспилотника упали на территорию нефтебазы.",
    3: "Пожар на НЕФТЕБАЗЕ локализован.",
    4: "Упавшая ёлка повредила машину.",
    5: "Над Брянском сбиты два беспилотника, пострадавших нет.",
    6: "Under attack: an oil depot in Bryansk.",
    8: "Режим беспилотной опасности в области отменён.",
}


def _post(message_id: int, text: str, edited: datetime | None = None) -> model.Post:
    date = START + timedelta(hours=message_id)
    return model.Post(
        channel=CHANNEL, message_id=message_id, date=date, text=text, edit_date=edited
    )


def _pipeline(database: Database) -> Pipeline:
    return Pipeline(database, parser=lambda *_: Report(kind="none"), parser_version="t")


def found(database: Database, query: str) -> list[int]:
    with database.session() as session:
        return sorted(session.scalars(select(Post.message_id).where(Matches(query))).all())


@pytest.fixture
def searched(database: Database) -> Database:
    _pipeline(database).ingest([_post(n, text) for n, text in TEXTS.items()])
    return database


@pytest.mark.parametrize("query", ["нефтебаза", "нефтебазе", "Нефтебазой", "нефтебаз"])
def test_every_form_finds_every_form(searched: Database, query: str) -> None:
    assert found(searched, query) == [1, 2, 3]


def test_yo_and_ye_are_one_letter(searched: Database) -> None:
    assert found(searched, "елка") == [4]
    assert found(searched, "ёлку") == [4]


def test_every_word_must_be_there(searched: Database) -> None:
    assert found(searched, "беспилотник") == [2, 5]
    assert found(searched, "беспилотники Брянск") == [5]
    assert found(searched, "беспилотник пожар") == []
    # A stem is no prefix for the stemmer to cut again (облом* as обл*, области).
    assert found(searched, "обломки") == [2]


def test_latin_words_and_prefixes(searched: Database) -> None:
    assert found(searched, "depot") == [6]
    assert found(searched, "ATTACK") == [6]


def test_the_index_follows_inserts_edits_and_deletes(searched: Database) -> None:
    pipeline = _pipeline(searched)
    pipeline.ingest([_post(7, "Сбит дрон над нефтебазой в Клинцах.")])
    assert found(searched, "нефтебаза") == [1, 2, 3, 7]
    # An edit replaces the text: the old words are no longer found, the new ones are.
    edited = START + timedelta(hours=8)
    pipeline.ingest([_post(7, "Сбит дрон над складом в Клинцах.", edited=edited)])
    assert found(searched, "нефтебаза") == [1, 2, 3]
    assert found(searched, "склад") == [7]
    with searched.session() as session:
        session.execute(delete(Post).where(Post.message_id == 1))
    assert found(searched, "нефтебаза") == [2, 3]
    with searched.session() as session:  # a channel's posts go with it
        session.execute(delete(Channel))
    assert found(searched, "нефтебаза") == []
    assert found(searched, "склад") == []


def test_query_text_filter_returns_reports(searched: Database) -> None:
    with searched.session() as session:
        rows = list(report_rows(session, ReportFilter(text="нефтебаза", newest_first=True)))
    assert [row.message_id for row in rows] == [3, 2, 1]


def test_a_search_without_words_finds_nothing(searched: Database) -> None:
    assert words("«—» !") == []
    assert fts5_query("«—» !") == '""'
    assert found(searched, "«—» !") == []


def test_fts5_query_uses_stems_and_falls_back_to_forms() -> None:
    assert fts5_query("нефтебазе") == '("нефтебаз"*)'
    # день / дня share one letter: the forms themselves, not a prefix of д*
    assert '"дня"' in fts5_query("день")
    assert "*" not in fts5_query("день")
    assert fts5_query("ёлки") == fts5_query("елки")


def test_existing_posts_are_indexed_by_the_migration(database_url: str) -> None:
    database = Database(database_url)
    try:
        command.upgrade(alembic_config(database.engine), "0005_alerts")
        _pipeline(database).ingest([_post(n, text) for n, text in TEXTS.items()])
        database.upgrade()
        assert found(database, "нефтебаза") == [1, 2, 3]
        command.downgrade(alembic_config(database.engine), "0005_alerts")
        with database.engine.connect() as connection:
            names = set(
                connection.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE name LIKE 'posts_fts%'"
                        if database.is_sqlite
                        else "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%search%'"
                    )
                ).scalars()
            )
        assert names == set()
        database.upgrade()
        assert found(database, "нефтебазы") == [1, 2, 3]
    finally:
        database.dispose()


@pytest.mark.postgres
def test_postgresql_search_uses_the_gin_index(postgres_url: str) -> None:
    database = Database(postgres_url)
    try:
        database.upgrade()
        with database.engine.connect() as connection:
            connection.execute(text("SET enable_seqscan = off"))
            statement = select(Post.id).where(Matches("нефтебаза"))
            compiled = statement.compile(connection, compile_kwargs={"literal_binds": True})
            plan = "\n".join(connection.execute(text(f"EXPLAIN {compiled}")).scalars())
        assert "ix_posts_text_search" in plan
    finally:
        database.dispose()
