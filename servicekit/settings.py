"""Settings every service shares, read from environment variables (pydantic-settings)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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
