"""Attack, alert or none: does the post report drones in an event, or only warn?"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    ADVICE,
    AFTERMATH,
    ALERT,
    AVIATION,
    CALL,
    DOWN,
    DRONE_CANDIDATE,
    EVENT,
    EXERCISE,
    FIRE,
    HOSPITAL,
    INJURED,
    KILLED,
    PAST,
    PREDICATE,
    REMINDER,
    REPAIR,
    RESTRICTION,
    THREAT,
    TOTAL,
)
from dronewatch.parsing.lexicon import section, word_class, words
from dronewatch.parsing.numbers import is_month, number_at
from dronewatch.parsing.text import Sentence, Token, groups_of

if TYPE_CHECKING:
    from dronewatch.parsing.drones import Mention

_DASHES = frozenset({"—", "–", "-", ":"})
_QUOTES = frozenset({"«", "»", '"', "“", "”", "„"})

# The word classes ([kind] lists) the rules below ask about word by word.
_HYPOTHETICAL = word_class("kind", "hypothetical")
_FAKES = word_class("kind", "fakes")
_UNTRUE = word_class("kind", "untrue")
_UNCONFIRMED = word_class("kind", "unconfirmed")
_NOT_ENGLISH = word_class("kind", "not_english", exact=True)
_NEGATIONS = word_class("kind", "negations", exact=True)
_PROTECTION = word_class("kind", "protection")
_PROTECTED = word_class("kind", "protected")
_RECURRING = word_class("kind", "recurring")
_READINESS = word_class("kind", "readiness")
_CAUGHT = word_class("kind", "caught")
_FOOTAGE = word_class("kind", "footage")
_CONSEQUENCES = word_class("kind", "consequences")
_DURING = word_class("kind", "during", exact=True)
_INSTRUCTIONS = word_class("kind", "instructions")
_FILMING_NOUNS = word_class("kind", "filming_nouns")
_PESTS = word_class("kind", "pests")
_PURPOSES = word_class("kind", "purposes", exact=True)
_REASONS = word_class("kind", "reasons")
_CUTS = word_class("kind", "cuts")
_CLOSURES = word_class("kind", "closures")
_RESTRICTION_REASONS = word_class("kind", "restriction_reasons")
_EMERGENCY = word_class("kind", "emergency", exact=True)
_EMERGENCY_DECLARED = word_class("kind", "emergency_declared")
_COMMUNICATIONS = word_class("kind", "communications")
_INFORMATION = word_class("kind", "information")
_INFORMATION_DENIED = word_class("kind", "information_denied")
_DOWN_BEFORE_DRONE = word_class("kind", "down_before_drone")
_AIR_DEFENCE = word_class("kind", "air_defence")
_AIR_DEFENCE_WORK = word_class("kind", "air_defence_work")
_NOT_AIR_DEFENCE_WORK = word_class("kind", "not_air_defence_work")
_APPROACH = word_class("kind", "approach")
_BANS = word_class("kind", "bans")
_CHECKS = word_class("kind", "checks")
_COUNTERING = word_class("kind", "countering")
_COUNTERING_ENGLISH = word_class("kind", "countering_english", exact=True)
_DATED_ADJECTIVES = word_class("kind", "dated_adjectives")
_HARMED = word_class("kind", "harmed")
_HARM_VERBS = word_class("kind", "harm_verbs")
_WHOSE = word_class("kind", "whose", exact=True)
_MISSILES = word_class("kind", "missiles")
_BOATS = word_class("kind", "boats")
_NAVAL = word_class("kind", "naval")
_AIR_DRONES = word_class("kind", "air_drones")
_NOT_AIR_AFTER = word_class("kind", "not_air_after")
_NOT_AIR_BEFORE = word_class("kind", "not_air_before")
_NOT_APPROACH = word_class("kind", "not_approach")
_FOUND = word_class("kind", "found")
_NOT_DECLARED = word_class("kind", "not_declared")
_POSSIBLE = word_class("kind", "possible")
_REGIME = word_class("kind", "regime")
_SPEECH = word_class("kind", "speech")
_CALLS = word_class("kind", "calls", exact=True)
_SIRENS = word_class("kind", "sirens")
_RETELLING = word_class("kind", "retelling", exact=True)
_CONDITIONAL = word_class("kind", "conditional", exact=True)
_WARNINGS = word_class("kind", "warnings")
_EARLIER = word_class("aftermath", "earlier", exact=True)
_INSPECTIONS = word_class("kind", "inspections")
_LOOKS = word_class("kind", "looks")


@dataclass(frozen=True, slots=True)
class _Phrasing:
    """vocabulary.toml [kind_phrasing]: the small words the rules read a date, a cause, a
    negation or a condition by (each key's comment there says what for)."""

    past_days: tuple[str, ...]
    in_month: tuple[str, ...]
    harm_causes: tuple[str, ...]
    harm_cause_openers: tuple[str, ...]
    no_harm: tuple[str, ...]
    after: str
    drill_of: tuple[str, ...]
    negation: str
    not_words: tuple[str, ...]
    in_case: str
    in_case_forms: tuple[str, ...]
    in_case_or_at: tuple[str, ...]
    against: tuple[str, ...]
    countering_with: tuple[str, ...]
    caught_on: tuple[str, ...]
    about: tuple[str, ...]
    no: str
    over: tuple[str, ...]
    engaging: tuple[str, ...]


@cache
def _said() -> _Phrasing:
    return section(_Phrasing, "kind_phrasing")


@cache
def _periods() -> tuple[str, ...]:
    return words("aftermath", "past_periods")


def _dated(window: list[Token]) -> bool:
    """ "в начале месяца", "вчера", "8 января": the window names a past time."""
    return any(
        t.low.startswith(_periods()) or t.low in _said().past_days or is_month(t.low)
        for t in window
        if t.kind == "word"
    )


def _earlier_attack(tokens: list[Token]) -> bool:
    """The post dates its event to the past: "в прошлом месяце", "last week", an event word
    followed by its date ("после атаки беспилотников 8 января", "при атаках в марте"), or
    a reminder ("Напомню, ...")."""
    reminders = words("aftermath", "reminders")
    for index, token in enumerate(tokens):
        if token.low in reminders and _dated(tokens[index + 1 : index + 6]):
            return True
        if token.classes & _DATED_ADJECTIVES:
            return True  # "после прошлогодней атаки"
        if token.flags & PAST:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.low.startswith(_periods()):
                return True
        if token.flags & EVENT:
            window = tokens[index + 1 : index + 5]
            for first, second in pairwise(window):
                if (
                    second.kind == "word"
                    and is_month(second.low)
                    and (first.kind == "num" or first.low in _said().in_month)
                ):
                    return True
    return False


def _only_referred(tokens: list[Token]) -> bool:
    """Every event word refers to an attack the post does not report: "ликвидируют
    последствия утренней атаки", "ремонт школы после атаки беспилотника"."""
    found = False
    for index, token in enumerate(tokens):
        if not token.flags & EVENT or _deals_with_consequences(tokens, index):
            continue
        if not _refers(tokens, index):
            return False
        found = True
    return found


def _said_earlier(groups: list[Sentence]) -> set[int]:
    """Sentences that open with "Ранее" and tell what someone used to say ("Ранее
    губернатор заявлял, что ...", "Ранее сообщалось"): an imperfective past verb of
    speech."""
    found: set[int] = set()
    earlier = words("aftermath", "earlier")
    for group in groups:
        opening = [t for t in group.tokens if t.kind == "word"]
        if (
            opening
            and opening[0].classes & _RETELLING
            and any(t.classes & _EARLIER for t in opening[1:4])
        ):
            found.add(opening[0].sentence)  # "Как рассказал ранее владелец, ..."
            continue
        if not opening or opening[0].low not in earlier:
            continue
        if any(
            t.classes & _SPEECH and morph.top_has(t.low, "VERB", "impf", "past")
            for t in opening[1:10]
        ):
            found.add(opening[0].sentence)
    return found


def _hospital_visit(groups: list[Sentence]) -> bool:
    """ "Губернатор посетил в больнице пострадавших при атаке", "visited the wounded in
    hospital": a visit to the hurt, an aftermath, when no other sentence tells an event
    ("Дрон атаковал автобус. Губернатор посетил раненых в больнице" reports the attack)."""
    visit = False
    for group in groups:
        lows = [t.low for t in group.tokens]
        if any(low.startswith(_kind_words("visits")) for low in lows) and any(
            low.startswith(_kind_words("visited_places")) for low in lows
        ):
            visit = True
        elif group.flags & EVENT:
            return False
    return visit


def _repairs_told(tokens: list[Token], groups: list[Sentence]) -> bool:
    """A post about repairs after an earlier attack ("В домах, пострадавших от недавней
    атаки БПЛА, заменили стёкла"): a repair is told as news, and every event word only
    qualifies what is repaired or retells the attack as past: referred or described (see
    `_refers`, `_described`), dated ("недавней атаки"), in a relative clause on a repaired
    thing or with a date ("дома, в которые врезались беспилотники, отремонтировали", "атаки,
    которая произошла в субботу"), or in a sentence that retells ("Ранее власти сообщали,
    что ...") or a later paragraph that opens with a date ("29 сентября губернатор
    сообщил, что ...")."""
    earlier = _said_earlier(groups)
    repaired = False
    background = False
    for group in groups:
        if not group.tokens:
            continue
        first = group.first
        if first > 0 and tokens[first - 1].kind == "nl":  # a later paragraph begins
            background = _opens_with_date(group.tokens)
        if background or group.tokens[0].sentence in earlier:
            continue
        if group.flags & REPAIR:
            repaired = True
        if not group.flags & EVENT:
            continue
        for position, token in enumerate(group.tokens):
            if not token.flags & EVENT or _deals_with_consequences(group.tokens, position):
                continue
            index = first + position
            if not (
                _refers(tokens, index)
                or _described(tokens, index)
                or _described_english(tokens, index)
                or _relative_past(group.tokens, position)
                or _called_past(tokens, index, _kind_words("recent"))
            ):
                return False
    return repaired


def _told_as_past(tokens: list[Token]) -> bool:
    """Every event word names an attack the post calls past ("в результате недавней атаки
    БПЛА повреждены дома", "после прошлогодней атаки в доме нет газа"): damage told after
    the fact, no event reported; the other event words only describe ("дома, пострадавшего
    от недавней атаки")."""
    past = _kind_words("recent") + _kind_words("long_ago")
    found = False
    for index, token in enumerate(tokens):
        if not token.flags & EVENT:
            continue
        if _called_past(tokens, index, past):
            found = True
        elif not _described(tokens, index) and not _described_english(tokens, index):
            return False
    return found


def _described_english(tokens: list[Token], index: int) -> bool:
    """ "blocks damaged in a recent drone attack": an English participle that describes a
    noun before it (not "homes were damaged in the attack", a passive that tells it)."""
    token = tokens[index]
    if not token.latin or not token.low.endswith("ed") or index + 1 >= len(tokens):
        return False
    if tokens[index + 1].low not in _kind_words("english_by"):
        return False
    return index > 0 and tokens[index - 1].low not in _kind_words("english_be")


def _called_past(tokens: list[Token], index: int, past: tuple[str, ...]) -> bool:
    """The event word at `index` follows an adjective that calls it past ("недавней атаки",
    "a recent drone attack": a drone noun may stand between in English)."""
    before = index - 1
    if before > 0 and tokens[before].latin and tokens[before].flags & DRONE_CANDIDATE:
        before -= 1
    return before >= 0 and tokens[before].low.startswith(past)


def _opens_with_date(sentence: list[Token]) -> bool:
    """ "29 сентября губернатор сообщил ...", "Вчера ...": the sentence opens with a past
    date."""
    opening = [t for t in sentence if t.kind != "nl"][:4]
    if opening and opening[0].low in words("aftermath", "dated"):
        return True
    if (
        len(opening) >= 3
        and opening[0].low in words("aftermath", "dated_prepositions")
        and opening[1].low in _kind_words("that")
        and any(t.low in _kind_words("that_days") for t in opening[2:])
    ):
        return True  # "В тот день ...", "В тот же вечер ...", "On that day ..."
    return (
        len(opening) >= 2
        and opening[0].kind == "num"
        and opening[1].kind == "word"
        and is_month(opening[1].low)
    )


def _relative_past(sentence: list[Token], position: int) -> bool:
    """The event word at `position` stands in a relative clause ("которая", "в которые")
    that is dated ("атаки, которая произошла в субботу", "который в ночь на 21 января
    пострадал от атаки", "в которые врезались беспилотники при недавней атаке") or that
    describes a thing repaired before it ("отремонтировали дома, в которые врезались
    беспилотники")."""
    start = max(0, position - 10)
    pronoun = next(
        (
            i
            for i in range(position - 1, start - 1, -1)
            if sentence[i].low.startswith(_kind_words("relative"))
        ),
        None,
    )
    if pronoun is None:
        # "после атаки БПЛА, которая произошла в субботу, 4 января" (not "атаковал дом,
        # который отремонтировали в мае": the clause must follow the attack itself)
        for following in range(position + 1, min(len(sentence), position + 4)):
            token = sentence[following]
            if token.low.startswith(_kind_words("relative")):
                return _dated(sentence[following + 1 : following + 8])
            if token.kind == "word" and not token.flags & DRONE_CANDIDATE:
                return False
        return False
    clause = sentence[pronoun + 1 : position + 6]
    if _dated(clause) or any(t.low.startswith(_kind_words("recent")) for t in clause):
        return True
    return any(t.flags & REPAIR or t.classes & _INSPECTIONS for t in sentence[:pronoun])


def _news_before_aftermath(groups: list[Sentence]) -> bool:
    """ "Дрон атаковал дом в Шебекино, повреждена кровля. Семье выплатят компенсацию": the
    post opens with an event of its own, told by a verb (not a noun: "из-за атаки", "после
    падения обломков" refer to an attack) in a sentence with no aftermath word and no date
    ("12 мая", "вчера"), and only then promises compensation."""
    for group in groups:
        if not group.tokens:
            continue
        if group.flags & AFTERMATH:
            return False
        if group.flags & EVENT and group.flags & DRONE_CANDIDATE:
            tokens = group.tokens
            if _earlier_attack(tokens) or _only_referred(tokens) or _only_described(tokens):
                return False
            if _dated(tokens):
                return False  # "12 мая дрон атаковал дом", "вчера ...": an earlier attack
            # "дрон атаковал дом", "при атаке БПЛА повреждены дома", "два человека
            # пострадали при атаке": a verb of the event, of its damage or of the hurt
            # (not a tally of the hurt: "Всего из-за атаки пострадали 20 семей")
            told = EVENT | PREDICATE
            if not group.flags & TOTAL:
                told |= INJURED | KILLED
            return any(t.flags & told and _told_by_verb(t) for t in tokens)
    return False


def _emergency_only(groups: list[Sentence]) -> bool:
    """Every sentence that names a drone in an event declares an emergency regime for it
    ("ввели режим ЧС в связи с ночной атакой беспилотника, в результате которой обломки
    упали на дом"): the regime is the news, an aftermath (not "Введён режим ЧС. Ночью дрон
    атаковал посёлок": the attack told on its own)."""
    found = False
    for group in groups:
        if group.flags & EVENT and group.flags & DRONE_CANDIDATE:
            if not _emergency(group.tokens):
                return False
            found = True
    return found


def _emergency(sentence: list[Token]) -> bool:
    """ "ввели режим ЧС", "объявлен режим чрезвычайной ситуации", "declared a state of
    emergency": an emergency regime declared, an aftermath of the attack it names (for
    compensation and repairs)."""
    for index, token in enumerate(sentence):
        if token.classes & _EMERGENCY and any(
            t.classes & _EMERGENCY_DECLARED for t in sentence[max(0, index - 4) : index]
        ):
            return True
    return False


def _told_by_verb(token: Token) -> bool:
    """An event word that is a verb or a short participle in the past ("атаковал",
    "сбит")."""
    if token.latin:
        return False
    readings = morph.parses(token.low)[:1]
    return any(tags & {"VERB", "PRTS"} and "past" in tags for _, tags in readings)


def _only_described(tokens: list[Token]) -> bool:
    """Every event word describes the people or things the post is about: "жителям домов,
    пострадавших при атаке БПЛА, окажут помощь", "раненный при атаке дрона мальчик идёт на
    поправку" (a participle of harm before "при" / "от" / "в результате"). Not a figure
    ("число пострадавших при атаке возросло"), nor nobody hurt ("пострадавших при атаке
    нет"): those report the attack. A sentence that opens with "Ранее" beside them retells
    the attack ("Ранее губернатор сообщил, что дрон атаковал автобус")."""
    found = False
    retold: set[int] | None = None
    for index, token in enumerate(tokens):
        if not token.flags & EVENT:
            continue
        if not _described(tokens, index):
            if retold is None:
                retold = _retold(tokens)
            if token.sentence in retold:
                continue
            return False
        found = True
    return found


def _retold(tokens: list[Token]) -> set[int]:
    """Sentences that open with "Ранее" / "Earlier": they retell what was reported before."""
    earlier = words("aftermath", "earlier")
    found: set[int] = set()
    sentence = -1
    for token in tokens:
        if token.kind != "word" or token.sentence == sentence:
            continue
        sentence = token.sentence  # the sentence's first word
        if token.low in earlier:
            found.add(sentence)
    return found


def _described(tokens: list[Token], index: int) -> bool:
    """ "пострадавших при атаке", "повреждённых в результате атаки": the event word at
    `index` qualifies a participle of harm."""
    sentence = tokens[index].sentence
    if _harmed_by_participle(tokens, index):
        return True
    for position in range(index - 1, max(-1, index - 4), -1):
        low = tokens[position].low
        if low not in _said().harm_causes:
            continue
        before = position - 1
        while before >= 0 and tokens[before].low in _said().harm_cause_openers:
            before -= 1
        if before >= 0 and _whose_harmed(tokens, before):
            return True  # "жителям, чьи дома пострадали от атак дронов, выдадут ..."
        if before < 0 or not tokens[before].classes & _HARMED:
            return False
        if not morph.has_reading(tokens[before].low, "PRTF") and not morph.has_reading(
            tokens[before].low, "ADJF"
        ):
            return False
        opening = before
        while opening > 0 and tokens[opening - 1].sentence == sentence:
            opening -= 1
        if before > 0 and number_at(tokens, before - 1) is not None:
            return False  # "Двое пострадавших при атаке дрона": counted, reported
        clause = [t.low for t in tokens[opening : index + 12] if t.sentence == sentence]
        # "угрозы жизни пострадавшей при атаке нет": no threat to life, not nobody hurt
        safe = any(low.startswith(_kind_words("not_air_after")) for low in clause[:3])
        return not any(
            (low in _said().no_harm and not safe) or low.startswith(_kind_words("updated"))
            for low in clause
        )
    return False


def _whose_harmed(tokens: list[Token], index: int) -> bool:
    """The word at `index` is a verb of harm in a "whose" clause ("жителям, чьи дома
    пострадали", "семьям, чьё жильё было повреждено"): it describes the people the post is
    about."""
    if not tokens[index].classes & _HARM_VERBS:
        return False
    sentence = tokens[index].sentence
    return any(
        t.classes & _WHOSE and t.sentence == sentence for t in tokens[max(0, index - 4) : index]
    )


def _harmed_by_participle(tokens: list[Token], index: int) -> bool:
    """ "дом, повреждённый упавшими обломками": the event word is a participle in the
    instrumental right after a full participle of harm, the agent of the harm that
    describes a thing (not "повреждён упавшими обломками": a short participle tells it)."""
    token = tokens[index]
    if token.latin or not morph.has_reading(token.low, "ablt"):
        return False
    before = index - 1
    # over the instrumental words of the agent ("упавшими обломками")
    while (
        before >= max(0, index - 2)
        and tokens[before].kind == "word"
        and not tokens[before].classes & _HARMED
        and morph.has_reading(tokens[before].low, "ablt")
    ):
        before -= 1
    if before < 0 or tokens[before].sentence != token.sentence:
        return False
    harmed = tokens[before]
    return bool(harmed.classes & _HARMED) and morph.top_has(harmed.low, "PRTF")


def _refers(tokens: list[Token], index: int) -> bool:
    """ "последствия атаки", "(ремонт школы) после атаки": the event word at `index` is
    referred to; "после атаки" only right after a repair ("После атаки дрона загорелся
    дом" tells the attack)."""
    for position in range(max(0, index - 3), index):
        low = tokens[position].low
        if low.startswith(_kind_words("consequences")):
            return True
        if low == _said().after and any(
            t.flags & REPAIR or t.classes & _LOOKS for t in tokens[max(0, position - 4) : position]
        ):
            return True  # "ремонт после атаки", "как выглядит дом после падения обломков"
    return False


def _drill(tokens: list[Token]) -> bool:
    """ "учения (служб) по отражению атаки", "a drill to repel drones": an exercise word
    followed by what it trains ("во время тренировки" is no drill)."""
    return any(
        token.flags & EXERCISE and any(t.low in _said().drill_of for t in tokens[i + 1 : i + 6])
        for i, token in enumerate(tokens)
    )


def _attack_regime(sentence: list[Token], index: int) -> bool:
    """ "режим атаки БПЛА": a regime named after the attack it warns of."""
    return (
        bool(sentence[index].classes & _REGIME)
        and index + 1 < len(sentence)
        and bool(sentence[index + 1].flags & EVENT)
    )


def _alerts(sentence: list[Token]) -> bool:
    """Whether an alert word of the sentence warns: not under a negated declaring verb
    ("режим опасности не вводился", "угрозу не объявляли"), nor in a condition ("в случае
    угрозы")."""
    for first, second in pairwise(sentence):
        if first.low == _said().negation and second.classes & _NOT_DECLARED:
            return False
    if any(t.low in _said().in_case_forms for t in sentence):
        return False  # "В случае угрозы атаки включат сирены": what will be done if
    if any(t.classes & _CHECKS for t in sentence):
        return False  # "Сирены оповещения проверят в среду": a check of the sirens
    flights = any(t.flags & AVIATION for t in sentence)
    restricted = any(t.classes & _BANS for t in sentence) and not flights
    # a closure for fear of the danger ("пляжи закрыты из-за угрозы атаки"): a restriction,
    # not a warning (flights restricted are one)
    closed = any(t.classes & _CLOSURES for t in sentence) and not flights
    for index, token in enumerate(sentence):
        if not (token.flags & ALERT or _attack_regime(sentence, index)):
            continue
        before = sentence[max(0, index - 3) : index]
        if restricted and not any(t.classes & _NOT_DECLARED for t in before):
            continue  # "из-за угрозы атак ограничат мобильный интернет": a restriction
        # "в случае угрозы", "памятка о действиях при угрозе атаки", and the rest of the
        # named signal ("при «Угрозе ракетной опасности» нужно ...")
        opening = _phrase_start(sentence, index)
        if any(t.low in _said().in_case_or_at for t in sentence[max(0, opening - 3) : index]):
            continue
        if (
            closed
            and any(t.classes & _RESTRICTION_REASONS for t in sentence[max(0, opening - 4) : index])
            and not any(t.classes & _NOT_DECLARED for t in before)
        ):
            continue
        if before and before[-1].classes & _NOT_AIR_BEFORE:
            continue
        if any(t.classes & _COUNTERING for t in before):
            continue  # "для борьбы с воздушной угрозой": countering threats in general
        after = sentence[index + 1 : index + 3]
        if after and after[0].low in _kind_words("threat_links"):
            after = after[1:]  # "угрозы для жизни нет"
        if after and after[0].classes & _NOT_AIR_AFTER:
            continue
        return True
    return False


def _phrase_start(sentence: list[Token], index: int) -> int:
    """Where the alert phrase around `index` begins: back over the alert words, adjectives
    and quotes that name one signal ("«Угрозе ракетной опасности»")."""
    start = index
    while start > 0 and index - start < 4 and _in_signal_name(sentence[start - 1]):
        start -= 1
    return start


def _in_signal_name(token: Token) -> bool:
    if token.kind == "p":
        return token.text in _QUOTES
    return token.kind == "word" and bool(
        token.flags & (ALERT | THREAT) or (not token.latin and morph.top_has(token.low, "ADJF"))
    )


def _approaching(groups: list[Sentence], mentions: list[Mention]) -> bool:
    """Drones only detected or approaching ("беспилотники движутся в сторону Курска",
    "над районом обнаружены БПЛА") or an attack said to be possible ("Возможна атака
    БПЛА"), in a post that reports no event. Not farm drones ("дроны уничтожают сорняки
    ... беспилотник летит над полем")."""
    sentences = {m.sentence for m in mentions if not m.weak}
    named = [g for g in groups if g.tokens and g.tokens[0].sentence in sentences]
    pests = _kind_words("pests")
    if any(t.low.startswith(pests) for g in named for t in g.tokens):
        return False
    for group in named:
        tokens = group.tokens
        for index, token in enumerate(tokens):
            previous = tokens[index - 1] if index else token
            if (
                token.classes & _APPROACH
                and not token.classes & _NOT_APPROACH
                and previous.low not in _said().not_words
                and previous.low not in _kind_words("future")
                and not _conditional(tokens, index)
                and not _footage_of(tokens, index)
                and not _at_a_speed(tokens, index)
                and (token.latin or not morph.top_has(token.low, "VERB", "futr"))
            ):
                return True  # not "в небо поднимутся дроны и пролетят над площадью"
            # "Возможна атака БПЛА", "предупредили о возможной атаке дронов": a warning
            if (
                token.flags & EVENT
                and previous.classes & _POSSIBLE
                and not any(t.classes & _PROTECTION for t in tokens[max(0, index - 4) : index])
            ):
                return True  # not "защита от возможных атак"
    return False


def _footage_of(tokens: list[Token], index: int) -> bool:
    """ "видео летящих БПЛА", "съёмка пролетающих дронов": footage of drones (a ban on
    filming them, a clip), no drone seen now."""
    footage = _kind_words("footage") + _kind_words("filming")
    return any(t.low.startswith(footage) for t in tokens[max(0, index - 2) : index])


def _at_a_speed(tokens: list[Token], index: int) -> bool:
    """ "Дрон летит со скоростью 30 км/ч": how a drone flies (a farmer's, a show's), no
    drone seen approaching."""
    speed = _kind_words("speed")
    return any(t.low.startswith(speed) for t in tokens[index + 1 : index + 4])


def _conditional(tokens: list[Token], index: int) -> bool:
    """ "Если заметили дрон": what someone may come across, not what was seen."""
    conditions = _kind_words("conditional")
    return any(t.low in conditions for t in tokens[max(0, index - 3) : index])


def _repelling_now(groups: list[Sentence]) -> bool:
    """ "Подразделения Минобороны ведут работу по отражению атаки", "идёт отражение атаки",
    "работает ПВО" in a post that names drones only in its warning ("Беспилотная
    опасность"): air defence engaging drones, an attack. Not when the post names missiles
    or unmanned boats ("надводные беспилотники": their attack is no drones'), nor in a
    drill or a readiness ("готовы отражать атаки"), nor a ban on filming air defence."""
    weapons = _kind_words("missiles") + _kind_words("boats") + _kind_words("naval")
    repelling = _kind_words("repelling")
    found = False
    for group in groups:
        tokens = group.tokens
        if any(t.low.startswith(weapons) for t in tokens):
            return False
        if group.flags & (THREAT | ALERT | EXERCISE):
            continue
        if (
            not group.flags & ADVICE
            and engaged(tokens, group.flags) is not None
            and not any(t.low.startswith(_kind_words("filming")) for t in tokens)
        ):
            found = True  # "Беспилотная опасность! Работает ПВО" (not "не снимайте работу ПВО")
            continue
        if not group.flags & DOWN or group.flags & ADVICE:
            continue  # not "не снимайте отражение атаки"
        classes = 0
        for token in tokens:
            classes |= token.classes
        for index, token in enumerate(tokens):
            if not token.low.startswith(repelling):
                continue
            following = tokens[index + 1 : index + 3]
            if any(t.low.startswith(_kind_words("attacks")) for t in following) and not (
                not_an_event(tokens, index, classes)
            ):
                found = True  # not "готовы к отражению атаки", "для отражения атак"
    return found


def _missile_event(groups: list[Sentence]) -> bool:
    """A strike by missiles or unmanned boats reported ("ракетный удар по городу",
    "отражают атаку безэкипажных катеров") before any warning: its sirens and all-clear come
    with an event that is no drone's, not as a warning. A warning told first ("объявлена
    ракетная опасность ... Ранее отразили ракетную атаку на соседний город") stays one."""
    for group in groups:
        if (
            group.flags & EVENT
            and not group.flags & THREAT
            and any(t.classes & (_MISSILES | _BOATS) for t in group.tokens)
        ):
            return True
        if group.flags & ALERT and _alerts(group.tokens):
            return False
    return False


def _airport_restricted(groups: list[Sentence]) -> bool:
    """A restriction on flights (airport restrictions are alerts), not a ban on flying
    drones ("запрет на полёты беспилотников" is none)."""
    for group in groups:
        if not group.flags & RESTRICTION or not group.flags & AVIATION:
            continue
        tokens = group.tokens
        if all(
            _attributive(t) and not (i + 1 < len(tokens) and tokens[i + 1].classes & _REGIME)
            for i, t in enumerate(tokens)
            if t.flags & RESTRICTION
        ):
            continue  # "для полётов в ограниченных пространствах" (not "в ограниченном режиме")
        for index, token in enumerate(tokens):
            if token.flags & AVIATION and not any(
                t.flags & DRONE_CANDIDATE for t in tokens[index + 1 : index + 3]
            ):
                return True
    return False


def _attributive(token: Token) -> bool:
    """A full participle or adjective ("ограниченных"): it describes, restricts nothing."""
    return not token.latin and (
        morph.top_has(token.low, "PRTF") or morph.top_has(token.low, "ADJF")
    )


def classify(
    tokens: list[Token], mentions: list[Mention], groups: list[Sentence] | None = None
) -> str:
    """ "attack" when drones took part in an event (unless only its aftermath is told),
    "alert" for warnings, all-clears and airport restrictions, "none" otherwise."""
    union = 0
    groups_of_post = groups_of(tokens) if groups is None else groups
    for sentence in groups_of_post:
        union |= sentence.flags
    events = [m for m in mentions if m.event is not None and not m.weak]
    if events and union & REMINDER and union & (ADVICE | RESTRICTION | REPAIR):
        # "Ранее губернатор заявлял после атаки БПЛА ...": a post about a ban, a
        # restriction or repairs that reports only what was said before reports no event
        earlier = _said_earlier(groups_of_post)
        # weak mentions count too ("сбиты семь аппаратов ... Ранее СМИ писали"), and so
        # does an event told without a drone ("повреждены дома ... Ранее сообщалось")
        told = EVENT | PREDICATE | FIRE | KILLED | INJURED
        if all(m.sentence in earlier for m in mentions if m.event is not None) and all(
            g.tokens[0].sentence in earlier or g.flags & ADVICE
            for g in groups_of_post
            if g.flags & told and g.tokens
        ):
            events = []
    if events and _boats_only(tokens):
        events = []  # "атака надводных беспилотников отбита, один дрон уничтожен": boats
    if events and (union & ALERT or any(t.classes & _BANS for t in tokens)):
        # "Объявлена угроза атаки БПЛА. ... \n4 октября губернатор сообщил о перехвате
        # семи дронов", "Запретили снимать места ударов ... \nВ тот день район атаковали
        # БПЛА": in a post that warns or bans, the drones of a later paragraph dated in the
        # past are a recap
        dated = _dated_paragraphs(tokens, groups_of_post)
        if dated and all(m.sentence in dated for m in events):
            events = []
    if events:
        shouted = _shouted(groups_of_post)
        # (a post that tells damage or the hurt elsewhere reports its attack, shouted or not)
        if shouted and not any(
            g.flags & (FIRE | KILLED | INJURED)
            or any(t.flags & PREDICATE and not t.flags & EVENT for t in g.tokens)
            for g in groups_of_post
            if g.tokens and g.tokens[0].sentence not in shouted and g.flags & _TOLD
        ):
            # "Внимание! Атака БПЛА.": the danger warned of, no event
            events = [m for m in events if m.sentence not in shouted]
            if not events:
                return "alert"
    if events and union & REPAIR and _repairs_told(tokens, groups_of_post):
        return "none"  # "заменили стёкла в домах, пострадавших от недавней атаки БПЛА"
    if events and union & EXERCISE and _drill(tokens):
        return "none"  # "учения по отражению атаки беспилотников"
    if events:
        if any(m.event == "down" for m in events) and not (
            union & AFTERMATH
            and _downed_only_attributively(groups_of_post, events)
            and not _told_beside_downing(groups_of_post, events)
        ):
            return "attack"
        aftermath = (
            (bool(union & AFTERMATH) and not _news_before_aftermath(groups_of_post))
            or _emergency_only(groups_of_post)
            or (bool(union & HOSPITAL) and _hospital_visit(groups_of_post))
            or (
                bool(union & REPAIR)
                and bool(union & (PAST | EVENT))
                and (_earlier_attack(tokens) or _only_referred(tokens))
            )
        )
        if not aftermath and not _only_described(tokens) and not _told_as_past(tokens):
            return "attack"
        return "none"
    if union & DRONE_CANDIDATE and _repelling_now(groups_of_post):
        return "attack"  # "Беспилотная опасность. ... ведут работу по отражению атаки"
    checked = _sirens_checked(groups_of_post)
    alerted = any(
        _alerts(g.tokens) and not (checked and _sirens_only(g.tokens))
        for g in groups_of_post
        if g.flags & ALERT or (g.flags & EVENT and any(t.classes & _REGIME for t in g.tokens))
    )
    if alerted and not _missile_event(groups_of_post):
        return "alert"
    if union & EVENT and _warning_of_an_attack(groups_of_post):
        return "alert"  # "жителям пришли СМС с предупреждением об атаке БПЛА"
    if _approaching(groups_of_post, mentions):
        return "alert"
    if union & RESTRICTION and union & AVIATION and _airport_restricted(groups_of_post):
        return "alert"
    return "none"


_TOLD = FIRE | KILLED | INJURED | PREDICATE


def _told_beside_downing(groups: list[Sentence], events: list[Mention]) -> bool:
    """A sentence with a downed drone tells an event or its damage by a verb ("обломки
    сбитого беспилотника повредили дом, семье выплатят компенсацию"): news."""
    sentences = {m.sentence for m in events if m.event == "down"}
    return any(
        t.flags & (EVENT | PREDICATE) and _told_by_verb(t)
        for group in groups
        if group.tokens and group.tokens[0].sentence in sentences
        for t in group.tokens
    )


def _boats_only(tokens: list[Token]) -> bool:
    """The post names its drones as boats ("надводные беспилотники", "морской дрон",
    "naval drones") and nothing of the air (no "БПЛА", "летательный аппарат", air defence):
    its other drone nouns ("один дрон уничтожен") are those boats, which never count."""
    naval = False
    for index, token in enumerate(tokens):
        if token.classes & (_AIR_DRONES | _AIR_DEFENCE):
            return False
        if not naval and token.flags & DRONE_CANDIDATE and _naval_before(tokens, index):
            naval = True
    return naval


def _naval_before(tokens: list[Token], index: int) -> bool:
    """A naval modifier right before the drone noun at `index`, or before one adjective
    between ("надводных беспилотников", "морских ударных дронов", "naval drones"; not "over
    the sea, two drones")."""
    for before in (index - 1, index - 2):
        if before < 0 or tokens[before].kind != "word":
            return False
        token = tokens[before]
        if token.classes & _NAVAL and not (token.low == "sea" and token.capitalized):
            return True
        if not _attributive(token):
            return False
    return False


def _dated_paragraphs(tokens: list[Token], groups: list[Sentence]) -> set[int]:
    """The sentences of later paragraphs that open with a past date ("4 октября, ...",
    "Вчера ...")."""
    found: set[int] = set()
    background = False
    for group in groups:
        if not group.tokens:
            continue
        first = group.first
        if first > 0 and tokens[first - 1].kind == "nl":
            background = _opens_with_date(group.tokens)
        if background:
            found.add(group.tokens[0].sentence)
    return found


def _downed_only_attributively(groups: list[Sentence], events: list[Mention]) -> bool:
    """Every downing word of the sentences with a downed drone is a full participle that
    describes ("выплаты пострадавшим от падения сбитых беспилотников"): no downing is
    told, so the post may still be an aftermath."""
    sentences = {m.sentence for m in events if m.event == "down"}
    for group in groups:
        if not group.tokens or group.tokens[0].sentence not in sentences:
            continue
        if any(t.flags & DOWN and not _attributive(t) for t in group.tokens):
            return False
    return True


def _shouted(groups: list[Sentence]) -> set[int]:
    """Sentences that shout a warning ("Внимание! Атака БПЛА.", "Внимание, атака
    беспилотников!"): a call opens the sentence or ends the one before, and the sentence
    tells no verb (not "Внимание! Атака отражена, сбиты два БПЛА")."""
    found: set[int] = set()
    if not any(g.flags & CALL for g in groups):
        return found  # no call to shout with
    called = False
    for group in groups:
        opening = next((t for t in group.tokens if t.kind == "word"), None)
        if opening is None:
            continue
        opens = bool(opening.classes & _CALLS)
        if (
            (called or opens)
            and group.flags & EVENT
            and not any(
                t.flags & DOWN or (not t.flags & DRONE_CANDIDATE and _verbal(t))
                for t in group.tokens
                if t.kind == "word"
            )
        ):
            found.add(opening.sentence)
        closing = next(t for t in reversed(group.tokens) if t.kind == "word")
        called = bool(closing.classes & _CALLS)  # "Внимание!": the next one is called
    return found


def _verbal(token: Token) -> bool:
    """A verb or a short participle ("атаковал", "сбит")."""
    if token.latin:
        return token.low.endswith("ed")
    return morph.top_has(token.low, "VERB") or morph.top_has(token.low, "PRTS")


def _sirens_checked(groups: list[Sentence]) -> bool:
    """The post explains a siren as a check of the warning systems ("Сирена — это
    проверка систем оповещения")."""
    return any(
        g.flags & ALERT
        and any(t.classes & _CHECKS for t in g.tokens)
        and any(t.classes & _SIRENS for t in g.tokens)
        for g in groups
    )


def _sirens_only(sentence: list[Token]) -> bool:
    """Every alert word of the sentence is a siren ("о включении сирены")."""
    return all(t.classes & _SIRENS for t in sentence if t.flags & ALERT)


@cache
def _kind_words(key: str) -> tuple[str, ...]:
    return words("kind", key)


def no_events(group: list[Token], classes: int) -> bool:
    """A sentence whose event words report no event: a hypothetical ("сетка снижает шанс
    детонации дрона"), a denial ("атака дронов — фейк"). `classes`: the union of the
    sentence's word classes."""
    if not classes & (_HYPOTHETICAL | _FAKES | _UNTRUE | _UNCONFIRMED | _NOT_ENGLISH):
        return False
    previous = ""
    for index, token in enumerate(group):
        if token.classes & _NOT_ENGLISH and _negated_english(group, index):
            return True  # "Not a drone attack", "no drone strike"
        if token.classes & (_HYPOTHETICAL | _FAKES):
            return True
        if previous in _said().not_words and token.classes & _UNTRUE:
            return True  # "не соответствует действительности"
        if previous in _said().not_words and token.classes & _UNCONFIRMED and _only_named(group):
            return True  # "версия налёта БПЛА не подтверждается"
        previous = token.low
    return False


def _negated_english(group: list[Token], index: int) -> bool:
    """ "not a drone attack", "no drone strike", "was not caused by a drone", "had not
    detected any drone attack": an English negation of an indefinite drone or event noun,
    past participles and "by" / "to" between (not "were not injured by the drone": a
    definite noun, the drone of the post)."""
    indefinite = group[index].low == "no"
    for token in group[index + 1 : index + 7]:
        if token.kind != "word" or not token.latin:
            return False
        if token.flags & (EVENT | DRONE_CANDIDATE):
            return indefinite
        if token.low in _kind_words("indefinites"):
            indefinite = True
        elif not token.low.endswith("ed") and token.low not in _kind_words("english_links"):
            return False
    return False


def _only_named(group: list[Token]) -> bool:
    """Every event word of the sentence is a noun that names an attack ("атака", "версия
    прилёта"): none a verb that tells one ("обломки упали, данные о пострадавших не
    подтвердились", "reported intercepting four drones but did not confirm any damage"),
    and no downing."""
    return not any(
        t.flags & EVENT and (t.flags & DOWN or _verbal(t) or (t.latin and t.low.endswith("ing")))
        for t in group
    )


def not_an_event(group: list[Token], position: int, classes: int) -> bool:
    """An event word that reports no event: a protection ("сетки для защиты от атак
    беспилотников"), an event only referred to ("информация о сбитых беспилотниках
    отсутствует", "опроверг информацию о сбитии"), consequences dealt with ("ликвидируют
    последствия атаки"), a restriction's reason, an instruction. `classes`: the union of
    the sentence's word classes (a rule whose words the sentence lacks is not tried)."""
    if classes & _PROTECTION and _protection(group, position):
        return True
    if classes & _REASONS and _restriction_reason(group, position):
        return True
    if classes & _RESTRICTION_REASONS and _restricted_for(group, position):
        return True  # "аэропорт закрыт из-за атаки беспилотников": the restriction is the news
    if classes & _INSTRUCTIONS and _instruction(group, position):
        return True
    if _filmed(group, position) or _drones_at_work(group, position):
        return True
    if classes & _FILMING_NOUNS and any(
        t.classes & _FILMING_NOUNS for t in group[max(0, position - 2) : position]
    ):
        return True  # "наказание за съёмку атак беспилотников": filming, no event
    if (
        classes & _RECURRING
        and not group[position].flags & DOWN
        and any(t.classes & _RECURRING for t in group[max(0, position - 2) : position])
        and not any(
            t.flags & (FIRE | KILLED | INJURED) or (t.flags & PREDICATE and not t.flags & EVENT)
            for t in group
        )  # not "после серии атак дронов повреждены дома"
    ):
        return True  # "в связи с участившимися атаками дронов": attacks in general
    if classes & _PESTS and any(t.classes & _PESTS for t in group[position + 1 : position + 4]):
        return True  # "дроны уничтожают сорняки": farm drones at work
    if _characterized(group, position):
        return True  # "атаки беспилотников стали ежедневными": attacks in general
    if classes & _PURPOSES and _purpose(group, position):
        return True  # "отряды для отражения атак дронов": attacks in general
    if classes & (_COUNTERING | _COUNTERING_ENGLISH) and _countered(group, position):
        return True  # "ради борьбы с атаками беспилотников": countering attacks in general
    if any(t.low == _said().in_case for t in group[max(0, position - 3) : position]):
        return True  # "в случае атаки дронов прозвучит сирена": a condition
    if classes & _CONDITIONAL and any(
        t.classes & _CONDITIONAL for t in group[max(0, position - 3) : position]
    ):
        return True  # "если атака застала на улице, ...": a condition
    if classes & _REASONS and _linked_attacks(group, position):
        return True  # "угрозы, связанные с атаками БПЛА": attacks in general
    if classes & _READINESS and any(
        t.classes & _READINESS for t in group[max(0, position - 3) : position]
    ):
        return True  # "огневые группы готовы отражать атаки беспилотников"
    if classes & _CONSEQUENCES and _deals_with_consequences(group, position):
        return True
    if (
        classes & _NEGATIONS
        and position > 0
        and group[position - 1].classes & _NEGATIONS
        and not group[position].latin
        and morph.top_has(group[position].low, "NOUN")
    ):
        return True  # "причиной пожара стала неисправность, а не атака беспилотников"
    if classes & _WARNINGS and _warned_of(group, position):
        return True  # "сигналы об атаке беспилотников": a warning, no event
    return bool(classes & _INFORMATION) and _referred(group, position)


def _warned_of(group: list[Token], position: int) -> bool:
    """ "сигнал об атаке беспилотников", "оповещение о ракетной атаке", "warnings of a drone
    attack": the event word is what a warning noun or verb is about (past the adjectives
    between)."""
    index = position - 1
    while (
        index > 0
        and position - index <= 3
        and (
            _attributive(group[index])
            or (
                group[index].latin
                and (group[index].flags & DRONE_CANDIDATE or group[index].low in ("a", "the"))
            )
        )
    ):
        index -= 1  # "об украинской атаке", "of a drone attack"
    if index < 1 or group[index].low not in _kind_words("about"):
        return False
    return bool(group[index - 1].classes & _WARNINGS)


def _warning_of_an_attack(groups: list[Sentence]) -> bool:
    """A sentence that tells a warning of an attack ("пришло СМС с предупреждением об атаке
    БПЛА", "text messages warning of a drone attack"), not under a condition ("при
    получении сигнала об атаке") nor in a check of the sirens."""
    for group in groups:
        if not group.flags & EVENT or group.flags & ADVICE:
            continue
        tokens = group.tokens
        if any(t.classes & _CHECKS for t in tokens):
            continue  # "сирены оповещения о налётах проверят в среду": a check
        for position, token in enumerate(tokens):
            if not token.flags & EVENT or not _warned_of(tokens, position):
                continue
            window = tokens[max(0, position - 7) : position]
            if not any(t.classes & (_DURING | _CONDITIONAL | _INSTRUCTIONS) for t in window):
                return True
    return False


def _linked_attacks(group: list[Token], position: int) -> bool:
    """ "риски, связанные с атаками беспилотников", "в связи с атаками дронов": attacks in
    the plural something is linked to, attacks in general (not "в связи с атакой БПЛА",
    this one)."""
    return (
        position >= 2
        and group[position].low in _kind_words("attacks_plural")
        and group[position - 1].low in _kind_words("linked_prepositions")
        and bool(group[position - 2].classes & _REASONS)
    )


def _protection(group: list[Token], position: int) -> bool:
    """ "сетки для защиты от атак беспилотников": protection against the event."""
    before = group[max(0, position - 5) : position]
    for index, token in enumerate(before):
        if token.low in _said().against and any(
            t.classes & _PROTECTION and not t.classes & _PROTECTED for t in before[:index]
        ):
            return True
    return False


def _drones_at_work(group: list[Token], position: int) -> bool:
    """ "Дроны уничтожают сорняки": drones that down something else, in the present tense,
    with its object after the verb (not "беспилотники сбивают на подлёте к городу")."""
    if not 0 < position < len(group) - 1 or not group[position].flags & DOWN:
        return False
    subject, verb, following = group[position - 1], group[position], group[position + 1]
    if not subject.flags & DRONE_CANDIDATE or following.flags & DRONE_CANDIDATE:
        return False
    if following.kind != "word" or following.capitalized:
        return False
    if not morph.top_has(following.low, "NOUN"):
        return False
    return not verb.latin and morph.top_has(verb.low, "VERB", "pres")


def _characterized(group: list[Token], position: int) -> bool:
    """ "атаки дронов на регион стали ежедневными", "such attacks will continue": attacks
    in the plural as the subject of what they are, become or will do, no event."""
    if group[position].low not in _kind_words("attacks_subject"):
        return False
    verbs = _kind_words("characterizing")
    following = group[position + 1 : position + 8]
    return any(t.low.startswith(verbs) for t in following) and not any(
        t.low.startswith(_kind_words("cause_nouns")) for t in following
    )  # not "атаки БПЛА стали причиной пожара": what they caused


def _purpose(group: list[Token], position: int) -> bool:
    """ "для отражения атак беспилотников", "в целях защиты от налётов": a purpose against
    attacks in the plural, attacks in general (not "для отражения атаки задействованы силы
    ПВО", this attack)."""
    purposes = _kind_words("purposes")
    if not any(t.low in purposes for t in group[max(0, position - 2) : position]):
        return False
    plurals = _kind_words("attacks_plural")
    return any(t.low in plurals for t in group[position : position + 2])


def _countered(group: list[Token], position: int) -> bool:
    """ "борьба с атаками дронов", "противодействие атакам БПЛА": attacks countered in
    general, no event (not "средствами радиоэлектронной борьбы подавлены")."""
    countering = _kind_words("countering")
    if group[position].latin and position >= 1 and group[position - 1].flags & DRONE_CANDIDATE:
        position -= 1  # "to counter drone attacks", "the fight against drone attacks"
        if group[position - 1].low in _kind_words("countering_english"):
            return True
    if position >= 2 and group[position - 1].low in _said().countering_with:
        previous = group[position - 2].low
        return previous.startswith(countering) or previous in _kind_words("countering_english")
    return (
        position >= 1
        and group[position - 1].low.startswith(countering)
        and not group[position].flags & DOWN
    )


def _filmed(group: list[Token], position: int) -> bool:
    """ "(репетиция шоу дронов) попала на видео", "попал в кадр": caught on camera, no
    hit."""
    if not group[position].classes & _CAUGHT:
        return False
    following = group[position + 1 : position + 3]
    return (
        len(following) == 2
        and following[0].low in _said().caught_on
        and bool(following[1].classes & _FOOTAGE)
    )


def _deals_with_consequences(tokens: list[Token], position: int) -> bool:
    """ "ликвидируют последствия": no drone downed."""
    following = tokens[position + 1 : position + 3]
    return bool(tokens[position].flags & DOWN) and any(t.classes & _CONSEQUENCES for t in following)


def _instruction(group: list[Token], position: int) -> bool:
    """ "как действовать при атаке беспилотников", "обучение действиям при атаке БПЛА":
    what to do during an attack, no attack."""
    before = group[max(0, position - 2) : position]
    return any(t.classes & _DURING for t in before) and any(
        t.classes & _INSTRUCTIONS for t in group
    )


def _restriction_reason(group: list[Token], position: int) -> bool:
    """ "ограничили мобильный интернет из-за атак беспилотников": the attacks are the reason
    for a restriction of communications, not an event the post reports."""
    before = group[max(0, position - 3) : position]
    if not any(t.classes & _REASONS for t in before):
        return False
    return any(t.flags & RESTRICTION or t.classes & _CUTS for t in group) and any(
        t.classes & _COMMUNICATIONS for t in group
    )


def _restricted_for(group: list[Token], position: int) -> bool:
    """ "ограничения введены из-за атаки БПЛА", "restrictions imposed due to a drone attack":
    the attack is the reason for a restriction the sentence tells, and the sentence tells
    nothing of the attack itself (no downing, fire, hurt or damage)."""
    before = group[max(0, position - 4) : position]
    if not any(t.classes & _RESTRICTION_REASONS for t in before):
        return False
    # flights restricted ("аэропорт закрыт"), or restrictions told before ("these
    # restrictions"): not a power supply cut by the attack ("ограничено электроснабжение")
    restricted = [i for i, t in enumerate(group) if t.flags & RESTRICTION]
    if not restricted:
        return False
    these = _kind_words("these")
    if not any(t.flags & AVIATION for t in group) and not any(
        i > 0 and group[i - 1].low in these for i in restricted
    ):
        return False
    return not any(
        t.flags & (DOWN | FIRE | KILLED | INJURED) or (t.flags & PREDICATE and not t.flags & EVENT)
        for t in group
    )


def _referred(group: list[Token], position: int) -> bool:
    """ "информация о сбитых беспилотниках отсутствует": the event word stands after
    "information about", and the information is denied (before it or after the event)."""
    for index in range(position - 1, max(0, position - 10), -1):
        if group[index].kind == "p":
            return False
        if group[index].low not in _said().about:
            continue
        if not group[index - 1].classes & _INFORMATION:
            return False
        before = group[max(0, index - 4) : index - 1]
        if any(_denial(t) for t in before):
            return True
        for token in group[position + 1 :]:
            if token.kind == "p":
                return False  # "Информация о падении обломков поступила, жертв нет"
            if _denial(token) or token.low == _said().negation:
                return True
        return False
    return False


def _denial(token: Token) -> bool:
    return token.low == _said().no or bool(token.classes & _INFORMATION_DENIED)


def engaged(group: list[Token], union: int) -> str | None:
    """An event told without an event word: "ликвидация вражеских БПЛА" (down), a list of
    drones over regions ("15 БПЛА – над акваторией Черного моря", down), air defence at
    work on drones ("ПВО работает по БПЛА", "работа ПВО по беспилотникам", strike).
    `union`: the sentence's flags."""
    defence = -1
    classes = 0  # the union of the sentence's word classes
    for index, token in enumerate(group):
        classes |= token.classes
        if token.flags & DRONE_CANDIDATE:
            if (
                0 < index < len(group) - 2
                and group[index + 1].text in _DASHES
                and group[index + 2].low in _said().over
                and number_at(group, index - 1) is not None
            ):
                return "down"
        elif token.classes & _DOWN_BEFORE_DRONE:
            if _names_drone_after(group, index):
                return "down"
        elif defence < 0 and token.classes & _AIR_DEFENCE:
            defence = index
    if union & (INJURED | KILLED) and _harmed_by_drone(group):
        return "strike"  # "в селе от дрона пострадал мужчина"
    if not union & (THREAT | ALERT) and classes & _FOUND and _found_on_the_ground(group):
        return "strike"  # "на территории предприятия обнаружили беспилотник"
    if defence < 0 or union & (THREAT | ALERT):
        return None
    # "работа ПВО по беспилотникам": air defence engaging drones
    for offset in range(defence + 1, min(len(group), defence + 3)):
        if group[offset].low in _said().engaging and any(
            t.flags & DRONE_CANDIDATE for t in group[offset + 1 : offset + 4]
        ):
            return "strike"
    if classes & _AIR_DEFENCE_WORK and any(
        t.classes & _AIR_DEFENCE_WORK
        and not t.classes & _NOT_AIR_DEFENCE_WORK
        and not (i > 0 and group[i - 1].classes & _DURING)  # "при работе ПВО не подходите"
        for i, t in enumerate(group)
    ):
        return "strike"
    return None


def _found_on_the_ground(group: list[Token]) -> bool:
    """ "На территории предприятия обнаружили беспилотник", "во дворе дома нашли дрон": a
    drone found where it came down, not seen in the sky ("над районом обнаружены БПЛА")
    nor over a region ("на территории области обнаружены беспилотники")."""
    if not any(t.classes & _FOUND and not t.classes & _NOT_APPROACH for t in group):
        return False
    if not any(t.flags & DRONE_CANDIDATE for t in group):
        return False
    if any(t.low in _kind_words("in_the_sky") for t in group):
        return False
    ground = _kind_words("ground")
    return any(
        t.low.startswith(ground) and index > 0 and group[index - 1].kind == "word"
        for index, t in enumerate(group)
    )


def _harmed_by_drone(group: list[Token]) -> bool:
    """ "от дрона пострадал мужчина", "из-за беспилотника погибла женщина": a drone named as
    the cause ("от", "из-за") in a sentence of the hurt, an event told without an event
    word (not "защита от дронов", nor "пострадавшим от дронов жителям выплатят": a
    participle describes the people the post is about)."""
    causes = _kind_words("causes")
    for index, token in enumerate(group):
        if not token.flags & DRONE_CANDIDATE or index == 0 or group[index - 1].low not in causes:
            continue
        if any(t.low.startswith(_kind_words("protection")) for t in group[:index]):
            continue
        if index > 1 and _attributive(group[index - 2]):
            continue
        return True
    return False


def _names_drone_after(group: list[Token], index: int) -> bool:
    """A drone noun after `index`, past adjectives only ("ликвидация вражеских БПЛА")."""
    for following in group[index + 1 : index + 4]:
        if following.flags & DRONE_CANDIDATE:
            return True
        if following.kind != "word" or not morph.has_reading(following.low, "ADJF"):
            return False
    return False


def carry_events(groups: list[Sentence], events: dict[int, str]) -> None:
    """ "Летит дрон. Произошла детонация.": a sentence that names a drone and no event takes
    the event of the next one, when that one names no drone (set in place); a paragraph
    break between them is no sentence ("... с помощью шести беспилотников.\n\nОдин из них
    был сбит")."""
    # (only words have flags: a sentence with flags has words)
    worded = [g for g in groups if g.flags or any(t.kind == "word" for t in g.tokens)]
    for current, following in pairwise(worded):
        if not current.tokens or not following.tokens:
            continue
        if not current.flags & DRONE_CANDIDATE or current.flags & (THREAT | ALERT):
            continue
        if following.flags & DRONE_CANDIDATE:
            continue
        sentence, next_sentence = current.tokens[0].sentence, following.tokens[0].sentence
        if sentence not in events and next_sentence in events:
            events[sentence] = events[next_sentence]
