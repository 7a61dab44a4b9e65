"""The live board: GET /console/papan (officers: the open cases by tier; dashboards: the
counts), and the fragments its script fetches when the live stream says something
changed (`/console/papan/kartu`, `/console/papan/jumlah`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from contracts.hierarchy import TIER_ORDER
from services.api.access.roles import Principal, within
from services.api.cases.models import case_summary
from services.api.console import labels
from services.api.console.board import (
    BOARD_LIMIT,
    OPEN_STATUSES,
    WAITING_COLUMN,
    BoardFilters,
    by_column,
    column_of,
)
from services.api.console.counts import count_rows
from services.api.console.queries import board_rows, open_counts
from services.api.console.rendering import notice, page
from services.api.console.session import Viewer, is_officer
from services.api.context import ApiContext, Ctx
from services.api.directory.areas import Area
from services.api.stream.queries import last_seq

router = APIRouter(include_in_schema=False)

COLUMN_NAMES = {**labels.TIERS, WAITING_COLUMN: "Menunggu desa"}
LIVE_BATCH_MAX = 100


def districts_in_scope(ctx: ApiContext, principal: Principal) -> list[Area]:
    """The districts the viewer's areas lie in or cover, by name."""
    scope = principal.scope
    found = [
        d for d in ctx.areas.districts
        if within(d.code, scope) or any(s.startswith(d.code + ".") for s in scope)
    ]  # fmt: skip
    return sorted(found, key=lambda d: d.name)


def _filter_context(request: Request, ctx: ApiContext, viewer: Principal) -> dict[str, Any]:
    filters = BoardFilters.from_query(request.query_params, ctx.areas)
    return {
        "filters": filters,
        "districts": districts_in_scope(ctx, viewer),
        "open_statuses": OPEN_STATUSES,
        "nav": "papan",
    }


async def _counts_context(
    ctx: ApiContext, viewer: Principal, filters: BoardFilters
) -> dict[str, Any]:
    rows, total = count_rows(
        await open_counts(ctx.pool, viewer, filters.case_filters()), ctx.areas
    )
    return {"rows": rows, "total": total, "tiers": TIER_ORDER}


@router.get("/console/papan", response_class=HTMLResponse)
async def board(request: Request, viewer: Viewer, ctx: Ctx) -> HTMLResponse:
    context = _filter_context(request, ctx, viewer)
    context["after"] = await last_seq(ctx.pool)  # before reading: no change slips between
    filters = context["filters"]
    assert isinstance(filters, BoardFilters)
    if not is_officer(viewer):
        return page(request, "counts.html", viewer, **context,
                    **await _counts_context(ctx, viewer, filters))  # fmt: skip
    rows = await board_rows(ctx.pool, viewer, filters.case_filters(), BOARD_LIMIT + 1)
    now = datetime.now(UTC)
    cases = [case_summary(r, viewer, ctx.areas) for r in rows[:BOARD_LIMIT]]
    return page(
        request,
        "board.html",
        viewer,
        **context,
        columns=by_column(cases, now),
        column_names=COLUMN_NAMES,
        now=now,
        truncated=len(rows) > BOARD_LIMIT,
        shown=len(cases),
    )


@router.get("/console/papan/kartu", response_class=HTMLResponse)
async def cards(
    request: Request,
    viewer: Viewer,
    ctx: Ctx,
    case_id: list[str] = Query(default_factory=list, alias="id", max_length=100),
) -> HTMLResponse:
    """The cards of the asked cases as the board (with its filters) shows them now."""
    if not is_officer(viewer):
        return notice(request, viewer, 403, "Tidak tersedia", "Dasbor hanya melihat jumlah.")
    asked = list(dict.fromkeys(case_id))[:LIVE_BATCH_MAX]
    filters = BoardFilters.from_query(request.query_params, ctx.areas)
    rows = await board_rows(ctx.pool, viewer, filters.case_filters(), len(asked) or 1,
                            tuple(asked)) if asked else []  # fmt: skip
    found = {r["case_id"]: case_summary(r, viewer, ctx.areas) for r in rows}
    return page(request, "cards.html", viewer, asked=asked, found=found,
                now=datetime.now(UTC), column_of=column_of)  # fmt: skip


@router.get("/console/papan/jumlah", response_class=HTMLResponse)
async def counts(request: Request, viewer: Viewer, ctx: Ctx) -> HTMLResponse:
    filters = BoardFilters.from_query(request.query_params, ctx.areas)
    return page(request, "_counts_table.html", viewer,
                **await _counts_context(ctx, viewer, filters))  # fmt: skip
