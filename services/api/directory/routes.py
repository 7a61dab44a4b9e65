"""GET /directory/districts, /directory/villages, /directory/officers; admin PUT/DELETE.

Officers are read from the officer directory as this process last applied it, and written
to it (`directory.officers`): an answer comes once the change is applied here, and every
other service applies it from the same topic (`live.py`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response
from pydantic import BaseModel, Field, StringConstraints

from contracts.clean_text import CleanText
from contracts.hierarchy import Tier
from contracts.lines import mask_phone
from contracts.roster import Officer
from services.api.access.dependencies import AdminOnly, CurrentPrincipal
from services.api.access.roles import Principal
from services.api.context import ApiContext, Ctx
from services.api.directory.rules import officer_visible, sees_officer_numbers, wrong_level_codes
from services.api.errors import NOT_FOUND, ErrorOut, invalid

log = logging.getLogger(__name__)
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
    name: Annotated[str, CleanText(max_length=200)]
    rank: Annotated[str, CleanText(max_length=100, min_length=None, strip=None)] | None = None
    tier: Tier
    wa_id: Annotated[str, StringConstraints(pattern=r"^\d{6,20}$")]
    area_codes: list[AreaCode] = Field(min_length=1, max_length=500)
    active: bool = True


OFFICER_ID = Path(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
UNAVAILABLE: dict[int | str, dict[str, object]] = {
    503: {"model": ErrorOut, "description": "Kafka unavailable; try again"},
}


def _officer_out(o: Officer, principal: Principal, ctx: ApiContext) -> OfficerOut:
    return OfficerOut(
        officer_id=o.officer_id,
        name=o.name,
        rank=o.rank,
        tier=o.tier,
        wa_id=o.wa_id if sees_officer_numbers(principal) else mask_phone(o.wa_id),
        area_codes=list(o.area_codes),
        areas=[AreaOut(code=c, name=ctx.areas.name(c) or c) for c in o.area_codes],
        active=o.active,
    )


@router.get("/directory/districts", response_model=list[DistrictOut])
async def districts(_: CurrentPrincipal, ctx: Ctx) -> list[DistrictOut]:
    counts: dict[str, int] = {}
    for v in ctx.areas.villages:
        counts[v.parent_code] = counts.get(v.parent_code, 0) + 1
    return [
        DistrictOut(code=d.code, name=d.name, villages=counts.get(d.code, 0))
        for d in ctx.areas.districts
    ]


@router.get("/directory/villages", response_model=list[VillageOut])
async def villages(
    _: CurrentPrincipal,
    ctx: Ctx,
    district: str | None = Query(None, pattern=r"^\d{2}\.\d{2}\.\d{2}$"),
) -> list[VillageOut]:
    if district is not None and not ctx.areas.knows(district):
        raise invalid("district", f"unknown district code {district!r}")
    return [
        VillageOut(code=v.code, name=v.name, district_code=v.parent_code)
        for v in ctx.areas.villages
        if district is None or v.parent_code == district
    ]


@router.get("/directory/officers", response_model=list[OfficerOut])
async def officers(principal: CurrentPrincipal, ctx: Ctx) -> list[OfficerOut]:
    return [
        _officer_out(o, principal, ctx)
        for o in ctx.officers.snapshot.officers
        if officer_visible(principal, o.area_codes)
    ]


@router.put("/directory/officers/{officer_id}", response_model=OfficerOut, tags=["admin"],
            responses=UNAVAILABLE)  # fmt: skip
async def put_officer(
    body: OfficerIn, principal: AdminOnly, ctx: Ctx, officer_id: str = OFFICER_ID
) -> OfficerOut:
    """Create or replace an officer in the officer directory; every service applies it
    without a restart (a tier change revokes his tokens)."""
    codes = tuple(dict.fromkeys(body.area_codes))
    wrong = wrong_level_codes(body.tier, codes)
    if wrong:
        raise invalid("area_codes", f"not areas a {body.tier.value} serves: {wrong}", "body")
    unknown = [c for c in codes if not ctx.areas.knows(c)]
    if unknown:
        raise invalid("area_codes", f"unknown area codes: {unknown}", "body")
    officer = Officer(officer_id=officer_id, name=body.name, rank=body.rank, tier=body.tier,
                      wa_id=body.wa_id, area_codes=codes, active=body.active)
    await _written(ctx.officers.put(officer))
    return _officer_out(officer, principal, ctx)


@router.delete("/directory/officers/{officer_id}", status_code=204, response_class=Response,
               responses={**NOT_FOUND, **UNAVAILABLE}, tags=["admin"])  # fmt: skip
async def remove_officer(_: AdminOnly, ctx: Ctx, officer_id: str = OFFICER_ID) -> Response:
    """Remove an officer from the officer directory, and revoke his tokens."""
    if ctx.officers.officer(officer_id) is None:
        raise HTTPException(404, "No such officer")
    await _written(ctx.officers.remove(officer_id))
    return Response(status_code=204)


async def _written(write: Awaitable[None]) -> None:
    try:
        await write
    except Exception as exc:
        log.error("officer change not written", extra={"error": repr(exc)})
        raise HTTPException(503, "Could not save the change; please try again") from exc
