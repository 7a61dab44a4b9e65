"""Query parameters of the case list and export, checked into CaseFilters (a route takes
them as `filters: Filters`)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Query

from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from services.api.cases.listing import CaseFilters
from services.api.context import Ctx
from services.api.errors import invalid

DISTRICT_PATTERN = r"^\d{2}\.\d{2}\.\d{2}$"
VILLAGE_PATTERN = r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"


async def case_filters(
    ctx: Ctx,
    status: list[CaseStatus] | None = Query(None, description="One or more statuses"),
    tier: list[Tier] | None = Query(None),
    category: list[Category] | None = Query(None),
    urgency: list[Urgency] | None = Query(None),
    district: list[str] | None = Query(
        None, description="District code, e.g. 35.22.07", max_length=8
    ),
    village: list[str] | None = Query(
        None, description="Village code, e.g. 35.22.07.2001", max_length=13
    ),
    assignee: str | None = Query(None, max_length=64, description="Officer id"),
    opened_from: datetime | None = Query(None),
    opened_to: datetime | None = Query(None),
    updated_from: datetime | None = Query(None),
    updated_to: datetime | None = Query(None),
    overdue: bool | None = Query(None, description="Open and past its SLA"),
    q: str | None = Query(
        None,
        max_length=200,
        description="Full-text search in the summary and messages, or a case reference "
        "(`BJN-C0003V`, with or without the dash, any case)",
    ),
) -> CaseFilters:
    districts = tuple(district or ())
    villages = tuple(village or ())
    for code in districts:
        if not _matches(DISTRICT_PATTERN, code) or not ctx.areas.knows(code):
            raise invalid("district", f"unknown district code {code!r}")
    for code in villages:
        if not _matches(VILLAGE_PATTERN, code) or not ctx.areas.knows(code):
            raise invalid("village", f"unknown village code {code!r}")
    if q is not None and "\x00" in q:
        raise invalid("q", "the search text may not contain NUL characters")
    if assignee is not None and "\x00" in assignee:
        raise invalid("assignee", "invalid officer id")
    return CaseFilters(
        statuses=tuple(status or ()),
        tiers=tuple(tier or ()),
        categories=tuple(category or ()),
        urgencies=tuple(urgency or ()),
        districts=districts,
        villages=villages,
        assignee=assignee,
        opened_from=opened_from,
        opened_to=opened_to,
        updated_from=updated_from,
        updated_to=updated_to,
        overdue=overdue,
        text=q.strip() or None if q else None,
    )


Filters = Annotated[CaseFilters, Depends(case_filters)]


def _matches(pattern: str, value: str) -> bool:
    return re.fullmatch(pattern, value) is not None
