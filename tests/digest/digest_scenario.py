"""A known day of posts, stored through the real Pipeline with fixed reports.

The parser is replaced by a lookup (post text -> Report), so these figures do not
move when the parser improves. All times are Moscow time; the digest of 8 June 2026
covers (7 June 08:00, 8 June 08:00].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from dronewatch import model
from dronewatch.config import Settings
from dronewatch.parsing import RegionCount, Report, Window
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database

MSK = timezone(timedelta(hours=3))
DAY = date(2026, 6, 8)

KURSK = model.Channel(1001, "Курская область", "kursk_gov", "RU-KRS", "Курская")
BELGOROD = model.Channel(1002, "Белгородская область", "bel_gov", "RU-BEL", "Белгородская")
MOD = model.Channel(1003, "Минобороны России", "mod_russia", None, "МО РФ")


def msk(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=MSK)


def attack(
    drones: int | None,
    regions: list[tuple[str, int | None]],
    *,
    cumulative: bool = False,
    places: tuple[str, ...] = (),
    damage: tuple[str, ...] = (),
    killed: int | None = None,
    injured: int | None = None,
    window: tuple[datetime, datetime] | None = None,
) -> Report:
    return Report(
        kind="attack",
        drones=drones,
        cumulative=cumulative,
        regions=[RegionCount(code=code, drones=count) for code, count in regions],
        places=list(places),
        damage=list(damage),  # type: ignore[arg-type]
        killed=killed,
        injured=injured,
        window=Window(start=window[0], end=window[1]) if window else None,
    )


@dataclass
class Scripted:
    """Posts with the report each text must produce."""

    reports: dict[str, Report] = field(default_factory=dict)
    posts: list[model.Post] = field(default_factory=list)

    def post(
        self,
        channel: model.Channel,
        message_id: int,
        date: datetime,
        report: Report,
        *,
        text: str | None = None,
        edit_date: datetime | None = None,
    ) -> model.Post:
        text = text or f"{channel.username} #{message_id} {edit_date or ''}"
        self.reports[text] = report
        post = model.Post(channel, message_id, date, text, edit_date=edit_date)
        self.posts.append(post)
        return post

    def parser(self, text: str, _region: str | None, _date: datetime | None) -> Report:
        return self.reports[text]

    def pipeline(self, database: Database) -> Pipeline:
        return Pipeline(database, parser=self.parser, parser_version="test")


def known_day() -> Scripted:
    """The day the figures in test_summary.py were worked out by hand for."""
    s = Scripted()
    # The day before (7 June digest): Kursk 6, Belgorod 3, MoD 20.
    s.post(KURSK, 5, msk(7, 2), attack(6, [("RU-KRS", 6)], places=("Суджа",)))
    s.post(BELGOROD, 19, msk(7, 7, 59), attack(3, [("RU-BEL", 3)]))
    # Window ends 7 June 07:00: the day before, although posted inside 8 June's period.
    s.post(
        MOD,
        31,
        msk(7, 9),
        attack(20, [("RU-KRS", 12), ("RU-BEL", 8)], window=(msk(6, 20), msk(7, 7))),
    )
    # 8 June: Kursk posts 5 + 4 new, then a running total of 12 for the night.
    s.post(
        KURSK,
        10,
        msk(7, 23),
        attack(5, [("RU-KRS", 5)], places=("Рыльский район",), damage=("vehicle",), injured=1),
    )
    s.post(KURSK, 11, msk(8, 3), attack(4, [("RU-KRS", 4)], places=("Рыльский район", "Льгов")))
    s.post(KURSK, 12, msk(8, 7, 30), attack(12, [("RU-KRS", 12)], cumulative=True))
    s.post(KURSK, 14, msk(8, 1), Report(kind="alert"))
    # Deleted later: must not count.
    s.post(KURSK, 13, msk(8, 4), attack(10, [("RU-KRS", 10)], places=("Курчатов",)))
    # Belgorod: first 5, edited to 7 with casualties.
    s.post(BELGOROD, 20, msk(8, 6), attack(5, [("RU-BEL", 5)]))
    s.post(
        BELGOROD,
        20,
        msk(8, 6),
        attack(
            7,
            [("RU-BEL", 7)],
            places=("Шебекино",),
            damage=("residential",),
            killed=1,
            injured=2,
        ),
        edit_date=msk(8, 6, 40),
    )
    # After 08:00: the next day's digest.
    s.post(BELGOROD, 21, msk(8, 9), attack(30, [("RU-BEL", 30)]))
    # MoD overnight summary, window 7 June 20:00 to 8 June 07:00.
    s.post(
        MOD,
        30,
        msk(8, 7, 10),
        attack(
            40,
            [("RU-KRS", 15), ("RU-BEL", 10), ("RU-BRY", 15)],
            window=(msk(7, 20), msk(8, 7)),
        ),
    )
    return s


def load_known_day(database: Database) -> Database:
    scripted = known_day()
    pipeline = scripted.pipeline(database)
    pipeline.ingest(scripted.posts)
    pipeline.delete(model.Deletion(KURSK.telegram_id, (13,)))
    return database


def settings_with(**digest: Any) -> Settings:
    """Chat ids go through a bot (its token is never used: senders are fakes)."""
    return Settings(digest={"recipients": ["me"], "bot_token": "1:test", **digest})


@dataclass
class FakeSender:
    """Records every call; fails as told (a list of exceptions, consumed in order)."""

    failures: list[BaseException] = field(default_factory=list)
    calls: list[tuple[str, str, Any]] = field(default_factory=list)

    async def send_text(self, recipient: str, html: str) -> None:
        self._maybe_fail()
        self.calls.append(("text", recipient, html))

    async def send_photo(self, recipient: str, png: bytes, caption: str) -> None:
        self._maybe_fail()
        self.calls.append(("photo", recipient, png))

    def _maybe_fail(self) -> None:
        if self.failures:
            raise self.failures.pop(0)

    def recipients(self) -> list[str]:
        return [recipient for _, recipient, _ in self.calls]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def no_sleep(_seconds: float) -> None:
    return None
