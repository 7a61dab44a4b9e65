"""Settings of the api service (environment variables)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from servicekit.settings import SealingSettings, ServedSettings


class ApiSettings(ServedSettings, SealingSettings):
    model_config = SettingsConfigDict(env_prefix="API_")  # API_HOST, API_PORT
    port: int = 8000
    area_data_dir: str = Field(
        default="../shared/data/idn-area", validation_alias="MATUR_AREA_DATA_DIR"
    )
    regency_code: str = Field(
        default="35.22",
        validation_alias="MATUR_REGENCY_CODE",
        description="Used only while the directory names no Polres (directory.polres)",
    )
    system_line_id: str = Field(default="103522000000000", validation_alias="MATUR_SYSTEM_LINE_ID")
    projection_enabled: bool = Field(default=True, validation_alias="MATUR_API_PROJECTION")
    projection_group: str = Field(
        default="matur-api-projection", validation_alias="MATUR_API_PROJECTION_GROUP"
    )
    projection_schema: str = Field(default="projection", validation_alias="MATUR_API_SCHEMA")
    pool_min_size: int = Field(default=2, validation_alias="MATUR_API_POOL_MIN")
    pool_max_size: int = Field(default=10, validation_alias="MATUR_API_POOL_MAX")
    token_ttl_hours: float = Field(default=12.0, validation_alias="MATUR_API_TOKEN_TTL_HOURS")
    sign_in_code_ttl_s: int = Field(default=300, validation_alias="MATUR_API_CODE_TTL_S")
    sign_in_max_attempts: int = Field(default=5, validation_alias="MATUR_API_CODE_ATTEMPTS")
    sign_in_officer_burst: int = Field(default=3, validation_alias="MATUR_API_SIGNIN_OFFICER_BURST")
    sign_in_officer_per_min: float = Field(
        default=1.0, validation_alias="MATUR_API_SIGNIN_OFFICER_PER_MIN"
    )
    sign_in_ip_burst: int = Field(default=10, validation_alias="MATUR_API_SIGNIN_IP_BURST")
    sign_in_ip_per_min: float = Field(default=6.0, validation_alias="MATUR_API_SIGNIN_IP_PER_MIN")
    token_cache_s: float = Field(
        default=2.0,
        validation_alias="MATUR_API_TOKEN_CACHE_S",
        description="How long a process may reuse a token check (0: check every request)",
    )
    token_rate_per_s: float = Field(default=20.0, validation_alias="MATUR_API_TOKEN_RATE")
    token_burst: int = Field(default=100, validation_alias="MATUR_API_TOKEN_BURST")
    export_max_rows: int = Field(default=100_000, validation_alias="MATUR_API_EXPORT_MAX_ROWS")
    stream_poll_s: float = Field(default=0.5, validation_alias="MATUR_API_STREAM_POLL_S")
    stream_heartbeat_s: float = Field(default=15.0, validation_alias="MATUR_API_STREAM_HEARTBEAT_S")
    trusted_proxies: str = Field(
        default="",
        validation_alias="MATUR_API_TRUSTED_PROXIES",
        description="Comma-separated addresses or networks (CIDR) of the reverse proxies "
        "whose X-Forwarded-For / X-Forwarded-Proto count; none by default: the peer's "
        "address is the client's",
    )
    sign_in_max_failures_per_day: int = Field(
        default=10,
        validation_alias="MATUR_API_SIGNIN_MAX_ATTEMPTS_PER_DAY",
        description="Wrong codes per officer in 24 hours, whichever codes they were "
        "tried against; then sign-in answers 429 for that officer until the day is over",
    )
    sign_in_answer_s: float = Field(
        default=0.3,
        validation_alias="MATUR_API_SIGNIN_ANSWER_S",
        description="Sign-in answers (request-code, verify, session) take at least this "
        "long, for known and unknown officers alike",
    )
    cookie_secure: bool = Field(
        default=False,
        validation_alias="MATUR_API_COOKIE_SECURE",
        description="Always mark the console's session cookie Secure (otherwise only when "
        "the request came over https, directly or through a proxy uvicorn trusts)",
    )
    daily_summary: bool = Field(
        default=True,
        validation_alias="MATUR_DAILY_SUMMARY",
        description="Send the Kapolres's daily summary on WhatsApp (false: never)",
    )
    daily_summary_hour: int = Field(
        default=7, ge=0, le=23, validation_alias="MATUR_DAILY_SUMMARY_HOUR",
        description="Local hour (WIB) from which the summary of the day before is sent",
    )

    @property
    def trusted_proxy_list(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]
