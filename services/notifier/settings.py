"""Settings of the notifier service (environment variables)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from servicekit.settings import SealingSettings, ServedSettings


class NotifierSettings(ServedSettings, SealingSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFIER_")  # NOTIFIER_HOST, NOTIFIER_PORT
    port: int = 8002
    instance_id: str = Field(
        default="",
        validation_alias="NOTIFIER_INSTANCE_ID",
        description="Names this process in the sends table; empty: host name and pid",
    )

    # --- WhatsApp Cloud API -------------------------------------------------------------
    api_base_url: str = Field(
        default="http://127.0.0.1:8090",
        validation_alias="WHATSAPP_API_BASE_URL",
        description="https://graph.facebook.com in production, the sandbox locally",
    )
    api_version: str = Field(default="v25.0", validation_alias="WHATSAPP_API_VERSION")
    access_token: SecretStr = Field(
        default=SecretStr("matur-dev-access-token"), validation_alias="WHATSAPP_ACCESS_TOKEN"
    )
    default_phone_number_id: str = Field(
        default="103522000000000",
        validation_alias="NOTIFIER_DEFAULT_PHONE_NUMBER_ID",
        description="The line to send from when a request names none (the Kapolres line)",
    )
    line_phone_number_ids: str = Field(
        default="",
        validation_alias="NOTIFIER_LINE_PHONE_NUMBER_IDS",
        description=(
            "Optional comma-separated `roster_id=graph_id` pairs: the Graph phone number id "
            "to call for a line when it differs from the id in the request"
        ),
    )
    http_timeout_s: float = Field(default=10.0, validation_alias="NOTIFIER_HTTP_TIMEOUT_S")
    window_margin_s: float = Field(
        default=300.0, ge=0, validation_alias="NOTIFIER_WINDOW_MARGIN_S",
        description="Treat the 24-hour window as closed this long before it really closes",
    )
    window_catch_up_s: float = Field(
        default=5.0, ge=0, validation_alias="NOTIFIER_WINDOW_CATCH_UP_S",
        description=(
            "A citizen's window looks closed but the inbound loop has not yet read up to the "
            "request's time: wait at most this long for it before sending a template"
        ),
    )
    template_language: str = Field(default="id", validation_alias="NOTIFIER_TEMPLATE_LANGUAGE")

    # --- retries ------------------------------------------------------------------------
    max_attempts: int = Field(
        default=6, ge=1, validation_alias="NOTIFIER_MAX_ATTEMPTS",
        description="API calls per notification for transient errors, the first included",
    )
    backoff_base_s: float = Field(
        default=1.0, ge=0, validation_alias="NOTIFIER_BACKOFF_BASE_S",
        description="First retry delay; doubles each attempt, with full jitter",
    )
    backoff_max_s: float = Field(default=300.0, ge=0, validation_alias="NOTIFIER_BACKOFF_MAX_S")
    pair_backoff_unit_s: float = Field(
        default=1.0, ge=0, validation_alias="NOTIFIER_PAIR_BACKOFF_UNIT_S",
        description="131056 waits 4^X times this unit (Meta: 4^X seconds)",
    )
    maintenance_backoff_s: float = Field(
        default=60.0, ge=0, validation_alias="NOTIFIER_MAINTENANCE_BACKOFF_S",
        description="131057 (account in maintenance) waits this long before the retry",
    )

    # --- pacing -------------------------------------------------------------------------
    line_rate_per_s: float = Field(
        default=80.0, gt=0, validation_alias="NOTIFIER_LINE_RATE_PER_S",
        description="Token bucket per line (Meta: 80 messages/s by default)",
    )
    line_burst: float = Field(
        default=0, ge=0, validation_alias="NOTIFIER_LINE_BURST",
        description="Messages a line may send at once after a quiet spell; 0: one second's worth",
    )
    recipient_interval_s: float = Field(
        default=6.0, ge=0, validation_alias="NOTIFIER_RECIPIENT_INTERVAL_S",
        description="At least this long between two messages to one recipient (Meta: 6 s)",
    )
    max_in_flight: int = Field(
        default=2000, ge=1, validation_alias="NOTIFIER_MAX_IN_FLIGHT",
        description="Fetched-but-unfinished requests before the consumer stops fetching",
    )
    max_concurrent_sends: int = Field(
        default=16, ge=1, validation_alias="NOTIFIER_MAX_CONCURRENT_SENDS",
        description=(
            "API calls in flight at once (the in-flight limit): a kill leaves at most this "
            "many sends in doubt. Throughput is at most this / the API's latency"
        ),
    )

    # --- exactly once -------------------------------------------------------------------
    lease_s: float = Field(
        default=30.0, gt=0, validation_alias="NOTIFIER_LEASE_S",
        description=(
            "How long a claim on a notification holds without news from its owner; after "
            "it, another instance may take over a send that never reached the API"
        ),
    )
    status_grace_s: float = Field(
        default=30.0, gt=0, validation_alias="NOTIFIER_STATUS_GRACE_S",
        description=(
            "How long after an accepted API call its first status webhook is on "
            "whatsapp.statuses at the latest. A send in doubt (`unknown`) is sent again only "
            "once every status partition was applied past its call's start plus this, with "
            "no status for it"
        ),
    )
    status_quiet_s: float = Field(
        default=900.0, gt=0, validation_alias="NOTIFIER_STATUS_QUIET_S",
        description=(
            "When no status at all was written since a send in doubt (nothing else sent, or "
            "ingest down): the status partitions must have been idle and read to their end "
            "this long after its call before it is sent again"
        ),
    )
    unknown_give_up_s: float = Field(
        default=6 * 3600.0, gt=0, validation_alias="NOTIFIER_UNKNOWN_GIVE_UP_S",
        description=(
            "A send in doubt the status pipeline gave no evidence on for this long (its "
            "consumers stopped) is dead-lettered with an alert, for a person to decide"
        ),
    )
    commit_interval_s: float = Field(
        default=1.0, gt=0, validation_alias="NOTIFIER_COMMIT_INTERVAL_S",
        description="How often finished offsets are committed",
    )

    # --- Kafka --------------------------------------------------------------------------
    group_id: str = Field(default="notifier", validation_alias="NOTIFIER_GROUP_ID")
    window_group_id: str = Field(
        default="",
        validation_alias="NOTIFIER_WINDOW_GROUP_ID",
        description="Group reading whatsapp.inbound; empty: `<group_id>-window`",
    )
    status_group_id: str = Field(
        default="",
        validation_alias="NOTIFIER_STATUS_GROUP_ID",
        description="Group reading whatsapp.statuses; empty: `<group_id>-status`",
    )

    # --- templates (approved utility templates, language `id`) -------------------------
    template_update: str = Field(
        default="matur_update", validation_alias="NOTIFIER_TEMPLATE_UPDATE"
    )
    template_officer_case: str = Field(
        default="matur_kasus_baru", validation_alias="NOTIFIER_TEMPLATE_OFFICER_CASE"
    )
    template_rating: str = Field(
        default="matur_penilaian", validation_alias="NOTIFIER_TEMPLATE_RATING"
    )
    template_sign_in: str = Field(
        default="matur_kode_masuk", validation_alias="NOTIFIER_TEMPLATE_SIGN_IN"
    )
    template_daily_summary: str = Field(
        default="matur_ringkasan_harian", validation_alias="NOTIFIER_TEMPLATE_DAILY_SUMMARY"
    )

    db_pool_max: int = Field(default=10, validation_alias="NOTIFIER_DB_POOL_MAX")
    db_critical_pool_max: int = Field(
        default=8, ge=1, validation_alias="NOTIFIER_DB_CRITICAL_POOL_MAX",
        description="Connections reserved for the writes around API calls (wamid first)",
    )
    reconnect_interval_s: float = Field(
        default=1.0, validation_alias="NOTIFIER_RECONNECT_INTERVAL_S"
    )

    def graph_phone_number_id(self, line_id: str) -> str:
        """The Graph API phone number id to send from for the directory's line id."""
        line_id = line_id or self.default_phone_number_id
        for pair in self.line_phone_number_ids.split(","):
            roster_id, _, graph_id = pair.partition("=")
            if roster_id.strip() == line_id and graph_id.strip():
                return graph_id.strip()
        return line_id
