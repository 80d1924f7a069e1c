"""Parser throughput on one core: posts per second in batch mode, and the slowest post.

Posts are generated from templates written for this benchmark (never corpus text), in
the styles the parser meets: governors' reports, ministry summaries, alerts, English
news, non-attack posts; plus 1 MB adversarial inputs for the worst case.
Run: uv run python benchmarks/parse_throughput.py [--posts N]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timedelta, timezone

from dronewatch.parsing import parse

MOSCOW = timezone(timedelta(hours=3))
NUMBERS = [
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "12",
    "15",
    "27",
]
DISTRICTS = [
    "Малоархангельском",
    "Дятьковском",
    "Суземском",
    "Ливенском",
    "Карачевском",
    "Тросненском",
]
TOWNS = ["Брянске", "Калуге", "Туле", "Курске", "Орле", "Липецке"]
VILLAGES = ["Ивановка", "Красная Поляна", "Сосновка", "Берёзовка", "Новоселки"]
REGIONS = [
    "Брянской",
    "Курской",
    "Орловской",
    "Тульской",
    "Калужской",
    "Белгородской",
    "Смоленской",
]
TEMPLATES = [
    "Над {district} районом силами ПВО уничтожены {n} беспилотников самолётного типа. "
    "Пострадавших нет.",
    "В {town} обломки сбитого БПЛА упали на территорию предприятия, повреждены окна "
    "жилого дома и автомобиль. Никто не пострадал.",
    "В селе {village} {district2} района дрон атаковал частный дом — выбиты окна. Ранен мужчина.",
    "Всего за ночь над регионом сбито {n} беспилотников. Разрушений нет.",
    "Внимание! Угроза атаки БПЛА на территории области. Сохраняйте спокойствие.",
    "Отбой беспилотной опасности.",
    "Губернатор вручил аграриям дроны для мониторинга посевов.",
    "В период с 20.00 мск до 07.00 мск дежурными средствами ПВО перехвачены и уничтожены "
    "{n} украинских беспилотных летательных аппаратов: {a} — над территорией {r1} области, "
    "{b} — над территорией {r2} области.",
    "Air defences shot down {en} drones over the Kursk region overnight, there were no "
    "casualties or damage.",
    "Ещё один беспилотник сбит на подлёте к городу. На месте падения обломков работают "
    "экстренные службы.",
]
ENGLISH = ["two", "three", "five", "six", "12"]
ADVERSARIAL = [
    "9" * 1_000_000,
    "беспилотник " * 83_000,
    "«" + "сбиты над территорией " * 45_000,
    ("дрон drone БПЛА 20.00 с до " * 40_000)[:1_000_000],
    ("Ё" + "a" * 999 + " ") * 1000,
]


def posts(count: int, seed: int = 7) -> list[tuple[str, str | None, datetime]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        template = rng.choice(TEMPLATES)
        text = template.format(
            n=rng.choice(NUMBERS),
            a=rng.randint(1, 9),
            b=rng.randint(1, 9),
            district=rng.choice(DISTRICTS),
            district2=rng.choice(DISTRICTS).removesuffix("м"),
            town=rng.choice(TOWNS),
            village=rng.choice(VILLAGES),
            r1=rng.choice(REGIONS),
            r2=rng.choice(REGIONS),
            en=rng.choice(ENGLISH),
        )
        region = None if "дежурными" in text else "RU-BRY"
        out.append((text, region, datetime(2026, 6, 4, 7, 30, tzinfo=MOSCOW)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=20_000)
    args = parser.parse_args()
    batch = posts(args.posts)
    for text, region, date in posts(len(TEMPLATES) * 5, seed=1):  # one-time loading, not parsing
        parse(text, region, date)
    started = time.perf_counter()
    slowest = (0.0, "")
    for text, region, date in batch:
        t0 = time.perf_counter()
        parse(text, region, date)
        slowest = max(slowest, (time.perf_counter() - t0, text[:60]))
    elapsed = time.perf_counter() - started
    rate = len(batch) / elapsed
    print(f"posts: {len(batch)}  elapsed: {elapsed:.2f} s  throughput: {rate:,.0f} posts/s")
    print(f"slowest realistic post: {slowest[0] * 1000:.2f} ms ({slowest[1]!r})")
    for text in ADVERSARIAL:
        t0 = time.perf_counter()
        parse(text, None)
        took = (time.perf_counter() - t0) * 1000
        print(f"adversarial {len(text):>9,} chars ({text[:12]!r}...): {took:.1f} ms")


if __name__ == "__main__":
    main()
