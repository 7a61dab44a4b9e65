"""Prometheus metrics of the ingest service (module-level: one registry per process)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter(
    "matur_ingest_webhook_requests_total",
    "Webhook requests by outcome",
    ["method", "outcome"],
)
EVENTS_PUBLISHED = Counter(
    "matur_ingest_events_published_total",
    "Events acknowledged by Kafka, by event type",
    ["type"],
)
DUPLICATES_SKIPPED = Counter(
    "matur_ingest_duplicates_skipped_total",
    "Events not published again because their key was already seen, by event type",
    ["type"],
)
SIGNATURE_FAILURES = Counter(
    "matur_ingest_signature_failures_total",
    "POSTs refused for their X-Hub-Signature-256, by reason",
    ["reason"],
)
PRODUCE_LATENCY = Histogram(
    "matur_ingest_produce_latency_seconds",
    "From the first send of a POST's events to Kafka's acknowledgement of the last",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
BATCH_SECONDS = Histogram(
    "matur_ingest_publish_seconds",
    "One POST from queueing its events to its result (group wait, dedupe, acks, commit)",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
RECORDS_IN_DOUBT = Gauge(
    "matur_ingest_records_in_doubt",
    "Records of failed POSTs the producer still holds (retries of them get 503 meanwhile)",
)

EVENT_TYPES = {
    "whatsapp.inbound": "inbound",
    "whatsapp.statuses": "status",
    "whatsapp.errors": "channel_error",
    "whatsapp.deadletter": "deadletter",
}
