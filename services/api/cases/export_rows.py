"""One exported case (CSV and XLSX alike): its columns as the caller may see them, times
in Western Indonesian Time (WIB, UTC+7, no daylight saving: a fixed offset) and the
officer's resolution note."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import asyncpg

from services.api.access.masking import case_fields_for
from services.api.access.roles import Principal
from services.api.cases.models import case_summary
from services.api.directory.areas import AreaDirectory

WIB = timezone(timedelta(hours=7), "WIB")

EXPORT_COLUMNS = (
    "reference", "case_id", "status", "tier", "category", "urgency", "emergency",
    "district_code", "district_name", "village_code", "village_name", "assignee_id",
    "assignee_name", "opened_at", "updated_at", "acknowledged_at", "resolved_at", "due_at",
    "overdue", "escalations", "rating", "summary", "resolution_note", "reporter_name",
    "reporter_wa_id",
)  # fmt: skip


def export_values(
    row: asyncpg.Record, principal: Principal, areas: AreaDirectory
) -> list[object]:
    """The case's EXPORT_COLUMNS as the caller may see them (`access/masking.py`, as in
    the case list: no texts nor reporter for dashboards)."""
    s = case_summary(row, principal, areas)
    values = s.model_dump()
    values["assignee_id"] = s.assignee.officer_id if s.assignee else None
    values["assignee_name"] = s.assignee.name if s.assignee else None
    values["reporter_name"] = s.reporter.name if s.reporter else None
    values["reporter_wa_id"] = s.reporter.wa_id if s.reporter else None
    values["resolution_note"] = row["resolution_note"]
    values = case_fields_for(principal, values)
    return [_local(values.get(c)) for c in EXPORT_COLUMNS]


def _local(value: object) -> object:
    return value.astimezone(WIB) if isinstance(value, datetime) else value
