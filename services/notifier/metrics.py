"""The notifier's Prometheus metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

SENT = Counter(
    "notifier_sent_total", "Notifications the Cloud API accepted", ["kind", "template"]
)
RETRIED = Counter(
    "notifier_retried_total", "Sends retried after a transient error", ["code"]
)
TEMPLATE_FALLBACKS = Counter(
    "notifier_template_fallbacks_total", "Free-form sends switched to a template (131047)"
)
DEAD_LETTERED = Counter(
    "notifier_dead_lettered_total", "Notifications given up, by Meta error code", ["code"]
)
ALERTS = Counter(
    "notifier_alerts_total", "Errors that need a person (token, account, quality)", ["code"]
)
OUTCOME_UNKNOWN = Counter(
    "notifier_outcome_unknown_total",
    "Sends whose outcome became unknown (owner died mid-call, or no answer after the "
    "request left): never resent blindly",
)
IN_DOUBT = Gauge("notifier_in_doubt", "Sends in doubt (`unknown`) at the last sweep")
IN_DOUBT_AT_START = Gauge(
    "notifier_in_doubt_at_start",
    "Sends in doubt (`unknown`, or `sending`: left mid-call) when this process started",
)
IN_DOUBT_RESENT = Counter(
    "notifier_in_doubt_resent_total",
    "Sends in doubt sent again: the status pipeline went past them and no status came",
)
SKIPPED_DUPLICATES = Counter(
    "notifier_duplicate_requests_total", "Requests for notifications already handled"
)
STATUS_EVENTS = Counter(
    "notifier_status_events_total", "Delivery statuses joined to notifications", ["status"]
)
SEND_LATENCY = Histogram(
    "notifier_send_latency_seconds",
    "Duration of one Cloud API call",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
QUEUE_LAG = Gauge(
    "notifier_queue_lag", "Requests not yet fetched, per partition of notifications.requests",
    ["partition"],
)
IN_FLIGHT = Gauge("notifier_in_flight", "Fetched requests not finished yet")
