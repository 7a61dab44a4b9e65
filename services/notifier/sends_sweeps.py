"""The sends table's maintenance sweeps: rows whose owner died (between attempts, or during
an API call), and the sends in doubt (`unknown`) the sweep decides on (`in_doubt.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.notifier.sends_rows import COLUMNS, SendRow, SendsTable, send_row


@dataclass(frozen=True)
class InDoubtSend:
    notification_id: str
    call_started_at: datetime


class SendsSweepQueries(SendsTable):
    async def orphans(self, limit: int = 100) -> list[SendRow]:
        """Pending rows nobody holds any more (their owner died between attempts)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""SELECT {COLUMNS} FROM notifier_sends
                    WHERE state = 'pending' AND lease_until < now()
                    ORDER BY updated_at LIMIT $1""",  # noqa: S608
                limit,
            )
            return [send_row(r) for r in records]

    async def expire_stale_calls(self, owner: str | None = None) -> list[SendRow]:
        """Calls whose owner died mid-call: outcome unknown (never resent blindly). With
        `owner`, also that owner's calls whatever their lease (this instance's previous
        run, found at start: nothing of this run is in flight yet)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends SET state = 'unknown', updated_at = now()
                    WHERE state = 'sending' AND (lease_until < now() OR owner = $1)
                    RETURNING {COLUMNS}""",  # noqa: S608
                owner,
            )
            return [send_row(r) for r in records]

    async def in_doubt(self, limit: int = 500) -> list[InDoubtSend]:
        """`unknown` sends, oldest call first, with the moment their last call started."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                """SELECT notification_id,
                          coalesce(call_started_at, updated_at) AS call_started_at
                   FROM notifier_sends WHERE state = 'unknown'
                   ORDER BY 2 LIMIT $1""",
                limit,
            )
            return [InDoubtSend(r["notification_id"], r["call_started_at"]) for r in records]

    async def count_in_doubt(self) -> int:
        """Sends whose outcome is not known: `unknown`, or `sending` (a call may be in
        flight, or its sender died)."""
        async with self._pool.acquire() as conn:
            value: int = await conn.fetchval(
                "SELECT count(*) FROM notifier_sends WHERE state IN ('unknown', 'sending')"
            )
            return value

    async def resend_in_doubt(self, ids: list[str]) -> list[SendRow]:
        """`unknown` sends the status pipeline went past without a status: back to
        pending, with no lease, so the orphan sweep resubmits them (a status that still
        comes before the new call settles the row, and the call is not made)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends
                    SET state = 'pending', owner = NULL, lease_until = now(),
                        updated_at = now(),
                        last_error = 'outcome unknown: the status pipeline went past the '
                                     || 'call and no status came; sent again'
                    WHERE state = 'unknown' AND notification_id = ANY($1)
                    RETURNING {COLUMNS}""",  # noqa: S608
                ids,
            )
            return [send_row(r) for r in records]

    async def give_up_in_doubt(self, ids: list[str]) -> list[SendRow]:
        """`unknown` sends no evidence decided for too long (the status pipeline stopped):
        dead-lettered for a person to decide (the message may or may not have gone)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends
                    SET state = 'dead_lettered', status_at = now(), updated_at = now(),
                        last_error = 'outcome unknown: the sender stopped during the API call '
                                     || 'and the status pipeline gave no evidence either way'
                    WHERE state = 'unknown' AND notification_id = ANY($1)
                    RETURNING {COLUMNS}""",  # noqa: S608
                ids,
            )
            return [send_row(r) for r in records]

    async def counts(self) -> dict[str, int]:
        async with self._pool.acquire() as conn:
            rows = await conn.fetch("SELECT state, count(*) AS n FROM notifier_sends GROUP BY 1")
            return {r["state"]: r["n"] for r in rows}
