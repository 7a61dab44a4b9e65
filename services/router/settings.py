"""Settings of the router service (environment variables)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from servicekit.settings import CommonSettings
from services.router.domain.sla import SlaPolicy

REPO_ROOT = Path(__file__).resolve().parents[2]


def repo_path(value: str | Path) -> Path:
    """A path from configuration: relative ones are relative to the repository root."""
    path = Path(value)
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


class RouterSettings(CommonSettings):
    host: str = Field(default="127.0.0.1", validation_alias="ROUTER_HOST")
    port: int = Field(default=8003, validation_alias="ROUTER_PORT")
    app_id: str = Field(
        default="matur-router",
        validation_alias="ROUTER_APP_ID",
        description="Faust app id (consumer group, changelog topic names); gets the topic prefix",
    )
    roster_file: str = Field(
        default="deploy/sample-data/roster.bojonegoro.sample.json",
        validation_alias="MATUR_ROSTER_FILE",
    )
    area_data_dir: str = Field(
        default="../shared/data/idn-area", validation_alias="MATUR_AREA_DATA_DIR"
    )
    area_regencies: str = Field(
        default="",
        validation_alias="MATUR_AREA_REGENCIES",
        description="Comma separated regency codes to load, 'all' for the whole country; "
        "empty: the roster's regency only",
    )
    store_dir: str = Field(default=".local/router-store", validation_alias="ROUTER_STORE_DIR")
    sla_seconds: float | None = Field(
        default=None,
        validation_alias="MATUR_SLA_SECONDS",
        description="Tests and demos: every tier gets exactly this many seconds to "
        "acknowledge, whatever the urgency, and acknowledging stops the ladder (no resolve "
        "window); overrides MATUR_SLA_*",
    )
    kapolres_reminders: int = Field(
        default=3,
        validation_alias="MATUR_SLA_KAPOLRES_REMINDERS",
        description="Reminders to the Kapolres when the top tier's window passes",
    )
    reopen_window_hours: float = Field(default=72, validation_alias="MATUR_REOPEN_WINDOW_HOURS")
    deadline_tick_seconds: float = Field(
        default=0.25, validation_alias="ROUTER_DEADLINE_TICK_SECONDS"
    )
    broker_session_timeout_s: float = Field(
        default=10.0, validation_alias="ROUTER_BROKER_SESSION_TIMEOUT_S"
    )
    batch_max: int = Field(
        default=500, validation_alias="ROUTER_BATCH_MAX",
        description="Messages handled per batch (one state flush and one output wait each)",
    )
    batch_within_s: float = Field(
        default=0.01, validation_alias="ROUTER_BATCH_WITHIN_S",
        description="How long a batch waits to fill up",
    )
    faust_log_level: str = Field(default="WARNING", validation_alias="ROUTER_FAUST_LOG_LEVEL")
    commit_interval_s: float = Field(default=2.8, validation_alias="ROUTER_COMMIT_INTERVAL_S")

    @property
    def broker_url(self) -> str:
        return ";".join(
            f"kafka://{server.strip()}"
            for server in self.kafka_bootstrap_servers.split(",")
            if server.strip()
        )

    @property
    def faust_app_id(self) -> str:
        return f"{self.topic_prefix}{self.app_id}"

    @property
    def roster_path(self) -> Path:
        return repo_path(self.roster_file)

    @property
    def area_data_path(self) -> Path:
        return repo_path(self.area_data_dir)

    @property
    def store_path(self) -> Path:
        return repo_path(self.store_dir)

    def regency_codes(self, roster_regency: str) -> list[str] | None:
        """Which regencies to load: None = all."""
        value = self.area_regencies.strip()
        if value.lower() == "all":
            return None
        if not value:
            return [roster_regency]
        return [code.strip() for code in value.split(",") if code.strip()]

    def sla_policy(self) -> SlaPolicy:
        """MATUR_SLA_* (see services/router/domain/sla.py), or MATUR_SLA_SECONDS flat."""
        if self.sla_seconds is not None:
            minutes = self.sla_seconds / 60
            return SlaPolicy.from_minutes(
                minutes, minutes, minutes,
                high_factor=1, emergency_factor=1, low_factor=1, resolve=None,
            )
        return SlaPolicy.from_env()
