"""Settings every service shares, read from environment variables (pydantic-settings), and
where a relative path in them points to."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import ClassVar, Self
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from servicekit.sealed_params import DEV_SEALING_KEY

REPO_ROOT = Path(__file__).resolve().parents[1]


class Environment(StrEnum):
    """MATUR_ENV: `production` refuses the development secrets (see `CommonSettings`)."""

    DEVELOPMENT = "development"
    PRODUCTION = "production"


# Secrets the repository itself hands out (devstack, deploy/compose.yaml, tests): never
# good enough for production. Any value containing one of DEVELOPMENT_MARKERS is one too.
DEVELOPMENT_SECRETS = frozenset({"", "matur", "postgres", "password", "secret", "changeme"})
DEVELOPMENT_MARKERS = ("matur-dev", "dev-secret", "changeme", "example")


def development_secret(value: str, default: str | None = None) -> bool:
    """Whether `value` is a development secret: the field's default, a known one, or a
    URL (a DSN) whose password is one (a URL without a password is judged by the rest)."""
    if value == default or value.lower() in DEVELOPMENT_SECRETS:
        return True
    if any(marker in value.lower() for marker in DEVELOPMENT_MARKERS):
        return True
    if "://" in value:
        password = urlsplit(value).password
        return password is not None and password.lower() in DEVELOPMENT_SECRETS
    return False


def repo_path(value: str | Path) -> Path:
    """A path from the settings: a relative one is relative to the repository root."""
    path = Path(value)
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=None, extra="ignore", populate_by_name=True, hide_input_in_errors=True
    )

    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092", validation_alias="KAFKA_BOOTSTRAP_SERVERS"
    )
    topic_prefix: str = Field(default="", validation_alias="MATUR_TOPIC_PREFIX")
    database_url: SecretStr = Field(
        default=SecretStr("postgresql://matur@127.0.0.1:5432/matur"),
        validation_alias="DATABASE_URL",
    )
    log_format: str = Field(
        default="auto",
        validation_alias="MATUR_LOG_FORMAT",
        description="json, console, or auto (console on a terminal, json otherwise)",
    )
    log_level: str = Field(default="INFO", validation_alias="MATUR_LOG_LEVEL")
    replication_factor: int = Field(default=1, validation_alias="MATUR_REPLICATION_FACTOR")
    min_insync_replicas: int = Field(default=1, validation_alias="MATUR_MIN_INSYNC_REPLICAS")
    environment: Environment = Field(
        default=Environment.DEVELOPMENT,
        validation_alias="MATUR_ENV",
        description="production: refuse to start with a development secret",
    )

    # The fields holding secrets: with MATUR_ENV=production, a development value in one of
    # them stops the service at start (a service lists its own, adding to these).
    production_secrets: ClassVar[tuple[str, ...]] = ("database_url",)

    @model_validator(mode="after")
    def _no_development_secret_in_production(self) -> Self:
        if self.environment is not Environment.PRODUCTION:
            return self
        refused = []
        for name in self.production_secrets:
            value = getattr(self, name)
            text = value.get_secret_value() if isinstance(value, SecretStr) else str(value or "")
            default = type(self).model_fields[name].default
            if isinstance(default, SecretStr):
                default = default.get_secret_value()
            if development_secret(text, default if isinstance(default, str) else None):
                refused.append(name)
        if refused:
            names = ", ".join(sorted(refused))
            raise ValueError(f"MATUR_ENV=production refuses the development value of: {names}")
        return self

    def group(self, name: str) -> str:
        """A consumer group id, prefixed like the topics (MATUR_TOPIC_PREFIX), so that
        environments or test sessions sharing a cluster never share a group."""
        return f"{self.topic_prefix}{name}"


class ServedSettings(CommonSettings):
    """The settings of a service with an HTTP server (health, metrics, its API): where it
    listens, from `<SERVICE>_HOST` and `<SERVICE>_PORT`. A service names the prefix and
    its default port:

        class ApiSettings(ServedSettings):
            model_config = SettingsConfigDict(env_prefix="API_")  # API_HOST, API_PORT
            port: int = 8000

    The prefix applies only to fields without a `validation_alias`: every other setting
    names its environment variable itself.
    """

    host: str = Field(default="127.0.0.1", description="Address the HTTP server binds to")
    port: int = Field(description="Port of the HTTP server")


class SealingSettings(CommonSettings):
    """The key that seals secrets inside topic messages (servicekit/sealed_params.py):
    the API seals sign-in codes, the notifier opens them. Only those two have it."""

    sealing_key: SecretStr = Field(
        default=SecretStr(DEV_SEALING_KEY),
        validation_alias="MATUR_SEALING_KEY",
        description="Shared by the API and the notifier; a long random value in production",
    )
    production_secrets: ClassVar[tuple[str, ...]] = (
        *CommonSettings.production_secrets,
        "sealing_key",
    )
