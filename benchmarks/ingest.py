"""Import speed and memory: a synthetic 100,000-post channel export into a fresh SQLite DB.

Writes a Telegram Desktop style `result.json` (posts in the styles governors use:
shoot-down tallies, night summaries with damage, alerts and all-clears, everyday
news; text as strings and as entity lists; service messages), then runs
`dronewatch import` on it in this process and prints posts/s and peak RSS.

    uv run python benchmarks/ingest.py [--posts 100000] [--workers N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dronewatch.cli import app

DISTRICTS = ["Белгородский", "Грайворонский", "Шебекинский", "Валуйский", "Борисовский"]
VILLAGES = ["Головчино", "Журавлёвка", "Новая Таволжанка", "Ясные Зори", "Никольское", "Маслова"]
DAMAGE = [
    "посечены окна частного дома",
    "повреждены кровля и фасад многоквартирного дома",
    "повреждён легковой автомобиль",
    "повреждена линия электропередачи, часть посёлка без света",
    "загорелся сарай, пожар потушен",
]


def attack_tally(rng: random.Random) -> str:
    count = rng.randint(2, 60)
    return (
        f"В период с 20:00 до 07:00 мск дежурными средствами ПВО перехвачены и уничтожены "
        f"{count} беспилотных летательных аппаратов самолётного типа над территорией области. "
        "Пострадавших и разрушений нет."
    )


def night_damage(rng: random.Random) -> str:
    village, district = rng.choice(VILLAGES), rng.choice(DISTRICTS)
    hurt = rng.choice(["Пострадавших нет.", "Пострадал мужчина, ему оказана помощь."])
    return (
        f"{district} район. В селе {village} в результате атаки FPV-дрона {rng.choice(DAMAGE)}. "
        f"{hurt} Оперативные службы работают на месте. Информация уточняется."
    )


def single_drone(rng: random.Random) -> str:
    return (
        f"Над {rng.choice(DISTRICTS)[:-2]}им районом силами ПВО сбит беспилотник. "
        "По предварительной информации, обошлось без последствий."
    )


def alert(rng: random.Random) -> str:
    return rng.choice(
        [
            "Внимание! На территории области объявлена беспилотная опасность. "
            "Оставайтесь в укрытиях, держитесь подальше от окон.",
            "Отбой беспилотной опасности.",
            f"{rng.choice(DISTRICTS)} округ — ракетная опасность. Пройдите в укрытие.",
        ]
    )


def everyday(rng: random.Random) -> str:
    return rng.choice(
        [
            "Провёл рабочее совещание по подготовке к отопительному сезону. "
            "Поручил главам округов проверить котельные до конца месяца.",
            f"Сегодня в {rng.choice(VILLAGES)} открыли обновлённый фельдшерско-акушерский пункт. "
            "Спасибо строителям за работу в срок!",
            "Поздравляю выпускников с окончанием школы! Пусть впереди будет много открытий.",
        ]
    )


STYLES = [(attack_tally, 3), (night_damage, 3), (single_drone, 2), (alert, 3), (everyday, 2)]


def message(rng: random.Random, message_id: int, when: datetime) -> dict[str, Any]:
    style = rng.choices([s for s, _ in STYLES], weights=[w for _, w in STYLES])[0]
    text: Any = style(rng)
    if rng.random() < 0.3:  # Telegram Desktop writes formatted text as entity parts
        head, _, tail = text.partition(" ")
        text = [{"type": "bold", "text": head}, " " + tail]
    item: dict[str, Any] = {
        "id": message_id,
        "type": "message",
        "date": when.replace(tzinfo=None).isoformat(),
        "date_unixtime": str(int(when.timestamp())),
        "from": "Губернатор",
        "from_id": "channel1234567890",
        "text": text,
    }
    if rng.random() < 0.1:
        edited = when + timedelta(minutes=rng.randint(1, 90))
        item["edited"] = edited.replace(tzinfo=None).isoformat()
        item["edited_unixtime"] = str(int(edited.timestamp()))
    if rng.random() < 0.2:
        item["photo"] = f"photos/photo_{message_id}.jpg"
    return item


def write_export(path: Path, posts: int, seed: int = 7) -> None:
    """A channel export of `posts` posts plus a service message every 1,000, streamed out."""
    rng = random.Random(seed)
    when = datetime(2024, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Губернатор (синтетический)",\n "type": "public_channel",\n')
        out.write(' "id": 1234567890,\n "messages": [\n')
        message_id = 0
        for number in range(posts):
            message_id += 1
            when += timedelta(minutes=rng.randint(3, 40))
            if number % 1000 == 0:
                service = {"id": message_id, "type": "service", "action": "pin_message"}
                out.write("  " + json.dumps(service, ensure_ascii=False) + ",\n")
                message_id += 1
            item = message(rng, message_id, when)
            separator = ",\n" if number < posts - 1 else "\n"
            out.write("  " + json.dumps(item, ensure_ascii=False) + separator)
        out.write(" ]\n}\n")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--posts", type=int, default=100_000)
    options.add_argument("--workers", type=int, default=None)
    options.add_argument("--keep", type=Path, help="Write the export and DB here and keep them.")
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        export, database = folder / "result.json", folder / "bench.db"
        database.unlink(missing_ok=True)
        started = time.perf_counter()
        write_export(export, args.posts)
        print(
            f"export: {args.posts} posts, {export.stat().st_size / 1e6:.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        command = ["import", str(export), "--region", "RU-BEL", "--channel-username", "bench"]
        if args.workers:
            command += ["--workers", str(args.workers)]
        environment = {"DRONEWATCH_DATABASE__URL": f"sqlite:///{database}"}
        started = time.perf_counter()
        _run_cli(command, environment)
        elapsed = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"import: {elapsed:.1f} s, {args.posts / elapsed:,.0f} posts/s end to end")
    print(f"peak RSS: {own:.0f} MB (importer), {children:.0f} MB (largest parser process)")


def _run_cli(command: list[str], environment: dict[str, str]) -> None:
    os.environ.update(environment)
    try:
        app(command, standalone_mode=False)
    except SystemExit as exit_:
        if exit_.code:
            sys.exit(f"import failed with exit code {exit_.code}")


if __name__ == "__main__":
    main()
