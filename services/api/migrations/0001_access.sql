-- Durable state of the api service: the roster as admins change it, tokens, sign-in codes.
-- (The case projection lives in its own schema, see migrations/projection/.)
CREATE SCHEMA IF NOT EXISTS api;

CREATE TABLE api.officers (
    officer_id  text PRIMARY KEY,
    name        text NOT NULL,
    rank        text,
    tier        text NOT NULL,
    wa_id       text NOT NULL,
    area_codes  text[] NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officers_wa_id ON api.officers (wa_id);

-- Opaque bearer tokens: only the SHA-256 of the token is stored.
CREATE TABLE api.tokens (
    token_id         text PRIMARY KEY,
    token_hash       bytea NOT NULL UNIQUE,
    role             text NOT NULL,
    name             text NOT NULL,
    officer_id       text,
    scope            text[] NOT NULL DEFAULT '{}',
    reveal_reporter  boolean NOT NULL DEFAULT false,
    issued_at        timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    revoked_at       timestamptz
);
CREATE INDEX tokens_officer ON api.tokens (officer_id) WHERE revoked_at IS NULL;

-- One pending sign-in code per officer: salted hash, expiry, attempts left.
CREATE TABLE api.sign_in_codes (
    officer_id  text PRIMARY KEY,
    salt        bytea NOT NULL,
    code_hash   bytea NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);
