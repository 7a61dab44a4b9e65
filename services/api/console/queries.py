"""SQL of the console's views, scoped like every case query (`cases/sql.py` `filtered`:
the caller's areas inside the WHERE clause)."""

from __future__ import annotations

import asyncpg

from services.api.access.roles import Principal
from services.api.cases.listing import CaseFilters
from services.api.cases.sql import OVERDUE, SUMMARY_COLUMNS, filtered
from services.api.where import one_of


async def board_rows(
    pool: asyncpg.Pool,
    principal: Principal,
    filters: CaseFilters,
    limit: int,
    case_ids: tuple[str, ...] = (),
) -> list[asyncpg.Record]:
    """Summary rows, most urgent first (emergencies, overdue, nearest deadline); only
    `case_ids` when given (the board's live refresh of a few cards)."""
    where = filtered(principal, filters)
    if case_ids:
        where.add(one_of(where, "c.case_id", case_ids))
    text = (
        f"SELECT {SUMMARY_COLUMNS} FROM cases c WHERE {where.clause()} "  # noqa: S608
        f"ORDER BY c.emergency DESC, {OVERDUE} DESC, c.due_at ASC NULLS LAST, "
        f"c.opened_at DESC LIMIT {where.param(limit)}"
    )
    async with pool.acquire() as conn:
        return list(await conn.fetch(text, *where.params))


async def open_counts(
    pool: asyncpg.Pool, principal: Principal, filters: CaseFilters
) -> list[asyncpg.Record]:
    """(district_code, tier, n, overdue, emergencies) of the cases the filters select."""
    where = filtered(principal, filters)
    text = (
        "SELECT c.district_code, c.tier, count(*) AS n, "  # noqa: S608
        f"count(*) FILTER (WHERE {OVERDUE}) AS overdue, "
        "count(*) FILTER (WHERE c.emergency) AS emergencies "
        f"FROM cases c WHERE {where.clause()} GROUP BY c.district_code, c.tier"
    )
    async with pool.acquire() as conn:
        return list(await conn.fetch(text, *where.params))
