"""Settings of the router service (environment variables)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from contracts.hierarchy import Category
from servicekit.settings import ServedSettings, repo_path
from services.router.domain.sla import SlaPolicy

_NEVER = frozenset({"", "none", "off", "never"})
_FALSE = frozenset({"0", "false", "no", "off"})
_DEFAULT_POLICY = SlaPolicy()


def _sla(name: str, description: str) -> Any:
    """A MATUR_SLA_<NAME> field whose default is the domain policy's."""
    default = getattr(_DEFAULT_POLICY, name.lower())
    return Field(default=default, validation_alias=f"MATUR_SLA_{name}", description=description)


class SlaSettings(BaseSettings):
    """The escalation policy, from MATUR_SLA_* (what each value means: `domain/sla.py`).

    It builds the `SlaPolicy` the domain uses; the domain never reads the environment.
    """

    model_config = SettingsConfigDict(env_file=None, extra="ignore", populate_by_name=True)

    bhabin_minutes: float = _sla("BHABIN_MINUTES", "minutes a Bhabin has to acknowledge")
    kapolsek_minutes: float = _sla("KAPOLSEK_MINUTES", "minutes a Kapolsek has")
    kapolres_minutes: float = _sla("KAPOLRES_MINUTES", "minutes between Kapolres reminders")
    high_factor: float = _sla("HIGH_FACTOR", "factor on every window for high urgency")
    emergency_factor: float = _sla("EMERGENCY_FACTOR", "factor for emergencies")
    low_factor: float = _sla("LOW_FACTOR", "factor for low urgency")
    resolve_minutes: float | None = _sla(
        "RESOLVE_MINUTES",
        "minutes an acknowledged case may stay unresolved at a tier; empty/none/off/never: "
        "acknowledging stops the ladder",
    )
    remind_at_top: bool = _sla("REMIND_AT_TOP", "remind the Kapolres again when nobody acts")
    category_factors: Annotated[dict[str, float], NoDecode] = Field(
        default_factory=dict,
        validation_alias="MATUR_SLA_CATEGORY_FACTORS",
        description='extra factor per category, e.g. "information=2,fire=0.5"',
    )
    seconds: float | None = Field(
        default=None,
        validation_alias="MATUR_SLA_SECONDS",
        description="Tests and demos: every tier gets exactly this many seconds to "
        "acknowledge, whatever the urgency, and acknowledging stops the ladder (no resolve "
        "window); overrides the other MATUR_SLA_* values",
    )

    @field_validator(
        "bhabin_minutes", "kapolsek_minutes", "kapolres_minutes",
        "high_factor", "emergency_factor", "low_factor",
        mode="before",
    )
    @classmethod
    def _empty_is_the_default(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and not value.strip():
            return getattr(_DEFAULT_POLICY, str(info.field_name))
        return value

    @field_validator("resolve_minutes", mode="before")
    @classmethod
    def _never(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in _NEVER:
            return None
        return value

    @field_validator("remind_at_top", mode="before")
    @classmethod
    def _remind(cls, value: Any) -> Any:
        if isinstance(value, str):
            return value.strip().lower() not in _FALSE
        return value

    @field_validator("category_factors", mode="before")
    @classmethod
    def _factors(cls, value: Any) -> Any:
        """`information=2, fire=0.5` (category values; an unknown category is refused)."""
        if not isinstance(value, str):
            return value
        factors: dict[str, float] = {}
        for item in filter(None, (part.strip() for part in value.split(","))):
            if "=" not in item:
                raise ValueError(f"MATUR_SLA_CATEGORY_FACTORS: {item!r} is not category=factor")
            key, factor = item.split("=", 1)
            factors[Category(key.strip()).value] = float(factor)
        return factors

    def policy(self) -> SlaPolicy:
        """The policy in force, or MATUR_SLA_SECONDS flat."""
        if self.seconds is not None:
            minutes = self.seconds / 60
            return SlaPolicy.from_minutes(
                minutes, minutes, minutes,
                high_factor=1, emergency_factor=1, low_factor=1, resolve=None,
            )
        return SlaPolicy.from_dict(self.model_dump())  # the fields are the policy's


class RouterSettings(ServedSettings):
    model_config = SettingsConfigDict(env_prefix="ROUTER_")  # ROUTER_HOST, ROUTER_PORT
    port: int = 8003
    app_id: str = Field(
        default="matur-router",
        validation_alias="ROUTER_APP_ID",
        description="Faust app id (consumer group, changelog topic names); gets the topic prefix",
    )
    area_data_dir: str = Field(
        default="../shared/data/idn-area", validation_alias="MATUR_AREA_DATA_DIR"
    )
    area_regencies: str = Field(
        default="",
        validation_alias="MATUR_AREA_REGENCIES",
        description="Comma separated regency codes to load, 'all' for the whole country; "
        "empty: the regency of the directory's Polres only",
    )
    store_dir: str = Field(default=".local/router-store", validation_alias="ROUTER_STORE_DIR")
    sla: SlaSettings = Field(default_factory=SlaSettings, description="MATUR_SLA_*")
    kapolres_reminders: int = Field(
        default=3,
        validation_alias="MATUR_SLA_KAPOLRES_REMINDERS",
        description="Reminders to the Kapolres when the top tier's window passes",
    )
    reopen_window_hours: float = Field(default=72, validation_alias="MATUR_REOPEN_WINDOW_HOURS")
    bpbd_number: str = Field(
        default="112",
        validation_alias="MATUR_BPBD_NUMBER",
        description="The regency's BPBD (disaster agency) line told to a citizen in a flood, "
        "landslide or storm. Placeholder 112 (the general emergency number, which reaches "
        "BPBD Bojonegoro's Pusdalops too) until the Polres confirms BPBD's own number",
    )
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
    def area_data_path(self) -> Path:
        return repo_path(self.area_data_dir)

    @property
    def store_path(self) -> Path:
        return repo_path(self.store_dir)

    def regency_codes(self, polres_regency: str) -> list[str] | None:
        """Which regencies to load: None = all."""
        value = self.area_regencies.strip()
        if value.lower() == "all":
            return None
        if not value:
            return [polres_regency]
        return [code.strip() for code in value.split(",") if code.strip()]

    def sla_policy(self) -> SlaPolicy:
        """MATUR_SLA_* (`SlaSettings`), or MATUR_SLA_SECONDS flat."""
        return self.sla.policy()
