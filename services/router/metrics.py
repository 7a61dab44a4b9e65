"""Prometheus metrics of the router."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

MESSAGES = Counter(
    "matur_router_messages_total", "Messages the router handled", ["source", "outcome"]
)
CASES_OPENED = Counter("matur_router_cases_opened_total", "Cases opened")
ESCALATIONS = Counter("matur_router_escalations_total", "Escalations (and top-tier reminders)")
DEADLINES_FIRED = Counter("matur_router_deadlines_fired_total", "SLA deadline commands published")
PROCESSING = Histogram(
    "matur_router_processing_seconds",
    "Time from reading a message to its outputs being acknowledged by Kafka",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
DEADLINES_PENDING = Gauge("matur_router_deadlines_pending", "Entries in the SLA timer index")
RECORDS_NOT_HANDLED = Counter(
    "matur_router_records_not_handled_total",
    "Source records read but not handled: replays of handled ones, or records read ahead "
    "of skipped ones (the partition is then read again)",
)
DEAD_LETTERS = Counter(
    "matur_router_dead_letters_total",
    "Records the handlers raised on, sent to router.deadletter (the router went on)",
    ["source"],
)
