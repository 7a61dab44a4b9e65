"""Case events built with the contracts models, as the router would publish them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from contracts.case_events import (
    Assignee,
    Case,
    CaseEvent,
    CaseEventKind,
    Reporter,
    TimelineEntry,
)
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.lines import citizen_key
from contracts.notifications import (
    NotificationEvent,
    NotificationKind,
    NotificationStatus,
    RecipientKind,
)

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def new_case_id() -> str:
    return "case_" + uuid.uuid4().hex[:12]


def opened(
    village: str | None,
    text: str = "Motor saya dicuri di depan pasar",
    case_id: str | None = None,
    wa_id: str = "6281234567890",
    name: str = "Siti Aminah",
    category: Category = Category.VEHICLE_THEFT,
    urgency: Urgency = Urgency.NORMAL,
    about_officer_id: str | None = None,
    confidential: bool = False,
    at: datetime = T0,
    due_in: timedelta = timedelta(hours=2),
    tier: Tier | None = Tier.BHABIN,
    visible_to_tiers: list[Tier] | None = None,
) -> CaseEvent:
    """A case as the router publishes it once assigned (with a village: to `tier`,
    visible to `visible_to_tiers`, by default that tier), or awaiting its village."""
    case_id = case_id or new_case_id()
    district = village[:8] if village else None
    tier = tier if village else None
    if visible_to_tiers is None:
        visible_to_tiers = [tier] if tier else []
    case = Case(
        case_id=case_id,
        reference="BJN-" + case_id[-5:].upper(),
        version=1,
        status=CaseStatus.OPEN if village else CaseStatus.AWAITING_VILLAGE,
        tier=tier,
        visible_to_tiers=visible_to_tiers,
        regency_code="35.22",
        district_code=district,
        village_code=village,
        category=category,
        urgency=urgency,
        about_officer_id=about_officer_id,
        reporter=Reporter(
            key=citizen_key(None, wa_id), wa_id=wa_id, name=name, confidential=confidential
        ),
        line_phone_number_id="103522000000000",
        summary=text[:80],
        opened_at=at,
        updated_at=at,
        due_at=at + due_in,
    )
    return CaseEvent(
        message_id=f"{case_id}:1",
        kind=CaseEventKind.OPENED,
        case=case,
        entry=TimelineEntry(text=text, wamid="wamid.in." + case_id),
        occurred_at=at,
    )


def next_event(
    previous: CaseEvent,
    kind: CaseEventKind,
    entry: TimelineEntry | None = None,
    after: timedelta = timedelta(minutes=10),
    **changes: object,
) -> CaseEvent:
    at = previous.case.updated_at + after
    case = previous.case.model_copy(
        update={"version": previous.case.version + 1, "updated_at": at, **changes}
    )
    return CaseEvent(
        message_id=f"{case.case_id}:{case.version}",
        kind=kind,
        case=case,
        entry=entry or TimelineEntry(),
        occurred_at=at,
    )


def acknowledged(previous: CaseEvent, officer_id: str, name: str) -> CaseEvent:
    at = previous.case.updated_at + timedelta(minutes=10)
    return next_event(
        previous,
        CaseEventKind.ACKNOWLEDGED,
        TimelineEntry(actor_officer_id=officer_id, actor_name=name),
        status=CaseStatus.ACKNOWLEDGED,
        acknowledged_at=at,
        assignee=Assignee(officer_id=officer_id, name=name, tier=Tier.BHABIN),
    )


def notification(
    case_id: str, status: NotificationStatus, notification_id: str | None = None
) -> NotificationEvent:
    nid = notification_id or f"{case_id}:1:receipt:c_x"
    return NotificationEvent(
        message_id=f"{nid}:{status.value}",
        notification_id=nid,
        kind=NotificationKind.RECEIPT,
        status=status,
        case_id=case_id,
        recipient_kind=RecipientKind.CITIZEN,
        wamid="wamid.out." + case_id,
        status_at=datetime.now(UTC),
    )
