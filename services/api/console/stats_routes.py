"""GET /console/statistik: per district or per officer over the last 7 or 30 days, as
charts and a table (counts and durations only: no case texts, so dashboards see it too)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from services.api.console.charts import Chart, GroupStats, bar_chart, group_stats
from services.api.console.clock import duration_text
from services.api.console.rendering import page
from services.api.console.session import Viewer
from services.api.console.stats_queries import Grouping, group_rows
from services.api.context import Ctx

router = APIRouter(include_in_schema=False)

PERIODS = (7, 30)
CHART_ROWS = 15


def _count(value: float | None) -> str:
    return "-" if value is None else str(int(value))


def _rating(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def charts(groups: list[GroupStats]) -> list[Chart]:
    top = groups[:CHART_ROWS]
    return [
        bar_chart("Kasus terbuka dan terlambat", ("terbuka", "terlambat"),
                  [(g.name, (g.open, g.overdue)) for g in top], _count),
        bar_chart("Waktu sampai diterima petugas", ("median (p50)", "p90"),
                  [(g.name, (g.acknowledge_p50, g.acknowledge_p90)) for g in top],
                  duration_text),
        bar_chart("Waktu sampai selesai", ("median (p50)", "p90"),
                  [(g.name, (g.resolve_p50, g.resolve_p90)) for g in top], duration_text),
        bar_chart("Kepuasan pelapor (rata-rata 1-5)", ("rata-rata",),
                  [(g.name, (g.rating,)) for g in top], _rating),
    ]  # fmt: skip


@router.get("/console/statistik", response_class=HTMLResponse)
async def statistics(
    request: Request,
    viewer: Viewer,
    ctx: Ctx,
    days: int = Query(30, alias="hari"),
    grouping: Grouping = Query(Grouping.DISTRICT, alias="per"),
) -> HTMLResponse:
    days = days if days in PERIODS else 30
    end = datetime.now(UTC)
    start = end - timedelta(days=days)
    rows = await group_rows(ctx.pool, viewer, grouping, start, end)
    groups = group_stats(rows, grouping, ctx.areas)
    return page(
        request, "stats.html", viewer, nav="statistik", days=days, periods=PERIODS,
        grouping=grouping, groupings=list(Grouping), groups=groups, charts=charts(groups),
        start=start, end=end, rating_text=_rating,
    )  # fmt: skip
