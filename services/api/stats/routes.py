"""GET /stats?from=&to=: every figure over the cases opened in [from, to)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
from fastapi import APIRouter, Query

from services.api.access.dependencies import CaseReader
from services.api.context import Ctx
from services.api.errors import invalid
from services.api.stats.models import Durations, DurationsBy, Escalations, Ratings, StatsOut
from services.api.stats.queries import PeriodRows, period_rows

router = APIRouter(tags=["statistics"])

NONE_KEY = "none"  # the group of cases without a tier or district yet
DEFAULT_DAYS = 30


def _key(value: str | None) -> str:
    return value or NONE_KEY


def _period(period_from: datetime | None, period_to: datetime | None) -> tuple[datetime, datetime]:
    """[from, to): naive times are UTC; by default the last DEFAULT_DAYS days."""
    end = period_to or datetime.now(UTC)
    if end.tzinfo is None:
        end = end.replace(tzinfo=UTC)
    start = period_from or end - timedelta(days=DEFAULT_DAYS)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if start >= end:
        raise invalid("from", "`from` must be before `to`")
    return start, end


def _durations(rows: list[asyncpg.Record]) -> DurationsBy:
    by_tier: dict[str, Durations] = {}
    by_district: dict[str, Durations] = {}
    for r in rows:
        d = Durations(count=r["n"], median_s=r["p50"], p90_s=r["p90"])
        if r["g_tier"] == 0:
            by_tier[_key(r["tier"])] = d
        else:
            by_district[_key(r["district_code"])] = d
    return DurationsBy(by_tier=by_tier, by_district=by_district)


def _stats(start: datetime, end: datetime, rows: PeriodRows) -> StatsOut:
    by_tier: dict[str, int] = {}
    by_district: dict[str, int] = {}
    by_category: dict[str, int] = {}
    for r in rows.open_counts:
        if r["g_tier"] == 0:
            by_tier[_key(r["tier"])] = r["n"]
        elif r["g_district"] == 0:
            by_district[_key(r["district_code"])] = r["n"]
        else:
            by_category[_key(r["category"])] = r["n"]
    totals = rows.totals
    return StatsOut(
        period_from=start,
        period_to=end,
        cases_opened=totals["opened"],
        open_by_tier=by_tier,
        open_by_district=by_district,
        open_by_category=by_category,
        overdue=totals["overdue"],
        time_to_acknowledge=_durations(rows.to_acknowledge),
        time_to_resolve=_durations(rows.to_resolve),
        escalations=Escalations(
            total=totals["escalations"],
            cases_escalated=totals["escalated"],
            by_district={_key(r["district_code"]): int(r["n"]) for r in rows.escalations},
        ),
        ratings=Ratings(
            count=totals["rated"],
            average=totals["rating_avg"],
            distribution={str(r["rating"]): r["n"] for r in rows.ratings},
        ),
    )


@router.get("/stats", response_model=StatsOut)
async def stats(
    principal: CaseReader,
    ctx: Ctx,
    period_from: datetime | None = Query(None, alias="from", description="Default: 30 days ago"),
    period_to: datetime | None = Query(None, alias="to", description="Default: now"),
) -> StatsOut:
    start, end = _period(period_from, period_to)
    return _stats(start, end, await period_rows(ctx.pool, principal, start, end))
