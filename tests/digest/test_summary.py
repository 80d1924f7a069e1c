"""The known day's figures, worked out by hand (see digest_scenario.known_day)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from digest_scenario import BELGOROD, DAY, KURSK, MOD, Scripted, attack, msk, settings_with

from dronewatch.digest.build import build_summary
from dronewatch.digest.summary import Trend, period_of
from dronewatch.model import post_url
from dronewatch.reporting import latest_ended
from dronewatch.store import Database

MOSCOW = ZoneInfo("Europe/Moscow")


def test_known_day_figures(known_database: Database) -> None:
    summary = build_summary(known_database, settings_with().digest, DAY)

    assert summary.period.start == msk(7, 8)
    assert summary.period.end == msk(8, 8)
    regions = {line.code: line for line in summary.regions}
    # Kursk: 5 + 4 new, running total 12 -> 12 (not 21); the deleted post's 10 is gone.
    assert regions["RU-KRS"].regional.value == 12
    assert regions["RU-BEL"].regional.value == 7  # the edited figure, not 5 + 7
    assert regions["RU-BRY"].regional.value is None  # only the MoD mentions Bryansk
    assert (regions["RU-KRS"].national, regions["RU-BEL"].national) == (15, 10)
    assert regions["RU-BRY"].national == 15
    assert [line.code for line in summary.regions] == ["RU-BRY", "RU-KRS", "RU-BEL"]

    assert summary.regional_total == Trend(19, 9, 9.0)
    assert summary.national_total == Trend(40, 20, 20.0)
    assert regions["RU-KRS"].regional == Trend(12, 6, 6.0)

    places = [(line.name, line.reports) for line in summary.places]
    assert places == [("Рыльский район", 2), ("Льгов", 1), ("Шебекино", 1)]
    assert [source.url for source in summary.places[0].sources] == [
        "https://t.me/kursk_gov/10",
        "https://t.me/kursk_gov/11",
    ]
    assert {line.tag: line.reports for line in summary.damage} == {"vehicle": 1, "residential": 1}
    assert summary.damage[0].notes[0].source.url in {
        "https://t.me/kursk_gov/10",
        "https://t.me/bel_gov/20",
    }
    assert (summary.killed, summary.injured) == (1, 3)
    where = {(line.where, line.killed, line.injured) for line in summary.casualties}
    assert where == {("Рыльский район", 0, 1), ("Шебекино", 1, 2)}
    assert summary.alerts == (("Kursk Oblast", 1),)
    assert summary.attack_reports == 5  # Kursk 10, 11, 12; Belgorod 20; MoD 30


def test_history_holds_each_day_apart(known_database: Database) -> None:
    summary = build_summary(known_database, settings_with().digest, DAY)
    by_day = {day.day: day for day in summary.history}
    assert by_day[date(2026, 6, 7)].regional == {"RU-KRS": 6, "RU-BEL": 3}
    assert by_day[date(2026, 6, 7)].national_total == 20
    later = build_summary(known_database, settings_with().digest, date(2026, 6, 9))
    assert later.history[-1].regional == {"RU-BEL": 30}
    assert later.regional_total == Trend(30, 19, 14.0)


def test_running_totals_are_not_added_to_new_counts(database: Database) -> None:
    s = Scripted()
    s.post(KURSK, 1, msk(8, 1), attack(3, [("RU-KRS", 3)]))
    s.post(KURSK, 2, msk(8, 2), attack(4, [("RU-KRS", 4)]))
    s.post(KURSK, 3, msk(8, 5), attack(7, [("RU-KRS", 7)], cumulative=True))
    s.post(KURSK, 4, msk(8, 6), attack(9, [("RU-KRS", 9)], cumulative=True))
    s.post(KURSK, 5, msk(8, 7), attack(2, [("RU-KRS", 2)]))
    s.pipeline(database).ingest(s.posts)
    summary = build_summary(database, settings_with().digest, DAY)
    # New counts add up to 9, the largest running total is 9: the day is 9, not 25.
    assert summary.regional_total.value == 9


def test_new_counts_beyond_the_running_total_count(database: Database) -> None:
    s = Scripted()
    s.post(KURSK, 1, msk(8, 1), attack(8, [("RU-KRS", 8)], cumulative=True))
    s.post(KURSK, 2, msk(8, 3), attack(6, [("RU-KRS", 6)]))
    s.post(KURSK, 3, msk(8, 4), attack(5, [("RU-KRS", 5)]))
    s.pipeline(database).ingest(s.posts)
    assert build_summary(database, settings_with().digest, DAY).regional_total.value == 11


def test_national_and_regional_are_never_summed(database: Database) -> None:
    s = Scripted()
    s.post(BELGOROD, 1, msk(8, 5), attack(10, [("RU-BEL", 10)]))
    overnight = (msk(7, 20), msk(8, 7))
    s.post(MOD, 2, msk(8, 7), attack(25, [("RU-BEL", 12), ("RU-KRS", 13)], window=overnight))
    s.pipeline(database).ingest(s.posts)
    summary = build_summary(database, settings_with().digest, DAY)
    bel = next(line for line in summary.regions if line.code == "RU-BEL")
    assert (bel.regional.value, bel.national) == (10, 12)
    assert summary.regional_total.value == 10
    assert summary.national_total.value == 25
    history = summary.history[-1]
    assert history.regional == {"RU-BEL": 10}
    assert history.national == {"RU-BEL": 12, "RU-KRS": 13}


def test_an_empty_period(database: Database) -> None:
    summary = build_summary(database, settings_with().digest, DAY)
    assert summary.empty
    assert summary.regional_total == Trend(None, None, None)


def test_in_progress_period_stops_at_now(known_database: Database) -> None:
    summary = build_summary(known_database, settings_with().digest, DAY, until=msk(8, 5))
    assert summary.in_progress
    assert summary.period.end == msk(8, 5)
    assert next(line for line in summary.regions if line.code == "RU-KRS").regional.value == 9


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 6, 8, 4, 59, tzinfo=UTC), date(2026, 6, 7)),
        (datetime(2026, 6, 8, 5, 0, tzinfo=UTC), date(2026, 6, 8)),
        (datetime(2026, 6, 8, 21, 30, tzinfo=UTC), date(2026, 6, 8)),
        (datetime(2026, 6, 8, 22, 30, tzinfo=UTC), date(2026, 6, 8)),
    ],
)
def test_latest_ended(now: datetime, expected: date) -> None:
    assert latest_ended(now, time(8), MOSCOW) == expected


def test_period_keeps_wall_clock_across_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    period = period_of(date(2026, 3, 29), time(8), berlin)  # clocks go forward that night
    assert period.end.astimezone(UTC) - period.start.astimezone(UTC) == timedelta(hours=23)
    assert period.end.astimezone(berlin).hour == 8


@pytest.mark.parametrize(
    ("username", "telegram_id", "url"),
    [
        ("kursk_gov", 1, "https://t.me/kursk_gov/5"),
        (None, -1001234567890, "https://t.me/c/1234567890/5"),
        (None, 1234567890, "https://t.me/c/1234567890/5"),
    ],
)
def test_post_url(username: str | None, telegram_id: int, url: str) -> None:
    assert post_url(username, telegram_id, 5) == url
