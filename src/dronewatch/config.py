"""Configuration: a TOML file overridden by `DRONEWATCH_*` environment variables.

This is the only module that reads configuration. Precedence, highest first:
environment (`DRONEWATCH_DATABASE__URL`), the TOML file, the defaults below.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from dronewatch.regions import is_known_region

CONFIG_FILE_NAME = "dronewatch.toml"
_TME_LINK = re.compile(r"^(?:https?://)?(?:t\.me|telegram\.me)/(?:s/)?(?P<name>[A-Za-z0-9_]+)/?$")


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "dronewatch"


def default_config_paths() -> list[Path]:
    """Where the config is looked for when `--config` is not given, in order."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return [Path.cwd() / CONFIG_FILE_NAME, Path(base) / "dronewatch" / "config.toml"]


def _region_code(code: str) -> str:
    code = code.strip().upper()
    if not is_known_region(code):
        raise ValueError(f"unknown region code {code!r} (see data/regions.tsv)")
    return code


RegionCode = Annotated[str, AfterValidator(_region_code)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


PROXY_SCHEMES = ("socks5", "socks4", "http", "mtproxy")


@dataclass(frozen=True, slots=True)
class Proxy:
    """A proxy to reach Telegram through, from `[telegram] proxy`."""

    scheme: Literal["socks5", "socks4", "http", "mtproxy"]
    host: str
    port: int
    username: str | None = None
    password: str | None = None  # for mtproxy: the proxy's secret

    def masked(self) -> str:
        """The proxy as a URL with its password or secret hidden, for printing."""
        user = f"{self.username}:" if self.username else ""
        secret = f"{user}**********@" if self.password else ""
        return f"{self.scheme}://{secret}{self.host}:{self.port}"


def parse_proxy(url: str) -> Proxy:
    """`socks5://user:pass@host:port`, `socks4://`, `http://`, or `mtproxy://secret@host:port`."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in PROXY_SCHEMES:
        raise ValueError(
            f"proxy must start with one of {', '.join(s + '://' for s in PROXY_SCHEMES)}"
        )
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        raise ValueError(f"proxy needs a host and a port: {scheme}://...@host:port")
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    if scheme == "mtproxy":
        secret = username or ""
        if secret[:2].lower() == "ee":
            raise ValueError("fake-TLS MTProxy secrets (ee...) are not supported; use a dd... one")
        if not re.fullmatch(r"(?:dd)?[0-9a-fA-F]{32}", secret):
            raise ValueError("mtproxy needs its secret: mtproxy://<32 hex digits>@host:port")
        return Proxy("mtproxy", parts.hostname, port, password=secret)
    return Proxy(scheme, parts.hostname, port, username, password)  # type: ignore[arg-type]


def _proxy_url(url: str) -> str:
    parse_proxy(url)
    return url.strip()


def _server_address(value: str) -> str:
    host, _, port = value.strip().rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError("server must be host:port, e.g. 127.0.0.1:4430")
    return value.strip()


def _rsa_key_file(path: Path) -> Path:
    import rsa  # Telethon's own RSA library; imported only when a key is configured

    try:
        load_rsa_key(path.read_bytes())
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror}") from None
    except (ValueError, rsa.pkcs1.CryptoError, IndexError) as error:
        raise ValueError(f"{path} is not an RSA public key in PEM form ({error})") from None
    return path


def load_rsa_key(pem: bytes) -> Any:
    """An RSA public key from PEM, PKCS#1 ("BEGIN RSA PUBLIC KEY") or SPKI ("BEGIN PUBLIC KEY")."""
    import rsa

    if b"BEGIN RSA PUBLIC KEY" in pem:
        return rsa.PublicKey.load_pkcs1(pem)
    return rsa.PublicKey.load_pkcs1_openssl_pem(pem)


class TelegramConfig(Section):
    api_id: int | None = Field(None, description="From https://my.telegram.org")
    api_hash: SecretStr | None = None
    session: Path | None = Field(None, description="Session file; default <data_dir>/dronewatch")
    session_string: SecretStr | None = None
    backfill_days: int = Field(2, ge=0, description="History fetched for a channel seen first")
    recheck_days: int = Field(2, ge=0, description="Stored posts re-checked for edits on start")
    poll_seconds: int = Field(
        300, ge=0, description="Check every channel for missed posts this often; 0: never"
    )
    proxy: Annotated[str, AfterValidator(_proxy_url)] | None = Field(
        None, description="socks5://user:pass@host:port, http://..., mtproxy://secret@host:port"
    )
    server: Annotated[str, AfterValidator(_server_address)] | None = Field(
        None, description="host:port of a test or self-hosted MTProto server"
    )
    server_key: Annotated[Path, AfterValidator(_rsa_key_file)] | None = Field(
        None, description="That server's RSA public key (PEM file)"
    )

    @model_validator(mode="after")
    def _key_with_server(self) -> TelegramConfig:
        if self.server_key is not None and self.server is None:
            raise ValueError("server_key is the key of a custom server: set server too")
        return self

    @property
    def proxy_settings(self) -> Proxy | None:
        return parse_proxy(self.proxy) if self.proxy else None


class DatabaseConfig(Section):
    url: str | None = Field(None, description="SQLAlchemy URL; default SQLite in data_dir")
    echo: bool = False


class ChannelConfig(Section):
    channel: str = Field(description="username, numeric id or t.me link")
    region: RegionCode | None = Field(None, description="ISO code; omit for national channels")
    label: str | None = None
    join: bool = False

    @field_validator("channel", mode="before")
    @classmethod
    def _normalise_channel(cls, value: Any) -> Any:
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            value = value.strip()
            if match := _TME_LINK.match(value):
                return match["name"]
            return value.removeprefix("@")
        return value

    @property
    def numeric_id(self) -> int | None:
        """The channel as a Telegram id, when it was given as one."""
        return int(self.channel) if re.fullmatch(r"-?\d+", self.channel) else None


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error
    return name


def _recipient(value: str | int) -> str | int:
    if isinstance(value, str) and value != "me" and not re.fullmatch(r"-?\d+", value):
        raise ValueError(f"recipient must be a numeric chat id or 'me', not {value!r}")
    return value


class DigestConfig(Section):
    enabled: bool = True
    time: dt.time = Field(dt.time(8, 0), description="Local time the digest is sent")
    day_starts: dt.time = Field(
        dt.time(8, 0),
        description="Local time a reporting day ends and the next begins (00:00: calendar "
        "days); a day is named after the date it ends on",
    )
    timezone: Annotated[str, AfterValidator(_timezone)] = "Europe/Moscow"
    recipients: list[Annotated[str | int, AfterValidator(_recipient)]] = Field(default_factory=list)
    bot_token: SecretStr | None = None
    send_as: Literal["bot", "user"] = Field(
        "bot", description='Who messages chat ids: "bot" (bot_token) or "user" (your account)'
    )
    chart_days: int = Field(14, ge=2)
    chart_regions: int = Field(6, ge=1)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def chat_ids(self) -> list[str]:
        """The recipients other than "me": people or groups the digest is sent to."""
        return [str(r) for r in self.recipients if str(r) != "me"]

    @model_validator(mode="after")
    def _chat_ids_have_a_sender(self) -> DigestConfig:
        if self.chat_ids and self.bot_token is None and self.send_as == "bot":
            raise ValueError(
                "chat ids in recipients are messaged by the bot: set digest.bot_token, or "
                'send_as = "user" to message them from your own Telegram account '
                "(they will see who you are)"
            )
        return self


# The parser's damage tags (`dronewatch.parsing.DAMAGE_TAGS`, which a test keeps equal):
# named here so that checking a config does not load the parser.
DAMAGE_TAGS = (
    "vehicle", "residential", "commercial", "industrial", "energy",
    "fuel", "transport", "social", "fire", "other",
)  # fmt: skip


def _damage_tag(tag: str) -> str:
    if tag not in DAMAGE_TAGS:
        raise ValueError(f"unknown damage tag {tag!r} (one of {', '.join(DAMAGE_TAGS)})")
    return tag


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a valid regular expression: {error}") from None
    return value


AlertKind = Literal["attack", "alert"]


def _attacks() -> list[AlertKind]:
    return ["attack"]


class AlertRule(Section):
    """An `[[alerts]]` rule: every condition given must hold; a list holds when any item does."""

    name: str = Field(min_length=1, max_length=100, description="Unique; names the alert sent")
    kinds: list[AlertKind] = Field(
        default_factory=_attacks, description="Report kinds the rule looks at"
    )
    regions: list[RegionCode] = Field(default_factory=list)
    min_drones: int | None = Field(None, ge=1, description="In the rule's regions when given")
    casualties: bool = Field(False, description="Only posts reporting someone killed or injured")
    damage: list[Annotated[str, AfterValidator(_damage_tag)]] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list, description="Part of a place's name")
    text: Annotated[str, AfterValidator(_pattern)] | None = Field(
        None, description="A regular expression searched in the post (case ignored)"
    )

    @model_validator(mode="after")
    def _has_a_condition(self) -> AlertRule:
        if (
            not (self.regions or self.min_drones or self.casualties or self.damage or self.places)
            and self.text is None
        ):
            raise ValueError(
                "give at least one condition (regions, min_drones, casualties, damage, "
                "places, text): a rule without one would alert on every post"
            )
        if not self.kinds:
            raise ValueError("kinds: give at least one of attack, alert")
        return self


class LoggingConfig(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    file: Path | None = None

    @field_validator("level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value


class Settings(BaseSettings):
    """Everything dronewatch can be told. Unknown keys are errors, not silence."""

    model_config = SettingsConfigDict(
        env_prefix="DRONEWATCH_",
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    telegram: TelegramConfig = Field(default_factory=TelegramConfig)
    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    channels: list[ChannelConfig] = Field(default_factory=list)
    digest: DigestConfig = Field(default_factory=DigestConfig)
    alerts: list[AlertRule] = Field(default_factory=list)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file's values arrive as init arguments; the environment wins over them.
        return (env_settings, init_settings)

    @model_validator(mode="after")
    def _unique_channels(self) -> Settings:
        seen: set[str] = set()
        for channel in self.channels:
            key = channel.channel.lower()
            if key in seen:
                raise ValueError(f"channel {channel.channel!r} is listed twice")
            seen.add(key)
        return self

    @model_validator(mode="after")
    def _alerts_have_names_and_recipients(self) -> Settings:
        names: set[str] = set()
        for rule in self.alerts:
            if rule.name in names:
                raise ValueError(f"alerts: the rule name {rule.name!r} is used twice")
            names.add(rule.name)
        if self.alerts and not self.digest.recipients:
            raise ValueError("alerts are sent to digest.recipients, which is empty")
        return self

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{self.data_dir / 'dronewatch.db'}"

    @property
    def session_path(self) -> Path:
        return self.telegram.session or self.data_dir / "dronewatch"

    def channel_regions(self) -> dict[str, str | None]:
        """Configured region by channel key (lower-case username or numeric id)."""
        return {c.channel.lower(): c.region for c in self.channels}

    def require_telegram(self) -> tuple[int, str]:
        """The API credentials, or a ConfigError naming what is missing."""
        problems = []
        if self.telegram.api_id is None:
            problems.append("telegram.api_id: required to connect to Telegram")
        if self.telegram.api_hash is None:
            problems.append("telegram.api_hash: required to connect to Telegram")
        if problems or self.telegram.api_id is None or self.telegram.api_hash is None:
            raise ConfigError(problems)
        return self.telegram.api_id, self.telegram.api_hash.get_secret_value()


class ConfigError(Exception):
    """A configuration that cannot be used; one line per problem, each naming its key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _describe(error: ValidationError) -> list[str]:
    lines = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(top level)"
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown key"
        lines.append(f"{key}: {message}")
    return lines


def find_config_file(explicit: Path | None) -> Path | None:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError([f"config file {explicit}: not found"])
        return explicit
    return next((path for path in default_config_paths() if path.is_file()), None)


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file (explicit, or the first default that exists) and the environment."""
    config_file = find_config_file(path)
    data: dict[str, Any] = {}
    if config_file is not None:
        try:
            data = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError([f"{config_file}: not valid TOML: {error}"]) from error
    try:
        return Settings(**data)
    except ValidationError as error:
        raise ConfigError(_describe(error)) from error


def masked_dump(settings: Settings) -> dict[str, Any]:
    """The effective configuration with every secret masked, for printing."""
    dumped = settings.model_dump(mode="json")
    dumped["database"]["url"] = _mask_url(settings.database_url)
    proxy = settings.telegram.proxy_settings
    if proxy is not None:
        dumped["telegram"]["proxy"] = proxy.masked()
    return dumped


def _mask_url(url: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]+@", r"\1**********@", url)
