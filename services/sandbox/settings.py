"""Settings of the sandbox Graph API server (environment variables)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServedSettings, repo_path

KAPOLRES_LINE = "103522000000000"


class SandboxSettings(ServedSettings):
    model_config = SettingsConfigDict(env_prefix="SANDBOX_")  # SANDBOX_HOST, SANDBOX_PORT
    port: int = 8090
    access_token: SecretStr = Field(
        default=SecretStr("matur-dev-access-token"), validation_alias="WHATSAPP_ACCESS_TOKEN"
    )
    app_secret: SecretStr = Field(
        default=SecretStr("matur-dev-app-secret"), validation_alias="WHATSAPP_APP_SECRET"
    )
    webhook_url: str = Field(
        default="http://127.0.0.1:8001/webhook", validation_alias="SANDBOX_WEBHOOK_URL"
    )
    webhook_attempts: int = Field(
        default=4,
        ge=1,
        validation_alias="SANDBOX_WEBHOOK_ATTEMPTS",
        description="Deliveries tried per webhook: the first plus quick retries on non-200",
    )
    webhook_retry_delay: float = Field(
        default=0.2,
        ge=0,
        validation_alias="SANDBOX_WEBHOOK_RETRY_DELAY",
        description="Seconds before the second retry; doubles after each (first is immediate)",
    )
    webhook_timeout: float = Field(default=10.0, validation_alias="SANDBOX_WEBHOOK_TIMEOUT")
    auto_statuses: bool = Field(default=True, validation_alias="SANDBOX_AUTO_STATUSES")
    auto_read: bool = Field(default=False, validation_alias="SANDBOX_AUTO_READ")
    status_delay: float = Field(
        default=0.0,
        ge=0,
        validation_alias="SANDBOX_STATUS_DELAY",
        description="Seconds between the sent, delivered and read webhooks of one message",
    )
    enforce_window: bool = Field(default=False, validation_alias="SANDBOX_ENFORCE_WINDOW")
    window_error_async: bool = Field(
        default=False,
        validation_alias="SANDBOX_WINDOW_ERROR_ASYNC",
        description="Report 131047 as a failed status after a 200 instead of a 400",
    )
    record_limit: int = Field(default=100_000, ge=1, validation_alias="SANDBOX_RECORD_LIMIT")
    waba_id: str = Field(default="102290129340398", validation_alias="SANDBOX_WABA_ID")
    country_code: str = Field(
        default="62",
        validation_alias="SANDBOX_COUNTRY_CODE",
        description="Prepended to a `to` without '+', as Meta does with the line's country",
    )
    roster_file: str = Field(
        default="deploy/sample-data/roster.bojonegoro.sample.json",
        validation_alias="MATUR_ROSTER_FILE",
    )

    def roster_path(self) -> Path:
        return repo_path(self.roster_file)
