"""Posts whose numbers are known, ingested through the pipeline for the web tests.

The parser is replaced by a table of fixed reports, so every figure the canned
queries and the chart show can be asserted exactly. Posts are dated relative to
today (Moscow time) so that they fall in the default 30-day range and on the chart;
reporting days end at 08:00 Moscow time (the default), so DAY1 holds the posts from
08:00 the day before to 08:00 on DAY1 (the running total at 08:00 sharp included).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dronewatch import model
from dronewatch.parsing import Report
from dronewatch.parsing.report import RegionCount
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database

MSK = ZoneInfo("Europe/Moscow")
TODAY = datetime.now(MSK).date()
DAY1 = TODAY - timedelta(days=2)
DAY2 = TODAY - timedelta(days=1)

KALUGA = model.Channel(1111, "Губернатор Калужской области", "kaluga_gov", "RU-KLU")
BELGOROD = model.Channel(2222, "Вячеслав Гладков", "belgorod_gov", "RU-BEL")
MINISTRY = model.Channel(3333, "Минобороны России", "mod_russia", None)


def attack(
    drones: int, *regions: tuple[str, int], cumulative: bool = False, **fields: object
) -> Report:
    return Report.model_validate(
        {
            "kind": "attack",
            "drones": drones,
            "cumulative": cumulative,
            "regions": [RegionCount(code=code, drones=count) for code, count in regions],
            **fields,
        }
    )


# Post text -> the report the test parser returns for it.
REPORTS: dict[str, Report] = {
    "Калуга: 16 БПЛА": attack(
        16,
        ("RU-KLU", 16),
        places=["Обнинск"],
        damage=["vehicle"],
        killed=0,
        injured=0,
    ),
    "Калуга: ещё 4": attack(4, ("RU-KLU", 4)),
    "Калуга: ещё 5 (уточнение)": attack(5, ("RU-KLU", 5)),
    "Минобороны: 30 БПЛА": attack(30, ("RU-KLU", 18), ("RU-BEL", 12)),
    "Белгород: 7 БПЛА": attack(
        7, ("RU-BEL", 7), places=["Шебекино"], damage=["residential"], killed=1, injured=2
    ),
    "Белгород: всего за ночь 10": attack(10, ("RU-BEL", 10), cumulative=True),
    "Калуга: угроза атаки БПЛА": Report(kind="alert"),
    "Минобороны: 5 БПЛА": attack(5, ("RU-KLU", 5)),
}


def fixed_parser(text: str, region: str | None, when: datetime | None) -> Report:
    return REPORTS.get(text, Report())


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=MSK)


def post(channel: model.Channel, message_id: int, day: date, hour: int, text: str) -> model.Post:
    return model.Post(channel, message_id, at(day, hour), text)


POSTS = [
    post(KALUGA, 101, DAY1, 6, "Калуга: 16 БПЛА"),
    post(KALUGA, 102, DAY1, 7, "Калуга: ещё 4"),
    post(MINISTRY, 501, DAY1, 7, "Минобороны: 30 БПЛА"),
    post(BELGOROD, 201, DAY1, 5, "Белгород: 7 БПЛА"),
    post(BELGOROD, 202, DAY1, 8, "Белгород: всего за ночь 10"),
    post(KALUGA, 103, DAY2, 22, "Калуга: угроза атаки БПЛА"),
    post(MINISTRY, 502, DAY2, 7, "Минобороны: 5 БПЛА"),
]
# Kaluga's governor corrects post 102 from 4 to 5 drones.
EDIT = model.Post(KALUGA, 102, at(DAY1, 7), "Калуга: ещё 5 (уточнение)", edit_date=at(DAY1, 10))


@dataclass(frozen=True)
class RegionDay:
    """A row the drones-per-region-per-day query must show."""

    day: date
    region: str
    drones: int
    governor: int | None
    ministry: int | None


EXPECTED = [
    RegionDay(DAY2, "RU-KLU", 5, None, 5),
    RegionDay(DAY1, "RU-KLU", 21, 21, 18),  # governor 16 + 5 (after the edit)
    RegionDay(DAY1, "RU-BEL", 12, 10, 12),  # governor: running total 10 > 7 new
]


def fill(database: Database) -> None:
    pipeline = Pipeline(database, parser=fixed_parser)
    pipeline.ingest(POSTS)
    pipeline.ingest([EDIT])
