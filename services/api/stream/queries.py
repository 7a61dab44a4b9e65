"""SQL of the live stream: case timeline rows after a projection sequence number, within
the caller's areas."""

from __future__ import annotations

from typing import Any

import asyncpg

from services.api.access.roles import Principal
from services.api.access.scope import scope_condition
from services.api.where import Where

BATCH = 500


def events_query(principal: Principal, after: int) -> tuple[str, list[Any]]:
    """Up to BATCH events after `after`, in sequence order. The timeline row holds the
    case as it was after the event: whom a complaint is about comes from that snapshot."""
    where = Where()
    where.add(f"t.seq > {where.param(after)}")
    about_officer = "t.snapshot->>'about_officer_id'"
    where.add(scope_condition(where, principal, alias="t", about_officer=about_officer))
    return (
        "SELECT t.seq, t.kind, t.case_id, t.version, t.occurred_at, t.regency_code, "  # noqa: S608
        f"t.snapshot::text AS snapshot FROM case_timeline t WHERE {where.clause()} "
        f"ORDER BY t.seq LIMIT {BATCH}",
        where.params,
    )


async def events_after(
    pool: asyncpg.Pool, principal: Principal, after: int
) -> list[asyncpg.Record]:
    text, params = events_query(principal, after)
    async with pool.acquire() as conn:
        return list(await conn.fetch(text, *params))


async def last_seq(pool: asyncpg.Pool) -> int:
    """The sequence number of the latest event (0 when there is none)."""
    async with pool.acquire() as conn:
        return int(await conn.fetchval("SELECT coalesce(max(seq), 0) FROM case_timeline"))
