"""What status webhooks change in the sends table: finding the send a status is about and
moving its row on (optimistic updates: exactly one of two racing writers wins)."""

from __future__ import annotations

from datetime import datetime

from services.notifier.error_policy import SendFailure
from services.notifier.sends_rows import COLUMNS, SendRow, SendsTable, send_row


class SendsStatusQueries(SendsTable):
    async def find_for_status(self, wamid: str, callback_data: str | None) -> SendRow | None:
        """Our send a status webhook is about: by wamid, or by the notification id we sent as
        `biz_opaque_callback_data` (which proves a send whose answer we never recorded)."""
        async with self._pool.acquire() as conn:
            record = await conn.fetchrow(
                f"""SELECT {COLUMNS} FROM notifier_sends
                    WHERE wamid = $1 OR superseded_wamid = $1 LIMIT 1""",  # noqa: S608
                wamid,
            )
            if record is None and callback_data:
                record = await conn.fetchrow(
                    f"""SELECT {COLUMNS} FROM notifier_sends
                        WHERE notification_id = $1 AND (wamid IS NULL OR wamid = $2)""",  # noqa: S608
                    callback_data,
                    wamid,
                )
            return send_row(record) if record is not None else None

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

    async def reopen_for_template(self, notification_id: str, wamid: str) -> bool:
        """A free-form message refused later by a 131047 `failed` status (`wamid`: the
        refused message): send it once more, as the template (claimable at once). Also for
        a send in doubt: the status proves it was accepted, then refused."""
        async with self._pool.acquire() as conn:
            done = await conn.fetchval(
                """UPDATE notifier_sends
                   SET state = 'pending', used_template = true, template_retry_done = true,
                       superseded_wamid = coalesce(wamid, $2), wamid = NULL, owner = NULL,
                       lease_until = now(), updated_at = now()
                   WHERE notification_id = $1 AND state IN ('sent', 'unknown')
                     AND NOT used_template AND NOT template_retry_done
                   RETURNING true""",
                notification_id,
                wamid,
            )
            return bool(done)
