-- The projection of the case event log. Applied with search_path set to the projection
-- schema (normally `projection`; a rebuild fills a fresh schema and swaps it in), so every
-- name here is unqualified.
CREATE SEQUENCE projection_seq;

CREATE TABLE cases (
    case_id          text PRIMARY KEY,
    reference        text NOT NULL,
    version          integer NOT NULL,
    seq              bigint NOT NULL,
    status           text NOT NULL,
    tier             text,
    assignee_id      text,
    assignee_name    text,
    regency_code     text NOT NULL,
    district_code    text,
    village_code     text,
    category         text NOT NULL,
    urgency          text NOT NULL,
    emergency        boolean NOT NULL,
    about_officer_id text,
    reporter_key     text NOT NULL,
    confidential     boolean NOT NULL,
    opened_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    due_at           timestamptz,
    escalations      integer NOT NULL,
    rating           integer,
    summary          text NOT NULL,
    messages_text    text NOT NULL DEFAULT '',
    snapshot         jsonb NOT NULL,
    search           tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, summary || ' ' || messages_text)
    ) STORED
);
CREATE INDEX cases_updated ON cases (updated_at DESC, case_id DESC);
CREATE INDEX cases_opened ON cases (opened_at DESC, case_id DESC);
CREATE INDEX cases_district_updated ON cases (district_code, updated_at DESC, case_id DESC);
CREATE INDEX cases_village_updated ON cases (village_code, updated_at DESC, case_id DESC);
CREATE INDEX cases_status_updated ON cases (status, updated_at DESC, case_id DESC);
CREATE INDEX cases_assignee ON cases (assignee_id, updated_at DESC);
CREATE INDEX cases_category ON cases (category, updated_at DESC);
CREATE INDEX cases_due_open ON cases (due_at) WHERE status IN ('open', 'awaiting_village');
CREATE INDEX cases_search ON cases USING gin (search);

-- One row per applied event: the timeline, and the feed of the live stream (seq).
CREATE TABLE case_timeline (
    case_id        text NOT NULL,
    version        integer NOT NULL,
    seq            bigint NOT NULL DEFAULT nextval('projection_seq') UNIQUE,
    kind           text NOT NULL,
    message_id     text NOT NULL,
    occurred_at    timestamptz NOT NULL,
    regency_code   text NOT NULL,
    district_code  text,
    village_code   text,
    entry          jsonb NOT NULL,
    snapshot       jsonb NOT NULL,
    PRIMARY KEY (case_id, version)
);

-- What became of each notification: status only moves up (sent < delivered < read < failed).
CREATE TABLE notifications (
    notification_id  text PRIMARY KEY,
    case_id          text,
    kind             text NOT NULL,
    status           text NOT NULL,
    status_rank      integer NOT NULL,
    recipient_kind   text NOT NULL,
    wamid            text,
    used_template    boolean NOT NULL,
    error_code       integer,
    error_details    text,
    first_at         timestamptz NOT NULL,
    status_at        timestamptz NOT NULL
);
CREATE INDEX notifications_case ON notifications (case_id, first_at);
