"""SQL of the statistics: every figure over the cases opened in [start, end) within the
caller's areas, as rows; the route shapes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from services.api.access.roles import Principal
from services.api.access.scope import scope_condition
from services.api.cases.sql import OVERDUE
from services.api.database import Conn
from services.api.where import Where

OPEN = "c.status IN ('awaiting_village', 'open', 'acknowledged')"


@dataclass(frozen=True)
class PeriodRows:
    totals: asyncpg.Record  # opened, overdue, escalations, escalated, rated, rating_avg
    open_counts: list[asyncpg.Record]  # by GROUPING SETS (tier), (district_code), (category)
    escalations: list[asyncpg.Record]  # by district_code: n
    ratings: list[asyncpg.Record]  # rating, n
    to_acknowledge: list[asyncpg.Record]  # see `_durations`
    to_resolve: list[asyncpg.Record]


async def _durations(
    conn: Conn, where: str, params: list[object], end_column: str
) -> list[asyncpg.Record]:
    """Seconds from opening to `end_column` (count, median, p90) by GROUPING SETS (tier),
    (district_code); `g_tier` is 0 on the rows by tier."""
    seconds = f"extract(epoch FROM c.{end_column} - c.opened_at)"
    return list(
        await conn.fetch(
            f"""SELECT GROUPING(c.tier) AS g_tier, c.tier, c.district_code, count(*) AS n,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY {seconds}) AS p50,
                      percentile_cont(0.9) WITHIN GROUP (ORDER BY {seconds}) AS p90
                 FROM cases c WHERE {where} AND c.{end_column} IS NOT NULL
                GROUP BY GROUPING SETS ((c.tier), (c.district_code))""",  # noqa: S608
            *params,
        )
    )


async def period_rows(
    pool: asyncpg.Pool, principal: Principal, start: datetime, end: datetime
) -> PeriodRows:
    period = Where()
    period.add(scope_condition(period, principal))
    period.add(f"c.opened_at >= {period.param(start)} AND c.opened_at < {period.param(end)}")
    where, params = period.clause(), period.params
    async with pool.acquire() as conn:
        totals = await conn.fetchrow(
            f"""SELECT count(*) AS opened,
                       count(*) FILTER (WHERE {OVERDUE}) AS overdue,
                       coalesce(sum(c.escalations), 0) AS escalations,
                       count(*) FILTER (WHERE c.escalations > 0) AS escalated,
                       count(c.rating) AS rated, avg(c.rating)::float AS rating_avg
                  FROM cases c WHERE {where}""",  # noqa: S608
            *params,
        )
        assert totals is not None  # an aggregate without GROUP BY always has its row
        open_counts = await conn.fetch(
            f"""SELECT GROUPING(c.tier) AS g_tier, GROUPING(c.district_code) AS g_district,
                       c.tier, c.district_code, c.category, count(*) AS n
                  FROM cases c WHERE {where} AND {OPEN}
                 GROUP BY GROUPING SETS ((c.tier), (c.district_code), (c.category))""",  # noqa: S608
            *params,
        )
        escalations = await conn.fetch(
            f"""SELECT c.district_code, sum(c.escalations) AS n FROM cases c
                 WHERE {where} AND c.escalations > 0 GROUP BY c.district_code""",  # noqa: S608
            *params,
        )
        ratings = await conn.fetch(
            f"""SELECT c.rating, count(*) AS n FROM cases c
                 WHERE {where} AND c.rating IS NOT NULL GROUP BY c.rating""",  # noqa: S608
            *params,
        )
        return PeriodRows(
            totals,
            list(open_counts),
            list(escalations),
            list(ratings),
            await _durations(conn, where, params, "acknowledged_at"),
            await _durations(conn, where, params, "resolved_at"),
        )
