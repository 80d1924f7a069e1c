"""Damage tags and no-damage statements, family by family (sentences written for these
tests, in the styles of governors' posts and agency retellings)."""

from __future__ import annotations

import pytest

from dronewatch.parsing import parse

_DOWNED = "Ночью над районом сбит беспилотник. "


def _damage(text: str) -> list[str]:
    report = parse(text, "RU-BEL")
    if report.kind != "attack":
        report = parse(_DOWNED + text, "RU-BEL")
    return sorted(report.damage)


def _no_damage(text: str) -> bool:
    return parse(_DOWNED + text, "RU-BEL").no_damage


def test_objects_unhurt_is_no_damage_and_says_nothing_of_people() -> None:
    report = parse("Над морем сбито 5 БПЛА. Гражданские объекты не пострадали.", "UA-40")
    assert (report.no_damage, report.killed, report.injured) == (True, None, None)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("В селе Ивановка обломками дрона повреждена газовая труба.", ["fuel"]),
        ("Дрон атаковал автомобиль газовой службы, машина повреждена.", ["vehicle"]),
        ("Беспилотник ударил по зданию ФАПа в селе, выбиты окна.", ["social"]),
        ("При атаке дрона повреждён фельдшерско-акушерский пункт.", ["social"]),
        ("Дрон попал в здание общежития, выбиты стёкла.", ["residential"]),
        ("A drone hit a student dormitory, blowing out windows.", ["residential"]),
        ("A drone struck a minibus on the highway, wounding the driver.", ["vehicle"]),
        (
            "Атакован беспилотник. Повреждены два дома и объект инфраструктуры.",
            ["residential", "other"],
        ),
        ("Дрон атаковал объект железнодорожной инфраструктуры, пострадавших нет.", ["transport"]),
        ("Беспилотник сбит над промзоной, обломки повредили кровлю магазина.", ["commercial"]),
    ],
)
def test_damage_families(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-BEL").damage == damage


@pytest.mark.parametrize(
    ("text", "no_damage", "killed"),
    [
        ("Над Курском уничтожен беспилотник. Обошлось без жертв и разрушений.", True, 0),
        ("Ночью над районом сбиты три БПЛА. Обошлось без пострадавших и разрушений.", True, 0),
        ("Дрон упал на крышу магазина. Пострадавших нет, повреждения незначительные.", False, 0),
    ],
)
def test_no_damage_families(text: str, no_damage: bool, killed: int | None) -> None:
    report = parse(text, "RU-KRS")
    assert (report.no_damage, report.killed) == (no_damage, killed)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Дрон атаковал нефтеперекачивающую станцию, начался пожар.", {"fuel", "fire"}),
        ("Обломки БПЛА упали на нефтеналивной терминал, возникло возгорание.", {"fuel", "fire"}),
        ("Беспилотник атаковал нефтеперерабатывающий завод.", {"fuel"}),
        ("Удар дрона повредил автомобильный мост через реку.", {"transport"}),
    ],
)
def test_fuel_compounds_and_road_adjectives(text: str, tags: set[str]) -> None:
    assert set(parse(text, "RU-KDA").damage) == tags


@pytest.mark.parametrize(
    ("text", "no_damage"),
    [
        ("Сбиты три БПЛА. Пострадавших нет, капитальные строения не повреждены.", True),
        ("Сбиты три БПЛА. Гражданские объекты не повреждены.", True),
        ("Сбиты три БПЛА. Серьёзных повреждений и пострадавших на месте падения нет.", True),
        # said of homes only: it states no damage where the post reports none ...
        ("Сбиты три БПЛА, обломки упали у фермы, жилые строения не повреждены.", True),
        # ... and leaves the rest open where it reports some
        ("Сбиты три БПЛА, загорелся сарай, жилые строения не повреждены.", False),
        ("Сбиты три БПЛА. Повреждения есть, пострадавших нет.", False),
    ],
)
def test_no_damage_statements(text: str, no_damage: bool) -> None:
    assert parse(text, "RU-VOR").no_damage is no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the hospital the injured were taken to is no target
        ("Дрон атаковал машину, водитель ранен и доставлен в больницу.", ["vehicle"]),
        ("A drone hit a car; the driver was taken to hospital.", ["vehicle"]),
        # a district's name is no plant
        ("В Заводском районе обломки БПЛА повредили два автомобиля.", ["vehicle"]),
        # a roof after the building it belongs to
        (
            "Обломки беспилотника упали на крышу торгового центра. Повреждена кровля.",
            ["commercial"],
        ),
        ("Беспилотник упал во дворе. Повреждены кровля и окна.", ["residential"]),
        ("Загорелась крыша складского помещения после удара дрона.", ["fire", "commercial"]),
    ],
)
def test_damage_owners(text: str, damage: list[str]) -> None:
    assert sorted(parse(text, "RU-SAR").damage) == sorted(damage)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Дрон атаковал нефтебазу. Возгорания удалось избежать.", ["fuel"]),
        ("Обломки БПЛА упали на проезжую часть, повреждено дорожное покрытие.", ["transport"]),
    ],
)
def test_avoided_fire_and_roads(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-BA").damage == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        (
            "Drones attacked the town, damaging a substation and leaving it without power.",
            ["energy"],
        ),
        ("Falling drone debris shattered windows in several private houses.", ["residential"]),
        ("Обломки БПЛА повредили ЛЭП, часть домов без света.", ["energy"]),
    ],
)
def test_english_damage_verbs_and_outages(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-KRS").damage == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Отражена атака дронов на НПЗ. На территории завода возник пожар.", ["fuel", "fire"]),
        ("Дрон повредил здание школы и вышку сотовой связи.", ["social", "other"]),
    ],
)
def test_plants_and_towers(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-SAM").damage == damage


def test_infrastructure_objects_not_damaged() -> None:
    assert parse("Сбиты 4 БПЛА. Объекты инфраструктуры не повреждены.", "RU-TVE").no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Дрон атаковал машину. Автомобиль уничтожен огнём.", ["vehicle", "fire"]),
        # "огнём ПВО" is gunfire
        ("Над городом уничтожены огнём ПВО 5 беспилотников.", []),
        # a multiple rocket launcher is no fire
        ("Сбиты 186 БПЛА и 2 снаряда реактивной системы залпового огня.", []),
    ],
)
def test_fire_by_instrumental(text: str, damage: list[str]) -> None:
    assert parse(text, "RU-KRS").damage == damage


def test_a_petrol_station_after_the_plant_does_not_make_it_a_refinery() -> None:
    text = "Беспилотник атаковал завод, возник пожар. Водители на трассе у АЗС не пострадали."
    assert parse(text, "RU-SAM").damage == ["industrial", "fire"]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("В Курской области дрон атаковал посёлок, повреждена электроподстанция.", "energy"),
        ("Под Брянском после удара беспилотника повреждена подстанция.", "energy"),
        (
            "В Тульской области беспилотник попал на территорию машиностроительного завода.",
            "industrial",
        ),
    ],
)
def test_substations_and_plants_hit(text: str, tag: str) -> None:
    assert tag in parse(text).damage


def test_debris_that_landed_on_a_site_needs_reported_damage() -> None:
    text = "Обломки беспилотника попали на территорию завода, пострадавших нет."
    assert parse(text).damage == []


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # outbuildings of a home are other, the house itself residential
        ("После атаки дрона загорелся сарай, огонь потушили.", ["fire", "other"]),
        ("Обломками повреждены жилой дом и хозяйственная постройка.", ["other", "residential"]),
        ("Во дворе частного дома обломки повредили хозпостройку.", ["other"]),
        ("В одном домовладении от удара дрона горит летняя кухня.", ["fire", "other"]),
        ("Дрон атаковал гараж и баню на окраине села.", ["other"]),
        ("Drone debris damaged a shed and a garage.", ["other"]),
        ("Осколками посечены ворота и калитка частного дома.", ["residential"]),
        # objects by their names
        ("Беспилотник атаковал насосную станцию, возник пожар.", ["fire", "fuel"]),
        ("A drone hit a pumping station in the region.", ["fuel"]),
        ("Обломками повреждена канализационная насосная станция.", ["other"]),
        ("После атаки дрона повреждён строительный вагончик.", ["other"]),
        ("Дрон ударил по газоперерабатывающему заводу.", ["fuel"]),
        # a refinery absorbs its own plant, not a plant of its own beside it
        ("Дроны атаковали НПЗ, на территории завода возник пожар.", ["fire", "fuel"]),
        (
            "Обломки повредили резервуар нефтебазы и цех соседнего литейного завода.",
            ["fuel", "industrial"],
        ),
        ("Обломки повредили трубу газопровода и фасад дома.", ["fuel", "residential"]),
        ("В селе после удара дрона нарушено газоснабжение.", ["fuel"]),
        ("Беспилотник повредил здание гостиницы.", ["commercial"]),
        ("Обломки упали на гостевой дом, выбиты стёкла.", ["commercial"]),
        ("A drone damaged an office and a shopping mall.", ["commercial"]),
        ("При атаке повреждена иномарка.", ["vehicle"]),
        ("Дрон атаковал служебную автомашину.", ["vehicle"]),
        ("Обломки повредили автозаправочную станцию и пилораму.", ["fuel", "industrial"]),
        ("Удар дрона пришёлся по зданию сельсовета.", ["other"]),
        # an administrative building is the enterprise's when its clause names one
        ("Обломками повреждено административное здание литейного завода.", ["industrial"]),
        ("Обломками повреждены склад и административное здание.", ["commercial", "other"]),
        (
            "A drone attack hit a hydroelectric power plant; the plant's roof caught fire.",
            ["energy", "fire"],
        ),
        ("Дрон повредил коммунальный объект в посёлке Газопровод.", ["other"]),
        ("Ещё один дрон упал на железную дорогу, повреждения незначительные.", ["transport"]),
        ("Осколками повреждена градирня электростанции.", ["energy"]),
    ],
)
def test_objects_to_tags(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a casualty or downing word said of a thing reports damage to it
        ("В селе пострадали два частных дома и легковушка-иномарка.", ["residential", "vehicle"]),
        ("При атаке уничтожен грузовик.", ["vehicle"]),
        ("Атакован объект топливно-энергетического комплекса.", ["fuel"]),
        ("Обломками повреждён водовод.", ["other"]),
        # ... but not of people, nor of a drone
        ("Пострадал водитель автомобиля, его госпитализировали.", []),
        ("Над нефтебазой уничтожены пять БПЛА.", []),
    ],
)
def test_things_hurt(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        ("Drones struck an energy facility, causing a fire.", ["energy", "fire"]),
        ("A drone hit a petrol station on the outskirts of the town.", ["fuel"]),
        ("Debris damaged a supermarket and a restaurant.", ["commercial"]),
        ("Ukrainian drones attacked a thermal power plant overnight.", ["energy"]),
        ("A drone struck an ambulance, wounding two medics.", ["vehicle"]),
        ("Two drones were destroyed over the oil refinery; no damage was reported.", []),
        ("The drone damaged a house and a greenhouse.", ["other", "residential"]),
    ],
)
def test_english_objects(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a plant or a depot named only as a landmark or the vicinity
        ("Беспилотник сбит в районе завода, обломками выбиты окна частного дома.", ["residential"]),
        ("На подлёте к нефтебазе сбит дрон, обломки повредили склад.", ["commercial"]),
        ("A drone was downed on its approach to an oil depot, officials said.", []),
        ("Дроны атаковали город, где расположена электростанция; повреждён дом.", ["residential"]),
        # a participle before the object describes it: the object itself was hit
        ("Дрон сбит над полем, в расположенном рядом жилом доме выбиты окна.", ["residential"]),
        ("Дрон атаковал склад, расположенный рядом с частным домом.", ["commercial"]),
        # a fixed phrase, a drone's kind
        ("В связи с угрозой атаки повреждённые окна заклеили, выбиты стёкла.", ["residential"]),
        ("Ударный беспилотник сбит над объектом инфраструктуры.", []),
        ("Обломками повреждены кровля частного дома и линия связи.", ["other", "residential"]),
        # the hospital the injured were taken to, the owner of a car, the road met
        ("Пострадавшего отвезли в больницу, дрон повредил его машину.", ["vehicle"]),
        ("В больнице раненому оказывают помощь. Повреждён автомобиль.", ["vehicle"]),
        ("Дрон атаковал служебный автомобиль предприятия.", ["vehicle"]),
        ("Дрон сдетонировал от удара о дорожное покрытие, посечён грузовик.", ["vehicle"]),
        ("Дрон атаковал припаркованный в гараже автомобиль.", ["vehicle"]),
        # the administration that speaks or acts
        ("«Повреждены два дома», — сообщила пресс-служба администрации.", ["residential"]),
        ("Выбиты окна в домах, администрацией будет проведена оценка ущерба.", ["residential"]),
        # what is left without power is no damaged object
        ("Повреждена подстанция, без света остались дома и больница.", ["energy"]),
        ("Five villages and a school were left without electricity.", ["energy"]),
        ("После атаки дрона в двух сёлах отсутствует электроснабжение.", ["energy"]),
        ("После удара дрона обесточены три села.", ["energy"]),
        ("The strike caused a blackout in the town.", ["energy"]),
        # a building of no stated use is one of those named elsewhere
        ("Повреждены здания. В селе у частного дома выбиты окна.", ["residential"]),
        # a fire at a warehouse in an industrial zone: the warehouse
        ("В промзоне после падения обломков загорелся склад.", ["commercial", "fire"]),
        ("В промзоне после падения обломков возник пожар.", ["fire", "industrial"]),
        # an object named as where the one hit stood; a store tagged by what it holds
        ("Дрон атаковал автомобиль у магазина.", ["vehicle"]),
        ("У машины повреждены бампер и радиатор после удара дрона.", ["vehicle"]),
        ("Дрон атаковал склад ГСМ, возник пожар.", ["fire", "fuel"]),
        ("После атаки дронов на морской терминал возник пожар.", ["fire", "fuel"]),
        ("Обломками повреждён терминал аэропорта.", ["transport"]),
        # the employer of people named is no target
        ("Повреждено общежитие, где живут сотрудники АЭС.", ["residential"]),
        ("Произошло попадание дрона в склад боеприпасов.", ["other"]),
        # debris that landed on an object tags it, not the target the sentence names
        (
            "Дрон пытался атаковать завод, обломки упали на жилой дом. Горение потушено.",
            ["fire", "residential"],
        ),
        # an object said to work as usual
        ("Отключено электричество, поликлиника работает в штатном режиме.", ["energy"]),
    ],
)
def test_context_words_tag_nothing(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a hit on an object tags it with no damage described
        ("Дрон атаковал нефтебазу.", ["fuel"]),
        ("Беспилотник влетел в квартиру на пятом этаже.", ["residential"]),
        ("Зафиксировано попадание дрона в здание школы.", ["social"]),
        # debris that fell on an object hit it; debris that fell somewhere did not
        ("Обломки упали на жилой дом в посёлке.", ["residential"]),
        ("На крышу торгового центра упал беспилотник.", ["commercial"]),
        ("Обломки упали на территорию предприятия, пострадавших нет.", []),
        ("Обломки упали на промышленную площадку, повреждений нет.", []),
        ("Повреждены фасады домов. Часть обломков упала на территорию завода.", ["residential"]),
        (
            "Обломки упали на территорию предприятия. Степень ущерба устанавливается.",
            ["industrial"],
        ),
        # a hit only tried, threatened or repelled names a target, not damage
        ("Противник пытался атаковать промышленный объект, все дроны подавлены.", []),
        ("Зафиксирована попытка атаки БПЛА на объекты в городе.", []),
        ("В связи с угрозой атаки дронов приостановлена работа аэропорта.", []),
        ("Силы ПВО предотвратили атаку беспилотника на подстанцию.", []),
        ("Атака на НПЗ отражена, дроны сбиты.", []),
        # a repelled attack elsewhere in the post does not undo a drone's own hit
        ("Атака отражена. Дрон атаковал автомобиль, водитель ранен.", ["vehicle"]),
        ("Атака отражена. Зафиксирован прилёт в здание школы.", ["social"]),
        ("Атака отражена, но под удар попал магазин на окраине.", ["commercial"]),
        # "без" reaches over its nouns
        ("Обошлось без пострадавших и повреждений объектов инфраструктуры.", []),
        ("Обошлось без пострадавших в селе повреждены два дома.", ["residential"]),
        # a fire and a loss of nothing named
        ("Возгорание потушено, оценивается материальный ущерб.", ["fire", "other"]),
        # damage to nothing listed is other; damage unknown or asked about is none
        ("Дрон повредил беседку во дворе.", ["other"]),
        ("Пока неизвестно, какие повреждения есть на земле.", []),
        ("Ведомство не уточняет, есть ли разрушения.", []),
        # damage not (yet) reported
        ("Возможный ущерб инфраструктуре уточняется.", []),
        ("Сбит беспилотник, оценивается материальный ущерб.", ["other"]),
        ("There was no information about casualties or material damage.", []),
        # "не менее" negates nothing
        ("Повреждения получили не менее 12 жилых домов.", ["residential"]),
    ],
)
def test_hits_and_debris(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "no_damage"),
    [
        ("Разрушений капитальных строений нет, повреждена машина.", True),
        ("Обошлось без последствий.", True),
        ("Последствий на земле не установлено.", True),
        ("Жертв и серьёзных разрушений удалось избежать.", True),
        ("Удалось избежать разрушений.", True),
        ("Отмечается отсутствие пострадавших и разрушений.", True),
        ("Пострадавших нет, как и разрушений.", True),
        ("Нет ни разрушений, ни пострадавших.", True),
        ("Атака не повлекла разрушений.", True),
        ("Пострадавших и разрушений, по его данным, нет.", True),
        ("The debris fell without causing damage.", True),
        ("Жилые дома не повреждены.", True),
        ("Инфраструктура и здания не повреждены.", True),
        ("Обошлось без каких-либо серьёзных последствий.", True),
        ("The attack did not result in any damage.", True),
        ("No injuries or damage were reported.", True),
        # the negation after a casualty noun is its own
        ("Повреждения незначительные и пострадавших нет.", False),
        ("The ministry gave no details of any damage.", False),
        # said of one kind of object in a post that reports damage: the rest is open
        ("Повреждена ЛЭП, жилые строения не повреждены.", False),
        ("Выбиты окна в доме. Промышленные объекты не пострадали.", False),
        # no statement
        ("Информация о пострадавших и разрушениях не поступала.", False),
        ("О разрушениях информации пока нет.", False),
        ("Угрозы жизни пострадавшего нет.", False),
        ("Никто из жильцов не пострадал, выбиты стёкла.", False),
        ("Повреждения получили не менее 20 домов.", False),
        # "not serious": the damage is there, only small
        ("Повреждены окна гаража. Повреждения не серьёзные.", False),
        ("Выбиты стёкла в доме, разрушения не значительные.", False),
        ("Повреждения не выявлены.", True),
        ("Обошлось без последствий для здоровья жителей.", False),
    ],
)
def test_no_damage_said_of_part_or_not_at_all(text: str, no_damage: bool) -> None:
    assert _no_damage(text) is no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        pytest.param(
            "Обломки упали на территорию частного домовладения, повреждена крыша гаража.",
            ["other"],
            marks=pytest.mark.xfail(
                strict=True, reason="a home's grounds are not yet a location (labels disagree)"
            ),
        ),
        pytest.param(
            "Дрон атаковал станцию, повреждён грузовой состав.",
            ["transport"],
            marks=pytest.mark.xfail(strict=True, reason="a freight train reads as a truck"),
        ),
        pytest.param(
            "Целью атаки стали объекты промышленного сектора, возгорание травы потушено.",
            ["fire"],
            marks=pytest.mark.xfail(
                strict=True, reason="a target named beside a fire elsewhere is tagged"
            ),
        ),
    ],
)
def test_known_misses(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a "нет" reaches back over a list of genitive nouns parted by commas
        ("Пожаров, повреждений зданий и пострадавших нет.", [], True),
        ("Возгораний, разрушений и жертв на месте падения нет.", [], True),
        ("В посёлке повреждён гараж, возгораний нет.", ["other"], False),
        # a result that did not follow
        ("Падение дрона не привело к каким-либо повреждениям.", [], True),
        ("Атака не повлекла за собой разрушений жилых домов.", [], True),
        ("Удар не вызвал серьёзных повреждений.", [], True),
    ],
)
def test_negated_lists_and_results(text: str, damage: list[str], no_damage: bool) -> None:
    assert (_damage(text), _no_damage(text)) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a hit on the infrastructure at large names no object; damaged, it is other
        ("Под удар дронов попали мирные жители и инфраструктура города.", []),
        ("Атаке подверглись объекты гражданской инфраструктуры.", []),
        ("Обломками повреждены объекты инфраструктуры.", ["other"]),
        # an explosive dropped on an enterprise hits it
        ("С дрона сброшен боеприпас на территорию агрофирмы.", ["industrial"]),
        ("На территорию фермерского предприятия сброшено взрывное устройство.", ["industrial"]),
        # things as subjects of casualty verbs, the drone only as whose fall it was
        (
            "После падения беспилотника пострадали две квартиры и машина.",
            ["residential", "vehicle"],
        ),
        ("В результате удара дрона пострадал магазин, в нём выбило витрину.", ["commercial"]),
        # a verbless list after a sentence of damage goes on with it
        (
            "Повреждены окна жилого дома. В соседнем посёлке — школа, грузовик и опора ЛЭП.",
            ["energy", "residential", "social", "vehicle"],
        ),
        (
            "Повреждён частный дом. В Шебекино — магазин и два легковых автомобиля.",
            ["commercial", "residential", "vehicle"],
        ),
        # ... but not after a sentence that reports none
        ("Дрон сбит над полем. В соседнем посёлке — школа и детский сад.", []),
        ("В сарае стояла машина с прицепом внутри, обломки повредили сарай.", ["other", "vehicle"]),
    ],
)
def test_hits_lists_and_things(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # transport closed for safety is not hit
        ("Because of the drone attack, two airports were closed for several hours.", []),
        ("Из-за атаки беспилотников аэропорт города временно закрыт.", []),
        ("Drones struck the airport, damaging a terminal building.", ["transport"]),
        # drones named as vehicles are no vehicles
        ("Three unmanned aerial vehicles and two unmanned attack vehicles were downed.", []),
        # where the injured were taken, and burns as an injury
        ("A woman was injured and brought to the hospital; two cars were damaged.", ["vehicle"]),
        ("The driver suffered severe burns when a drone hit his truck.", ["vehicle"]),
        (
            "A drone strike set a warehouse on fire; the blaze burned for hours.",
            ["commercial", "fire"],
        ),
    ],
)
def test_english_context(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # street names are no objects
        ("Обломки повредили два дома на улице Заводской.", ["residential"]),
        ("Выбиты окна в доме на ул. Школьной и Больничной.", ["residential"]),
        # where someone works is no target
        ("Дрон атаковал мужчину, работавшего на ферме; он ранен.", []),
        # debris on an object with no damage stated tags nothing
        ("Обломки упали на крышу пятиэтажки, повреждений нет.", []),
        # people named after objects are no objects
        ("При атаке дрона пострадал автомобилист, повреждён дом.", ["residential"]),
        ("Ранен школьник, выбиты окна в квартире.", ["residential"]),
        # object nouns of each tag
        ("Обломками повреждены самосвал и внедорожник.", ["vehicle"]),
        ("Дрон атаковал такси и фуру на стоянке.", ["vehicle"]),
        ("Повреждены ларёк и кофейня.", ["commercial"]),
        ("Дрон атаковал свиноферму, погибли животные.", ["industrial"]),
        ("Дрон ударил по зернохранилищу.", ["industrial"]),
        ("Повреждён газгольдер, утечки нет.", ["fuel"]),
        ("Обломки повредили причал морского порта.", ["transport"]),
        ("Повреждено здание роддома и собор.", ["social"]),
        ("Повреждены очистные сооружения и водонапорная башня.", ["other"]),
        ("Во дворе повреждены навес и погреб.", ["other"]),
        ("A drone damaged a pharmacy and several businesses.", ["commercial"]),
        ("Debris hit two refineries and a petroleum storage site.", ["fuel"]),
        ("The strike damaged the port and a ferry.", ["transport"]),
        ("A drone hit a maternity hospital and a library.", ["social"]),
        ("Several flats and an SUV were damaged.", ["residential", "vehicle"]),
        # a munition dropped by a drone is its own, a store of munitions is other
        ("С дрона сброшен боеприпас на легковой автомобиль.", ["vehicle"]),
        ("Дрон атаковал склад боеприпасов.", ["other"]),
    ],
)
def test_names_workplaces_and_nouns(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a supply cut reaches homes and schools, which are not damaged
        ("The strike damaged a substation, cutting power to hundreds of homes.", ["energy"], False),
        ("Debris cut off electricity supply to a school and a clinic.", ["energy"], False),
        # an administrative building of a plant is the plant's
        ("A drone hit the administrative building of a chemical plant.", ["industrial"], False),
        # a parenthetical between the noun and its "нет"
        ("Повреждений, к счастью, нет.", [], True),
        # "ни ..., ни ..." after a "нет"
        ("Нет ни раненых, ни разрушений.", [], True),
        # damage said twice negated is damage
        ("Без повреждений не обошлось: посечён фасад дома.", ["residential"], False),
    ],
)
def test_supplies_owners_and_negations(text: str, damage: list[str], no_damage: bool) -> None:
    assert (_damage(text), _no_damage(text)) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # more words of damage, fire and hits
        ("Осколками разбиты стёкла в подъезде.", ["residential"]),
        ("После атаки дрона произошёл обрыв проводов.", ["energy"]),
        ("Взрывной волной снесена крыша бани.", ["other"]),
        ("Дрон осуществил подрыв топливного резервуара.", ["fuel"]),
        ("Горела грузовая машина, пламя потушили.", ["fire", "vehicle"]),
        ("After the strike a supermarket was ablaze.", ["commercial", "fire"]),
        ("The drone wrecked a minibus.", ["vehicle"]),
    ],
)
def test_more_damage_words(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # hits told as a habit name no event
        ("Противник продолжает атаковать жилые дома и подстанции.", []),
        ("Ukrainian drones have repeatedly targeted refineries in the south.", []),
        ("Kyiv has stepped up attacks on power plants this autumn.", []),
        # an attack going on is an event
        ("Продолжается атака беспилотников на нефтебазу.", ["fuel"]),
    ],
)
def test_habitual_hits(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # gunfire is no fire caused
        ("Зенитчики открыли огонь по дрону, обломки повредили забор дома.", ["residential"]),
        ("Soldiers opened fire on the drone; its debris damaged a garage.", ["other"]),
        ("Дрон сбит огнём из стрелкового оружия, посечён автомобиль.", ["vehicle"]),
        ("Air defence opened fire on drones approaching an oil depot.", []),
        # a fire caused
        ("После удара дрона огонь охватил ангар.", ["fire", "other"]),
    ],
)
def test_gunfire(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # more ways to name an object as the vicinity
        ("Debris fell in the area of a refinery, setting fire to dry grass.", ["fire"]),
        ("Debris fell not far from a substation and damaged two houses.", ["residential"]),
        ("Дрон летел в направлении завода, обломки повредили сарай.", ["other"]),
    ],
)
def test_more_vicinities(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # an English negation stops at a contrast or at an "and" that opens a clause
        ("No one was hurt, and a shop was damaged.", ["commercial"], False),
        ("Nobody was injured and three cars were damaged.", ["vehicle"], False),
        ("There were no casualties but a barn caught fire.", ["fire", "other"], False),
        ("The drone failed to explode but damaged a fence.", ["residential"], False),
        # ... and reaches over a list of what did not happen
        ("There were no injuries and no damage.", [], True),
        ("The strike caused no casualties or damage.", [], True),
    ],
)
def test_english_negation_scope(text: str, damage: list[str], no_damage: bool) -> None:
    assert (_damage(text), _no_damage(text)) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a negated predicate joined by "и" leaves the predicate before it standing
        ("Беспилотник застрял в окне жилого дома и не сдетонировал.", ["residential"], False),
        ("Дрон врезался в стену склада и не взорвался.", ["commercial"], False),
        ("Обломки повредили два гаража и никто не пострадал.", ["other"], False),
        ("Повреждения получила крыша дома и не пострадал никто.", ["residential"], False),
        # nouns joined by "и" stay negated
        ("Окна и двери в домах не повреждены.", [], True),
        # a negation after an aside
        ("Разрушений, по уточнённым данным, не выявлено.", [], True),
        ("Повреждения, которые получил гараж, незначительны.", ["other"], False),
    ],
)
def test_negation_joined_predicates(text: str, damage: list[str], no_damage: bool) -> None:
    assert (_damage(text), _no_damage(text)) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # objects named by their sector
        ("Беспилотник атаковал объект транспортной инфраструктуры.", ["transport"]),
        ("Целью удара стал объект энергетики.", ["energy"]),
        ("Обломки повредили объект агропромышленного комплекса.", ["industrial"]),
        ("Повреждено здание учреждения здравоохранения.", ["social"]),
        ("Дрон атаковал АГЗС на въезде в город.", ["fuel"]),
        # ... but not its workers
        ("Энергетики устраняют последствия, повреждена крыша дома.", ["residential"]),
        # a vehicle stays a vehicle
        ("Обломками повреждено транспортное средство.", ["vehicle"]),
    ],
)
def test_sector_objects(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a production site's grounds stay its own: what was hit there is its property
        # (labels real-009, real6-034, real7-088; contract: a fire at an enterprise)
        ("На территории агрофирмы дрон атаковал трактор.", ["industrial", "vehicle"]),
        # ... a school's or a shop's are where
        ("На территории школы повреждён автомобиль.", ["vehicle"]),
        ("На территории детского сада осколками посечены стены.", ["social"]),
        # ... but an attack on its grounds hits it
        ("Дрон атаковал территорию завода, повреждён погрузчик.", ["industrial", "vehicle"]),
    ],
)
def test_grounds(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # damage to the drone itself is no damage reported
        ("Беспилотник получил повреждения от средств РЭБ и упал в лесу.", []),
        ("Повреждённый дрон упал в поле за посёлком.", []),
        ("The drone was damaged by electronic warfare and came down in a field.", []),
        # ... but damage a drone did, or damage after its attack, is
        ("Беспилотник повредил кровлю магазина.", ["commercial"]),
        ("После атаки беспилотника есть повреждения.", ["other"]),
        ("A damaged drone fell onto a garage.", ["other"]),
    ],
)
def test_drone_damaged(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # parts of a building of no stated use are that building's
        ("Осколками посечён фасад здания суда.", ["other"]),
        ("Повреждены окна и крыша строения.", ["other"]),
        # parts alone are a home's
        ("Выбиты стёкла и повреждена крыша.", ["residential"]),
    ],
)
def test_parts_of_buildings(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a fire prevented was not caused
        ("Возгорание удалось предотвратить, посечён забор.", ["residential"]),
        ("Удалось предотвратить пожар на складе, выбиты окна дома.", ["residential"]),
        ("Возгорание оперативно потушено.", ["fire"]),
    ],
)
def test_prevented_fire(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "no_damage"),
    [
        # "no damage to X": a statement in a post that reports no damage
        ("There was no damage to property, the governor said.", True),
        ("The debris caused no damage to residential buildings.", True),
        # ... not where other damage is reported
        ("A truck was damaged, but there was no damage to homes.", False),
    ],
)
def test_english_no_damage_to(text: str, no_damage: bool) -> None:
    assert _no_damage(text) is no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # drones fired are no fire
        ("Ukrainian forces fired drones at the village, damaging a barn.", ["other"]),
        ("The army was firing at drones over the town; a car was damaged.", ["vehicle"]),
    ],
)
def test_fired_is_no_fire(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # traffic is no vehicle hit
        ("Повреждено дорожное полотно, движение транспорта ограничено.", ["transport"]),
        # a genitive after "и" is a thing of its own, not a vehicle's owner
        ("Осколками посечены кузов грузовика и забор дома.", ["residential", "vehicle"]),
        ("Зафиксированы повреждения машин и инфраструктуры.", ["other", "vehicle"]),
    ],
)
def test_traffic_and_owners(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the items of a list after a verb of damage
        (
            "Обломками повреждены:\n— многоквартирный дом;\n— три машины;\n— опора ЛЭП.",
            ["energy", "residential", "vehicle"],
        ),
        ("После атаки повреждены:\n- фасад магазина;\n- газовая труба.", ["commercial", "fuel"]),
        # ... not after a sentence with no damage
        ("Дрон сбит над полем.\n— Школа и детский сад работают.", []),
    ],
)
def test_list_items(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a negated verb of finding negates the damage after it
        (
            "Обломки упали у реки, но нигде не выявлено существенных разрушений построек.",
            [],
            True,
        ),
        ("Разрушений в селе либо раненых не зафиксировано.", [], True),
        # "отсутствует" negates what follows it too
        ("Раненых нет, также отсутствует ущерб объектам энергетики.", [], True),
        # avoided far after the noun, with no verb between
        (
            "Жертв и разрушений на земле при уничтожении вражеского аппарата удалось избежать.",
            [],
            True,
        ),
        # a contrast after the noun starts a clause of its own; a process is no thing
        (
            "Цех получил небольшие повреждения, но работа предприятия не нарушена.",
            ["industrial"],
            False,
        ),
        (
            "Склад получил повреждения, однако технологический процесс не пострадал.",
            ["commercial"],
            False,
        ),
    ],
)
def test_negated_finding_and_contrast(text: str, damage: list[str], no_damage: bool) -> None:
    assert _damage(text) == damage
    assert _no_damage(text) == no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the drone's own debris burning sets nothing on fire
        ("На месте падения дрона горели его обломки, пострадавших нет.", []),
        ("Обломки загорелись в поле, их потушили; повреждена ограда дома.", ["residential"]),
        # ... on an object, they do
        ("Обломки упали на крышу гаража и загорелись.", ["fire", "other"]),
        # fuel tags as what a store holds, not the drone's fuel
        ("При падении произошла детонация топлива беспилотника.", []),
        ("От удара загорелась цистерна с топливом.", ["fire", "fuel"]),
        ("Дрон атаковал склад топлива.", ["fuel"]),
        ("Повреждена топливная емкость.", ["fuel"]),
    ],
)
def test_debris_fire_and_drone_fuel(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a non-residential building stays other beside a home
        ("Обломки повредили кровлю нежилого строения и окна дома.", ["other", "residential"]),
        ("Повреждено нежилое помещение.", ["other"]),
        # what an English outage affected is no damaged object
        (
            "The drone struck a power line, causing an outage that hit two villages and a clinic.",
            ["energy"],
        ),
        ("Drones hit a substation, causing a blackout, damaging a school.", ["energy", "social"]),
        # English debris onto a house named with a hyphenated adjective
        ("Wreckage of the drone fell down onto a two-storey house.", ["residential"]),
    ],
)
def test_non_residential_outages_and_english_landings(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # English "neither ... nor" states no damage
        ("Neither damage nor injuries were reported, the mayor said.", [], True),
        # drones "targeting" an object only aimed at it
        ("Three drones targeting a power station were shot down over the district.", [], False),
        # a school closed for safety, or left without power, is no target
        (
            "Из-за отключения света отменены занятия в двух школах, повреждена опора ЛЭП.",
            ["energy"],
            False,
        ),
        ("Работа детсада приостановлена, в соседнем доме выбиты окна.", ["residential"], False),
        # an outage by another word
        ("После атаки произошло аварийное выключение электроэнергии в селе.", ["energy"], False),
    ],
)
def test_neither_aims_and_closures(text: str, damage: list[str], no_damage: bool) -> None:
    assert _damage(text) == damage
    assert _no_damage(text) == no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # "соответствующие службы" deny nothing
        ("На месте возник пожар, который потушили соответствующие службы.", ["fire"]),
        # a transport, vehicle or school adjective describes the object after it
        ("Обломки упали на цех автомобильного завода.", ["industrial"]),
        ("Дрон атаковал школьный автобус, водитель ранен.", ["vehicle"]),
        ("Повреждён железнодорожный мост.", ["transport"]),
        # English: an attack on an object whose drones were all neutralized hit nothing
        (
            "All drones in an attack on industrial sites were neutralized. There was no damage.",
            [],
        ),
    ],
)
def test_services_adjectives_and_neutralized(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # gas and power networks, tanks
        ("Повреждена линия газопередачи, двое суток село без газа.", ["fuel"]),
        ("Обломки повредили газораспределительную станцию.", ["fuel"]),
        ("От удара загорелась железнодорожная цистерна.", ["fire", "fuel"]),
        ("Повреждены объекты энергокомплекса.", ["energy"]),
    ],
)
def test_networks_and_tanks(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "no_damage"),
    [
        # "ни ..., ни ... не пострадали": things unhurt
        ("Ни здания, ни объекты связи не пострадали.", True),
        ("Ни один из жителей не пострадал.", False),
    ],
)
def test_neither_things_unhurt(text: str, no_damage: bool) -> None:
    assert _no_damage(text) == no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a part of a building the vocabulary does not list is no home's
        ("Беспилотник влетел в крышу штаба дивизии.", ["other"]),
        ("Осколками выбиты окна почтового отделения.", ["other"]),
        # ... where the post names another building, it is that one's
        ("На территории школы посечены стены летнего павильона.", ["social"]),
        # a part of a home stays a home's
        ("Выбиты окна второго этажа, посечён забор участка.", ["residential"]),
        ("Обломки повредили кровлю котельной.", ["other"]),
        # "его крышу": the part of the object named before
        ("Дрон атаковал здание склада. Он упал на его крышу.", ["commercial"]),
    ],
)
def test_parts_of_unlisted_buildings(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # object nouns
        ("Обломки упали на территорию хлебозавода, повреждена кровля цеха.", ["industrial"]),
        ("Повреждена газокомпрессорная станция.", ["fuel"]),
        ("Повреждена контактная сеть, задерживаются электрички.", ["transport"]),
        ("Осколками посечены кондиционеры и рольставни.", ["residential"]),
        # a person of a thing is hurt, not the thing
        ("Пострадал помощник машиниста электропоезда.", []),
        ("Пострадал охранник склада.", []),
    ],
)
def test_more_object_nouns_and_people_of_things(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the administration as the subject of a verb acts, it is no building hit
        ("Выбиты окна. Районная администрация проводит обход квартир.", ["residential"]),
        ("Дрон атаковал администрацию посёлка, выбиты окна.", ["other"]),
        # a plant's unit is the plant
        ("Обломки упали на одну из установок завода, возник пожар.", ["fire", "industrial"]),
    ],
)
def test_administration_acting(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # "у" an object, in a sentence that tells no damage, is where
        ("Дроны сбросили боеприпасы на людей у продуктового магазина.", []),
        ("У магазина дрон повредил два автомобиля.", ["vehicle"]),
        # debris onto a building "одного из" objects: that object's
        ("Обломки упали на здание одного из местных предприятий.", ["industrial"]),
    ],
)
def test_at_an_object_and_one_of(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the items of a numbered list after a verb of damage
        (
            "В результате атаки повреждены:\n1. частный дом;\n2. автомобиль;\n3. газовая труба.",
            ["fuel", "residential", "vehicle"],
        ),
        ("Повреждены:\n1) два дома;\n2) опора ЛЭП.", ["energy", "residential"]),
    ],
)
def test_numbered_list_items(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # windows beside vehicles are a home's: a vehicle has glass
        ("Взрывом выбиты окна, посечены осколками два автомобиля.", ["residential", "vehicle"]),
        ("У автомобиля выбиты стёкла и посечён кузов.", ["vehicle"]),
        # English grounds of an object are where, beside what was hit
        (
            "An apartment was damaged, and a drone crashed onto the grounds of a school.",
            ["residential"],
        ),
        (
            "Drone wreckage fell on the territory of an enterprise, causing a fire.",
            ["fire", "industrial"],
        ),
        # English "tearing a hole"
        ("A drone exploded, tearing a hole in the roof of a warehouse.", ["commercial"]),
    ],
)
def test_windows_beside_vehicles_and_english_grounds(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # "дом культуры" is no home
        ("Осколками посечены окна сельского Дома культуры.", ["social"]),
        ("Повреждены дома жителей села.", ["residential"]),
    ],
)
def test_house_of_culture(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # English "flew into" hits; "flew over" does not
        ("A drone flew into the window of an apartment.", ["residential"]),
        ("Two drones flew over the refinery and were shot down.", []),
    ],
)
def test_flew_into(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # "ни ..., ни ... нет" negates the whole list
        ("Ни разрушений, ни пострадавших нет.", [], True),
        ("Ни возгораний, ни повреждений на месте падения нет.", [], True),
    ],
)
def test_neither_list_before_no(text: str, damage: list[str], no_damage: bool) -> None:
    assert _damage(text) == damage
    assert _no_damage(text) == no_damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # outages by other words
        ("После падения обломков возникли перебои с электроснабжением.", ["energy"]),
        ("В посёлке пропало электричество.", ["energy"]),
    ],
)
def test_more_outage_words(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # vehicles in the genitive after a transport object name what it serves
        ("Повреждён вокзал пригородных автобусов.", ["transport"]),
        ("Повреждены вокзал и два автобуса.", ["transport", "vehicle"]),
    ],
)
def test_transport_serving_vehicles(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a verb of finding between the noun and its negation is the negated one's
        ("Разрушений жилых домов обнаружено не было.", [], True),
        ("По предварительным данным, повреждений зданий зафиксировано не было.", [], True),
        # "последствий для" things is no damage; "для здоровья" speaks of people
        ("Последствий для объектов энергетики нет.", [], True),
        ("Обломки упали в лесу, обошлось без последствий для жизни людей.", [], False),
        # "удалось не допустить" avoids what stands before it
        ("Разрушений и жертв среди населения удалось не допустить.", [], True),
        # a closing "нет" in a quote, the speaker after it; its list of places
        ("«Повреждений в школах, больницах, на предприятиях нет», — сказал глава.", [], True),
        # no comment about damage states nothing
        ("Комментариев относительно повреждений объектов ведомство не даёт.", [], False),
        ("Обломки упали на поле. Без разрушений на земле всё же не обошлось.", [], False),
    ],
)
def test_no_damage_findings_and_quotes(text: str, damage: list[str], no_damage: bool) -> None:
    report = parse(_DOWNED + text, "RU-BEL")
    assert (sorted(report.damage), report.no_damage) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # "No X ... were damaged": a negated subject, over commas
        ("Two drones were downed. No buildings in the town have been damaged.", [], True),
        ("Two drones were downed. No facilities, on land or at sea, were hit.", [], True),
        # a list after "no"
        ("Two drones were downed. There were no deaths, injuries, or damage.", [], True),
        ("Two drones were downed, no injuries, a shed damaged.", ["other"], False),
        ("Two drones were downed, no injuries, damage to a shed.", ["other"], False),
        # one kind of object unhurt counts only in a post with no damage (as in Russian)
        (
            "Two drones were downed. No houses were hit, but a car burned.",
            ["fire", "vehicle"],
            False,
        ),
        ("Two drones were downed. No houses were hit.", [], True),
    ],
)
def test_english_no_damage_subjects_and_lists(
    text: str, damage: list[str], no_damage: bool
) -> None:
    report = parse(text, "RU-KRS")
    assert (sorted(report.damage), report.no_damage) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # an object of no tag of its own with a listed owner after it is the owner's
        ("Повреждена вышка ЛЭП, без света три улицы.", ["energy"]),
        ("Обломки повредили котельную больницы.", ["social"]),
        # the administration as the body that speaks, not a building
        ("Пожар потушен, сообщает телеграм-канал администрации района.", ["fire"]),
        ("Повреждены окна администрации посёлка.", ["other"]),
        ("A fire broke out in a field, the city administration said.", ["fire"]),
        # a possessive part belongs to the object named before, even as its vicinity
        ("Дрон взорвался рядом с магазином, повредив его витрину и крышу.", ["commercial"]),
        # English people of homes, homes cut off
        ("Residents of some 300 houses were left without power.", ["energy"]),
        ("A power line was damaged, and 40 homes were de-energized.", ["energy"]),
        # English drones destroyed, attacks only attempted
        ("Air defence destroyed five drones over the region.", []),
        (
            "An attempt by the Kyiv regime to carry out an attack with drones on facilities in"
            " the region was thwarted; five drones were downed.",
            [],
        ),
    ],
)
def test_owners_speakers_and_antecedents(text: str, damage: list[str]) -> None:
    report = parse(text, "RU-BEL")
    if report.kind != "attack":
        report = parse(_DOWNED + text, "RU-BEL")
    assert sorted(report.damage) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # gas pipes beside an industrial object absorb nothing (a refinery absorbs its plant)
        ("Повреждены цех предприятия и газопровод низкого давления.", ["fuel", "industrial"]),
        ("На НПЗ повреждено оборудование завода, возник пожар.", ["fire", "fuel"]),
        # a petrochemical company is production; its group's name before it is no object
        ("Беспилотник атаковал «Лукойл нефтехим», на территории пожар.", ["fire", "industrial"]),
        # "на подъезде к" is an approach, not an entrance of a block of flats
        ("Дрон атаковал грузовик на подъезде к селу.", ["vehicle"]),
        # the road a vehicle moved on, the pier a building stood at, are no targets
        ("Дрон ударил по машине, которая ехала по федеральной трассе.", ["vehicle"]),
        ("Посечён склад у старого причала.", ["commercial"]),
        # people who got to hospital
        ("Двое мирных жителей попали в больницу, дрон повредил легковушку.", ["vehicle"]),
        # an indirect English question asks about damage, no damage reported
        ("Two drones were downed; officials did not say whether any damage was caused.", []),
        ("The town has faced cross-border fire for months; a drone was downed.", []),
    ],
)
def test_plants_approaches_and_questions(text: str, damage: list[str]) -> None:
    report = parse(text, "RU-BEL")
    if report.kind != "attack":
        report = parse(_DOWNED + text, "RU-BEL")
    assert sorted(report.damage) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a listed object in the genitive after an object of another tag is its owner
        ("Повреждена кровля общежития колледжа.", ["residential"], False),
        ("Осколками посечена трансформаторная подстанция птицефабрики.", ["energy"], False),
        ("Попадание в склад боеприпасов, повреждён дом.", ["other", "residential"], False),
        # a dash before the "нет" of a list
        ("Пожаров, разрушений – нет, службы работают штатно.", [], True),
        # an airport being closed is no target
        ("Аэропорт закрывали на несколько часов, были перебои со связью.", [], False),
        # the vicinity over "одним из"
        ("Взрывы прогремели рядом с одним из заводов. Разрушений нет.", [], True),
    ],
)
def test_possessors_dashes_and_one_of(text: str, damage: list[str], no_damage: bool) -> None:
    report = parse(_DOWNED + text, "RU-BEL")
    assert (sorted(report.damage), report.no_damage) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # a negated result over a list with casualty nouns
        ("Атака не повлекла за собой человеческих жертв и разрушений.", [], True),
        # things said to be intact
        ("Все здания и объекты энергетики остались целыми.", [], True),
        ("Постройки целы, люди не пострадали.", [], True),
        # ... not people
        ("Жители остались целыми и невредимыми.", [], False),
        # a ship is other; the port it was in is where
        ("Осколки повредили сухогрузное судно в морском порту.", ["other"], False),
    ],
)
def test_results_intact_things_and_ships(text: str, damage: list[str], no_damage: bool) -> None:
    report = parse(_DOWNED + text, "RU-BEL")
    assert (sorted(report.damage), report.no_damage) == (damage, no_damage)


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # an ambulance's "помощь" is no treatment at the hospital beside it
        ("Посечены автомобиль скорой помощи и здание больницы.", ["social", "vehicle"]),
        ("Раненого доставили в больницу, где ему оказана помощь; повреждён дом.", ["residential"]),
        # a bus stop's shelter
        ("Осколками повреждён остановочный павильон.", ["transport"]),
    ],
)
def test_ambulances_and_stops(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a building set apart from the objects named beside it is other (was a known miss)
        (
            "Обломки повредили крышу частного дома и выбили стёкла в соседнем здании.",
            ["other", "residential"],
        ),
        ("Разрушена крыша дома, выбиты стёкла в соседнем здании.", ["other", "residential"]),
        ("A drone hit a shop; windows were broken in another building.", ["commercial", "other"]),
        # ... a bare one is one of them
        ("Повреждены три частных дома и здание.", ["residential"]),
        # a part before "у" keeps its owner after it; a whole object stands there
        ("Посечены стёкла у аптеки.", ["commercial"]),
        ("Осколками повреждён грузовик у склада.", ["vehicle"]),
    ],
)
def test_distinct_buildings_and_at(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # the administration as the subject of a verb read also as a noun ("начала")
        ("Выбиты окна в доме. Районная администрация начала обход квартир.", ["residential"]),
        # an agency's closing line about strikes in return names no target
        (
            "Повреждён автомобиль. В ответ на атаки армия наносит удары по военным объектам"
            " и предприятиям противника.",
            ["vehicle"],
        ),
    ],
)
def test_acting_administrations_and_strikes_in_return(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a school named as where people were taken in is a shelter
        ("Выбиты окна в доме, жильцов эвакуировали в школу.", ["residential"]),
        (
            "Повреждён дом, для жильцов открыт пункт временного размещения в здании школы.",
            ["residential"],
        ),
        # ... not the school they left after a hit
        ("После попадания дрона из школы эвакуировали детей.", ["social"]),
        # an owner after a participle of belonging
        ("Повреждён грузовик, принадлежащий местному предприятию.", ["vehicle"]),
    ],
)
def test_shelters_and_owners(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # a sector's word before a word of trade names no object
        (
            "A drone attack set a depot's fuel tank ablaze. Such strikes aim to cut Moscow's"
            " revenue from energy exports.",
            ["fire", "fuel"],
        ),
        # "транспортно-" compounds are transport, not vehicles
        ("Обломки повредили транспортно-пересадочный узел.", ["transport"]),
    ],
)
def test_trade_words_and_transport_compounds(text: str, damage: list[str]) -> None:
    assert _damage(text) == damage


@pytest.mark.parametrize(
    ("text", "damage"),
    [
        # an English news item's background is no event of its own
        (
            "Two drones were downed overnight. Kyiv has targeted Russian depots in recent months.",
            [],
        ),
        ("Two drones were downed overnight. Ukraine has been hitting refineries with drones.", []),
        ("Two drones were downed. Kyiv calls its strikes on power plants retaliation.", []),
        # ... an event told beside "recent" is one
        ("Two drones were downed. The most recent attack damaged a house.", ["residential"]),
    ],
)
def test_english_background(text: str, damage: list[str]) -> None:
    assert sorted(parse(text, None).damage) == damage


@pytest.mark.parametrize(
    ("text", "damage", "no_damage"),
    [
        # "без света" after a damage noun is an outage, no statement of no damage
        ("Из-за повреждения ЛЭП без света остались жители двух улиц.", ["energy"], False),
        ("В результате повреждения линии без газа остались 40 домов.", ["fuel"], False),
        # what lost its supply is no damaged object
        ("Обесточены 150 домов и больница.", ["energy"], False),
        # ... unless another word of damage says so
        ("Повреждён дом и обесточена улица.", ["energy", "residential"], False),
    ],
)
def test_outages_said_of_things(text: str, damage: list[str], no_damage: bool) -> None:
    report = parse(_DOWNED + text, "RU-BEL")
    assert (sorted(report.damage), report.no_damage) == (damage, no_damage)
