"""The case event log (`cases.events`) and the per-tier topics officers' systems follow.

Every change of a case is one `CaseEvent` carrying the case's full state after the change
(`case`), so a consumer can rebuild or project a case from any event without replaying
its history, and applies an event only when `case.version` is newer than what it holds.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field

from contracts.base import ContractModel, Message
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.whatsapp_events import LocationPin, MediaRef


class CaseEventKind(StrEnum):
    OPENED = "opened"
    VILLAGE_REQUESTED = "village_requested"  # we asked the reporter where it happened
    VILLAGE_RESOLVED = "village_resolved"
    MESSAGE_ADDED = "message_added"  # a further text, photo, location from the reporter
    ASSIGNED = "assigned"
    ESCALATED = "escalated"
    ACKNOWLEDGED = "acknowledged"
    NOTE_ADDED = "note_added"
    REASSIGNED = "reassigned"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    CANCELLED = "cancelled"
    RATED = "rated"


class Reporter(ContractModel):
    """Who reported. Consumers mask `wa_id`/`name` for roles that do not need them, and
    hide the reporter entirely from the officer the case is about (`Case.about_officer_id`)
    and, when `confidential` is set (a complaint about an officer), from every officer."""

    key: str
    wa_id: str | None = None
    user_id: str | None = None
    name: str | None = None
    confidential: bool = False


class Assignee(ContractModel):
    officer_id: str
    name: str
    tier: Tier


class Case(ContractModel):
    """A case's state after an event."""

    case_id: str
    reference: str = Field(description="Short reference a person can type back, e.g. BJN-7K3Q9")
    version: int = Field(description="Increases by one with every event of this case")
    status: CaseStatus
    tier: Tier | None = None
    assignee: Assignee | None = None
    visible_to_tiers: list[Tier] = Field(default_factory=list)
    regency_code: str | None = None
    district_code: str | None = None
    village_code: str | None = None
    village_name: str | None = None
    district_name: str | None = None
    category: Category = Category.OTHER
    urgency: Urgency = Urgency.NORMAL
    emergency: bool = False
    about_officer_id: str | None = Field(
        default=None, description="For a complaint about an officer: who it is about"
    )
    reporter: Reporter
    line_phone_number_id: str
    line_tier: Tier | None = None
    summary: str = ""
    location: LocationPin | None = None
    opened_at: datetime
    updated_at: datetime
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    due_at: datetime | None = Field(default=None, description="When the current tier's SLA ends")
    escalations: int = 0
    rating: int | None = None
    resolution_note: str | None = None


class TimelineEntry(ContractModel):
    """What the event adds to the case timeline."""

    text: str | None = None
    media: MediaRef | None = None
    location: LocationPin | None = None
    wamid: str | None = None
    actor_officer_id: str | None = None
    actor_name: str | None = None
    from_tier: Tier | None = None
    to_tier: Tier | None = None
    reason: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


class CaseEvent(Message):
    """Topic `cases.events`, key `case.case_id`. message_id = `<case_id>:<version>`."""

    kind: CaseEventKind
    case: Case
    entry: TimelineEntry = Field(default_factory=TimelineEntry)


class TierAction(StrEnum):
    ASSIGNED = "assigned"  # this tier now handles the case
    ESCALATED = "escalated"  # the case climbed to this tier
    VISIBLE = "visible"  # informed: the case came in on this tier's line
    EMERGENCY = "emergency"  # every tier at once
    CLOSED = "closed"  # acknowledged elsewhere, resolved or cancelled


class TierNotice(Message):
    """Topics `cases.bhabin`, `cases.kapolsek`, `cases.kapolres`, key `case_id`.

    What an officer's system at that tier needs to act. The reporter is present only when
    the officer may see him (never for a complaint about an officer of that tier).
    message_id = `<case_id>:<version>:<tier>`.
    """

    tier: Tier
    action: TierAction
    case_id: str
    reference: str
    version: int
    officer_id: str | None = None
    officer_name: str | None = None
    district_code: str | None = None
    village_code: str | None = None
    category: Category
    urgency: Urgency
    summary: str
    due_at: datetime | None = None
    reporter: Reporter | None = None
