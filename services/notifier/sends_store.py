"""The sends table (PostgreSQL): who may send a notification, and what became of it.

Every state change is one conditional UPDATE, so two notifier instances, or a notifier and
the status consumer, can race on a row and exactly one of them wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import asyncpg

from contracts.notifications import NotificationRequest
from services.notifier import send_states as st
from services.notifier.error_policy import SendFailure


@dataclass(frozen=True)
class SendRow:
    notification_id: str
    kind: str
    case_id: str | None
    recipient_kind: str
    state: str
    wamid: str | None
    superseded_wamid: str | None
    used_template: bool
    attempts: int
    owner: str | None
    last_error_code: int | None
    last_error: str | None
    last_event_status: str | None
    template_retry_done: bool
    request: str
    sent_at: datetime | None
    status_at: datetime | None
    lease_left_s: float

    def to_request(self) -> NotificationRequest:
        return NotificationRequest.model_validate_json(self.request)


class ClaimOutcome(StrEnum):
    OWNED = "owned"  # this instance sends it now
    FINISHED = "finished"  # already sent, failed or dead-lettered: never again
    BUSY = "busy"  # another instance holds it: look again after its lease
    UNKNOWN = "unknown"  # a call was in flight when its owner died: do not resend


@dataclass(frozen=True)
class Claim:
    outcome: ClaimOutcome
    row: SendRow


_COLUMNS = """notification_id, kind, case_id, recipient_kind, state, wamid, superseded_wamid,
    used_template, attempts, owner, last_error_code, last_error, last_event_status,
    template_retry_done,
    request::text AS request, sent_at, status_at,
    coalesce(extract(epoch FROM lease_until - now()), 0)::float8 AS lease_left_s"""


def _row(record: asyncpg.Record) -> SendRow:
    return SendRow(**{k: record[k] for k in SendRow.__dataclass_fields__})


class SendsStore:
    def __init__(self, pool: asyncpg.Pool, critical_pool: asyncpg.Pool | None = None) -> None:
        """`critical_pool` serves the writes around an API call (start, wamid, retry, dead
        letter), so that a burst of new claims never delays recording an accepted send."""
        self._pool = pool
        self._critical = critical_pool or pool

    async def claim(self, req: NotificationRequest, owner: str, lease_s: float) -> Claim:
        """Take the notification for sending: a new one, a pending one whose owner's lease
        has run out (it died between attempts, before any call was in flight), or a pending
        one of our own (an attempt cut short by a database or Kafka error). Taking a pending
        row is always safe: only `start_call` moves it to `sending`, atomically."""
        async with self._pool.acquire() as conn:
            record = await conn.fetchrow(
                f"""INSERT INTO notifier_sends AS s (notification_id, kind, case_id,
                        recipient_kind, line_phone_number_id, state, owner, lease_until, request)
                    VALUES ($1, $2, $3, $4, $5, 'pending', $6,
                            now() + make_interval(secs => $7), $8::jsonb)
                    ON CONFLICT (notification_id) DO UPDATE
                        SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,
                            updated_at = now()
                        WHERE s.state = 'pending'
                          AND (s.lease_until < now() OR s.owner = EXCLUDED.owner)
                    RETURNING {_COLUMNS}""",  # noqa: S608
                req.message_id,
                req.kind.value,
                req.case_id,
                req.recipient.kind.value,
                req.line_phone_number_id,
                owner,
                lease_s,
                req.model_dump_json(),
            )
            if record is not None:
                return Claim(ClaimOutcome.OWNED, _row(record))
            record = await conn.fetchrow(
                f"SELECT {_COLUMNS} FROM notifier_sends WHERE notification_id = $1",  # noqa: S608
                req.message_id,
            )
            assert record is not None
            row = _row(record)
            if row.state == st.SENDING and row.lease_left_s <= 0:
                stale = await conn.fetchrow(
                    f"""UPDATE notifier_sends SET state = 'unknown', updated_at = now()
                        WHERE notification_id = $1 AND state = 'sending' AND lease_until < now()
                        RETURNING {_COLUMNS}""",  # noqa: S608
                    req.message_id,
                )
                if stale is not None:
                    return Claim(ClaimOutcome.UNKNOWN, _row(stale))
                # it moved on meanwhile (answered just now): report it as still busy, so
                # the caller looks again
                return Claim(ClaimOutcome.BUSY, row)
        if row.state in st.IN_PROGRESS:
            return Claim(ClaimOutcome.BUSY, row)
        if row.state == st.UNKNOWN:
            return Claim(ClaimOutcome.UNKNOWN, row)
        return Claim(ClaimOutcome.FINISHED, row)

    async def start_call(
        self, notification_id: str, owner: str, lease_s: float, used_template: bool
    ) -> int | None:
        """pending -> sending, just before the API call; the attempt number, or None when
        this instance no longer owns the notification."""
        async with self._critical.acquire() as conn:
            value: int | None = await conn.fetchval(
                """UPDATE notifier_sends
                   SET state = 'sending', attempts = attempts + 1, used_template = $4,
                       lease_until = now() + make_interval(secs => $3), updated_at = now()
                   WHERE notification_id = $1 AND owner = $2 AND state = 'pending'
                   RETURNING attempts""",
                notification_id,
                owner,
                lease_s,
                used_template,
            )
            return value

    async def record_sent(self, notification_id: str, wamid: str) -> SendRow:
        """The API accepted it: keep the wamid (first thing after the answer)."""
        async with self._critical.acquire() as conn:
            record = await conn.fetchrow(
                f"""UPDATE notifier_sends
                    SET state = CASE WHEN state IN ('pending', 'sending', 'unknown')
                                     THEN 'sent' ELSE state END,
                        wamid = coalesce(wamid, $2), sent_at = coalesce(sent_at, now()),
                        lease_until = NULL, owner = NULL, updated_at = now()
                    WHERE notification_id = $1
                    RETURNING {_COLUMNS}""",  # noqa: S608
                notification_id,
                wamid,
            )
            assert record is not None
            return _row(record)

    async def record_retry(
        self, notification_id: str, owner: str, hold_s: float, failure: SendFailure
    ) -> bool:
        """sending -> pending after a transient error; the lease covers the backoff. False
        when the row moved on meanwhile (a status webhook proved the send)."""
        async with self._critical.acquire() as conn:
            done = await conn.fetchval(
                """UPDATE notifier_sends
                   SET state = 'pending', lease_until = now() + make_interval(secs => $3),
                       last_error_code = $4, last_error = $5, updated_at = now()
                   WHERE notification_id = $1 AND owner = $2 AND state = 'sending'
                   RETURNING true""",
                notification_id,
                owner,
                hold_s,
                failure.code,
                failure.reason(),
            )
            return bool(done)

    async def record_dead_letter(
        self, notification_id: str, owner: str, failure: SendFailure
    ) -> SendRow | None:
        async with self._critical.acquire() as conn:
            record = await conn.fetchrow(
                f"""UPDATE notifier_sends
                    SET state = 'dead_lettered', last_error_code = $3, last_error = $4,
                        lease_until = NULL, owner = NULL, status_at = now(), updated_at = now()
                    WHERE notification_id = $1 AND owner = $2 AND state IN ('sending', 'pending')
                    RETURNING {_COLUMNS}""",  # noqa: S608
                notification_id,
                owner,
                failure.code,
                failure.reason(),
            )
            return _row(record) if record is not None else None

    async def release(self, notification_id: str, owner: str) -> None:
        """Give a pending claim back at once (shutting down between attempts)."""
        async with self._pool.acquire() as conn:
            await conn.execute(
                """UPDATE notifier_sends SET lease_until = now(), updated_at = now()
                   WHERE notification_id = $1 AND owner = $2 AND state = 'pending'""",
                notification_id,
                owner,
            )

    async def event_published(self, notification_id: str, status: str) -> None:
        async with self._pool.acquire() as conn:
            await conn.execute(
                "UPDATE notifier_sends SET last_event_status = $2 WHERE notification_id = $1",
                notification_id,
                status,
            )

    async def get(self, notification_id: str) -> SendRow | None:
        async with self._pool.acquire() as conn:
            record = await conn.fetchrow(
                f"SELECT {_COLUMNS} FROM notifier_sends WHERE notification_id = $1",  # noqa: S608
                notification_id,
            )
            return _row(record) if record is not None else None

    async def find_for_status(self, wamid: str, callback_data: str | None) -> SendRow | None:
        """Our send a status webhook is about: by wamid, or by the notification id we sent as
        `biz_opaque_callback_data` (which proves a send whose answer we never recorded)."""
        async with self._pool.acquire() as conn:
            record = await conn.fetchrow(
                f"""SELECT {_COLUMNS} FROM notifier_sends
                    WHERE wamid = $1 OR superseded_wamid = $1 LIMIT 1""",  # noqa: S608
                wamid,
            )
            if record is None and callback_data:
                record = await conn.fetchrow(
                    f"""SELECT {_COLUMNS} FROM notifier_sends
                        WHERE notification_id = $1 AND (wamid IS NULL OR wamid = $2)""",  # noqa: S608
                    callback_data,
                    wamid,
                )
            return _row(record) if record is not None else None

    async def apply_status(
        self,
        notification_id: str,
        expected_state: str,
        new_state: str,
        wamid: str,
        status_at: datetime,
        failure: SendFailure | None = None,
    ) -> bool:
        """Move the row from `expected_state` to `new_state` (optimistic: False when it moved
        meanwhile, and the caller looks again)."""
        async with self._pool.acquire() as conn:
            done = await conn.fetchval(
                """UPDATE notifier_sends
                   SET state = $3, wamid = coalesce(wamid, $4),
                       sent_at = coalesce(sent_at, $5), status_at = $5,
                       last_error_code = coalesce($6, last_error_code),
                       last_error = coalesce($7, last_error),
                       lease_until = CASE WHEN $3 IN ('pending', 'sending')
                                          THEN lease_until ELSE NULL END,
                       updated_at = now()
                   WHERE notification_id = $1 AND state = $2
                   RETURNING true""",
                notification_id,
                expected_state,
                new_state,
                wamid,
                status_at,
                failure.code if failure else None,
                failure.reason() if failure else None,
            )
            return bool(done)

    async def reopen_for_template(self, notification_id: str) -> bool:
        """A free-form message refused later by a 131047 `failed` status: send it once more,
        as the template (claimable at once)."""
        async with self._pool.acquire() as conn:
            done = await conn.fetchval(
                """UPDATE notifier_sends
                   SET state = 'pending', used_template = true, template_retry_done = true,
                       superseded_wamid = wamid, wamid = NULL, owner = NULL,
                       lease_until = now(), updated_at = now()
                   WHERE notification_id = $1 AND state = 'sent'
                     AND NOT used_template AND NOT template_retry_done
                   RETURNING true""",
                notification_id,
            )
            return bool(done)

    async def orphans(self, limit: int = 100) -> list[SendRow]:
        """Pending rows nobody holds any more (their owner died between attempts)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""SELECT {_COLUMNS} FROM notifier_sends
                    WHERE state = 'pending' AND lease_until < now()
                    ORDER BY updated_at LIMIT $1""",  # noqa: S608
                limit,
            )
            return [_row(r) for r in records]

    async def expire_stale_calls(self) -> list[SendRow]:
        """Calls whose owner died mid-call: outcome unknown (never resent blindly)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends SET state = 'unknown', updated_at = now()
                    WHERE state = 'sending' AND lease_until < now()
                    RETURNING {_COLUMNS}"""  # noqa: S608
            )
            return [_row(r) for r in records]

    async def resend_unknown(self, older_than_s: float) -> list[SendRow]:
        """`unknown` rows no status webhook settled within `older_than_s`: back to pending,
        with no lease, so the orphan sweep resubmits them (the call most likely never
        reached the API; a status arriving later still settles the row)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends
                    SET state = 'pending', owner = NULL, lease_until = now(),
                        updated_at = now(),
                        last_error = 'outcome unknown: no status webhook; sent again'
                    WHERE state = 'unknown'
                      AND updated_at < now() - make_interval(secs => $1)
                    RETURNING {_COLUMNS}""",  # noqa: S608
                older_than_s,
            )
            return [_row(r) for r in records]

    async def give_up_unknown(self, older_than_s: float) -> list[SendRow]:
        """`unknown` rows no status webhook settled in time: dead-lettered for a person to
        decide (the message may or may not have reached the recipient)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends
                    SET state = 'dead_lettered', status_at = now(), updated_at = now(),
                        last_error = 'outcome unknown: the sender stopped during the API call '
                                     || 'and no status webhook arrived'
                    WHERE state = 'unknown'
                      AND updated_at < now() - make_interval(secs => $1)
                    RETURNING {_COLUMNS}""",  # noqa: S608
                older_than_s,
            )
            return [_row(r) for r in records]

    async def counts(self) -> dict[str, int]:
        async with self._pool.acquire() as conn:
            rows = await conn.fetch("SELECT state, count(*) AS n FROM notifier_sends GROUP BY 1")
            return {r["state"]: r["n"] for r in rows}
