"""The sends table's maintenance sweeps: rows whose owner died (between attempts, or during
an API call) and `unknown` outcomes no status webhook settled in time."""

from __future__ import annotations

from services.notifier.sends_rows import COLUMNS, SendRow, SendsTable, send_row


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

    async def expire_stale_calls(self) -> list[SendRow]:
        """Calls whose owner died mid-call: outcome unknown (never resent blindly)."""
        async with self._pool.acquire() as conn:
            records = await conn.fetch(
                f"""UPDATE notifier_sends SET state = 'unknown', updated_at = now()
                    WHERE state = 'sending' AND lease_until < now()
                    RETURNING {COLUMNS}"""  # noqa: S608
            )
            return [send_row(r) for r in records]

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
                    RETURNING {COLUMNS}""",  # noqa: S608
                older_than_s,
            )
            return [send_row(r) for r in records]

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
                    RETURNING {COLUMNS}""",  # noqa: S608
                older_than_s,
            )
            return [send_row(r) for r in records]

    async def counts(self) -> dict[str, int]:
        async with self._pool.acquire() as conn:
            rows = await conn.fetch("SELECT state, count(*) AS n FROM notifier_sends GROUP BY 1")
            return {r["state"]: r["n"] for r in rows}
