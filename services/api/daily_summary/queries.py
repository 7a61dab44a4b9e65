"""The daily summary's SQL: the regency's cases counted per district and per officer a
complaint is about (one small row each), read from the projection."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from services.api.daily_summary.summary import Tally

_WAITING = "status IN ('open', 'awaiting_village')"
_OPEN = "status IN ('open', 'awaiting_village', 'acknowledged')"
TALLY_SQL = f"""
SELECT district_code, about_officer_id,
       count(*) FILTER (WHERE opened_at >= $2 AND opened_at < $3) AS reports,
       count(*) FILTER (WHERE opened_at >= $2 AND opened_at < $3 AND emergency) AS emergencies,
       count(*) FILTER (WHERE {_OPEN}) AS open,
       count(*) FILTER (WHERE {_WAITING} AND due_at < $4) AS overdue
FROM cases
WHERE regency_code = $1 AND ({_OPEN} OR (opened_at >= $2 AND opened_at < $3))
GROUP BY district_code, about_officer_id
"""  # noqa: S608 (constants only; every value is a parameter)


async def tally_rows(
    pool: asyncpg.Pool, regency: str, start: datetime, end: datetime, now: datetime
) -> list[Tally]:
    """Reports opened in [start, end); open and overdue as of `now`."""
    async with pool.acquire() as conn:
        rows = await conn.fetch(TALLY_SQL, regency, start, end, now)
    return [
        Tally(r["district_code"], r["about_officer_id"], r["reports"], r["emergencies"],
              r["open"], r["overdue"])
        for r in rows
    ]  # fmt: skip
