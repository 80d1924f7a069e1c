"""Full-text search over post texts, the same call on SQLite and PostgreSQL.

The indexes are built by migration 0006_fts and kept in step by the databases
themselves, whatever code writes the posts:

- SQLite: `posts_fts`, an external-content FTS5 table over `posts.text` (the unicode61
  tokenizer: case folded, Latin diacritics removed), filled by triggers on insert,
  update of the text and delete.
- PostgreSQL: a GIN index on `to_tsvector('russian', ...)`, the Snowball Russian stemmer.

A searched word stands for every form pymorphy3 knows for it. On SQLite, which has
no Russian stemmer, that is a prefix query on the word's stem, the beginning all its
forms share (нефтебаза -> нефтебаз*, matching нефтебазе, нефтебазы), or where that is
too short to be a stem (день, дня), the forms themselves; a plain prefix of the word as
typed would miss every form with another ending. On PostgreSQL it is the forms, each
stemmed by Snowball as the texts are: Snowball alone misses forms whose stem changes
(поселок, поселком), which it stems apart.

Both fold ё to е in the text indexed and in the query: posts and readers spell the
same word both ways, and unicode61 does not fold ё.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Boolean, Table, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from dronewatch.folding import fold
from dronewatch.store.models import Post

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from sqlalchemy.sql.compiler import SQLCompiler

# SQLite: the FTS5 table (its shadow tables are `posts_fts_<suffix>`).
FTS_TABLE = "posts_fts"
FTS_SHADOW_TABLES = tuple(f"{FTS_TABLE}_{part}" for part in ("data", "idx", "docsize", "config"))
# PostgreSQL: the expression index; a query uses it only when it repeats `PG_VECTOR`.
PG_INDEX = "ix_posts_text_search"
PG_CONFIG = "'russian'::regconfig"
PG_VECTOR = f"to_tsvector({PG_CONFIG}, translate({{text}}, 'ёЁ', 'еЕ'))"

# Shorter shared beginnings are not stems (д for день/дня, с for сбили/собьют).
MIN_STEM = 4
# Parses far less likely than the best one are left out (деть for день).
MIN_PARSE_SHARE = 0.1
_WORD = re.compile(r"\w+")
_POSTS = cast(Table, Post.__table__)


def words(query: str) -> list[str]:
    """The words of a search, case folded and ё as е (as the indexes read the texts)."""
    return _WORD.findall(fold(query))


@cache
def _analyzer() -> MorphAnalyzer:
    # Imported here: `query` without `--text` must not load the dictionaries.
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _shared_beginning(forms: set[str]) -> str:
    """The longest beginning every form shares (that of the first and last in order)."""
    first, last = min(forms), max(forms)
    size = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), None)
    return first if size is None else first[:size]


@dataclass(frozen=True, order=True)
class Term:
    """A word form to match, or the beginning of words (`prefix`) when it is a stem."""

    text: str
    prefix: bool


def word_terms(word: str, *, stems: bool) -> list[Term]:
    """Terms any of which matches a form of `word`: with `stems`, its stems as prefixes
    where they are long enough; else, and otherwise, its forms.

    A word pymorphy3 does not know (a number, a rare name, Latin) is a prefix as typed.
    """
    analyzer = _analyzer()
    if not word.isalpha() or not analyzer.word_is_known(word):
        return [Term(word, prefix=True)]
    parses = analyzer.parse(word)
    best = max(parse.score for parse in parses)
    terms: set[Term] = set()
    for parse in parses:
        if parse.score < best * MIN_PARSE_SHARE:
            continue
        forms = {fold(form.word) for form in parse.lexeme} | {word}
        stem = _shared_beginning(forms)
        if stems and len(stem) >= MIN_STEM:
            terms.add(Term(stem, prefix=True))
        else:
            terms.update(Term(form, prefix=False) for form in forms)
    return sorted(terms)


def _expression(
    query: str, term: Callable[[Term], str], either: str, both: str, *, stems: bool
) -> str:
    """Every word of `query` (`both`), each in any of its forms (`either`)."""
    groups = (either.join(map(term, word_terms(word, stems=stems))) for word in words(query))
    return both.join(f"({group})" for group in groups)


def _fts5_term(term: Term) -> str:
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression finding posts with every word of `query`, in any form.

    A query without a word gives a phrase nothing matches, never a syntax error.
    """
    return _expression(query, _fts5_term, " OR ", " AND ", stems=True) or '""'


def _tsquery_term(term: Term) -> str:
    return "'" + term.text.replace("'", "''") + "'" + (":*" if term.prefix else "")


def tsquery(query: str) -> str:
    """The same for PostgreSQL's `to_tsquery('russian', ...)`, which stems each term.

    Forms, not stems as prefixes: the Snowball stemmer would cut a stem again (облом*
    to обл*, matching области) where it leaves each form the stem it gives the text.
    """
    return _expression(query, _tsquery_term, " | ", " & ", stems=False)


class PostTextMatches(FunctionElement[bool]):
    """`query --text`'s condition, compiled for each database: the post's text has
    every word of the query, in any form.

    Not cached: each query becomes its own statement (a search runs once per command).
    """

    type = Boolean()
    inherit_cache = False
    name = "post_text_matches"

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query = query


@compiles(PostTextMatches, "sqlite")
def _sqlite_match(element: PostTextMatches, compiler: SQLCompiler, **kw: Any) -> str:
    rowid = compiler.process(_POSTS.c.id, **kw)
    match = compiler.process(literal(fts5_query(element.query)), **kw)
    return f"{rowid} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {match})"


@compiles(PostTextMatches, "postgresql")
def _postgresql_match(element: PostTextMatches, compiler: SQLCompiler, **kw: Any) -> str:
    # The matches come from the GIN index, once, whatever the word: in a subquery that
    # `OFFSET 0` keeps from being joined in (with a LIMIT the planner walked the posts
    # newest first, computing each one's tsvector), with the tsquery in a subquery of
    # its own, so that the planner does not estimate a word's forms as independent
    # words (all stemmed alike, a common word's forms looked like every post, and it
    # read the table computing each tsvector: 2 s on 20,000 posts, 0.16 s by the index).
    rowid = compiler.process(_POSTS.c.id, **kw)
    vector = PG_VECTOR.format(text="searched.text")
    query = compiler.process(literal(tsquery(element.query)), **kw)
    return (
        f"{rowid} IN (SELECT searched.id FROM posts AS searched "
        f"WHERE {vector} @@ (SELECT to_tsquery({PG_CONFIG}, {query})) OFFSET 0)"
    )


def include_object(_object: object, name: str | None, *_: object) -> bool:
    """Alembic's `include_object`: everything but the FTS table, its shadow tables and
    the GIN index, which migration 0006_fts makes and no ORM model describes."""
    return name not in (FTS_TABLE, *FTS_SHADOW_TABLES, PG_INDEX)
