"""The sends table (PostgreSQL): who may send a notification, and what became of it.

Every state change is one conditional UPDATE, so two notifier instances, or a notifier and
the status consumer, can race on a row and exactly one of them wins. The sender's steps
(claim, call, record) are here; what status webhooks change is in `sends_status.py`, the
maintenance sweeps in `sends_sweeps.py`; the row and its columns in `sends_rows.py`.
"""

from __future__ import annotations

from contracts.notifications import NotificationRequest
from services.notifier import send_states as st
from services.notifier.error_policy import SendFailure
from services.notifier.sends_rows import (
    COLUMNS,
    Claim,
    ClaimOutcome,
    SendRow,
    send_row,
)
from services.notifier.sends_status import SendsStatusQueries
from services.notifier.sends_sweeps import SendsSweepQueries


class SendsStore(SendsStatusQueries, SendsSweepQueries):
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
                    RETURNING {COLUMNS}""",  # noqa: S608
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
                return Claim(ClaimOutcome.OWNED, send_row(record))
            record = await conn.fetchrow(
                f"SELECT {COLUMNS} FROM notifier_sends WHERE notification_id = $1",  # noqa: S608
                req.message_id,
            )
            assert record is not None
            row = send_row(record)
            if row.state == st.SENDING and row.lease_left_s <= 0:
                stale = await conn.fetchrow(
                    f"""UPDATE notifier_sends SET state = 'unknown', updated_at = now()
                        WHERE notification_id = $1 AND state = 'sending' AND lease_until < now()
                        RETURNING {COLUMNS}""",  # noqa: S608
                    req.message_id,
                )
                if stale is not None:
                    return Claim(ClaimOutcome.UNKNOWN, send_row(stale))
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
                       lease_until = now() + make_interval(secs => $3), updated_at = now(),
                       call_started_at = now()
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
                    RETURNING {COLUMNS}""",  # noqa: S608
                notification_id,
                wamid,
            )
            assert record is not None
            return send_row(record)

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

    async def record_in_doubt(self, notification_id: str, owner: str) -> bool:
        """sending -> unknown: the request left but no answer came (a read timeout), so
        WhatsApp may have accepted it; the sweep decides by the statuses (`in_doubt.py`).
        False when the row moved on meanwhile (a status webhook proved the send)."""
        async with self._critical.acquire() as conn:
            done = await conn.fetchval(
                """UPDATE notifier_sends
                   SET state = 'unknown', owner = NULL, lease_until = NULL, updated_at = now()
                   WHERE notification_id = $1 AND owner = $2 AND state = 'sending'
                   RETURNING true""",
                notification_id,
                owner,
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
                    RETURNING {COLUMNS}""",  # noqa: S608
                notification_id,
                owner,
                failure.code,
                failure.reason(),
            )
            return send_row(record) if record is not None else None

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
                f"SELECT {COLUMNS} FROM notifier_sends WHERE notification_id = $1",  # noqa: S608
                notification_id,
            )
            return send_row(record) if record is not None else None
