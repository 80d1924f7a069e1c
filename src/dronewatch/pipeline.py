"""The one path every post takes: store it (and its edits), parse it, store the report.

Every source (live Telegram, a Desktop export, the demo history) hands `Post`s to
`Pipeline.ingest`. Ingesting is idempotent: the same post twice changes nothing, an
edited text adds a revision and replaces the report, a deletion only marks the post.
Each batch is one transaction, so a crash never leaves half a post behind.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from itertools import groupby, islice

from sqlalchemy.orm import Session

from dronewatch import model
from dronewatch.parsing import PARSER_VERSION, Report, parse
from dronewatch.store import Database
from dronewatch.store import posts as stored

log = logging.getLogger(__name__)

ParseFunction = Callable[[str, str | None, datetime | None], Report]


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
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


class Pipeline:
    def __init__(
        self,
        database: Database,
        *,
        parser: ParseFunction = _default_parse,
        parser_version: str = PARSER_VERSION,
        batch_size: int = 500,
    ) -> None:
        self.database = database
        self.parser = parser
        self.parser_version = parser_version
        self.batch_size = batch_size

    def ingest(self, posts: Iterable[model.Post]) -> IngestStats:
        """Store and parse posts, one transaction per batch."""
        stats = IngestStats()
        for batch in _batches(posts, self.batch_size):
            with self.database.session() as session:
                stats.add(self._ingest_batch(session, batch))
        return stats

    def ingest_one(self, post: model.Post) -> Outcome:
        stats = self.ingest([post])
        return next(iter(stats.outcomes))

    def delete(self, deletion: model.Deletion) -> int:
        """Mark the deleted messages of a stored channel; returns how many were marked."""
        with self.database.session() as session:
            channel = stored.channel_by_telegram_id(session, deletion.channel_telegram_id)
            if channel is None:
                return 0
            return stored.mark_deleted(session, channel.id, deletion.message_ids)

    def _ingest_batch(self, session: Session, batch: list[model.Post]) -> IngestStats:
        stats = IngestStats()
        by_channel = groupby(batch, key=lambda post: post.channel)
        for channel, channel_posts in by_channel:
            posts = list(channel_posts)
            channel_row = stored.upsert_channel(session, channel)
            existing = stored.posts_by_message_id(
                session, channel_row.id, [post.message_id for post in posts]
            )
            for post in posts:
                row = existing.get(post.message_id)
                if row is None:
                    row = stored.add_post(session, channel_row.id, post)
                    existing[post.message_id] = row
                    outcome = Outcome.NEW
                elif row.text != post.text:
                    stored.revise_post(session, row, post)
                    outcome = Outcome.UPDATED
                else:
                    if post.edit_date and (row.edit_date is None or post.edit_date > row.edit_date):
                        row.edit_date = post.edit_date
                    stats.outcomes[Outcome.UNCHANGED] += 1
                    continue
                report = self.parser(post.text, channel.region, post.date)
                stored.replace_report(session, row, report, self.parser_version)
                stats.outcomes[outcome] += 1
                stats.kinds[report.kind] += 1
        return stats


def _batches(posts: Iterable[model.Post], size: int) -> Iterator[list[model.Post]]:
    iterator = iter(posts)
    while batch := list(islice(iterator, size)):
        yield batch
