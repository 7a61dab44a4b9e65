-- Wrong sign-in codes, one row each, per officer (or per unknown identity asked for),
-- whichever code they were tried against: a new code does not reset the count
-- (MATUR_API_SIGNIN_MAX_ATTEMPTS_PER_DAY over the last 24 hours). Rows older than a day
-- are deleted as new ones come.
CREATE TABLE api.sign_in_failures (
    subject  text NOT NULL,
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_subject ON api.sign_in_failures (subject, at);
CREATE INDEX sign_in_failures_at ON api.sign_in_failures (at);
