"""Pure mapping of events onto the rows of the projection (no SQL here)."""

from __future__ import annotations

from typing import Any

from contracts.case_events import Case, CaseEvent, CaseEventKind
from contracts.notifications import STATUS_RANK, NotificationEvent

# Events whose entry text is what the reporter wrote: searchable as "message texts".
REPORTER_TEXT_KINDS = frozenset({CaseEventKind.OPENED, CaseEventKind.MESSAGE_ADDED})


def area_codes(case: Case, default_regency: str) -> tuple[str, str | None, str | None]:
    """(regency, district, village) of a case. A case always has a regency: the one named,
    else the one its district or village lies in, else this deployment's regency."""
    district = case.district_code or (case.village_code[:8] if case.village_code else None)
    regency = case.regency_code or (district[:5] if district else None) or default_regency
    return regency, district, case.village_code


def searchable_text(event: CaseEvent) -> str:
    """What this event adds to the case's full-text search (besides the summary)."""
    if event.kind in REPORTER_TEXT_KINDS:
        parts = [event.entry.text or ""]
        if event.entry.media and event.entry.media.caption:
            parts.append(event.entry.media.caption)
        return " ".join(p for p in parts if p)
    return ""


def case_values(event: CaseEvent, default_regency: str) -> dict[str, Any]:
    """Column values of `cases` after this event (without seq and messages_text)."""
    case = event.case
    regency, district, village = area_codes(case, default_regency)
    return {
        "case_id": case.case_id,
        "reference": case.reference,
        "version": case.version,
        "status": case.status.value,
        "tier": case.tier.value if case.tier else None,
        "assignee_id": case.assignee.officer_id if case.assignee else None,
        "assignee_name": case.assignee.name if case.assignee else None,
        "regency_code": regency,
        "district_code": district,
        "village_code": village,
        "category": case.category.value,
        "urgency": case.urgency.value,
        "emergency": case.emergency,
        "about_officer_id": case.about_officer_id,
        "reporter_key": case.reporter.key,
        "confidential": case.reporter.confidential,
        "opened_at": case.opened_at,
        "updated_at": case.updated_at,
        "acknowledged_at": case.acknowledged_at,
        "resolved_at": case.resolved_at,
        "due_at": case.due_at,
        "escalations": case.escalations,
        "rating": case.rating,
        "summary": case.summary,
        "snapshot": case.model_dump_json(),
    }


CASE_COLUMNS: tuple[str, ...] = (
    "case_id", "reference", "version", "status", "tier", "assignee_id", "assignee_name",
    "regency_code", "district_code", "village_code", "category", "urgency", "emergency",
    "about_officer_id", "reporter_key", "confidential", "opened_at", "updated_at",
    "acknowledged_at", "resolved_at", "due_at", "escalations", "rating", "summary", "snapshot",
)  # fmt: skip


def notification_values(event: NotificationEvent) -> dict[str, Any]:
    return {
        "notification_id": event.notification_id,
        "case_id": event.case_id,
        "kind": event.kind.value,
        "status": event.status.value,
        "status_rank": STATUS_RANK[event.status],
        "recipient_kind": event.recipient_kind.value,
        "wamid": event.wamid,
        "used_template": event.used_template,
        "error_code": event.error_code,
        "error_details": event.error_details,
        "status_at": event.status_at,
    }
