"""The case page (GET /console/kasus/{id or reference}) and the search box
(GET /console/cari). Actions are the API's own endpoints, posted by static/case.js."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from contracts.hierarchy import TIER_ORDER, CaseStatus, Tier
from services.api.access.roles import Principal
from services.api.access.store import OfficerRecord, list_officers
from services.api.cases.commands import serves_case
from services.api.cases.listing import CaseFilters, CaseSort
from services.api.cases.models import CaseDetailOut, case_detail, case_summary
from services.api.cases.store import case_page, one_case
from services.api.console.rendering import notice, page
from services.api.console.session import Viewer, is_officer
from services.api.console.timeline import moment, place_of
from services.api.context import ApiContext, Ctx
from services.api.stream.queries import last_seq

router = APIRouter(include_in_schema=False)

ONLY_COUNTS = "Peran dasbor hanya melihat jumlah kasus, tanpa isi laporan."
WORKING = (CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED)
SEARCH_LIMIT = 50


async def reassign_candidates(ctx: ApiContext, case: CaseDetailOut) -> list[OfficerRecord]:
    """Active officers serving the case's village, district or regency, but not its
    current officer."""
    async with ctx.pool.acquire() as conn:
        officers = await list_officers(conn)
    areas = (case.village_code, case.district_code, case.regency_code)
    current = case.assignee.officer_id if case.assignee else None
    found = [
        o for o in officers
        if o.active and o.officer_id != current and serves_case(o.area_codes, areas)
    ]  # fmt: skip
    return sorted(found, key=lambda o: (TIER_ORDER.index(Tier(o.tier)), o.name))


def allowed_actions(case: CaseDetailOut) -> set[str]:
    """What the page offers; the router still decides (and tells the officer why not)."""
    if case.status is CaseStatus.OPEN:
        return {"acknowledge", "notes", "reassign", "resolve"}
    if case.status is CaseStatus.ACKNOWLEDGED:
        return {"notes", "reassign", "resolve"}
    if case.status is CaseStatus.AWAITING_VILLAGE:
        return {"notes"}
    return set()


@router.get("/console/kasus/{key}", response_class=HTMLResponse)
async def case_view(key: str, request: Request, viewer: Viewer, ctx: Ctx) -> HTMLResponse:
    if not is_officer(viewer):
        return notice(request, viewer, 403, "Tidak tersedia", ONLY_COUNTS)
    after = await last_seq(ctx.pool)  # before reading: no change slips between
    row = await one_case(ctx.pool, viewer, key[:100])
    if row is None:
        return notice(request, viewer, 404, "Kasus tidak ditemukan",
                      "Tidak ada kasus dengan nomor itu di wilayah Anda.")  # fmt: skip
    case = case_detail(row, viewer, ctx.areas)
    return page(
        request,
        "case.html",
        viewer,
        case=case,
        moments=[moment(t) for t in case.timeline],
        place=place_of(case.location),
        actions=allowed_actions(case),
        candidates=await reassign_candidates(ctx, case),
        now=datetime.now(UTC),
        after=after,
    )


async def _search(ctx: ApiContext, viewer: Principal, text: str) -> list:
    rows = await case_page(ctx.pool, viewer, CaseFilters(text=text), CaseSort.UPDATED_DESC,
                           SEARCH_LIMIT, None)  # fmt: skip
    return [case_summary(r, viewer, ctx.areas) for r in rows[:SEARCH_LIMIT]]


@router.get("/console/cari", response_class=HTMLResponse)
async def search(
    request: Request, viewer: Viewer, ctx: Ctx, q: str = Query("", max_length=200)
) -> Response:
    """A reference (or case id) opens its case; other words search the cases' texts."""
    if not is_officer(viewer):
        return notice(request, viewer, 403, "Tidak tersedia", ONLY_COUNTS)
    text = q.replace("\x00", "").strip()
    if not text:
        return RedirectResponse("/console/papan", status_code=303)
    row = await one_case(ctx.pool, viewer, text)
    if row is not None:
        return RedirectResponse(f"/console/kasus/{quote(row['case_id'])}", status_code=303)
    found = await _search(ctx, viewer, text)
    return page(request, "search.html", viewer, query=text, found=found, now=datetime.now(UTC))
