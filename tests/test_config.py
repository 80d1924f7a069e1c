"""Configuration: file, environment, defaults, and one clear line per problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dronewatch.cli import app
from dronewatch.config import ConfigError, load_settings, masked_dump

REPO = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return caught.value.problems


def test_example_config_is_valid() -> None:
    settings = load_settings(REPO / "config.example.toml")
    assert settings.digest.timezone == "Europe/Moscow"
    assert all(
        channel.region is None or channel.region.startswith("RU-") for channel in settings.channels
    )


def test_defaults_without_any_file(tmp_path: Path) -> None:
    settings = load_settings()
    assert (
        settings.database_url
        == f"sqlite:///{tmp_path / 'xdg-data' / 'dronewatch' / 'dronewatch.db'}"
    )
    assert settings.digest.time.hour == 8
    assert settings.digest.day_starts.hour == 8
    assert settings.channels == []


def test_config_in_working_directory_is_found(tmp_path: Path) -> None:
    write(tmp_path / "dronewatch.toml", '[database]\nurl = "sqlite:///here.db"\n')
    assert load_settings().database_url == "sqlite:///here.db"


def test_user_config_directory_is_found(tmp_path: Path) -> None:
    user = tmp_path / "xdg-config" / "dronewatch"
    user.mkdir(parents=True)
    write(user / "config.toml", "[logging]\nlevel = 'debug'\n")
    assert load_settings().logging.level == "DEBUG"


def test_environment_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(
        tmp_path / "c.toml", '[database]\nurl = "sqlite:///file.db"\n[telegram]\napi_id = 1\n'
    )
    monkeypatch.setenv("DRONEWATCH_DATABASE__URL", "postgresql://u:p@h/db")
    monkeypatch.setenv("DRONEWATCH_TELEGRAM__API_HASH", "secret-hash")
    settings = load_settings(path)
    assert settings.database_url == "postgresql://u:p@h/db"
    assert settings.require_telegram() == (1, "secret-hash")


def test_channels_accept_links_ids_and_usernames(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        "[[channels]]\nchannel = 'https://t.me/SomeGovernor'\nregion = 'ru-klu'\n"
        "[[channels]]\nchannel = 1234567890\n"
        "[[channels]]\nchannel = '@mod_russia'\n",
    )
    channels = load_settings(path).channels
    assert [c.channel for c in channels] == ["SomeGovernor", "1234567890", "mod_russia"]
    assert channels[0].region == "RU-KLU"
    assert channels[1].numeric_id == 1234567890
    assert channels[2].numeric_id is None


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[database]\nurl = 5\n", "database.url: Input should be a valid string"),
        ("[database]\nuri = 'x'\n", "database.uri: unknown key"),
        ("colour = 'red'\n", "colour: unknown key"),
        ("[telegram]\napi_id = 'abc'\n", "telegram.api_id: Input should be a valid integer"),
        (
            "[[channels]]\nchannel = 'a'\nregion = 'RU-XYZ'\n",
            "channels.0.region: unknown region code 'RU-XYZ'",
        ),
        (
            "[digest]\ntimezone = 'Mars/Olympus'\n",
            "digest.timezone: unknown time zone 'Mars/Olympus'",
        ),
        ("[digest]\nrecipients = ['bob']\n", "digest.recipients.0"),
        ("[digest]\nrecipients = ['me', 42]\n", "digest: chat ids in recipients"),
        ("[digest]\nrecipients = [42]\nsend_as = 'friend'\n", "digest.send_as"),
        ("[logging]\nlevel = 'LOUD'\n", "logging.level"),
    ],
)
def test_each_problem_names_its_key(tmp_path: Path, toml: str, expected: str) -> None:
    problems = problems_of(write(tmp_path / "bad.toml", toml))
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", "[database]\nurl = 5\n[digest]\ntime = '25:00'\n")
    keys = [problem.split(":")[0] for problem in problems_of(path)]
    assert keys == ["database.url", "digest.time"]


def test_duplicate_channel_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.toml", "[[channels]]\nchannel = 'a'\n[[channels]]\nchannel = '@A'\n"
    )
    assert "listed twice" in problems_of(path)[0]


def test_not_toml_and_missing_file(tmp_path: Path) -> None:
    assert "not valid TOML" in problems_of(write(tmp_path / "bad.toml", "[database\n"))[0]
    assert "not found" in problems_of(tmp_path / "missing.toml")[0]


def test_missing_credentials_name_the_keys() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings().require_telegram()
    assert caught.value.problems == [
        "telegram.api_id: required to connect to Telegram",
        "telegram.api_hash: required to connect to Telegram",
    ]


def test_secrets_are_masked(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        "[telegram]\napi_hash = 'hash-value'\nsession_string = 'session-value'\n"
        "[database]\nurl = 'postgresql://user:db-password@host/db'\n"
        "[digest]\nbot_token = 'token-value'\n",
    )
    dumped = str(masked_dump(load_settings(path)))
    for secret in ("hash-value", "session-value", "db-password", "token-value"):
        assert secret not in dumped
    assert "postgresql://user:**********@host/db" in dumped


def test_chat_ids_from_the_users_own_account_only_when_asked(tmp_path: Path) -> None:
    toml = "[digest]\nrecipients = ['me', 4242]\nsend_as = 'user'\n"
    path = write(tmp_path / "user.toml", toml)
    result = CliRunner().invoke(app, ["config", "check", "--config", str(path)])
    assert result.exit_code == 0, result.output
    assert "chat ids 4242 from your own Telegram account" in result.stderr
    with_bot = write(tmp_path / "bot.toml", "[digest]\nrecipients = [4242]\nbot_token = '1:x'\n")
    result = CliRunner().invoke(app, ["config", "check", "--config", str(with_bot)])
    assert result.exit_code == 0, result.output
    assert "your own Telegram account" not in result.stderr
