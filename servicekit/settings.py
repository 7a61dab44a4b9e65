"""Settings every service shares, read from environment variables (pydantic-settings), and
where a relative path in them points to."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


def repo_path(value: str | Path) -> Path:
    """A path from the settings: a relative one is relative to the repository root."""
    path = Path(value)
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", populate_by_name=True)

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
