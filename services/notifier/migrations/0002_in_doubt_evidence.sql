-- When the API call of a send started (the time a send in doubt is judged from), and how
-- far the status consumers have applied each partition of whatsapp.statuses (the evidence
-- that a status for it would have arrived by now).
ALTER TABLE notifier_sends ADD COLUMN IF NOT EXISTS call_started_at timestamptz;
UPDATE notifier_sends SET call_started_at = updated_at
    WHERE call_started_at IS NULL AND state IN ('sending', 'unknown');

CREATE TABLE IF NOT EXISTS notifier_status_marks (
    topic            text NOT NULL,
    partition        integer NOT NULL,
    -- Kafka timestamp of the newest status record applied to notifier_sends
    newest_record_at timestamptz,
    -- the last moment a status consumer's applied position was the end of the log
    caught_up_at     timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
