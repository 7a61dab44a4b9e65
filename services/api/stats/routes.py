"""GET /stats?from=&to=: every figure over the cases opened in [from, to)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from services.api.access.dependencies import case_reader
from services.api.access.roles import Principal
from services.api.access.scope import scope_condition
from services.api.cases.sql import OVERDUE
from services.api.context import ApiContext, api_context
from services.api.database import Conn
from services.api.errors import invalid
from services.api.where import Where

router = APIRouter(tags=["statistics"])

NONE_KEY = "none"
OPEN = "c.status IN ('awaiting_village', 'open', 'acknowledged')"


class Durations(BaseModel):
    count: int
    median_s: float | None = None
    p90_s: float | None = None


class DurationsBy(BaseModel):
    by_tier: dict[str, Durations]
    by_district: dict[str, Durations]


class Escalations(BaseModel):
    total: int = Field(description="Escalations of all cases")
    cases_escalated: int
    by_district: dict[str, int]


class Ratings(BaseModel):
    count: int
    average: float | None = None
    distribution: dict[str, int] = Field(description="Rating 1-5 -> how many")


class StatsOut(BaseModel):
    period_from: datetime
    period_to: datetime
    cases_opened: int
    open_by_tier: dict[str, int]
    open_by_district: dict[str, int]
    open_by_category: dict[str, int]
    overdue: int
    time_to_acknowledge: DurationsBy
    time_to_resolve: DurationsBy
    escalations: Escalations
    ratings: Ratings


def _key(value: str | None) -> str:
    return value or NONE_KEY


async def _durations(conn: Conn, where: str, params: list[object], end_column: str) -> DurationsBy:
    seconds = f"extract(epoch FROM c.{end_column} - c.opened_at)"
    rows = await conn.fetch(
        f"""SELECT GROUPING(c.tier) AS g_tier, c.tier, c.district_code, count(*) AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY {seconds}) AS p50,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY {seconds}) AS p90
             FROM cases c WHERE {where} AND c.{end_column} IS NOT NULL
            GROUP BY GROUPING SETS ((c.tier), (c.district_code))""",  # noqa: S608
        *params,
    )
    by_tier: dict[str, Durations] = {}
    by_district: dict[str, Durations] = {}
    for r in rows:
        d = Durations(count=r["n"], median_s=r["p50"], p90_s=r["p90"])
        if r["g_tier"] == 0:
            by_tier[_key(r["tier"])] = d
        else:
            by_district[_key(r["district_code"])] = d
    return DurationsBy(by_tier=by_tier, by_district=by_district)


@router.get("/stats", response_model=StatsOut)
async def stats(
    period_from: datetime | None = Query(None, alias="from", description="Default: 30 days ago"),
    period_to: datetime | None = Query(None, alias="to", description="Default: now"),
    principal: Principal = Depends(case_reader),
    ctx: ApiContext = Depends(api_context),
) -> StatsOut:
    end = period_to or datetime.now(UTC)
    if end.tzinfo is None:
        end = end.replace(tzinfo=UTC)
    start = period_from or end - timedelta(days=30)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if start >= end:
        raise invalid("from", "`from` must be before `to`")
    sql = Where()
    sql.add(scope_condition(sql, principal))
    sql.add(f"c.opened_at >= {sql.param(start)} AND c.opened_at < {sql.param(end)}")
    where, params = sql.clause(), sql.params
    async with ctx.pool.acquire() as conn:
        head = await conn.fetchrow(
            f"""SELECT count(*) AS opened,
                       count(*) FILTER (WHERE {OVERDUE}) AS overdue,
                       coalesce(sum(c.escalations), 0) AS escalations,
                       count(*) FILTER (WHERE c.escalations > 0) AS escalated,
                       count(c.rating) AS rated, avg(c.rating)::float AS rating_avg
                  FROM cases c WHERE {where}""",  # noqa: S608
            *params,
        )
        assert head is not None
        open_rows = await conn.fetch(
            f"""SELECT GROUPING(c.tier) AS g_tier, GROUPING(c.district_code) AS g_district,
                       c.tier, c.district_code, c.category, count(*) AS n
                  FROM cases c WHERE {where} AND {OPEN}
                 GROUP BY GROUPING SETS ((c.tier), (c.district_code), (c.category))""",  # noqa: S608
            *params,
        )
        escalation_rows = await conn.fetch(
            f"""SELECT c.district_code, sum(c.escalations) AS n FROM cases c
                 WHERE {where} AND c.escalations > 0 GROUP BY c.district_code""",  # noqa: S608
            *params,
        )
        rating_rows = await conn.fetch(
            f"""SELECT c.rating, count(*) AS n FROM cases c
                 WHERE {where} AND c.rating IS NOT NULL GROUP BY c.rating""",  # noqa: S608
            *params,
        )
        to_ack = await _durations(conn, where, params, "acknowledged_at")
        to_resolve = await _durations(conn, where, params, "resolved_at")
    by_tier: dict[str, int] = {}
    by_district: dict[str, int] = {}
    by_category: dict[str, int] = {}
    for r in open_rows:
        if r["g_tier"] == 0:
            by_tier[_key(r["tier"])] = r["n"]
        elif r["g_district"] == 0:
            by_district[_key(r["district_code"])] = r["n"]
        else:
            by_category[_key(r["category"])] = r["n"]
    return StatsOut(
        period_from=start,
        period_to=end,
        cases_opened=head["opened"],
        open_by_tier=by_tier,
        open_by_district=by_district,
        open_by_category=by_category,
        overdue=head["overdue"],
        time_to_acknowledge=to_ack,
        time_to_resolve=to_resolve,
        escalations=Escalations(
            total=head["escalations"],
            cases_escalated=head["escalated"],
            by_district={_key(r["district_code"]): int(r["n"]) for r in escalation_rows},
        ),
        ratings=Ratings(
            count=head["rated"],
            average=head["rating_avg"],
            distribution={str(r["rating"]): r["n"] for r in rating_rows},
        ),
    )
