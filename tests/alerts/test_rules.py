"""Matching `[[alerts]]` rules against stored reports, and the rules' validation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from dronewatch.alerts.message import alert_html
from dronewatch.alerts.rules import match, matches
from dronewatch.config import DAMAGE_TAGS, AlertRule, ConfigError, Settings, load_settings
from dronewatch.parsing import DAMAGE_TAGS as PARSER_DAMAGE_TAGS
from dronewatch.store.children import RegionCount
from dronewatch.store.digests import PeriodReport

POSTED = datetime(2026, 10, 12, 4, 15, tzinfo=UTC)
TEXT = "Над Шебекинским округом уничтожены 12 БПЛА. Повреждена нефтебаза, ранены двое."


def evidence(field: str, value: Any, fragment: str) -> dict[str, Any]:
    start = TEXT.index(fragment)
    return {"field": field, "value": value, "start": start, "end": start + len(fragment),
            "text": fragment}  # fmt: skip


def report(**changes: Any) -> PeriodReport:
    values: dict[str, Any] = {
        "report_id": 7, "post_id": 3, "channel_id": 1, "channel_telegram_id": 1002,
        "channel_username": "bel_gov", "channel_title": "Белгородская область",
        "channel_label": None, "channel_region": "RU-BEL", "message_id": 20,
        "posted_at": POSTED, "edited_at": None, "text": TEXT, "period_end": POSTED,
        "stored_at": POSTED,
        "kind": "attack", "drones": 12, "cumulative": False, "killed": None, "injured": 2,
        "no_damage": False,
        "evidence": [
            evidence("places", "Шебекинский городской округ", "Шебекинским округом"),
            evidence("drones", 12, "12 БПЛА"),
            evidence("damage", "fuel", "нефтебаза"),
            evidence("injured", 2, "ранены двое"),
        ],
        "regions": (RegionCount("RU-BEL", 12),),
        "places": ("Шебекинский городской округ",),
        "damage": ("fuel",),
    }  # fmt: skip
    values.update(changes)
    return PeriodReport(**values)


def rule(**conditions: Any) -> AlertRule:
    return AlertRule(name="test rule", **conditions)


def test_every_condition_must_hold() -> None:
    both = rule(regions=["RU-BEL"], min_drones=10)
    assert match(both, report()) is not None
    assert match(both, report(drones=8, regions=(RegionCount("RU-BEL", 8),))) is None
    assert match(both, report(regions=(RegionCount("RU-KRS", 12),))) is None


def test_a_list_holds_when_any_item_does() -> None:
    assert match(rule(damage=["energy", "fuel"]), report()) is not None
    assert match(rule(damage=["energy"]), report()) is None
    assert match(rule(regions=["RU-KRS", "RU-BEL"]), report()) is not None


def test_min_drones_counts_the_rules_regions_only() -> None:
    """A ministry summary of 40 drones names 3 over Belgorod: a Belgorod rule sees 3."""
    summary = report(
        channel_region=None,
        drones=40,
        regions=(RegionCount("RU-KRS", 20), RegionCount("RU-BEL", 3), RegionCount("RU-BRY", 17)),
    )
    assert match(rule(regions=["RU-BEL"], min_drones=10), summary) is None
    found = match(rule(regions=["RU-BEL", "RU-BRY"], min_drones=10), summary)
    assert found is not None
    assert found.drones == 20
    assert match(rule(min_drones=30), summary) is not None  # no regions: the headline


def test_casualties_places_and_kinds() -> None:
    assert match(rule(casualties=True), report()) is not None
    assert match(rule(casualties=True), report(injured=None)) is None
    assert match(rule(places=["шебёкинский"]), report()) is not None  # case and ё ignored
    assert match(rule(places=["Белгород"]), report()) is None
    warning = report(kind="alert", drones=None, regions=(), evidence=[])
    assert match(rule(regions=["RU-BEL"]), warning) is None  # attacks only by default
    assert match(rule(regions=["RU-BEL"], kinds=["alert"]), warning) is not None


def test_the_quotes_are_the_spans_that_matched() -> None:
    found = match(rule(casualties=True, text="нефтебаз[а-я]*", damage=["fuel"]), report())
    assert found is not None
    assert [(q.field, q.text) for q in found.quotes] == [
        ("damage", "нефтебаза"),
        ("text", "нефтебаза"),
        ("injured", "ранены двое"),
    ]
    html = alert_html(found, Settings().digest.zone)
    assert html.startswith("<b>Alert: test rule</b>")
    assert "<i>«ранены двое»</i>" in html
    assert '<a href="https://t.me/bel_gov/20">Белгородская область</a> · 12 Oct 07:15' in html


def test_the_text_pattern_ignores_case_and_every_rule_is_tried() -> None:
    rules = [AlertRule(name="a", text="БПЛА"), AlertRule(name="b", text="ракет")]
    assert [found.rule.name for found in matches(rules, report(text=TEXT.lower()))] == ["a"]


def test_hostile_text_is_escaped() -> None:
    text = "<b>12 БПЛА</b> <a href='x'>"
    found = match(rule(text="12 бпла"), report(text=text, evidence=[]))
    assert found is not None
    assert "&lt;a href='x'&gt;" not in alert_html(found, Settings().digest.zone)
    assert "<b>12 БПЛА</b>" not in alert_html(found, Settings().digest.zone).split("\n", 2)[2]


def test_damage_tags_are_the_parsers() -> None:
    assert DAMAGE_TAGS == PARSER_DAMAGE_TAGS


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('name = "x"', "alerts.0: give at least one condition"),
        ('name = "x"\ntext = "(unclosed"', "alerts.0.text: not a valid regular expression"),
        ('name = "x"\ndamage = ["fuel", "boats"]', "alerts.0.damage.1: unknown damage tag"),
        ('name = "x"\nregions = ["RU-XYZ"]', "alerts.0.regions.0: unknown region code"),
        ('name = "x"\nmin_drones = 0', "alerts.0.min_drones: Input should be greater than"),
        ('text = "x"', "alerts.0.name: Field required"),
    ],
)
def test_bad_rules_are_config_errors(tmp_path: Any, toml: str, problem: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'[digest]\nrecipients = ["me"]\n[[alerts]]\n{toml}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert any(line.startswith(problem) for line in error.value.problems), error.value.problems


def test_rules_need_unique_names_and_recipients(tmp_path: Any) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[[alerts]]\nname = "x"\ncasualties = true\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"alerts are sent to digest\.recipients"):
        load_settings(path)
    path.write_text(
        '[digest]\nrecipients = ["me"]\n'
        '[[alerts]]\nname = "x"\ncasualties = true\n[[alerts]]\nname = "x"\ntext = "a"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="the rule name 'x' is used twice"):
        load_settings(path)
