"""The one path every post takes: store it (and its edits), parse it, store the report.

Every source (live Telegram, a Desktop export, the demo history) hands `Post`s to
`Pipeline.ingest`. Ingesting is idempotent and order-blind (`versions`): the same
post twice changes nothing, a newer text adds a revision and replaces the report, an
older one is only kept as a revision, a deletion only marks the post.
Each batch is one transaction, so a crash never leaves half a post behind, and a
crashed import run again stores exactly what is missing.

Big imports parse in worker processes (`workers`): while the main process writes
one batch, the workers already parse the next.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import partial

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dronewatch import model
from dronewatch.parsing import PARSER_VERSION, Report, parse
from dronewatch.store import Database
from dronewatch.store import posts as stored
from dronewatch.versions import Verdict, Version, judge, written_at

log = logging.getLogger(__name__)

ParseFunction = Callable[[str, str | None, datetime | None], Report]
ParseJob = tuple[str, str | None, datetime | None]
PostKey = tuple[int, int]  # (channel telegram id, message id)

# Fewer posts than this are parsed in-process: a pool is only worth it for imports.
POOL_MIN_JOBS = 200
PARENT_CHECK_SECONDS = 0.5


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    OLDER = "older"  # an older version than the stored one: kept as a revision
    UNCHANGED = "unchanged"


@dataclass
class IngestStats:
    """What a run of the pipeline did, for summaries and logs."""

    outcomes: Counter[Outcome] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())

    def add(self, other: IngestStats) -> None:
        self.outcomes.update(other.outcomes)
        self.kinds.update(other.kinds)


def _default_parse(text: str, region: str | None, date: datetime | None) -> Report:
    return parse(text, channel_region=region, date=date)


def _die_with(importer: int) -> None:
    """In a parser process: exit as soon as the importing process `importer` is gone.

    Workers are forked by the forkserver, which (like the workers themselves) holds
    the pipes that would tell of the importer's death; after a kill -9 they would
    otherwise wait forever for work that never comes.
    """

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            try:
                os.kill(importer, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, name="die-with-importer", daemon=True).start()


def _run_job(parser: ParseFunction, job: ParseJob) -> Report:
    return parser(*job)


class _Source:
    """Posts from a source that may fail part-way: the error is kept for after the last batch."""

    def __init__(self, posts: Iterable[model.Post]) -> None:
        self.posts = posts
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[model.Post]:
        try:
            yield from self.posts
        except Exception as error:
            self.error = error


class _Parsing:
    """Parses lists of posts, in a process pool started the first time one is worth it."""

    def __init__(self, parser: ParseFunction, workers: int) -> None:
        self.parser = parser
        self.workers = workers
        self._pool: Executor | None = None

    def start(self, jobs: list[ParseJob]) -> Callable[[], list[Report]]:
        """Begin parsing `jobs`; the returned function waits for and returns the reports."""
        if self.workers > 1 and len(jobs) >= POOL_MIN_JOBS:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("forkserver"),
                    initializer=_die_with,
                    initargs=(os.getpid(),),
                )
            chunk = max(1, len(jobs) // (self.workers * 4))
            pending = self._pool.map(partial(_run_job, self.parser), jobs, chunksize=chunk)
            return lambda: list(pending)
        reports = [self.parser(*job) for job in jobs]
        return lambda: reports

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


@dataclass
class _Prepared:
    """A batch whose parsing has started: the reports are keyed by post and by text."""

    posts: list[model.Post]
    keys: list[tuple[PostKey, str]]
    reports: Callable[[], list[Report]]

    def parsed(self) -> dict[tuple[PostKey, str], Report]:
        return dict(zip(self.keys, self.reports(), strict=True))


class Pipeline:
    def __init__(
        self,
        database: Database,
        *,
        parser: ParseFunction = _default_parse,
        parser_version: str = PARSER_VERSION,
        batch_size: int = 500,
        workers: int = 1,
    ) -> None:
        """`workers` > 1 parses big batches in that many processes (`parser` must pickle)."""
        self.database = database
        self.parser = parser
        self.parser_version = parser_version
        self.batch_size = batch_size
        self.workers = workers

    def ingest(
        self,
        posts: Iterable[model.Post],
        stats: IngestStats | None = None,
        *,
        restore: bool = False,
    ) -> IngestStats:
        """Store and parse posts, one transaction per batch, counting into `stats`.

        When `posts` itself fails part-way (a truncated export), every post read before
        is stored first, then its error is raised: `stats` tells what was stored.
        `restore` says the posts were just read from Telegram: one stored as deleted is
        in its channel after all and loses the flag. An export or the demo is no such
        evidence (the post may have been deleted since), so they never restore.
        """
        stats = IngestStats() if stats is None else stats
        source = _Source(posts)
        parsing = _Parsing(self.parser, self.workers)
        try:
            pending: _Prepared | None = None
            for batch in _batches(source, self.batch_size):
                prepared = self._prepare(batch, parsing)
                if pending is not None:
                    stats.add(self._write(pending, restore))
                pending = prepared
            if pending is not None:
                stats.add(self._write(pending, restore))
        finally:
            parsing.close()
        if source.error is not None:
            raise source.error
        return stats

    def ingest_one(self, post: model.Post) -> Outcome:
        stats = self.ingest([post])
        return next(iter(stats.outcomes))

    def update_channel(self, channel: model.Channel) -> None:
        """Store a channel's new title or username (no post of it need be stored)."""
        with self.database.session() as session:
            stored.upsert_channel(session, channel)

    def delete(self, deletion: model.Deletion) -> int:
        """Mark the deleted messages of a stored channel; returns how many were marked."""
        with self.database.session() as session:
            channel = stored.channel_by_telegram_id(session, deletion.channel_telegram_id)
            if channel is None:
                return 0
            return stored.mark_deleted(session, channel.id, deletion.message_ids)

    def reparse(
        self,
        selection: stored.ReparseFilter,
        progress: Callable[[int], None] | None = None,
    ) -> IngestStats:
        """Parse the selected stored posts again and make the new reports current.

        `progress` is called with the number of posts done after each batch.
        """
        stats = IngestStats()
        parsing = _Parsing(self.parser, self.workers)
        after_id = 0
        try:
            while True:
                with self.database.session() as session:
                    posts = stored.posts_to_reparse(
                        session, selection, after_id=after_id, limit=self.batch_size
                    )
                if not posts:
                    return stats
                after_id = posts[-1].id
                reports = parsing.start([(post.text, post.region, post.date) for post in posts])()
                items = [
                    stored.NewReport(post.id, post.date, report)
                    for post, report in zip(posts, reports, strict=True)
                ]
                with self.database.session() as session:
                    stored.store_reports(session, items, self.parser_version, replace=True)
                stats.outcomes[Outcome.UPDATED] += len(items)
                stats.kinds.update(report.kind for report in reports)
                if progress is not None:
                    progress(len(items))
        finally:
            parsing.close()

    def _prepare(self, batch: list[model.Post], parsing: _Parsing) -> _Prepared:
        """Start parsing the posts of `batch` that are new or edited, as stored right now."""
        keys: list[tuple[PostKey, str]] = []
        jobs: list[ParseJob] = []
        with self.database.session() as session:
            for telegram_id, posts in _by_channel(batch).items():
                row = stored.channel_by_telegram_id(session, telegram_id)
                region = posts[0].channel.region or (row.region if row else None)
                known = (
                    stored.stored_posts(session, row.id, [post.message_id for post in posts])
                    if row
                    else {}
                )
                for post in posts:
                    verdict = judge(known.get(post.message_id), post, frozenset())
                    if verdict in (Verdict.NEW, Verdict.NEWER):
                        keys.append(((telegram_id, post.message_id), post.text))
                        jobs.append((post.text, region, post.date))
        return _Prepared(batch, keys, parsing.start(jobs))

    def _write(self, prepared: _Prepared, restore: bool) -> IngestStats:
        """Store a prepared batch in one transaction; once more if another writer raced us."""
        parsed = prepared.parsed()
        try:
            with self.database.session() as session:
                return self._write_batch(session, prepared.posts, parsed, restore)
        except IntegrityError:
            log.info("posts of this batch were stored meanwhile by another process; retrying")
            with self.database.session() as session:
                return self._write_batch(session, prepared.posts, parsed, restore)

    def _write_batch(
        self,
        session: Session,
        batch: list[model.Post],
        parsed: dict[tuple[PostKey, str], Report],
        restore: bool,
    ) -> IngestStats:
        stats = IngestStats()
        fresh: list[stored.NewReport] = []
        replaced: list[stored.NewReport] = []
        for posts in _by_channel(batch).values():
            channel_row = stored.upsert_channel(session, posts[0].channel)
            known = stored.stored_posts(
                session, channel_row.id, [post.message_id for post in posts]
            )
            changes = _Changes.sort(posts, known, _revisions(session, posts, known))
            post_ids = stored.insert_posts(session, channel_row.id, changes.new)
            stored.revise_posts(session, changes.edits)
            stored.keep_revisions(session, changes.older)
            stored.touch_edit_dates(session, changes.touched)
            if restore:
                _restore(session, channel_row.telegram_id, posts, known)

            region = channel_row.region
            fresh.extend(
                stored.NewReport(post_id, post.date, self._report(parsed, post, region))
                for post_id, post in zip(post_ids, changes.new, strict=True)
            )
            replaced.extend(
                stored.NewReport(old.id, old.date, self._report(parsed, post, region))
                for old, post in changes.edits
            )
            stats.outcomes[Outcome.NEW] += len(changes.new)
            stats.outcomes[Outcome.UPDATED] += len(changes.edits)
            stats.outcomes[Outcome.OLDER] += len(changes.older)
            stats.outcomes[Outcome.UNCHANGED] += (
                len(posts) - len(changes.new) - len(changes.edits) - len(changes.older)
            )
        stored.store_reports(session, fresh, self.parser_version, replace=False)
        stored.store_reports(session, replaced, self.parser_version, replace=True)
        stats.kinds.update(item.parsed.kind for item in [*fresh, *replaced])
        stats.outcomes = +stats.outcomes  # drop zero counts: only what happened is listed
        return stats

    def _report(
        self, parsed: dict[tuple[PostKey, str], Report], post: model.Post, region: str | None
    ) -> Report:
        """The report parsed ahead for this very text, or (rarely) a parse made now."""
        found = parsed.get(((post.channel.telegram_id, post.message_id), post.text))
        return found if found is not None else self.parser(post.text, region, post.date)


@dataclass
class _Changes:
    """What a batch of one channel's posts changes in the store, verdict by verdict."""

    new: list[model.Post] = field(default_factory=list)
    edits: list[tuple[stored.StoredPost, model.Post]] = field(default_factory=list)
    older: list[tuple[int, str, datetime]] = field(default_factory=list)
    touched: list[tuple[int, model.Post]] = field(default_factory=list)

    @classmethod
    def sort(
        cls,
        posts: list[model.Post],
        known: dict[int, stored.StoredPost],
        revisions: dict[int, set[Version]],
    ) -> _Changes:
        changes = cls()
        for post in posts:
            old = known.get(post.message_id)
            if old is None:
                changes.new.append(post)
                continue
            verdict = judge(old, post, frozenset(revisions.get(old.id, ())))
            if verdict is Verdict.NEWER:
                changes.edits.append((old, post))
            elif verdict is Verdict.OLDER:
                changes.older.append((old.id, post.text, written_at(post.date, post.edit_date)))
            elif verdict is Verdict.LATER_EDIT:
                changes.touched.append((old.id, post))
        return changes


def _revisions(
    session: Session, posts: list[model.Post], known: dict[int, stored.StoredPost]
) -> dict[int, set[Version]]:
    """The kept versions of the stored posts that arrive with another text (rarely any)."""
    differing = [
        old.id
        for post in posts
        if (old := known.get(post.message_id)) is not None and old.text != post.text
    ]
    return stored.revisions_of(session, differing)


def _restore(
    session: Session,
    telegram_id: int,
    posts: list[model.Post],
    known: dict[int, stored.StoredPost],
) -> None:
    """Clear the deleted flag of stored posts that Telegram has just shown again."""
    back = sorted({p.message_id for p in posts if (old := known.get(p.message_id)) and old.deleted})
    if back:
        stored.restore_posts(session, [known[message_id].id for message_id in back])
        log.warning(
            "channel %s: %d post(s) flagged deleted are in the channel again, restored: %s",
            telegram_id,
            len(back),
            ", ".join(map(str, back)),
        )


def _by_channel(batch: list[model.Post]) -> dict[int, list[model.Post]]:
    groups: dict[int, list[model.Post]] = {}
    for post in batch:
        groups.setdefault(post.channel.telegram_id, []).append(post)
    return groups


def _batches(posts: Iterable[model.Post], size: int) -> Iterator[list[model.Post]]:
    """Batches of at most `size` posts, none holding the same message twice.

    A message seen again (an edit following its post) starts a new batch, so that
    each batch can compare every post with the stored one in a single query.
    """
    batch: list[model.Post] = []
    keys: set[PostKey] = set()
    for post in posts:
        key = (post.channel.telegram_id, post.message_id)
        if len(batch) >= size or key in keys:
            yield batch
            batch, keys = [], set()
        batch.append(post)
        keys.add(key)
    if batch:
        yield batch
