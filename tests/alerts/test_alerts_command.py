"""`dronewatch alerts test`: the alerts the rules would have sent for stored posts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner, Result

from dronewatch import model
from dronewatch.cli import app
from dronewatch.parsing import RegionCount, Report
from dronewatch.pipeline import Pipeline
from dronewatch.store import Database

BELGOROD = model.Channel(telegram_id=555, title="Губернатор", username="gov_bel", region="RU-BEL")
DAY = datetime(2026, 6, 1, 5, 0, tzinfo=UTC)
RULES: list[dict[str, object]] = [
    {"name": "Belgorod 10+", "regions": ["RU-BEL"], "min_drones": 10},
    {"name": "fuel", "text": "нефтебаз"},
]


def parse(text: str, _region: str | None, _date: datetime | None) -> Report:
    drones = int(text.split()[0])
    return Report(kind="attack", drones=drones, regions=[RegionCount(code="RU-BEL", drones=drones)])


def invoke(database: Database, *args: str, rules: list[dict[str, object]] = RULES) -> Result:
    env = {
        "DRONEWATCH_DATABASE__URL": database.engine.url.render_as_string(hide_password=False),
        "DRONEWATCH_DIGEST__RECIPIENTS": '["me"]',
        "DRONEWATCH_ALERTS": json.dumps(rules),
    }
    return CliRunner().invoke(app, ["alerts", "test", *args], env=env)


def test_shows_the_alerts_each_rule_would_have_sent(database: Database) -> None:
    Pipeline(database, parser=parse, parser_version="t").ingest(
        [
            model.Post(BELGOROD, 1, DAY, "12 БПЛА, горит нефтебаза"),
            model.Post(BELGOROD, 2, DAY + timedelta(hours=1), "3 БПЛА"),
            model.Post(BELGOROD, 3, DAY + timedelta(hours=2), "15 БПЛА"),
        ]
    )
    result = invoke(database)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("t.me/gov_bel/3") < out.index("t.me/gov_bel/1")  # newest first
    assert "t.me/gov_bel/2" not in out
    assert "text: «нефтебаз»" in out
    assert "Belgorod 10+: 2 matching report(s)" in result.stderr
    assert "fuel: 1 matching report(s)" in result.stderr

    one = invoke(database, "--rule", "fuel", "--limit", "1")
    assert one.stdout.count("Alert:") == 1
    assert "Alert: fuel" in one.stdout
    assert invoke(database, "--until", "2026-05-31").stdout == ""


def test_an_unknown_rule_or_no_rules_is_a_usage_error(database: Database) -> None:
    unknown = invoke(database, "--rule", "nope")
    assert unknown.exit_code == 2
    assert "no rule named 'nope' (the rules: 'Belgorod 10+', 'fuel')" in unknown.stderr
    none = invoke(database, rules=[])
    assert none.exit_code == 2
    assert "no [[alerts]] rules" in none.stderr
