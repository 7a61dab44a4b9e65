"""SQL of the console's statistics: per district or per officer (the case's current
officer), over the cases opened in [start, end) within the caller's areas."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import asyncpg

from services.api.access.roles import Principal
from services.api.access.scope import scope_condition
from services.api.cases.sql import OVERDUE
from services.api.where import Where

OPEN = "c.status IN ('awaiting_village', 'open', 'acknowledged')"


class Grouping(StrEnum):
    DISTRICT = "kecamatan"
    OFFICER = "petugas"

    @property
    def column(self) -> str:
        return "c.district_code" if self is Grouping.DISTRICT else "c.assignee_id"


def _percentiles(end_column: str, name: str) -> str:
    seconds = f"extract(epoch FROM c.{end_column} - c.opened_at)"
    return ", ".join(
        f"percentile_cont({p}) WITHIN GROUP (ORDER BY {seconds}) "
        f"FILTER (WHERE c.{end_column} IS NOT NULL) AS {name}_p{int(p * 100)}"
        for p in (0.5, 0.9)
    )


async def group_rows(
    pool: asyncpg.Pool, principal: Principal, grouping: Grouping, start: datetime, end: datetime
) -> list[asyncpg.Record]:
    """One row per district or officer: key, name (the officer's), opened, open, overdue,
    acknowledge_p50/p90 and resolve_p50/p90 (seconds), escalations, rated, rating."""
    where = Where()
    where.add(scope_condition(where, principal))
    where.add(f"c.opened_at >= {where.param(start)} AND c.opened_at < {where.param(end)}")
    text = f"""SELECT {grouping.column} AS key, max(c.assignee_name) AS name,
                      count(*) AS opened,
                      count(*) FILTER (WHERE {OPEN}) AS open,
                      count(*) FILTER (WHERE {OVERDUE}) AS overdue,
                      {_percentiles("acknowledged_at", "acknowledge")},
                      {_percentiles("resolved_at", "resolve")},
                      coalesce(sum(c.escalations), 0) AS escalations,
                      count(c.rating) AS rated, avg(c.rating)::float AS rating
                 FROM cases c WHERE {where.clause()}
                GROUP BY {grouping.column}"""  # noqa: S608
    async with pool.acquire() as conn:
        return list(await conn.fetch(text, *where.params))
