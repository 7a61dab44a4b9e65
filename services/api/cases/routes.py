"""GET /cases, /cases/export.csv, /cases/{case_id}."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from services.api.access.dependencies import case_reader
from services.api.access.roles import Principal
from services.api.cases.listing import BadCursor, CaseFilters, CaseSort, Cursor, decode_cursor
from services.api.cases.listing import encode_cursor as encode
from services.api.cases.models import CaseDetailOut, CasePage, case_detail, case_summary
from services.api.cases.params import case_filters
from services.api.cases.sql import (
    export_query,
    list_query,
    one_case_query,
)
from services.api.context import ApiContext, api_context
from services.api.errors import NOT_FOUND, invalid

router = APIRouter(tags=["cases"])

def json_response(model: BaseModel) -> Response:
    """The model's JSON, serialised once (the models were built from trusted rows, so
    FastAPI's second validation against response_model is skipped)."""
    return Response(content=model.model_dump_json(), media_type="application/json")


CASE_ID = Path(..., max_length=100, description="Case id")


@router.get("/cases", response_model=CasePage, summary="Cases in the caller's areas")
async def list_cases(
    filters: CaseFilters = Depends(case_filters),
    sort: CaseSort = Query(CaseSort.UPDATED_DESC),
    limit: int = Query(50, ge=1, le=200),
    cursor: str | None = Query(None, max_length=400, description="next_cursor of the last page"),
    principal: Principal = Depends(case_reader),
    ctx: ApiContext = Depends(api_context),
) -> Response:
    position = None
    if cursor is not None:
        try:
            position = decode_cursor(cursor, sort)
        except BadCursor as exc:
            raise invalid("cursor", str(exc)) from exc
    text, params = list_query(principal, filters, sort, limit, position)
    async with ctx.pool.acquire() as conn:
        rows = await conn.fetch(text, *params)
    items = [case_summary(r, principal, ctx.areas) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode(Cursor(sort, last[sort.column], last["case_id"]))
    return json_response(CasePage(items=items, next_cursor=next_cursor))


CSV_COLUMNS = (
    "reference", "case_id", "status", "tier", "category", "urgency", "emergency",
    "district_code", "district_name", "village_code", "village_name", "assignee_id",
    "assignee_name", "opened_at", "updated_at", "acknowledged_at", "resolved_at", "due_at",
    "overdue", "escalations", "rating", "summary", "reporter_name", "reporter_wa_id",
)  # fmt: skip


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@router.get(
    "/cases/export.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "The filtered case list"}},
    summary="CSV of the case list the caller may see",
)
async def export_cases(
    filters: CaseFilters = Depends(case_filters),
    sort: CaseSort = Query(CaseSort.UPDATED_DESC),
    principal: Principal = Depends(case_reader),
    ctx: ApiContext = Depends(api_context),
) -> StreamingResponse:
    text, params = export_query(principal, filters, sort, ctx.settings.export_max_rows)

    async def lines() -> AsyncIterator[str]:
        buf = io.StringIO()
        out = csv.writer(buf)
        out.writerow(CSV_COLUMNS)
        async with ctx.pool.acquire() as conn, conn.transaction():
            async for row in conn.cursor(text, *params, prefetch=500):
                s = case_summary(row, principal, ctx.areas)
                values = s.model_dump()
                values["assignee_id"] = s.assignee.officer_id if s.assignee else None
                values["assignee_name"] = s.assignee.name if s.assignee else None
                values["reporter_name"] = s.reporter.name if s.reporter else None
                values["reporter_wa_id"] = s.reporter.wa_id if s.reporter else None
                out.writerow([_cell(values.get(c)) for c in CSV_COLUMNS])
                if buf.tell() > 32_000:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
        yield buf.getvalue()

    return StreamingResponse(
        lines(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="matur-cases.csv"'},
    )


@router.get(
    "/cases/{case_id}",
    response_model=CaseDetailOut,
    responses=NOT_FOUND,
    summary="One case with its whole timeline",
)
async def get_case(
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_reader),
    ctx: ApiContext = Depends(api_context),
) -> Response:
    text, params = one_case_query(principal, case_id)
    async with ctx.pool.acquire() as conn:
        row = await conn.fetchrow(text, *params)
    if row is None:
        raise HTTPException(404, "No such case in your areas")
    return json_response(case_detail(row, principal, ctx.areas))
