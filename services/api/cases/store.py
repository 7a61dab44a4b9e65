"""Reading cases from the projection, scoped to the caller (the SQL text is in `sql.py`)."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from dataclasses import dataclass

import asyncpg

from contracts.hierarchy import Category, Tier
from services.api.access.roles import Principal
from services.api.cases.listing import CaseFilters, CaseSort, Cursor
from services.api.cases.sql import case_keys_query, export_query, list_query, one_case_query

COMPLAINT = Category.OFFICER_CONDUCT.value


@dataclass(frozen=True)
class CaseKeys:
    """What a command about a case needs: the reporter it is keyed by, the areas, and who
    may be handed it (the tiers it is visible to; whom a complaint is about)."""

    reporter_key: str
    areas: tuple[str | None, ...]  # village, district, regency
    visible_to_tiers: tuple[Tier, ...] = ()
    about_officer_id: str | None = None
    complaint: bool = False  # about the police (see access/scope.py)


async def case_page(
    pool: asyncpg.Pool,
    principal: Principal,
    filters: CaseFilters,
    sort: CaseSort,
    limit: int,
    cursor: Cursor | None,
) -> list[asyncpg.Record]:
    """Up to limit + 1 summary rows after `cursor` (the extra one: there is a next page)."""
    text, params = list_query(principal, filters, sort, limit, cursor)
    async with pool.acquire() as conn:
        return list(await conn.fetch(text, *params))


async def export_rows(
    pool: asyncpg.Pool, principal: Principal, filters: CaseFilters, sort: CaseSort, max_rows: int
) -> AsyncGenerator[asyncpg.Record, None]:
    """Summary rows read through a server-side cursor (one connection for the whole export)."""
    text, params = export_query(principal, filters, sort, max_rows)
    async with pool.acquire() as conn, conn.transaction():
        async for row in conn.cursor(text, *params, prefetch=500):
            yield row


async def one_case(pool: asyncpg.Pool, principal: Principal, case_id: str) -> asyncpg.Record | None:
    """The case with its timeline and notifications; None when the caller may not see it."""
    text, params = one_case_query(principal, case_id)
    async with pool.acquire() as conn:
        row: asyncpg.Record | None = await conn.fetchrow(text, *params)
    return row


async def case_keys(pool: asyncpg.Pool, principal: Principal, case_id: str) -> CaseKeys | None:
    """None when there is no such case in the caller's areas."""
    text, params = case_keys_query(principal, case_id)
    async with pool.acquire() as conn:
        row = await conn.fetchrow(text, *params)
    if row is None:
        return None
    return CaseKeys(
        str(row["reporter_key"]),
        (row["village_code"], row["district_code"], row["regency_code"]),
        tuple(Tier(t) for t in json.loads(row["visible_to_tiers"] or "[]")),
        row["about_officer_id"],
        bool(row["confidential"] or row["about_officer_id"] or row["category"] == COMPLAINT),
    )
