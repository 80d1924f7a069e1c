"""Which version of a post stands: the newest by edit date, then by arrival.

The same message reaches the pipeline from live updates, catch-up, exports made on
different days and the demo, in any order and any number of times. A version is a
text with the time it was written (its `edit_date`, or the post's date when it was
never edited). Only a version at least as new as the stored one replaces it; an older
one is kept as a revision, and a version already stored changes nothing, so replaying
any source, in any order, ends with the database a single in-order run makes.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum, auto

from dronewatch import model
from dronewatch.store.posts import StoredPost

Version = tuple[str, datetime]  # (text, written at)


class Verdict(Enum):
    NEW = auto()  # the post is not stored yet
    NEWER = auto()  # a newer text: it becomes current, the stored one a revision
    OLDER = auto()  # an older text not yet kept: it becomes a revision
    LATER_EDIT = auto()  # the same text with a later edit date (a media-only edit)
    KNOWN = auto()  # a version already stored: nothing changes


def written_at(date: datetime, edit_date: datetime | None) -> datetime:
    """When a version's text was written: its edit date, or the post's date if never edited."""
    return edit_date or date


def stored_version(old: StoredPost) -> Version:
    """The stored current text as a revision records it."""
    return (old.text, written_at(old.date, old.edit_date))


def judge(old: StoredPost | None, post: model.Post, revisions: frozenset[Version]) -> Verdict:
    """What storing `post` changes, given the stored post and the versions kept as revisions."""
    if old is None:
        return Verdict.NEW
    if post.text == old.text:
        if post.edit_date and (old.edit_date is None or post.edit_date > old.edit_date):
            return Verdict.LATER_EDIT
        return Verdict.KNOWN
    version: Version = (post.text, written_at(post.date, post.edit_date))
    if version in revisions:
        return Verdict.KNOWN
    # Equal times: the later arrival wins, as Telegram's own last word on the message.
    if version[1] >= written_at(old.date, old.edit_date):
        return Verdict.NEWER
    return Verdict.OLDER
