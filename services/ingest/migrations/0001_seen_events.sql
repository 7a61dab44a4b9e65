-- Dedupe keys of every event ingest published: `in:<wamid>` for messages,
-- `st:<wamid>:<status>` for statuses, `err:…` and `dl:<sha256>` for errors and dead letters.
-- A key is inserted in the same transaction that waits for Kafka's acknowledgement, so a
-- key exists only for an event Kafka has (see services/ingest/README.md).
CREATE TABLE IF NOT EXISTS ingest_seen_events (
    message_id text PRIMARY KEY,
    first_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ingest_seen_events_first_seen_at
    ON ingest_seen_events (first_seen_at);
