"""Response models of the case endpoints, and how a row becomes one for a given caller."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import asyncpg
from pydantic import BaseModel, Field

from contracts.case_events import Case, CaseEventKind, Reporter
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.notifications import NotificationKind, NotificationStatus, RecipientKind
from contracts.whatsapp_events import LocationPin, MediaRef
from services.api.access.masking import case_fields_for, entry_fields_for, visible_reporter
from services.api.access.roles import Principal
from services.api.directory.areas import AreaDirectory


class ReporterOut(BaseModel):
    key: str = Field(description="Pseudonymous citizen key")
    name: str | None = None
    wa_id: str | None = Field(default=None, description="Phone number (masked for some roles)")
    masked: bool = False


class AssigneeOut(BaseModel):
    officer_id: str
    name: str | None = None


class CaseSummaryOut(BaseModel):
    case_id: str
    reference: str
    version: int
    status: CaseStatus
    tier: Tier | None = None
    assignee: AssigneeOut | None = None
    regency_code: str
    district_code: str | None = None
    district_name: str | None = None
    village_code: str | None = None
    village_name: str | None = None
    category: Category
    urgency: Urgency
    emergency: bool
    summary: str | None = Field(
        default=None, description="The reporter's words in short; absent for dashboards"
    )
    opened_at: datetime
    updated_at: datetime
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    due_at: datetime | None = None
    overdue: bool
    escalations: int
    rating: int | None = None
    reporter: ReporterOut | None = Field(
        default=None, description="Absent when hidden from the caller"
    )
    reporter_hidden: bool = False


class CasePage(BaseModel):
    items: list[CaseSummaryOut]
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` for the next page")


class TimelineEntryOut(BaseModel):
    version: int
    seq: int = Field(description="Projection sequence (the live stream's event id)")
    kind: CaseEventKind
    occurred_at: datetime
    text: str | None = None
    media: MediaRef | None = None
    location: LocationPin | None = None
    actor_officer_id: str | None = None
    actor_name: str | None = None
    from_tier: Tier | None = None
    to_tier: Tier | None = None
    reason: str | None = None


class NotificationOut(BaseModel):
    notification_id: str
    kind: NotificationKind
    status: NotificationStatus
    recipient_kind: RecipientKind
    used_template: bool
    error_code: int | None = None
    error_details: str | None = None
    first_at: datetime
    status_at: datetime


class CaseDetailOut(CaseSummaryOut):
    location: LocationPin | None = Field(default=None, description="Absent for dashboards")
    resolution_note: str | None = Field(default=None, description="Absent for dashboards")
    line_phone_number_id: str
    line_tier: Tier | None = None
    about_officer: bool = Field(description="The complaint is about a police officer")
    timeline: list[TimelineEntryOut]
    notifications: list[NotificationOut]


def summary_fields(
    row: asyncpg.Record, principal: Principal, areas: AreaDirectory
) -> dict[str, Any]:
    reporter = Reporter.model_validate_json(row["reporter"])
    shown, masked = visible_reporter(principal, reporter, row["about_officer_id"])
    return case_fields_for(principal, {
        "case_id": row["case_id"],
        "reference": row["reference"],
        "version": row["version"],
        "status": row["status"],
        "tier": row["tier"],
        "assignee": (
            AssigneeOut(officer_id=row["assignee_id"], name=row["assignee_name"])
            if row["assignee_id"]
            else None
        ),
        "regency_code": row["regency_code"],
        "district_code": row["district_code"],
        "district_name": areas.name(row["district_code"]),
        "village_code": row["village_code"],
        "village_name": areas.name(row["village_code"]),
        "category": row["category"],
        "urgency": row["urgency"],
        "emergency": row["emergency"],
        "summary": row["summary"],
        "opened_at": row["opened_at"],
        "updated_at": row["updated_at"],
        "acknowledged_at": row["acknowledged_at"],
        "resolved_at": row["resolved_at"],
        "due_at": row["due_at"],
        "overdue": row["overdue"],
        "escalations": row["escalations"],
        "rating": row["rating"],
        "reporter": (
            ReporterOut(key=shown.key, name=shown.name, wa_id=shown.wa_id, masked=masked)
            if shown
            else None
        ),
        "reporter_hidden": shown is None,
    })


def case_summary(row: asyncpg.Record, principal: Principal, areas: AreaDirectory) -> CaseSummaryOut:
    return CaseSummaryOut(**summary_fields(row, principal, areas))


def timeline_entry(row: dict[str, Any], principal: Principal) -> TimelineEntryOut:
    entry = entry_fields_for(principal, row["entry"])
    return TimelineEntryOut(
        version=row["version"],
        seq=row["seq"],
        kind=row["kind"],
        occurred_at=row["occurred_at"],
        text=entry.get("text"),
        media=entry.get("media"),
        location=entry.get("location"),
        actor_officer_id=entry.get("actor_officer_id"),
        actor_name=entry.get("actor_name"),
        from_tier=entry.get("from_tier"),
        to_tier=entry.get("to_tier"),
        reason=entry.get("reason"),
    )


def case_detail(row: asyncpg.Record, principal: Principal, areas: AreaDirectory) -> CaseDetailOut:
    """From a row of `one_case_query` (with its timeline and notifications as JSON)."""
    case = Case.model_validate_json(row["snapshot"])
    timeline = json.loads(row["timeline"])
    notifications = json.loads(row["notifications"])
    details = {
        "location": case.location,
        "resolution_note": case.resolution_note,
        "line_phone_number_id": case.line_phone_number_id,
        "line_tier": case.line_tier,
        "about_officer": case.about_officer_id is not None,
    }
    return CaseDetailOut(
        **summary_fields(row, principal, areas),
        **case_fields_for(principal, details),
        timeline=[timeline_entry(t, principal) for t in timeline],
        notifications=[NotificationOut(**n) for n in notifications],
    )
