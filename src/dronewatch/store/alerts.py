"""The SQL behind instant alerts: the reports to look at, and the record of alerts sent.

The daemon looks at the current reports stored since its last look, through the index
on `reports.created_at` (ids do not tell: SQLite gives a new report the id of the one
an edit just replaced). An alert row is inserted before the alert is sent: the unique
(post_id, rule, recipient) makes the insert the atomic claim that keeps an alert
from going out twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, or_, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from dronewatch.store.digests import PeriodReport, current_reports
from dronewatch.store.models import Alert, Post, Report


def _live(kinds: tuple[str, ...]) -> ColumnElement[bool]:
    return and_(Report.is_current == true(), Post.deleted == false(), Report.kind.in_(kinds))


def reports_stored(
    session: Session, kinds: tuple[str, ...], *, since: datetime, fresh_since: datetime
) -> list[PeriodReport]:
    """Current reports of live posts stored after `since`, of posts published or edited
    after `fresh_since`, in the order they were stored."""
    condition = and_(
        Report.created_at > since,
        _live(kinds),
        or_(Post.date >= fresh_since, Post.edit_date >= fresh_since),
    )
    return current_reports(session, condition, order=(Report.created_at, Report.id))


def reports_posted(
    session: Session,
    kinds: tuple[str, ...],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    after_id: int = 0,
    limit: int,
) -> list[PeriodReport]:
    """Current reports of live posts published in [since, until), in id order from `after_id`."""
    conditions = [Report.id > after_id, _live(kinds)]
    if since is not None:
        conditions.append(Post.date >= since)
    if until is not None:
        conditions.append(Post.date < until)
    return current_reports(session, and_(*conditions), order=(Report.id,), limit=limit)


def record_alert(
    session: Session,
    *,
    post_id: int,
    rule: str,
    recipient: str,
    report_id: int,
    message: str,
    now: datetime,
) -> int | None:
    """Claim the alert of `rule` on a post for a recipient: its row id, or None when it
    was claimed before (sent, failed or being sent). The caller commits before sending."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert(Alert) if dialect == "postgresql" else sqlite.insert(Alert)
    return session.scalar(
        insert.values(
            post_id=post_id,
            rule=rule,
            recipient=recipient,
            report_id=report_id,
            message=message,
            claimed_at=now,
        )
        .on_conflict_do_nothing(index_elements=["post_id", "rule", "recipient"])
        .returning(Alert.id)
    )


def record_sent(session: Session, alert_id: int, now: datetime) -> None:
    session.execute(update(Alert).where(Alert.id == alert_id).values(sent_at=now, last_error=None))


def record_failure(session: Session, alert_id: int, error: str) -> None:
    session.execute(update(Alert).where(Alert.id == alert_id).values(last_error=error[:2000]))
