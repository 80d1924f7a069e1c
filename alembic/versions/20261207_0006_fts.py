"""full-text search over post texts: FTS5 on SQLite, a russian GIN index on PostgreSQL

Revision ID: 0006_fts
Revises: 0005_alerts
Create Date: 2026-12-07

SQLite: `posts_fts`, an external-content FTS5 table over `posts.text` (unicode61,
diacritics removed), filled with every stored post and kept in step by triggers on
insert, update of the text and delete of a post. The text indexed has ё folded to е
(the tokenizer does not fold it), so the index is never rebuilt from `posts` by FTS5's
'rebuild' command, which would index the unfolded text: re-run the INSERT below.
A later migration that recreates `posts` (a batch ALTER on SQLite) must recreate the
triggers.

PostgreSQL: a GIN index on the text's `russian` tsvector, ё folded; the database
keeps an expression index in step itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006_fts"
down_revision: str | None = "0005_alerts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _folded(column: str) -> str:
    return f"replace(replace({column}, 'ё', 'е'), 'Ё', 'Е')"


_INSERT = f"INSERT INTO posts_fts(rowid, text) VALUES (new.id, {_folded('new.text')});"
_DELETE = (
    f"INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.id, "
    f"{_folded('old.text')});"
)

SQLITE_UPGRADE = (
    "CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN {_INSERT} END",
    f"CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN {_DELETE} END",
    "CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts "
    f"WHEN old.text IS NOT new.text BEGIN {_DELETE} {_INSERT} END",
    f"INSERT INTO posts_fts(rowid, text) SELECT id, {_folded('text')} FROM posts",
)
SQLITE_DOWNGRADE = (
    "DROP TRIGGER posts_fts_update",
    "DROP TRIGGER posts_fts_delete",
    "DROP TRIGGER posts_fts_insert",
    "DROP TABLE posts_fts",
)
POSTGRESQL_INDEX = (
    "CREATE INDEX ix_posts_text_search ON posts "
    "USING gin (to_tsvector('russian'::regconfig, translate(text, 'ёЁ', 'еЕ')))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UPGRADE:
            op.execute(statement)
    else:
        op.execute(POSTGRESQL_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWNGRADE:
            op.execute(statement)
    else:
        op.execute("DROP INDEX ix_posts_text_search")
