"""Parser throughput on one core: posts per second in batch mode, and the slowest post.

Posts are composed from sentences written for this benchmark (never corpus text), in the
styles and lengths the parser meets: governors' posts of several paragraphs, news
retellings with a headline and background, ministry summaries with itemised region
lists, short updates, alerts, English news and posts that are not attack reports; plus
1 MB adversarial inputs for the worst case. Settlement names are drawn from the parser's
own gazetteer so that the vocabulary is as varied as in real posts. The mix is calibrated
on the labeled development corpus: about 78% attack reports, 8% alerts and 14% other
posts, a fifth without a channel region, mean length about 365 characters (the corpus's
own figures are printed beside the generated ones).

Throughput is CPU time of this thread, so other processes do not count; the speed of the
virtual machines this runs on still drifts by 10-20% from minute to minute, so the batch
is timed in several passes, each from empty caches (every word is met anew, as in the
first pass), and the best is reported beside every pass, as timeit does. Characters per
second are printed too: they do not depend on how long the posts are.

If the labeled development corpus exists (`../shared/corpus/dev.jsonl` beside the
repository, or `--dev PATH`), its texts are read at run time and timed as well.

Run: uv run python benchmarks/parse_throughput.py [--posts N] [--passes N] [--dump FILE]
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path

from dronewatch.parsing import parse

MOSCOW = timezone(timedelta(hours=3))
DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"

Post = tuple[str, str | None, datetime]

# Numbers in the forms posts use them: digits, and words in several cases.
COUNTS = ["два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"]
COUNTS += ["11", "12", "14", "15", "17", "19", "21", "23", "27", "31", "36", "42", "58"]
COUNTS_GEN = ["двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти", "12", "16"]
SMALL = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "13", "16", "22"]
ENGLISH_COUNTS = ["two", "three", "four", "five", "six", "eight", "ten", "12", "17", "25", "40"]

# District adjectives by stem: "Шебекинск" -> "Шебекинском районе", "Шебекинского района".
DISTRICT_STEMS = [
    "Шебекинск",
    "Грайворонск",
    "Валуйск",
    "Ракитянск",
    "Борисовск",
    "Краснояружск",
    "Волоконовск",
    "Яковлевск",
    "Корочанск",
    "Ивнянск",
    "Прохоровск",
    "Климовск",
    "Стародубск",
    "Погарск",
    "Севск",
    "Суземск",
    "Трубчевск",
    "Навлинск",
    "Выгоничск",
    "Дятьковск",
    "Карачевск",
    "Брасовск",
    "Почепск",
    "Унечск",
    "Злынковск",
    "Глушковск",
    "Кореневск",
    "Суджанск",
    "Рыльск",
    "Беловск",
    "Льговск",
    "Хомутовск",
    "Дмитриевск",
    "Конышевск",
    "Боровск",
    "Жуковск",
    "Дзержинск",
    "Малоярославецк",
    "Людиновск",
    "Кировск",
    "Россошанск",
    "Острогожск",
    "Каменск",
    "Кантемировск",
    "Богучарск",
    "Ливенск",
    "Мценск",
    "Новосильск",
    "Тросненск",
    "Малоархангельск",
]
# Towns in the prepositional case, as "в ..." needs them.
TOWNS_IN = [
    "Брянске",
    "Курске",
    "Белгороде",
    "Шебекине",
    "Валуйках",
    "Рыльске",
    "Льгове",
    "Железногорске",
    "Клинцах",
    "Новозыбкове",
    "Обнинске",
    "Калуге",
    "Туле",
    "Новомосковске",
    "Ельце",
    "Липецке",
    "Воронеже",
    "Россоши",
    "Таганроге",
    "Новошахтинске",
    "Орле",
    "Ливнах",
    "Смоленске",
    "Рязани",
    "Твери",
    "Торжке",
    "Саратове",
    "Новороссийске",
    "Ейске",
    "Армавире",
    "Тамбове",
    "Мичуринске",
    "Пскове",
    "Курчатове",
    "Ржеве",
    "Кимрах",
]
REGIONS_GEN = [
    "Брянской",
    "Курской",
    "Белгородской",
    "Орловской",
    "Тульской",
    "Калужской",
    "Смоленской",
    "Воронежской",
    "Липецкой",
    "Рязанской",
    "Тверской",
    "Московской",
    "Ростовской",
    "Тамбовской",
    "Псковской",
    "Новгородской",
    "Ленинградской",
    "Саратовской",
    "Волгоградской",
    "Астраханской",
    "Ярославской",
    "Владимирской",
    "Ивановской",
    "Нижегородской",
]
REGIONS_EN = ["Kursk", "Bryansk", "Belgorod", "Oryol", "Tula", "Kaluga", "Voronezh", "Rostov"]
SETTLEMENT_TYPES = ["селе", "посёлке", "хуторе", "деревне", "слободе"]
CHANNEL_REGIONS = ["RU-BRY", "RU-BEL", "RU-KRS", "RU-KLU", "RU-TUL", "RU-VOR", "RU-ORL", "RU-LIP"]


def _gazetteer_names() -> list[str]:
    """Single-word settlement names of the parser's gazetteer (varied vocabulary)."""
    text = files("dronewatch.parsing").joinpath("data", "gazetteer.tsv").read_text("utf-8")
    names = []
    for line in text.splitlines()[2:]:
        name = line.split("\t", 1)[0]
        if name.isalpha() and name[0].isupper() and len(name) > 3:
            names.append(name)
    return names


class Composer:
    """Builds posts of realistic shape and length from the sentence pools below."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.villages = _gazetteer_names()

    # -- slots ---------------------------------------------------------------------------
    def pick(self, pool: list[str]) -> str:
        return self.rng.choice(pool)

    def district(self, case: str) -> str:
        ending = {"loc": "ом районе", "gen": "ого района", "ins": "им районом"}[case]
        if self.rng.random() < 0.2:
            ending = {
                "loc": "ом муниципальном округе",
                "gen": "ого муниципального округа",
                "ins": "им муниципальным округом",
            }[case]
        return self.pick(DISTRICT_STEMS) + ending

    def village(self) -> str:
        return self.pick(self.villages)

    def fill(self, sentence: str) -> str:
        return sentence.format(
            n=self.pick(COUNTS),
            ngen=self.pick(COUNTS_GEN),
            k=self.pick(SMALL),
            en=self.pick(ENGLISH_COUNTS),
            d_loc=self.district("loc"),
            d_gen=self.district("gen"),
            d_ins=self.district("ins"),
            town=self.pick(TOWNS_IN),
            stype=self.pick(SETTLEMENT_TYPES),
            village=self.village(),
            village2=self.village(),
            region=self.pick(REGIONS_GEN),
            region_en=self.pick(REGIONS_EN),
            h1=self.rng.randint(18, 23),
            h2=self.rng.randint(5, 9),
            day=self.rng.randint(2, 27),
        )

    def some(self, pool: list[str], low: int, high: int) -> list[str]:
        count = self.rng.randint(low, high)
        return [self.fill(s) for s in self.rng.sample(pool, min(count, len(pool)))]

    # -- post shapes ---------------------------------------------------------------------
    def governor(self) -> str:
        paragraphs = [" ".join(self.some(GOV_OPENINGS, 1, 1))]
        for _ in range(self.rng.randint(1, 3)):
            incident = self.some(GOV_INCIDENTS, 1, 2) + self.some(GOV_DAMAGE, 0, 1)
            incident += self.some(GOV_CASUALTIES, 0, 1)
            paragraphs.append(" ".join(incident))
        paragraphs.append(" ".join(self.some(GOV_CLOSINGS, 0, 2)))
        return "\n\n".join(paragraphs)

    def short(self) -> str:
        return " ".join(self.some(GOV_INCIDENTS, 1, 1) + self.some(GOV_CASUALTIES, 0, 1))

    def news(self) -> str:
        headline = self.fill(self.pick(NEWS_HEADLINES))
        body = self.some(NEWS_LEADS, 1, 1) + self.some(GOV_INCIDENTS, 1, 3)
        body += self.some(GOV_DAMAGE, 0, 2) + self.some(GOV_CASUALTIES, 0, 1)
        background = self.some(NEWS_BACKGROUND, 1, 3)
        return f"{headline}\n\n{' '.join(body)}\n\n{' '.join(background)}"

    def ministry(self) -> str:
        regions = self.rng.sample(REGIONS_GEN, self.rng.randint(3, 12))
        lines = [f"▫️ {self.pick(SMALL)} – над территорией {r} области" for r in regions]
        if self.rng.random() < 0.3:
            lines.append(f"▫️ {self.pick(SMALL)} – над акваторией Чёрного моря")
        opening = self.fill(self.pick(MINISTRY_OPENINGS))
        closing = self.fill(self.pick(MINISTRY_CLOSINGS)) if self.rng.random() < 0.5 else ""
        return "\n".join([opening, "", *lines, "", closing]).strip()

    def english(self) -> str:
        return " ".join(self.some(ENGLISH_SENTENCES, 3, 6))

    def alert(self) -> str:
        return " ".join(self.some(ALERTS, 1, 3))

    def other(self) -> str:
        return " ".join(self.some(OTHER, 2, 5))

    def post(self) -> Post:
        shapes: list[tuple[float, Callable[[], str], bool]] = [
            (0.34, self.governor, True),
            (0.16, self.news, True),
            (0.12, self.ministry, False),
            (0.12, self.short, True),
            (0.06, self.english, False),
            (0.08, self.alert, True),
            (0.12, self.other, True),
        ]
        roll = self.rng.random()
        chosen = shapes[-1]
        for entry in shapes:
            roll -= entry[0]
            if roll <= 0:
                chosen = entry
                break
        _, shape, governor = chosen
        region = self.pick(CHANNEL_REGIONS) if governor else None
        date = datetime(2026, 6, 4, 7, 30, tzinfo=MOSCOW) - timedelta(
            hours=self.rng.randint(0, 24 * 30)
        )
        return shape(), region, date


GOV_OPENINGS = [
    "Этой ночью над {d_ins} силами ПВО уничтожены {n} беспилотников самолётного типа.",
    "В ночь на {day} июня дежурными средствами противовоздушной обороны над территорией "
    "области перехвачены {n} вражеских БПЛА.",
    "Сегодня утром ВСУ атаковали {d_ins} с помощью дронов-камикадзе.",
    "Продолжаются атаки украинских беспилотников на приграничные населённые пункты.",
    "С {h1}.00 до {h2}.00 над регионом сбиты и подавлены средствами РЭБ {n} БПЛА.",
    "Ещё один беспилотник сбит на подлёте к городу.",
    "Всего за сутки над областью уничтожено {n} беспилотных летательных аппаратов.",
    "Враг продолжает терроризировать жителей {d_gen}.",
    "Наши военные отразили очередную попытку атаки дронов на областной центр.",
    "Силами Минобороны над {d_ins} подавлены {n} дронов, ещё {k} уничтожены огнём ПВО.",
]
GOV_INCIDENTS = [
    "В {stype} {village} {d_gen} FPV-дрон атаковал частный дом.",
    "В {town} обломки сбитого БПЛА упали на территорию предприятия.",
    "В {stype} {village} беспилотник сдетонировал на крыше хозяйственной постройки.",
    "На окраине {stype} {village} сбит беспилотник самолётного типа.",
    "Над {d_ins} уничтожены {n} беспилотников.",
    "В {d_loc} дрон сбросил взрывное устройство на автомобиль.",
    "В {stype} {village} и {stype} {village2} в результате атаки дронов повреждены дома.",
    "Беспилотник врезался в здание склада в промышленной зоне в {town}.",
    "В {town} при падении обломков БПЛА повреждена линия электропередачи.",
    "Сбиты {k} БПЛА над {d_ins}, обломки упали в поле.",
    "Противник атаковал {stype} {village} с помощью коптера, сброшено два взрывных устройства.",
    "В {d_loc} беспилотник атаковал автомобиль сельхозпредприятия, водитель не пострадал.",
    "Дрон ударил по зданию администрации в {stype} {village}.",
    "В {town} сбит ещё один беспилотник.",
]
GOV_DAMAGE = [
    "Повреждены окна и кровля жилого дома, посечён фасад.",
    "Выбиты окна в нескольких квартирах многоэтажного дома.",
    "Повреждены два легковых автомобиля и забор частного домовладения.",
    "На месте падения обломков возник пожар, который оперативно потушили.",
    "Частично обесточены несколько улиц, ремонтные бригады приступили к восстановлению.",
    "Загорелась хозяйственная постройка, огонь не перекинулся на жилой дом.",
    "Повреждено остекление магазина и павильона остановки общественного транспорта.",
    "Пробита газовая труба, утечку устранили специалисты газовой службы.",
    "Повреждены ворота и крыша гаража, сгорел грузовой автомобиль.",
    "Разрушений нет, на месте работают оперативные службы.",
    "Капитальные строения не повреждены.",
    "В результате удара повреждена опора линии электропередачи, без света остались два посёлка.",
]
GOV_CASUALTIES = [
    "Пострадавших нет.",
    "Никто не пострадал.",
    "Мужчина получил осколочные ранения, его доставили в районную больницу.",
    "Ранены двое мирных жителей, им оказана медицинская помощь.",
    "Пострадала женщина, у неё баротравма, от госпитализации она отказалась.",
    "К сожалению, погиб мирный житель.",
    "Водитель получил ранения и доставлен в областную больницу.",
    "По предварительной информации, пострадавших нет.",
    "Травмирован мужчина, бригада скорой помощи доставила его в больницу.",
]
GOV_CLOSINGS = [
    "На месте работают оперативные и экстренные службы.",
    "Информация о последствиях уточняется.",
    "Все службы работают в штатном режиме.",
    "Просим жителей не подходить к обломкам и сообщать о них по номеру 112.",
    "Призываю всех сохранять спокойствие и доверять только официальной информации.",
    "Специалисты проводят подворовый обход, чтобы оценить ущерб.",
    "Муниципальные власти окажут помощь в восстановлении жилья.",
    "Благодарю наших военных и специалистов за слаженную работу.",
    "Подробности сообщу позже.",
    "Остекление домов восстановят в ближайшие дни за счёт средств резервного фонда.",
    "Будьте бдительны, при звуке сирены укройтесь в безопасном месте.",
]
NEWS_HEADLINES = [
    "Беспилотники атаковали {d_loc} ночью",
    "Над {region} областью сбиты {n} дронов",
    "Обломки БПЛА повредили дома в {town}",
    "ПВО уничтожила беспилотник над {d_ins}",
    "Дрон атаковал автомобиль в {stype} {village}",
]
NEWS_LEADS = [
    "Об этом сообщил губернатор региона в своём телеграм-канале.",
    "Как сообщили в оперативном штабе области, атака продолжалась несколько часов.",
    "По словам главы района, информация о пострадавших уточняется.",
    "Об этом рассказали в пресс-службе правительства региона.",
]
NEWS_BACKGROUND = [
    "Ранее в регионе уже фиксировались атаки беспилотников на объекты инфраструктуры.",
    "Напомним, на прошлой неделе обломки дрона упали на территории частного дома.",
    "В последние месяцы приграничные районы регулярно подвергаются обстрелам.",
    "Власти региона продлили режим повышенной готовности до конца месяца.",
    "Жителям напоминают о необходимости соблюдать меры безопасности и не подбирать "
    "незнакомые предметы.",
    "Оперативная обстановка в регионе остаётся напряжённой, сообщают местные власти.",
    "Школы и детские сады в приграничных сёлах переведены на дистанционное обучение.",
    "Семьям пострадавших окажут материальную помощь из регионального бюджета.",
]
MINISTRY_OPENINGS = [
    "В период с {h1}.00 мск {day} июня до {h2}.00 мск текущих суток дежурными средствами "
    "ПВО перехвачены и уничтожены {n} украинских беспилотных летательных аппаратов "
    "самолётного типа:",
    "Минувшей ночью дежурными средствами ПВО перехвачены и уничтожены {n} украинских "
    "беспилотных летательных аппаратов над территориями регионов:",
    "С {h1}.00 до {h2}.00 мск дежурными средствами противовоздушной обороны уничтожены "
    "{n} украинских БПЛА, из них:",
]
MINISTRY_CLOSINGS = [
    "Попытка киевского режима осуществить террористическую атаку пресечена.",
    "Все беспилотники уничтожены, пострадавших нет.",
]
ENGLISH_SENTENCES = [
    "Air defences shot down {en} drones over the {region_en} region overnight, the governor said.",
    "There were no casualties or damage, according to preliminary information.",
    "Debris from a downed drone fell on the roof of a residential building.",
    "Two cars were damaged and a fire broke out at a warehouse.",
    "The Defence Ministry said {en} Ukrainian drones were destroyed over several regions.",
    "Emergency services are working at the scene.",
    "A man was injured and taken to hospital.",
    "Power was briefly cut in several villages after a substation was hit.",
    "The attack lasted for several hours, local residents reported explosions.",
]
ALERTS = [
    "Внимание! Угроза атаки БПЛА на территории области.",
    "Объявлена беспилотная опасность. Сохраняйте спокойствие.",
    "Отбой беспилотной опасности.",
    "В {d_loc} введён режим ракетной опасности, находитесь в укрытии.",
    "Отбой воздушной тревоги. Угроза миновала.",
    "Временные ограничения на работу аэропорта введены для обеспечения безопасности полётов.",
]
OTHER = [
    "Губернатор вручил аграриям дроны для мониторинга посевов.",
    "Сегодня в {town} открылась новая школа на 800 мест.",
    "Поздравляю всех жителей области с Днём России!",
    "Семьям пострадавших от атаки беспилотника выплатят компенсацию.",
    "В районной больнице завершён ремонт хирургического отделения.",
    "На совещании обсудили подготовку к отопительному сезону и ремонт дорог.",
    "Волонтёры передали в зону СВО маскировочные сети и продукты.",
    "Студенты колледжа собрали квадрокоптер для соревнований по робототехнике.",
]

ADVERSARIAL = [
    "9" * 1_000_000,
    "беспилотник " * 83_000,
    "«" + "сбиты над территорией " * 45_000,
    ("дрон drone БПЛА 20.00 с до " * 40_000)[:1_000_000],
    ("Ё" + "a" * 999 + " ") * 1000,
    "Над Брянским, " * 71_000,
    ("в селе Ивановка " + "Курской " * 20) * 6_000,
]


def posts(count: int, seed: int = 7) -> list[Post]:
    composer = Composer(seed)
    return [composer.post() for _ in range(count)]


def _dev_posts(path: Path) -> list[Post]:
    out: list[Post] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            date = datetime.fromisoformat(item["date"]) if item.get("date") else None
            out.append((item["text"], item.get("channel_region"), date or datetime.now(MOSCOW)))
    return out


def _machine_speed() -> float:
    """Millions of simple Python steps per second of CPU time (string, dict and tuple
    work like the parser's): printed beside the throughput, so that a slow minute of
    the machine can be told from a slow parser."""
    words = [f"слово{i % 500}" for i in range(200_000)]
    started = time.thread_time()
    seen: dict[str, int] = {}
    for word in words:
        key = (word.lower(), len(word))
        seen[key[0]] = seen.get(key[0], 0) + key[1]
    return len(words) / (time.thread_time() - started) / 1e6


def _clear_caches() -> None:
    """Empty the parser's bounded caches (word analyses, look-ups), keeping what is loaded
    once (dictionaries, language data): the next pass meets every word anew, as the first
    did."""
    for name in list(sys.modules):
        if not name.startswith("dronewatch.parsing"):
            continue
        for value in vars(sys.modules[name]).values():
            bounded = isinstance(value, functools._lru_cache_wrapper) and (
                value.cache_parameters()["maxsize"] is not None
            )
            if bounded:
                value.cache_clear()


def _run(batch: list[Post]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, slowest CPU seconds, slowest text) of one pass.

    CPU time (this thread's) is what one core spends; on a busy machine wall time also
    counts the time other processes held the core, so both are printed."""
    slowest = (0.0, "")
    started, cpu_started = time.perf_counter(), time.thread_time()
    for text, region, date in batch:
        t0 = time.thread_time()
        parse(text, region, date)
        slowest = max(slowest, (time.thread_time() - t0, text))
    wall, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    return wall, cpu, slowest[0], slowest[1]


def _report(label: str, batch: list[Post], passes: int) -> None:
    """Time `passes` passes over the batch, each from empty caches; print the best (the
    virtual machines this runs on drift by 10-20% from minute to minute, and drift only
    ever slows a pass down) beside every pass."""
    runs = []
    speed = _machine_speed()
    for _ in range(passes):
        _clear_caches()
        runs.append(_run(batch))
    speed = (speed + _machine_speed()) / 2
    lengths = [len(t) for t, _, _ in batch]
    wall, cpu, _, _ = min(runs, key=lambda run: run[1])
    worst, text = max((run[2], run[3]) for run in runs)
    rates = " / ".join(f"{len(batch) / run[1]:,.0f}" for run in runs)
    print(
        f"{label}: {len(batch)} posts, mean length {statistics.mean(lengths):.0f} chars "
        f"(median {statistics.median(lengths):.0f}, max {max(lengths)})\n"
        f"  throughput {len(batch) / cpu:,.0f} posts/s of CPU time on one core, best of "
        f"{passes} passes from empty caches ({cpu:.2f} s CPU, wall {wall:.2f} s; "
        f"{sum(lengths) / cpu / 1000:,.0f} k chars/s)\n"
        f"  every pass: {rates} posts/s; machine speed meanwhile {speed:.1f} M steps/s"
    )
    print(f"  slowest post: {worst * 1000:.2f} ms CPU ({len(text)} chars: {text[:50]!r})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--passes", type=int, default=3, help="timed passes, best printed")
    parser.add_argument("--dev", type=Path, default=DEV_CORPUS, help="labeled corpus to time")
    parser.add_argument("--dump", type=Path, help="write the generated posts as JSON lines")
    args = parser.parse_args()
    batch = posts(args.posts)
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as out:
            for text, region, date in batch:
                item = {"text": text, "channel_region": region, "date": date.isoformat()}
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    for text, region, date in posts(200, seed=1):  # one-time loading, not parsing
        parse(text, region, date)
    _report("generated", batch, args.passes)
    if args.dev.exists():
        dev = _dev_posts(args.dev)
        _report("dev corpus (few posts: most words are new)", dev, args.passes)
        _report("dev corpus x20 (its words repeat)", dev * 20, args.passes)
    for text in ADVERSARIAL:
        t0, c0 = time.perf_counter(), time.thread_time()
        parse(text, None)
        took, cpu = (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000
        print(
            f"adversarial {len(text):>9,} chars ({text[:12]!r}...): "
            f"{cpu:.1f} ms CPU, {took:.1f} ms wall"
        )


if __name__ == "__main__":
    main()
