"""People killed and injured: explicit counts, singular subjects, and "nobody was hurt".

The largest figure stated for each wins (a summary line and its details overlap);
"пострадавших нет" sets both to 0, "жертв нет" only the killed.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import NamedTuple

from dronewatch.parsing import morph
from dronewatch.parsing.features import (
    CASUALTY,
    DRONE_CANDIDATE,
    EVENT,
    FATAL,
    HOSPITAL,
    INJURED,
    KILLED,
    MEDICAL_OK,
    ZERO_BOTH,
    ZERO_KILLED,
)
from dronewatch.parsing.lexicon import vocabulary_tag, word_class, words
from dronewatch.parsing.numbers import Number, may_start_number, number_at
from dronewatch.parsing.reminders import reminds
from dronewatch.parsing.text import Sentence, Token, groups_of

# The word classes the rules below ask about word by word.
_CONSEQUENCES = word_class("casualties", "consequences")
_FIGURE_NOUNS = word_class("casualties", "figure_nouns")
_FIGURE_VERBS = word_class("events", "figure_verbs")
_HARM = word_class("casualties", "harm")
_HELP = word_class("casualties", "help")
_HOSPITALS = word_class("casualties", "hospitals")
_HURT_PARTICIPLES = word_class("casualties", "hurt_participles")
_LIFE_THREAT = word_class("casualties", "life_threat")
_MORTAL = word_class("casualties", "mortal")
_PEOPLE = word_class("casualties", "people")
_SOUGHT = word_class("casualties", "sought")
_TAKEN = word_class("casualties", "taken")
_UNKNOWN = word_class("casualties", "unknown")
_VICTIM = word_class("casualties", "victim")
_WOUNDED_NOUNS = word_class("casualties", "wounded_nouns")
_WOUND_NOUNS = word_class("casualties", "wound_nouns")
_WOUND_NOUNS_ELLIPTIC = word_class("casualties", "wound_nouns_elliptic")
_ZERO_VERBS = word_class("casualties", "zero_verbs")
_PREVENTED = word_class("casualties", "prevented")
_CAUSED = word_class("casualties", "caused")
_SURVIVED = word_class("casualties", "survived", exact=True)
_MORE = word_class("cumulative", "more", exact=True)
_NOT_NEGATING = word_class("damage", "not_negating", exact=True)  # "не менее шести"

_SINGULAR_EN = frozenset(
    {
        "man",
        "woman",
        "person",
        "driver",
        "child",
        "boy",
        "girl",
        "resident",
        "civilian",
        "teenager",
        "worker",
        "pensioner",
        "son",
        "daughter",
        "husband",
        "wife",
        "mother",
        "father",
        "owner",
        "guard",
        "farmer",
        "passenger",
        "pedestrian",
        "employee",
        "villager",
    }
)


class Casualty(NamedTuple):
    field: str  # "killed" or "injured"
    value: int
    start: int
    end: int
    more: bool = False  # "ещё двое ранены": added to the figure stated before
    sentence: int = -1  # the sentence stating it
    retold: bool = False  # quoted after a retelling of the same figure: no incident of its own
    pronoun: str = ""  # told of "он" / "она" (its gender, or "any"): the person before
    local: bool = False  # a "nobody hurt" said of one scene ("тут никто не пострадал")
    earlier: bool = False  # ... in a sentence retelling an earlier report ("Ранее ...")


@cache
def _words(key: str) -> tuple[str, ...]:
    return words("casualties", key)


def _any_of(lows: list[str], key: str) -> bool:
    """Whether one of the words is in the list `key`."""
    return any(low in _words(key) for low in lows)


def _no_one(words: list[str]) -> bool:
    """ "no one" written as two words ("No one was injured")."""
    return any(a == "no" and b == "one" for a, b in pairwise(words))


def _listed_after_no(previous: list[str]) -> bool:
    """ "No casualties", "no damage or casualties were reported", "без ущерба и
    пострадавших", "нет разрушений и пострадавших": "no", "без" or "нет" over a short
    list; "did not result in any casualties": "not" then "any"."""
    if len(previous) >= 2 and previous[-1] in _words("any") and "not" in previous[:-1]:
        return True
    negators = [i for i, word in enumerate(previous) if word in _words("list_negators")]
    if not negators:
        return False
    after = previous[negators[-1] + 1 :]
    if not after and previous[negators[-1]] in _words("negators_before_list"):
        return False  # "Жертв нет, ранен мужчина": "нет" closed the noun before it
    if (
        previous[negators[-1]] == "no"
        and after
        and after[-1] in _words("english_list_ends")
        and all(word.isascii() and word not in _words("english_list_stops") for word in after)
    ):
        return True  # "no damaged structures or casualties"
    return len(after) <= 3 and all(word in _words("listed_after_no") for word in after)


def _people_said_unhurt(previous: list[Token]) -> bool:
    """ "мирные жители не пострадали": people, then "не" right before the verb."""
    return (
        bool(previous)
        and previous[-1].low in _words("not_particle")
        and any(t.classes & _PEOPLE for t in previous[:-1])
        and not _things_said_unhurt(previous)
    )


def _things_said_unhurt(previous: list[Token]) -> bool:
    """ "гражданские объекты не пострадали": things, not people (not "хозяин дома не
    пострадал": the thing owned by a person)."""
    if (
        len(previous) >= 3
        and previous[-3].low.startswith(_words("people"))
        and morph.top_has(previous[-3].low, "NOUN")
    ):
        return False
    return len(previous) >= 2 and (
        previous[-2].low.startswith(_words("objects"))
        or vocabulary_tag(previous[-2].low) is not None
    )


def _negated(group: list[Token], position: int) -> bool:
    window = [t.low for t in group[max(0, position - 3) : position]]
    return bool(window) and (
        window[-1] in _words("negating_before")
        or _any_of(window, "nobody_subjects")
        or "none" in window
        or "nobody" in window
        or _no_one(window)
    )


def _zero(group: list[Token]) -> list[Casualty]:
    """ "пострадавших нет", "никто не пострадал", "без жертв", "no casualties"."""
    found: list[Casualty] = _nobody_harmed(group)
    places = [i for i, t in enumerate(group) if t.kind == "word"]
    words = [group[i] for i in places]
    for position, token in enumerate(words):
        both = bool(token.flags & ZERO_BOTH)
        killed = bool(token.flags & ZERO_KILLED)
        if (not both and not killed) or token.low in _words("nobody"):
            continue
        previous = words[max(0, position - 5) : position]
        following = words[position + 1 : position + 13]
        if _not_without(previous):
            continue  # "Не обошлось без пострадавших": there were some
        if token.classes & _CONSEQUENCES:
            # "Обошлось без последствий", "последствий нет", "последствия не
            # зафиксированы", said of the whole event (not "без последствий для домов",
            # "последствий на земле не установлено"): nobody hurt
            before = [t.low for t in previous[-2:]]
            qualified = bool(following) and following[0].low in _words("consequences_of")
            if not qualified and (_any_of(before, "without_russian") or _none_recorded(following)):
                found.extend(
                    Casualty(f, 0, token.start, token.end, sentence=token.sentence)
                    for f in ("killed", "injured")
                )
            continue
        if _counted(group, places[position]) or any(
            t.classes & _LIFE_THREAT for t in previous[-2:]
        ):
            continue  # "Пятеро пострадавших, ...", "угрозы жизни пострадавшего нет"
        listed_no = _listed_after_no([t.low for t in previous])
        # "Пострадавших нет, последствия уточняются": the "нет" settles it; "информации о
        # пострадавших нет" does not
        said_no = (
            bool(following)
            and following[0].low in _words("none_predicate")
            and not any(t.classes & _UNKNOWN for t in previous)
        )
        if (
            not listed_no
            and not said_no
            and (
                any(t.low in _words("about") for t in previous)
                or any(t.low.startswith(_words("reported")) for t in following[:4])
            )
        ):
            continue
        # "нет пострадавших", not "Погибших нет, пострадали двое": in the noun's clause
        clause = _clause_start(group, places[position])
        negated = listed_no or any(
            t.low in _words("negators")
            and t.low not in _words("not_particle")
            and t.start >= clause
            for t in previous[-2:]
        )
        negated = negated or (
            len(previous) >= 2
            and previous[-2].low in _words("not_particle")
            and previous[-1].low in _words("being")
        )
        negated = negated or any(t.low in _words("nobody_pronouns") for t in previous)
        # "на отсутствие пострадавших", "удалось избежать жертв"
        negated = negated or any(t.classes & _ZERO_VERBS for t in previous[-2:])
        # "не привела к человеческим жертвам", "не повлекла жертв"
        negated = negated or any(
            t.classes & _CAUSED and before.low in _words("not_particle")
            for before, t in pairwise(previous[-5:])
        )
        negated = negated or _no_one([t.low for t in previous])
        # "жильцы успели эвакуироваться и не пострадали"
        negated = negated or (both and _people_said_unhurt(words[max(0, position - 8) : position]))
        if not negated:
            negated = _denied_after(following)
        if negated:
            fields = ("killed", "injured") if both else ("killed",)
            found.extend(
                Casualty(f, 0, token.start, token.end, sentence=token.sentence) for f in fields
            )
    for position, token in enumerate(words):
        if (
            token.flags & MEDICAL_OK
            and position > 0
            and words[position - 1].low in _words("not_particle")
        ):
            if position > 1 and words[position - 2].low.startswith(_words("hospitalised")):
                continue  # "Госпитализация не потребовалась": the injured stayed home
            found.extend(
                Casualty(f, 0, token.start, token.end, sentence=token.sentence)
                for f in ("killed", "injured")
            )
    return found


def _not_without(previous: list[Token]) -> bool:
    """ "Не обошлось без пострадавших", "атака не обошлась без последствий": "без" after a
    negated verb, two negations that say there were some."""
    lows = [t.low for t in previous[-4:]]
    without = [i for i, low in enumerate(lows) if low in _words("without")]
    return bool(without) and without[-1] >= 2 and lows[without[-1] - 2] in _words("not_particle")


def _clause_start(group: list[Token], position: int) -> int:
    """Where the clause of the token at `position` begins: the first character after the
    last comma, dash or colon before it."""
    for index in range(position - 1, -1, -1):
        if group[index].text in _CLAUSE_BREAKS:
            return group[index].end
    return -1


_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})


def _none_recorded(following: list[Token]) -> bool:
    """ "(последствий) нет", "(последствия) не зафиксированы", "(последствий) не
    выявлено": the noun's clause says there are none."""
    lows = [t.low for t in following[:2]]
    if not lows:
        return False
    if lows[0] in _words("none_predicate") or lows[0].startswith(_words("zero_verbs")):
        return True
    return (
        len(lows) == 2
        and lows[0] in _words("not_particle")
        and lows[1].startswith(_words("recorded"))
    )


def _denied_after(following: list[Token]) -> bool:
    """ "Пострадавших, по предварительным данным, нет", "жертв удалось избежать", "жертвы
    отсутствуют": a "нет" or a verb of absence closes the casualty noun's clause. The scan
    stops at missing information ("информация уточняется"), at another verb ("пострадавших
    доставили в больницу, угрозы жизни нет"), at a threat ("угрозы жизни нет"), at wounds
    ("тяжёлых ранений нет") and at a person ("пострадал мужчина")."""
    previous = ""
    for index, t in enumerate(following):
        if t.classes & _ZERO_VERBS:
            return True
        if (
            t.low in _words("not_particle")
            and index + 1 < len(following)
            and following[index + 1].classes & _NOT_NEGATING
        ):
            return False  # "пострадали не менее шести человек": a bound, not a denial
        if t.low in _words("none_predicate") or t.low in _words("not_particle"):
            return True
        if t.classes & _UNKNOWN and not previous.startswith(_words("hedges")):
            return False
        if t.classes & _LIFE_THREAT or t.classes & _WOUND_NOUNS:
            return False  # "угрозы жизни нет", "тяжёлых ранений нет"
        if _verb(t) and t.low not in _words("being") and t.low not in _words("managed"):
            return False
        if _person(t):
            return False  # "пострадал мужчина, ... нет"
        previous = t.low
    return False


def _verb(token: Token) -> bool:
    if token.latin or token.flags & DRONE_CANDIDATE:
        return False  # "БПЛА" is read as a verb
    readings = morph.parses(token.low)[:1]
    return any(tags & {"VERB", "PRTS", "INFN"} for _, tags in readings)


def _counted(group: list[Token], position: int) -> bool:
    """ "Пятеро пострадавших", "5 раненых": a number before the noun."""
    return position > 0 and number_at(group, position - 1) is not None


def _nobody_harmed(group: list[Token]) -> list[Casualty]:
    """ "не нанеся никому вреда", "никому не причинён вред": both 0."""
    found: list[Casualty] = []
    for position, token in enumerate(group):
        if token.low not in _words("nobody"):
            continue
        window = group[max(0, position - 3) : position + 4]
        if any(t.classes & _HARM for t in window):
            fields = ("killed", "injured")
            found.extend(
                Casualty(f, 0, token.start, token.end, sentence=token.sentence) for f in fields
            )
    return found


def _people_near(group: list[Token], first: int, last: int) -> bool:
    return any(
        token.kind == "word" and token.classes & _PEOPLE for token in group[last + 1 : last + 4]
    )


def _count_near(group: list[Token], position: int) -> tuple[int, int] | None:
    """(number, its first token) of people beside a casualty word ("ранены два мирных
    жителя"), unless it stands nearer another casualty word ("погиб мужчина, ещё двое
    ранены")."""
    part = _part_before(group, position)
    if part is not None:
        return part
    best: tuple[int, int, int] | None = None
    others = [
        i
        for i in range(max(0, position - 16), min(len(group), position + 12))
        if i != position and group[i].flags & (KILLED | INJURED)
    ]
    for index in range(max(0, position - 10), min(len(group), position + 6)):
        if not may_start_number(group[index]) or index == position:
            continue
        if _nearer_another(group, index, position, others):
            continue
        number = number_at(group, index)
        # "двое из пострадавших", "из них трое" count part of a figure; "семья из трёх
        # человек" counts the family; "including two children", "в том числе двое детей"
        # count a part too
        family = index > 1 and group[index - 2].low in _words("families")
        if index > 0 and group[index - 1].low in _words("including"):
            continue
        if (
            number is None
            or (index > 0 and group[index - 1].low in _words("out_of") and not family)
            or (number.last + 1 < len(group) and group[number.last + 1].low in _words("out_of"))
        ):
            continue
        # "ранены трое", "трое ранены", "three were wounded", "трое были ранены"
        auxiliary = number.last + 2 == position and group[number.last + 1].low in _words(
            "linking_verbs"
        )
        # "two farmers were killed": a noun, then the auxiliary
        auxiliary = auxiliary or (
            number.last + 3 == position
            and group[number.last + 1].kind == "word"
            and group[number.last + 2].low in _words("linking_verbs")
        )
        # "ранены ещё четыре": "ещё" between the word and its number
        more_between = index == position + 2 and bool(group[position + 1].classes & _MORE)
        adjacent = number.last + 1 == position or index == position + 1 or auxiliary
        adjacent = adjacent or more_between
        collective = group[index].low in _words("collective")
        if adjacent or collective or _people_near(group, index, number.last):
            distance = abs(index - position)
            if best is None or distance < best[0]:
                best = (distance, number.value, index)
    return (best[1], best[2]) if best else None


def _nearer_another(group: list[Token], index: int, position: int, others: list[int]) -> bool:
    """Whether the number at `index` belongs to another casualty word than the one at
    `position`: the one in its clause ("получили ранения, ещё три женщины — баротравмы",
    "two were killed and five others injured"), else the nearer."""
    mine = not _clauses_apart(group, index, position)
    for other in others:
        theirs = not _clauses_apart(group, index, other)
        if theirs != mine:
            if theirs:
                return True
            continue
        if abs(index - other) < abs(index - position):
            return True
    return False


def _clauses_apart(group: list[Token], first: int, second: int) -> bool:
    """Whether a comma or a conjunction stands between two tokens."""
    low, high = min(first, second), max(first, second)
    return any(group[i].low in _words("clause_joins") for i in range(low + 1, high))


def _part_before(group: list[Token], position: int) -> tuple[int, int] | None:
    """ "70 человек эвакуировали, один из них обратился за помощью", "двое из которых
    ранены": (the part, its first token) right before the casualty word; the whole before
    it counts someone else."""
    for index in range(max(0, position - 6), position):
        number = number_at(group, index) if may_start_number(group[index]) else None
        if number is None or number.last + 3 > position:
            continue
        preposition, pronoun = group[number.last + 1], group[number.last + 2]
        if preposition.low in _words("partitive_prepositions") and pronoun.low in _words(
            "partitive_pronouns"
        ):
            return number.value, index
    return None


def _figure(group: list[Token], position: int) -> tuple[int, int] | None:
    """ "число пострадавших возросло до пяти", "количество раненых достигло 7": (the
    figure, its first token); after "число" / "количество" the verb may stand further on
    ("число пострадавших при атаке дронов на город возросло до 12")."""
    reach = 3
    if position > 0 and group[position - 1].classes & _FIGURE_NOUNS:
        reach = 10
    elif (
        position > 1
        and group[position - 1].low == "of"
        and group[position - 2].classes & (_FIGURE_NOUNS)
    ):
        reach = 10  # "the number of injured ... has risen to seven"
    elif position + 1 < len(group) and group[position + 1].classes & _FIGURE_NOUNS:
        reach = 10  # "the death toll has risen to three"
    for index in range(position + 1, min(len(group), position + reach)):
        if group[index].kind == "p" and group[index].text not in ("-", "‐"):
            return None
        if not group[index].classes & _FIGURE_VERBS:
            continue
        following = index + 1
        if following < len(group) and group[following].low in _words("up_to"):
            following += 1
        number = number_at(group, following) if following < len(group) else None
        return (number.value, following) if number is not None else None
    return None


def _more_before(group: list[Token], index: int) -> bool:
    """ "ещё двое", "ещё у двоих": an increment on the figure stated before."""
    window = [t.low for t in group[max(0, index - 3) : index]]
    while window and window[-1] in _words("before_increment_number"):
        window.pop()
    return bool(window) and window[-1] in _words("increments")


def _person(token: Token) -> bool:
    """A singular noun naming a person ("фельдшер", "водитель", "driver")."""
    if token.kind != "word":
        return False
    if token.latin:
        return token.low in _SINGULAR_EN
    readings = morph.parses(token.low)
    return bool(readings) and {"NOUN", "anim", "nomn", "sing"} <= readings[0][1]


def _modifier(token: Token) -> bool:
    if token.kind != "word":
        return False
    if token.low in _words("possessives") or token.low in ("a", "an", "the"):
        return True
    return not token.latin and morph.has_reading(token.low, "ADJF", "nomn")


def _people_list(group: list[Token], first: int, step: int) -> int:
    """How many singular person nouns joined by "и" / "," run from `first` in direction
    `step` ("ранены фельдшер и водитель" -> 2)."""
    nouns = 0
    position = first
    expect_noun = True
    counted_back = None
    while 0 <= position < len(group) and abs(position - first) < 12:
        token = group[position]
        if expect_noun:
            # "погибли ребёнок и двое взрослых", "ранены двое мужчин и женщина"
            after_and = step == 1 and (not nouns or group[position - 1].low in _words("and_words"))
            number = number_at(group, position) if after_and else None
            if number is not None and _counted_item(group, number.last):
                # "погибли ребёнок и двое взрослых": a counted item of the list
                nouns += number.value
                position = number.last + 2  # past the counted noun
                expect_noun = False
                continue
            counted = _counted_before(group, position) if step == -1 else None
            if counted is not None:
                # "мужчина и две женщины (получили травмы)": a counted item, read back
                counted_back = counted
                nouns += counted.value
                position = counted.first - 1
                expect_noun = False
                continue
            if _person(token):
                nouns += 1
                expect_noun = False
            elif not _modifier(token) and not _age(group, position):
                break
        elif token.low in _words("conjunctions"):
            expect_noun = True
        elif _born(token):
            pass  # "мужчина 1965 года рождения и женщина"
        elif not _modifier(token):
            break
        position += step
    if (
        counted_back is not None
        and 0 <= position < len(group)
        and group[position].flags & (KILLED | INJURED)
    ):
        return 0  # "погиб один человек и 13 человек пострадали": two clauses
    return nouns


def _counted_before(group: list[Token], position: int) -> Number | None:
    """The number right before a plural person noun ("две женщины", "трое детей")."""
    token = group[position]
    if token.kind != "word" or token.latin or position == 0:
        return None
    if not any({"NOUN", "anim", "plur"} <= tags for _, tags in morph.parses(token.low)[:2]):
        return None
    for first in (position - 1, position - 2):
        number = number_at(group, first) if first >= 0 else None
        if number is not None and number.last == position - 1:
            return number
    return None


def _born(token: Token) -> bool:
    """Part of a year of birth ("1965 года рождения", "1965 г.р.")."""
    if token.kind == "num":
        return len(token.low) == 4
    return token.low in _words("year_of_birth")


def _counted_item(group: list[Token], last: int) -> bool:
    """ "и двое взрослых" closing a list, not an age ("и 12-летняя девочка") nor a clause
    of its own ("и трое детей ранены")."""
    if _age(group, last + 1):
        return False
    following = group[last + 2] if last + 2 < len(group) else None
    return following is None or not following.flags & (KILLED | INJURED)


def _age(group: list[Token], position: int) -> bool:
    """Part of an age ("63-летняя"): a number or a hyphen before "-летн...", or after a
    number."""
    if not 0 <= position < len(group):
        return False
    token = group[position]
    if token.kind == "num":
        return position + 2 < len(group) and group[position + 1].text in ("-", "‐")
    if token.text in ("-", "‐"):
        return position + 1 < len(group) and group[position + 1].low.startswith(_words("years_old"))
    return False


def _plural(token: Token) -> bool:
    if token.latin:
        return False
    readings = morph.parses(token.low)[:1]
    return any(tags & {"VERB", "PRTS"} and "plur" in tags for _, tags in readings)


def _plural_adjective(token: Token) -> bool:
    return not token.latin and token.kind == "word" and morph.has_reading(token.low, "ADJF", "plur")


def _conjoined(group: list[Token], position: int) -> int | None:
    """Two or more people named beside a plural casualty word ("фельдшер и водитель
    ранены", "ранены фельдшер и водитель", "injuring a man and a woman")."""
    token = group[position]
    back = position - 1
    after = 0
    if _plural(token) or token.latin:
        after = _people_list(group, position + 1, 1)
        while token.latin and back >= 0 and group[back].low in _words("english_auxiliaries"):
            back -= 1  # "A man and a woman were injured"
    elif position + 2 < len(group) and _plural(group[position + 1]):
        # "Ранения получили мужчина 1980 года рождения и женщина"
        count = _people_list(group, position + 2, 1)
        return count if count >= 2 else None
    else:
        while back >= 0 and (
            _plural_adjective(group[back])
            or (back > 0 and group[back].text in ("-", "‐") and _plural_adjective(group[back + 1]))
        ):
            back -= 1  # "получили осколочные ранения", "минно-взрывные травмы"
        if back < 0 or not _plural(group[back]):
            return None
        back -= 1  # "получили травмы"
    while back >= 0 and group[back].text in ("—", "–", "-"):
        back -= 1  # "два человека — женщина и её внук — получили травмы"
    count = max(after, _people_list(group, back, -1))
    return count if count >= 2 else None


def _singular(group: list[Token], position: int) -> bool:
    token = group[position]
    if token.latin:
        previous = group[position - 1].low if position > 0 else ""
        window = [t.low for t in group[max(0, position - 5) : position]]
        subject = any(w in _SINGULAR_EN for w in window) and any(
            w in _words("singular_subjects") for w in window
        )
        following = [t.low for t in group[position + 1 : position + 4]]
        # "injuring a woman", "wounding one resident", "killing the driver"
        after = (
            len(following) >= 2
            and following[0] in ("a", "an", "one", "the", *_words("possessives"))
            and following[1] not in ("few", "number", "dozen", "couple", "group", "total")
            and (following[0] in ("a", "an", "one") or following[1] in _SINGULAR_EN)
        )
        return (
            previous == "was"
            or after
            or (subject and "people" not in window and "were" not in window)
        )
    for _, grammemes in morph.parses(token.low)[:1]:
        if grammemes & {"VERB", "PRTS"} and "sing" in grammemes:
            return True
        # "Есть пострадавший", "есть погибший"
        if (
            position > 0
            and group[position - 1].low in _words("there_is")
            and {"sing", "nomn"} <= grammemes
        ):
            return True
        # "Водителя госпитализировали", "госпитализировали мужчину": one person, in the
        # accusative beside an impersonal plural verb
        neighbours = [group[i] for i in (position - 1, position + 1) if 0 <= i < len(group)]
        if {"VERB", "plur"} <= grammemes and any(_one_person_object(t) for t in neighbours):
            return True
    if token.low.startswith(_words("wound_nouns_elliptic")):
        if _person_with(group, position):
            return True
        # "получил травму", "получил минно-взрывную травму", "травмы получил",
        # "получившая ранение жительница"
        # ... over the adjectives between ("получил тяжёлые осколочные ранения")
        back = position - 1
        while (
            back > 0
            and position - back < 4
            and group[back].kind == "word"
            and not group[back].latin
            and morph.top_has(group[back].low, "ADJF")
        ):
            back -= 1
        beside = [
            group[i].low
            for i in (position - 1, position - 2, back, position + 1)
            if 0 <= i < len(group) and group[i].kind == "word"
        ]
        return any(
            (morph.has_reading(w, "VERB", "sing") and not morph.has_reading(w, "VERB", "plur"))
            or (
                w.startswith(_words("receiving"))
                and morph.has_reading(w, "PRTF", "sing")
                and not morph.has_reading(w, "PRTF", "plur")
            )
            for w in beside
        )
    return False


def _elliptic_people(group: list[Token], position: int) -> int:
    """How many clauses with the verb left out follow a casualty word: ", женщина —
    травму головы", ", его супруга — баротравму" (one person each)."""
    found = 0
    index = position + 1
    while index < len(group):
        if group[index].text != ",":
            if group[index].kind == "p" and group[index].text not in ("—", "–", "-"):
                return found
            index += 1
            continue
        person = index + 1
        while person < len(group) and (
            group[person].low in _words("person_joins")
            or group[person].low in _words("possessives")
        ):
            person += 1
        if person + 2 >= len(group) or not _person(group[person]):
            return found
        if group[person + 1].text not in ("—", "–", "-"):
            return found
        if not any(
            t.flags & INJURED and t.classes & _WOUND_NOUNS_ELLIPTIC
            for t in group[person + 2 : person + 5]
        ):
            return found
        found += 1
        index = person + 2
    return found


def _lone_participle(group: list[Token], position: int) -> bool:
    """ "Пострадавшему оказана помощь", "раненого доставили": a singular participle that
    names one hurt person on its own."""
    token = group[position]
    if token.latin or not token.classes & _HURT_PARTICIPLES:
        return False
    readings = morph.parses(token.low)[:1]
    if not any(tags & {"PRTF", "ADJF"} and "sing" in tags for _, tags in readings):
        return False
    if position > 1 and group[position - 1].text == "," and _inanimate(group[position - 2]):
        return False  # "дом, пострадавший от атаки": a participial clause on a thing
    following = group[position + 1] if position + 1 < len(group) else None
    if following is None or following.kind != "word":
        return True
    return not morph.top_has(following.low, "NOUN")  # not "пострадавший дом"


def _inanimate(token: Token) -> bool:
    """A noun naming a thing ("дом", "автомобиль"), not a person."""
    return (
        token.kind == "word"
        and not token.latin
        and morph.top_has(token.low, "NOUN", "inan")
        and not token.low.startswith(_words("people"))
    )


def _one_person_object(token: Token) -> bool:
    """A singular person noun that may be in the accusative ("мужчину", "водителя")."""
    if token.kind != "word" or token.latin:
        return False
    return any(
        {"NOUN", "anim", "sing", "accs"} <= tags and not tags & {"Name", "Surn", "Patr"}
        for _, tags in morph.parses(token.low)[:2]
    )


def _person_with(group: list[Token], position: int) -> bool:
    """ "мужчину с баротравмой", "женщина с осколочными ранениями": one person with an
    injury."""
    index = position - 1
    while index >= 0 and (
        group[index].text in ("—", "–", "-")
        or (
            group[index].kind == "word"
            and not group[index].latin
            and morph.has_reading(group[index].low, "ADJF")
        )
    ):
        index -= 1  # "с множественными осколочными ранениями", "у водителя — баротравма"
    if index < 1:
        return False
    if group[index].low in _words("with_person"):
        return _one_person(group[index - 1])
    # "у водителя осколочные ранения", "у мужчины баротравма" (a genitive singular that
    # also reads as a plural)
    person = group[index]
    return group[index - 1].low in _words("at_person") and (
        _one_person(person)
        or (
            person.kind == "word"
            and not person.latin
            and morph.has_reading(person.low, "NOUN", "anim", "sing", "gent")
            and person.low.startswith(_words("people"))
        )
    )


def _one_person(token: Token) -> bool:
    if token.kind != "word" or token.latin:
        return False
    readings = morph.parses(token.low)[:1]
    return any({"NOUN", "anim", "sing"} <= tags for _, tags in readings)


def _thing_subject(token: Token) -> bool:
    """A thing named in the nominative ("объект", "дом"; not "водитель автомобиля")."""
    if token.kind != "word" or token.latin:
        return False
    if not token.low.startswith(_words("objects")) and vocabulary_tag(token.low) is None:
        return False
    return morph.has_reading(token.low, "NOUN", "nomn")


def _object_subject(group: list[Token], position: int) -> bool:
    """ "пострадал припаркованный автомобиль", "промышленный объект пострадал": a thing,
    not a person, was hit; a person right before the verb is its subject ("ещё один
    житель пострадал при атаке на дом")."""
    before = group[max(0, position - 2) : position]
    if any(t.kind == "word" and (t.low.startswith(_words("people")) or _person(t)) for t in before):
        return False
    if _clause_opened_by_thing(group, position):
        return True  # "Объект в Удмуртии пострадал при атаке"
    following = group[position + 1 : position + 4]
    if (
        position > 0
        and _thing_subject(group[position - 1])
        and not any(_person(t) or t.classes & _PEOPLE for t in following)
        and (position < 2 or group[position - 2].low not in _words("thing_prepositions"))
    ):
        return True  # not "при атаке на автомобиль пострадал водитель"
    for token in group[position + 1 : position + 6]:
        if token.kind == "word" and (
            vocabulary_tag(token.low) is not None or token.low.startswith(_words("objects"))
        ):
            return True  # "пострадал один из промышленных объектов"
        if token.kind != "word" or token.classes & _PEOPLE or _person(token):
            return False  # "пострадал сторож склада"
    return False


def _clause_opened_by_thing(group: list[Token], position: int) -> bool:
    """The clause of the singular verb at `position` opens with a thing in the nominative and
    names no person before the verb ("Объект в Удмуртии пострадал")."""
    if not morph.top_has(group[position].low, "VERB", "sing"):
        return False
    start = position
    while start > 0 and group[start - 1].kind != "p" and position - start < 6:
        start -= 1
    if start == position or (start > 0 and group[start - 1].kind != "p"):
        return False
    if any(_person(t) or t.classes & _PEOPLE for t in group[start:position]):
        return False
    return _thing_subject(group[start])


def _another_drone(group: list[Token]) -> bool:
    """ "ещё один беспилотник атаковал", "another drone hit": another incident told."""
    for index, token in enumerate(group):
        if token.classes & _MORE and any(
            t.flags & DRONE_CANDIDATE for t in group[index + 1 : index + 3]
        ):
            return True
    return False


def _adds(group: list[Token]) -> bool:
    """ "Также ранена пассажирка", "Кроме того, пострадала женщина": the sentence adds its
    casualties to those told before."""
    opening = [t for t in group if t.kind == "word"][:1]
    return bool(opening) and opening[0].low in _words("also")


def _also_beside(group: list[Token], position: int) -> bool:
    """ "ранен также её муж", "также пострадал водитель": "также" beside the word."""
    return any(t.low in _words("likewise") for t in group[max(0, position - 1) : position + 2])


def _unhurt(group: list[Token], position: int) -> tuple[str, ...]:
    """ "раненых нет", "без жертв и раненых", "обошлось без травм": injured 0; "никто не
    ранен", "травм никто не получил": both 0."""
    token = group[position]
    if token.latin:
        # "injuring no one", "leaving nobody hurt"
        before = [t.low for t in group[max(0, position - 2) : position]]
        after = [t.low for t in group[position + 1 : position + 3]]
        if _no_one(before) or _no_one(after) or "nobody" in (*before[-1:], *after[:1]):
            return ("killed", "injured") if token.flags & INJURED else ("killed",)
    if token.flags & INJURED and token.classes & _WOUND_NOUNS_ELLIPTIC:
        around = [t.low for t in group[max(0, position - 5) : position + 4]]
        if _any_of(around, "nobody_subjects") and _any_of(around, "not_particle"):
            return ("killed", "injured")  # "никто не получил ранений"
        if position > 0 and group[position - 1].low in _words("without_russian"):
            if position > 2 and group[position - 3].low in _words("not_particle"):
                return ()  # "не обошлось без травм": there were some
            return ("killed", "injured")  # "обошлось без травм", as "no injuries"
        if _wounds_avoided(group, position):
            return ("killed", "injured")  # "ранений удалось избежать"
    if token.flags & KILLED and not token.flags & INJURED:
        window = [t.low for t in group[max(0, position - 3) : position]]
        nobody = _any_of(window, "nobody_subjects")
        if nobody and window[-1] in _words("not_particle"):
            return ("killed",)  # "никто не погиб": nobody killed, the hurt untold
        return ()
    if not token.flags & INJURED or not token.classes & _WOUNDED_NOUNS:
        return ()
    if token.classes & _WOUND_NOUNS:
        return ()  # "тяжёлых ранений нет" says nothing of the number hurt
    window = [t.low for t in group[max(0, position - 3) : position]]
    if _any_of(window, "nobody_subjects") and window[-1] in _words("not_particle"):
        return ("killed", "injured")
    words_near = [t for t in group[max(0, position - 8) : position] if t.kind == "word"]
    if _people_said_unhurt(words_near):
        return ("killed", "injured")  # "люди не травмированы", "жители не ранены"
    words_before = [t.low for t in group[max(0, position - 6) : position] if t.kind == "word"]
    if _listed_after_no(words_before):
        return ("injured",)
    following = [t for t in group[position + 1 : position + 13] if t.kind == "word"]
    for word in following[:4]:
        if word.low in _words("negators_before_list"):
            return ("injured",)  # "раненых нет", "раненых и погибших нет"
        if word.low not in _words("listed_after_no") and not word.flags & (ZERO_BOTH | ZERO_KILLED):
            break
    return ()


def _wounds_avoided(group: list[Token], position: int) -> bool:
    """ "Ранений удалось избежать", "ранения людей и разрушения удалось не допустить": a
    verb of avoiding closes the wound noun's clause (not "тяжёлых ранений удалось
    избежать": the light ones are untold)."""
    if position > 0 and morph.top_has(group[position - 1].low, "ADJF"):
        return False
    return _avoided_after(group, position)


def _avoided_after(group: list[Token], position: int) -> bool:
    """A verb of avoiding closes the clause of the word at `position`."""
    previous = ""
    for token in group[position + 1 : position + 11]:
        if token.kind == "p" and token.text not in ("-", "‐"):
            return False
        negated = previous in _words("not_particle")
        if token.classes & _ZERO_VERBS or (negated and token.classes & _PREVENTED):
            return True
        if (
            token.kind == "word"
            and token.low not in _words("managed")
            and token.low not in _words("not_particle")
            and _verb(token)
        ):
            return False
        previous = token.low
    return False


def _mortal(group: list[Token], position: int) -> bool:
    """A mortal wound ("смертельно ранен", "смертельные ранения"): the person died."""
    return any(t.classes & _MORTAL for t in group[max(0, position - 2) : position])


def _died_of(group: list[Token], position: int) -> bool:
    """ "died of his injuries", "succumbed to wounds": the injury of the one killed (not
    "one died and another was hospitalized": a clause of its own)."""
    window = group[max(0, position - 4) : position]
    for index, token in enumerate(window):
        if token.low in _words("died_of"):
            between = [t.low for t in window[index + 1 :]]
            return bool(between) and between[0] in ("of", "from", "to") and "and" not in between
    return False


def _victim(group: list[Token], position: int) -> bool:
    """ "Жертвой удара стала жительница", "жертвами стали двое": people killed."""
    return bool(group[position].classes & _VICTIM) and any(
        t.low in _words("became") for t in group[position + 1 : position + 4]
    )


def _victims(group: list[Token], position: int) -> int | None:
    """How many people the victim noun names: a number, or the people listed after its
    verb ("стала мирная жительница" 1, "стали мужчина и женщина" 2)."""
    near = _count_near(group, position)
    if near is not None:
        return near[0]
    verb = next(
        i
        for i in range(position + 1, min(len(group), position + 4))
        if group[i].low in _words("became")
    )
    listed = _people_list(group, verb + 1, 1)
    if listed:
        return listed
    return 1 if group[verb].low not in _words("became_plural") else None


def _taken(group: list[Token], position: int) -> bool:
    """ "доставлен в больницу", "доставили в реанимацию": a person taken to hospital."""
    return bool(group[position].classes & _TAKEN) and any(
        t.classes & _HOSPITALS for t in group[position + 1 : position + 5]
    )


def _sought_help(group: list[Token], position: int) -> bool:
    """ "обратилась за медицинской помощью", "за медпомощью обратился": a person hurt."""
    return bool(group[position].classes & _SOUGHT) and any(
        t.classes & _HELP
        for t in group[max(0, position - 3) : position] + group[position + 1 : position + 4]
    )


def find_casualties(tokens: list[Token], groups: list[Sentence] | None = None) -> list[Casualty]:
    """Every statement about killed and injured people."""
    found: list[Casualty] = []
    lone: list[Casualty] = []
    periods: set[int] = set()
    incident = -1  # the sentence of the latest other incident not yet counted
    counted_before = False  # a figure was stated before it
    for union, group, _ in groups_of(tokens) if groups is None else groups:
        if group and union & EVENT and union & DRONE_CANDIDATE and _another_drone(group):
            incident = group[0].sentence if counted_before else -1
        if not union & (CASUALTY | HOSPITAL) or reminds(group):
            continue
        if _over_a_period(group):
            periods.add(group[0].sentence)
        # "Чуть позже ещё один беспилотник атаковал машину. Пострадали двое": the hurt of
        # another incident add to those before
        added = _adds(group) or (incident >= 0 and group[0].sentence - incident <= 2)
        if added:
            incident = -1
        # "Пострадавший скончался в больнице": the participle names the one killed
        fatal_sentence = bool(union & KILLED) and any(
            t.flags & KILLED and not t.flags & INJURED for t in group
        )
        fatal = bool(union & FATAL)
        zero = _zero(group) if union & (ZERO_BOTH | ZERO_KILLED | MEDICAL_OK) else []
        if zero and any(t.low in _words("local_scope") for t in group):
            zero = [c._replace(local=True) for c in zero]  # "тут никто не пострадал"
        if zero and _opens_earlier(group):
            zero = [c._replace(earlier=True) for c in zero]
        found.extend(zero)
        zero_spans = {(c.start, c.end) for c in zero}
        for position, token in enumerate(group):
            victim = bool(token.flags & ZERO_KILLED) and _victim(group, position)
            if victim:
                count = _victims(group, position)
                if count is not None:
                    found.append(
                        Casualty("killed", count, token.start, token.end, False, token.sentence)
                    )
                continue
            taken = bool(token.flags & HOSPITAL) and _taken(group, position)
            taken = taken or (bool(token.classes & _SOUGHT) and _sought_help(group, position))
            if not token.flags & (KILLED | INJURED) and not taken:
                continue
            if (token.start, token.end) in zero_spans:
                continue
            if token.classes & _SURVIVED:
                # "не выжил водитель": a death; "чудом выжил" tells none
                if not _negated(group, position):
                    continue
            else:
                unhurt = _unhurt(group, position)
                if unhurt:
                    found.extend(
                        Casualty(f, 0, token.start, token.end, sentence=token.sentence)
                        for f in unhurt
                    )
                    continue
                if _negated(group, position):
                    continue
            if token.classes & _WOUND_NOUNS_ELLIPTIC and (
                _avoided_after(group, position) or group[position - 1].low in _words("without")
            ):
                # "тяжёлых ранений удалось избежать": the light ones untold; "не обошлось
                # без травм": some, not counted
                continue
            killed = bool(token.flags & KILLED)
            if token.low.startswith(_words("incompatible")):
                continue
            if fatal and token.low.startswith(_words("fatal_wounds")):
                killed = True
            if _mortal(group, position):
                killed = True  # "смертельно ранен", "получил смертельные ранения"
            if token.latin and _died_of(group, position):
                continue  # "died of his injuries": the one who died
            if token.low.startswith(_words("hurt_verbs")) and _object_subject(group, position):
                continue
            near = _count_near(group, position) or _figure(group, position)
            listed = _conjoined(group, position)
            # "погибли ребёнок и двое взрослых": the list holds the number beside the word
            count = near[0] if near is not None else listed
            if near is not None and listed is not None and listed > near[0]:
                count = listed
            more = (near is not None and _more_before(group, near[1])) or added
            more = more or _also_beside(group, position)
            if count is None and _singular(group, position):
                # "мужчина получил ранения, женщина — травму головы": two people
                count = 1 + _elliptic_people(group, position)
            if count is not None:
                field = "killed" if killed else "injured"
                pronoun = _pronoun_subject(group, position) if count == 1 else ""
                found.append(
                    Casualty(
                        field, count, token.start, token.end, more, token.sentence, False, pronoun
                    )
                )
                counted_before = True
                # "Кроме того, сообщил о ранении двух человек — мужчина получил ранения":
                # only the sentence's first figure adds to those before, the rest detail it
                added = False
            elif not fatal_sentence and _lone_participle(group, position):
                field = "killed" if killed else "injured"
                lone.append(Casualty(field, 1, token.start, token.end, False, token.sentence))
    # "Пострадавшему оказывается помощь": one person, unless the post counts the hurt
    # otherwise (then the participle refers back to them)
    counted = {c.field for c in found if c.value}
    found.extend(c for c in lone[:1] if c.field not in counted)
    if any(c.field == "killed" and c.value == 1 for c in found):
        found = _died_of_wounds(tokens, found)
    if any(c.value for c in found):
        found = _quotes_retold(tokens, found)
    return _fresh_first(found, periods) if periods else found


def _pronoun_subject(group: list[Token], position: int) -> str:
    """ "Он получил ранение", "Позже она скончалась": a personal pronoun opens the clause of
    the casualty word as its subject (not "Он уточнил, что ранен мужчина"); its gender
    ("any" when unknown), or "" for none."""
    for index in range(position - 1, max(-1, position - 8), -1):
        token = group[index]
        if token.kind == "p" or token.low in _words("speech_breaks"):
            return ""
        if token.low in _words("person_pronouns"):
            return _gender(token) or "any"
    return ""


def _gender(token: Token) -> str:
    """ "masc" or "femn" by the first reading of a verb, a participle or a pronoun
    ("пострадал", "она"; not a wound noun: "травму" is a man's too), else ""."""
    if token.latin:
        return ""
    for _, tags in morph.parses(token.low)[:1]:
        if not tags & {"VERB", "PRTS", "PRTF", "ADJF", "NPRO"}:
            return ""
        for gender in ("masc", "femn"):
            if gender in tags:
                return gender
    return ""


def _same_gender(tokens: list[Token], casualty: Casualty, previous: Casualty) -> bool:
    """Whether the pronoun of `casualty` may name the person of `previous` ("Погиб
    водитель. Она получила ранения" names another)."""
    if casualty.pronoun == "any":
        return True
    told = next((t for t in tokens if t.start == previous.start), None)
    gender = _gender(told) if told is not None else ""
    return not gender or gender == casualty.pronoun


def _died_of_wounds(tokens: list[Token], casualties: list[Casualty]) -> list[Casualty]:
    """The hurt who died count once, as killed: "получил ранение и скончался" (one clause);
    "Пострадал водитель. Он скончался по дороге в больницу" (a pronoun goes on with the
    one hurt); "Погиб мужчина. Он получил осколочные ранения" (the wounds of the dead)."""
    ordered = sorted(casualties, key=lambda c: c.start)
    dropped: set[int] = set()
    for index, casualty in enumerate(ordered):
        if casualty.value != 1 or casualty.more:
            continue
        if casualty.field == "killed":
            for other in ordered[:index]:
                if _one_clause(tokens, other, casualty):
                    dropped.add(other.start)  # "получил ранение и скончался"
        previous = next(
            (
                c
                for c in reversed(ordered[:index])
                if c.value and c.sentence != casualty.sentence and c.start not in dropped
            ),
            None,
        )
        if (
            casualty.pronoun
            and previous is not None
            and previous.value == 1
            and previous.field != casualty.field
            and 0 < casualty.sentence - previous.sentence <= 2
            and _same_gender(tokens, casualty, previous)
        ):
            # the injured figure is the one who died, told before or after the death
            dropped.add(previous.start if casualty.field == "killed" else casualty.start)
    if not dropped:
        return casualties
    return [c for c in casualties if c.start not in dropped]


def _one_clause(tokens: list[Token], injured: Casualty, killed: Casualty) -> bool:
    """A singular injury and a death in one clause, no other person between them
    ("получил ранение и скончался", "был ранен и позже скончался в больнице")."""
    if injured.field != "injured" or injured.value != 1 or injured.sentence != killed.sentence:
        return False
    between = [t for t in tokens if injured.end <= t.start < killed.start]
    if len(between) > 6 or not any(t.low in _words("and_words") for t in between):
        return False
    return not any(t.kind == "p" or _person(t) or t.classes & _PEOPLE for t in between)


def _quotes_retold(tokens: list[Token], casualties: list[Casualty]) -> list[Casualty]:
    """A news retelling tells the figure it then quotes ("двое получили ранения ... «Ещё
    два человека ранены»", "ранен один человек в А ... «один человек пострадал в Б-ском
    округе»"): a figure inside quotation marks equal to one told before them outside is
    the same people; the official's "ещё" counts from their earlier posts, and the
    quote's place is no other scene."""
    inside: list[tuple[int, int]] = []
    opened: int | None = None
    for token in tokens:
        if token.kind != "p":
            continue
        if token.text in "«“" and opened is None:
            opened = token.start
        elif token.text in "»”" and opened is not None:
            inside.append((opened, token.end))
            opened = None
        elif token.text == '"':  # a straight quote opens or closes
            if opened is None:
                opened = token.start
            else:
                inside.append((opened, token.end))
                opened = None

    def quoted(casualty: Casualty) -> bool:
        return any(first <= casualty.start < last for first, last in inside)

    told = [c for c in casualties if c.value and not quoted(c)]

    def retold(casualty: Casualty) -> bool:
        return quoted(casualty) and any(
            c.start < casualty.start and (c.field, c.value) == (casualty.field, casualty.value)
            for c in told
        )

    return [c._replace(more=False, retold=True) if retold(c) else c for c in casualties]


def _over_a_period(group: list[Token]) -> bool:
    """ "С начала года пострадали 500 человек", "за год погибли 20": a long period's total."""
    lows = [t.low for t in group if t.kind in ("word", "num")]
    periods = _words("periods")
    for first, second, third in zip(lows, [*lows[1:], ""], [*lows[2:], "", ""], strict=False):
        if first in _words("since_start") and (
            second.startswith(periods) or third.startswith(periods)
        ):
            return True
        if first in _words("over_period") and (
            second.startswith(periods) or (second.isdigit() and third.startswith(periods))
        ):
            return True  # "за год", "за 2025 год"
    return False


def _fresh_first(casualties: list[Casualty], periods: set[int]) -> list[Casualty]:
    """Without the figures of period totals ("с начала года пострадали 500") for a field
    that the post states fresh figures for."""
    fresh = {c.field for c in casualties if c.value and c.sentence not in periods}
    return [c for c in casualties if c.sentence not in periods or c.field not in fresh]


def totals(
    casualties: list[Casualty],
    places: dict[int, set[str]] | None = None,
    settled: set[int] | None = None,
) -> tuple[int | None, int | None]:
    """(killed, injured): the largest figure stated, plus the increments ("ещё двое") that
    follow it; 0 for "nobody", None when silent. Figures stated in sentences that each name
    their own places (`places`: the place keys of each sentence) are separate incidents
    and add up ("в Коренево ранены двое ... В Хомутовском районе травму получил мужчина"
    is 3), unless a larger figure sums them up, or the first figure names a district
    and the later ones, no larger, only settlements (`settled`: sentences naming one):
    "В Белгородском районе пострадал мужчина. Дрон ударил по машине в селе N. Водитель
    ранен" is the one man, told again with his village."""
    result: dict[str, int | None] = {"killed": None, "injured": None}
    casualties = _partial_nobody(_earlier_zeros(casualties))
    for field in result:
        running: int | None = None
        by_place: dict[frozenset[str], int] = {}
        scenes: list[tuple[int, int]] = []  # (sentence of the places, figure)
        ordered = sorted(casualties, key=lambda c: c.start)
        local = (-1, 0)  # the sentence of the field's last figure, and that figure
        for index, casualty in enumerate(ordered):
            if casualty.field != field:
                continue
            if casualty.more and not _retells_lead(ordered, index, running, places or {}):
                if local[0] == casualty.sentence and casualty.sentence >= 0:
                    # "Мужчина ранен, ещё двое — баротравмы": adds to its sentence's
                    # figure, a detail of the lead's (and the figure of its scene)
                    local = (casualty.sentence, local[1] + casualty.value)
                    running = max(running or 0, local[1])
                    named = _scene(places or {}, casualty.sentence)
                    if named and not casualty.retold:
                        key = frozenset(named)
                        by_place[key] = max(by_place.get(key, 0), local[1])
                elif running is not None and 0 < local[1] < running:
                    # "Пострадали шесть человек. В А ранен мужчина. Ещё четверо пострадали
                    # в Б": "ещё" goes on with the details of the lead, not beyond it
                    local = (casualty.sentence, local[1] + casualty.value)
                    running = max(running, local[1])
                else:
                    running = (running or 0) + casualty.value
                    local = (casualty.sentence, running)
            else:
                running = max(running or 0, casualty.value)
                local = (casualty.sentence, casualty.value)
            named = _scene(places or {}, casualty.sentence)
            if named and casualty.value and not casualty.more and not casualty.retold:
                key = frozenset(named)
                by_place[key] = max(by_place.get(key, 0), casualty.value)
                scenes.append((_scene_sentence(places or {}, casualty.sentence), casualty.value))
        if len(by_place) > 1 and _apart(list(by_place)) and not _retold(scenes, settled):
            running = max(running or 0, sum(by_place.values()))
        result[field] = running
    return result["killed"], result["injured"]


def _scene(places: dict[int, set[str]], sentence: int) -> set[str] | None:
    """The places of a casualty's sentence, or of the sentence just before it that names
    some ("В Грайвороне дрон атаковал машину. Пострадал водитель.")."""
    for previous in range(sentence, max(-1, sentence - 3), -1):
        named = places.get(previous)
        if named:
            return named
    return None


def _retells_lead(
    ordered: list[Casualty], index: int, running: int | None, places: dict[int, set[str]]
) -> bool:
    """ "Погиб один, ещё четверо ранены. Мужчина погиб в А. Кроме того, в Б пострадали
    четверо": an addition to the other field's detail just told, equal to the lead's
    figure, details the lead; it adds nothing. So too in the sentence of that detail
    ("Погиб один, ранен один. При атаке на село погиб житель и ещё один получил
    ранения": "ещё" counts the one beside the dead), unless that sentence names a scene
    the field's earlier figures did not ("В А ранены двое. В Б погиб мужчина, ещё двое
    ранены" is four)."""
    previous = next((c for c in reversed(ordered[:index]) if c.value), None)
    casualty = ordered[index]
    if running != casualty.value or previous is None or previous.field == casualty.field:
        return False
    if previous.sentence != casualty.sentence:
        return True
    earlier: set[str] = set()
    for c in ordered[:index]:
        if c.field == casualty.field and c.value:
            earlier |= places.get(c.sentence, set())
    return not earlier or not places.get(casualty.sentence, set()) - earlier


def _opens_earlier(group: list[Token]) -> bool:
    """ "Ранее ...", "Earlier, ...": the sentence retells an earlier report."""
    opening = next((t for t in group if t.kind == "word"), None)
    return opening is not None and opening.low in words("aftermath", "earlier")


def _earlier_zeros(casualties: list[Casualty]) -> list[Casualty]:
    """Without the zeros of a sentence retelling an earlier report ("Earlier, he reported
    another strike, with no casualties") in a post that counts people hurt or killed: that
    report is another incident, or one overtaken by the news."""
    if not any(c.value for c in casualties):
        return casualties
    return [c for c in casualties if c.value or not c.earlier]


def _partial_nobody(casualties: list[Casualty]) -> list[Casualty]:
    """Without the killed 0 of a "nobody hurt" that covers only part of a post which
    counts injured before it ("пострадали двое ... в других районах никто не пострадал"): the post
    is silent on the dead."""
    counted = [c.start for c in casualties if c.field == "injured" and c.value]
    if not counted:
        return casualties
    # only after the hurt are counted: "Пострадавших нет", then an update that someone
    # was hurt after all, still denies the dead
    both = {
        (c.start, c.end)
        for c in casualties
        if c.field == "injured" and c.value == 0 and c.start > min(counted)
    }
    # ... and so does the rest of a statement said of one scene ("тут пострадавших и жертв
    # нет"; not "В селе N повреждён дом. Погибших и пострадавших нет": the post's word)
    statements = {
        c.sentence for c in casualties if (c.start, c.end) in both and c.local and c.sentence >= 0
    }
    return [
        c
        for c in casualties
        if not (
            c.field == "killed"
            and c.value == 0
            and ((c.start, c.end) in both or c.sentence in statements)
        )
    ]


def _scene_sentence(places: dict[int, set[str]], sentence: int) -> int:
    """The sentence whose places `_scene` gives."""
    for previous in range(sentence, max(-1, sentence - 3), -1):
        if places.get(previous):
            return previous
    return sentence


def _retold(scenes: list[tuple[int, int]], settled: set[int] | None) -> bool:
    """Whether the first figure is told of a district only and the later ones, none
    larger, of settlements only: the same people, their village named."""
    if settled is None or len(scenes) < 2:
        return False
    (first, value), rest = scenes[0], scenes[1:]
    return (
        first not in settled
        and all(s in settled and s != first for s, _ in rest)
        and all(v <= value for _, v in rest)
    )


def _apart(keys: list[frozenset[str]]) -> bool:
    """Whether no place is shared by two of the sets."""
    seen: set[str] = set()
    for key in keys:
        if seen & key:
            return False
        seen |= key
    return True
