"""Settings of the ingest service (environment variables)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServedSettings


class IngestSettings(ServedSettings):
    model_config = SettingsConfigDict(env_prefix="INGEST_")  # INGEST_HOST, INGEST_PORT
    port: int = 8001

    app_secret: SecretStr = Field(
        default=SecretStr("matur-dev-app-secret"),
        validation_alias="WHATSAPP_APP_SECRET",
        description="Meta app secret: the HMAC key of X-Hub-Signature-256",
    )
    previous_app_secrets: SecretStr = Field(
        default=SecretStr(""),
        validation_alias="WHATSAPP_APP_SECRETS_PREVIOUS",
        description="Comma-separated older app secrets still accepted during a rotation",
    )
    verify_token: SecretStr = Field(
        default=SecretStr("matur-dev-verify-token"),
        validation_alias="WHATSAPP_VERIFY_TOKEN",
        description="The token Meta echoes in the GET verification handshake",
    )
    max_body_bytes: int = Field(
        default=3 * 1024 * 1024,
        validation_alias="INGEST_MAX_BODY_BYTES",
        description="Larger webhook bodies are refused with 413 (Meta sends up to 3 MB)",
    )
    publish_timeout_s: float = Field(
        default=5.0,
        validation_alias="INGEST_PUBLISH_TIMEOUT_S",
        description="Bound on dedupe + produce + acks of one POST; beyond it the POST gets 503",
    )
    db_pool_max: int = Field(default=20, validation_alias="INGEST_DB_POOL_MAX")
    publish_workers: int = Field(
        default=4,
        validation_alias="INGEST_PUBLISH_WORKERS",
        description="Publish transactions running at once; POSTs waiting share the next one",
    )
    group_max_events: int = Field(
        default=2000,
        validation_alias="INGEST_GROUP_MAX_EVENTS",
        description="A group stops taking more POSTs once it holds this many events",
    )
    reconnect_interval_s: float = Field(
        default=1.0,
        validation_alias="INGEST_RECONNECT_INTERVAL_S",
        description="Pause between attempts to reach Kafka or PostgreSQL while they are down",
    )
    deadletter_body_max_bytes: int = Field(
        default=512 * 1024,
        validation_alias="INGEST_DEADLETTER_BODY_MAX_BYTES",
        description="Longer raw bodies are cut in dead letters (they must fit a Kafka record)",
    )

    dedupe_retention_days: int = Field(
        default=30,
        validation_alias="INGEST_DEDUPE_RETENTION_DAYS",
        description="Dedupe keys older than this are deleted hourly; 0 keeps them forever",
    )

    def app_secrets(self) -> list[str]:
        """The current app secret first, then every previous one still accepted."""
        previous = [s.strip() for s in self.previous_app_secrets.get_secret_value().split(",")]
        return [self.app_secret.get_secret_value(), *(s for s in previous if s)]
