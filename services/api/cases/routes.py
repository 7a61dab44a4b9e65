"""GET /cases, /cases/export.csv, /cases/{case_id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from services.api.access.dependencies import CaseReader
from services.api.cases.csv_export import csv_chunks
from services.api.cases.listing import BadCursor, CaseSort, Cursor, decode_cursor, encode_cursor
from services.api.cases.models import CaseDetailOut, CasePage, case_detail, case_summary
from services.api.cases.params import Filters
from services.api.cases.store import case_page, export_rows, one_case
from services.api.cases.xlsx_export import xlsx_bytes
from services.api.context import Ctx
from services.api.errors import NOT_FOUND, invalid

router = APIRouter(tags=["cases"])

CaseId = Annotated[str, Path(max_length=100, description="Case id")]
CaseKey = Annotated[
    str, Path(max_length=100, description="Case id, or its reference (`BJN-C0003V`, any case)")
]


def json_response(model: BaseModel) -> Response:
    """The model's JSON, serialised once (the models were built from trusted rows, so
    FastAPI's second validation against response_model is skipped)."""
    return Response(content=model.model_dump_json(), media_type="application/json")


@router.get("/cases", response_model=CasePage, summary="Cases in the caller's areas")
async def list_cases(
    filters: Filters,
    principal: CaseReader,
    ctx: Ctx,
    sort: CaseSort = Query(CaseSort.UPDATED_DESC),
    limit: int = Query(50, ge=1, le=200),
    cursor: str | None = Query(None, max_length=400, description="next_cursor of the last page"),
) -> Response:
    position = None
    if cursor is not None:
        try:
            position = decode_cursor(cursor, sort)
        except BadCursor as exc:
            raise invalid("cursor", str(exc)) from exc
    rows = await case_page(ctx.pool, principal, filters, sort, limit, position)
    items = [case_summary(r, principal, ctx.areas) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode_cursor(Cursor(sort, last[sort.column], last["case_id"]))
    return json_response(CasePage(items=items, next_cursor=next_cursor))


@router.get(
    "/cases/export.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "The filtered case list"}},
    summary="CSV of the case list the caller may see (times in WIB, +07:00)",
)
async def export_cases(
    filters: Filters,
    principal: CaseReader,
    ctx: Ctx,
    sort: CaseSort = Query(CaseSort.UPDATED_DESC),
) -> StreamingResponse:
    rows = export_rows(ctx.pool, principal, filters, sort, ctx.settings.export_max_rows)
    return StreamingResponse(
        csv_chunks(rows, principal, ctx.areas),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="matur-cases.csv"'},
    )


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/cases/export.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX_TYPE: {}}, "description": "The filtered case list"}},
    summary="XLSX workbook of the case list the caller may see (times in WIB)",
)
async def export_cases_xlsx(
    filters: Filters,
    principal: CaseReader,
    ctx: Ctx,
    sort: CaseSort = Query(CaseSort.UPDATED_DESC),
) -> Response:
    rows = export_rows(ctx.pool, principal, filters, sort, ctx.settings.export_max_rows)
    return Response(
        await xlsx_bytes(rows, principal, ctx.areas),
        media_type=XLSX_TYPE,
        headers={"Content-Disposition": 'attachment; filename="matur-cases.xlsx"'},
    )


@router.get(
    "/cases/{case_id}",
    response_model=CaseDetailOut,
    responses=NOT_FOUND,
    summary="One case with its whole timeline, by id or reference",
)
async def get_case(case_id: CaseKey, principal: CaseReader, ctx: Ctx) -> Response:
    row = await one_case(ctx.pool, principal, case_id)
    if row is None:
        raise HTTPException(404, "No such case in your areas")
    return json_response(case_detail(row, principal, ctx.areas))
