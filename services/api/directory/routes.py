"""GET /directory/districts, /directory/villages, /directory/officers; admin PUT/DELETE."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response
from pydantic import BaseModel, Field, StringConstraints

from contracts.hierarchy import Tier
from contracts.lines import mask_phone
from services.api.access.dependencies import admin_only, current_principal
from services.api.access.roles import Principal
from services.api.access.store import (
    OfficerRecord,
    delete_officer,
    find_officer,
    list_officers,
    revoke_officer_tokens,
    upsert_officer,
)
from services.api.context import ApiContext, api_context
from services.api.directory.rules import officer_visible, sees_officer_numbers, wrong_level_codes
from services.api.errors import NOT_FOUND, invalid

router = APIRouter(tags=["directory"])


class AreaOut(BaseModel):
    code: str
    name: str


class DistrictOut(AreaOut):
    villages: int


class VillageOut(AreaOut):
    district_code: str


class OfficerOut(BaseModel):
    officer_id: str
    name: str
    rank: str | None = None
    tier: Tier
    wa_id: str | None = Field(default=None, description="Masked for dashboards and systems")
    area_codes: list[str]
    areas: list[AreaOut]
    active: bool


AreaCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$")]


class OfficerIn(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    rank: Annotated[str, StringConstraints(max_length=100)] | None = None
    tier: Tier
    wa_id: Annotated[str, StringConstraints(pattern=r"^\d{6,20}$")]
    area_codes: list[AreaCode] = Field(min_length=1, max_length=500)
    active: bool = True


OFFICER_ID = Path(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


def _officer_out(o: OfficerRecord, principal: Principal, ctx: ApiContext) -> OfficerOut:
    return OfficerOut(
        officer_id=o.officer_id,
        name=o.name,
        rank=o.rank,
        tier=Tier(o.tier),
        wa_id=o.wa_id if sees_officer_numbers(principal) else mask_phone(o.wa_id),
        area_codes=list(o.area_codes),
        areas=[AreaOut(code=c, name=ctx.areas.name(c) or c) for c in o.area_codes],
        active=o.active,
    )


@router.get("/directory/districts", response_model=list[DistrictOut])
async def districts(
    _: Principal = Depends(current_principal), ctx: ApiContext = Depends(api_context)
) -> list[DistrictOut]:
    counts: dict[str, int] = {}
    for v in ctx.areas.villages:
        counts[v.parent_code] = counts.get(v.parent_code, 0) + 1
    return [
        DistrictOut(code=d.code, name=d.name, villages=counts.get(d.code, 0))
        for d in ctx.areas.districts
    ]


@router.get("/directory/villages", response_model=list[VillageOut])
async def villages(
    district: str | None = Query(None, pattern=r"^\d{2}\.\d{2}\.\d{2}$"),
    _: Principal = Depends(current_principal),
    ctx: ApiContext = Depends(api_context),
) -> list[VillageOut]:
    if district is not None and not ctx.areas.knows(district):
        raise invalid("district", f"unknown district code {district!r}")
    return [
        VillageOut(code=v.code, name=v.name, district_code=v.parent_code)
        for v in ctx.areas.villages
        if district is None or v.parent_code == district
    ]


@router.get("/directory/officers", response_model=list[OfficerOut])
async def officers(
    principal: Principal = Depends(current_principal), ctx: ApiContext = Depends(api_context)
) -> list[OfficerOut]:
    async with ctx.pool.acquire() as conn:
        rows = await list_officers(conn)
    return [
        _officer_out(o, principal, ctx) for o in rows if officer_visible(principal, o.area_codes)
    ]


@router.put("/directory/officers/{officer_id}", response_model=OfficerOut, tags=["admin"])
async def put_officer(
    body: OfficerIn,
    officer_id: str = OFFICER_ID,
    principal: Principal = Depends(admin_only),
    ctx: ApiContext = Depends(api_context),
) -> OfficerOut:
    """Create or replace an officer (stored in PostgreSQL; the roster file only seeds)."""
    codes = tuple(dict.fromkeys(body.area_codes))
    wrong = wrong_level_codes(body.tier, codes)
    if wrong:
        raise invalid("area_codes", f"not areas a {body.tier.value} serves: {wrong}", "body")
    unknown = [c for c in codes if not ctx.areas.knows(c)]
    if unknown:
        raise invalid("area_codes", f"unknown area codes: {unknown}", "body")
    record = OfficerRecord(
        officer_id, body.name, body.rank, body.tier.value, body.wa_id, codes, body.active
    )
    async with ctx.pool.acquire() as conn, conn.transaction():
        before = await find_officer(conn, officer_id=officer_id)
        await upsert_officer(conn, record)
        if before is not None and before.tier != record.tier:
            await revoke_officer_tokens(conn, officer_id)  # a token's role is the old tier
    ctx.principals.clear()  # scopes come from the roster
    return _officer_out(record, principal, ctx)


@router.delete("/directory/officers/{officer_id}", status_code=204, response_class=Response,
               responses=NOT_FOUND, tags=["admin"])  # fmt: skip
async def remove_officer(
    officer_id: str = OFFICER_ID,
    _: Principal = Depends(admin_only),
    ctx: ApiContext = Depends(api_context),
) -> Response:
    """Remove an officer and revoke his tokens."""
    async with ctx.pool.acquire() as conn:
        if not await delete_officer(conn, officer_id):
            raise HTTPException(404, "No such officer")
    ctx.principals.clear()
    return Response(status_code=204)
