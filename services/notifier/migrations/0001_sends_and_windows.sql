-- The notifier's record of every notification it was asked to send: the exactly-once key.
CREATE TABLE IF NOT EXISTS notifier_sends (
    notification_id      text PRIMARY KEY,
    kind                 text NOT NULL,
    case_id              text,
    recipient_kind       text NOT NULL,
    line_phone_number_id text NOT NULL,
    -- pending: claimed, no API call in flight; sending: an API call may be in flight;
    -- sent / delivered / read / failed / dead_lettered; unknown: a call was in flight
    -- when its owner died, so whether WhatsApp accepted it is not known.
    state                text NOT NULL,
    wamid                text UNIQUE,
    superseded_wamid     text,       -- a free-form send refused by 131047, resent as template
    used_template        boolean NOT NULL DEFAULT false,
    attempts             integer NOT NULL DEFAULT 0,
    owner                text,
    lease_until          timestamptz,
    last_error_code      integer,
    last_error           text,
    last_event_status    text,       -- the last status published on notifications.events
    template_retry_done  boolean NOT NULL DEFAULT false,
    request              jsonb NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    sent_at              timestamptz,
    status_at            timestamptz
);

CREATE INDEX IF NOT EXISTS notifier_sends_superseded
    ON notifier_sends (superseded_wamid) WHERE superseded_wamid IS NOT NULL;

CREATE INDEX IF NOT EXISTS notifier_sends_unfinished
    ON notifier_sends (state) WHERE state IN ('pending', 'sending', 'unknown');

-- The last inbound message per (line, WhatsApp identity): the 24-hour service window.
-- `identity` is contracts.lines.citizen_key of the phone number or of the BSUID alone, so
-- that a recipient known by either finds the window.
CREATE TABLE IF NOT EXISTS notifier_windows (
    line_phone_number_id text NOT NULL,
    identity             text NOT NULL,
    last_inbound_at      timestamptz NOT NULL,
    PRIMARY KEY (line_phone_number_id, identity)
);
