"""Notification requests (router, API -> notifier) and what became of them (notifier ->)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, NotRequired, TypedDict

from pydantic import Field

from contracts.base import ContractModel, Message


class RecipientKind(StrEnum):
    CITIZEN = "citizen"
    OFFICER = "officer"


class Recipient(ContractModel):
    kind: RecipientKind
    key: str = Field(description="citizen_key, or the officer id")
    wa_id: str | None = None
    user_id: str | None = None
    officer_id: str | None = None


class NotificationKind(StrEnum):
    """Entries of the notifier's Bahasa Indonesia message catalogue."""

    RECEIPT = "receipt"
    ASK_VILLAGE = "ask_village"  # free text question: where did it happen?
    CHOOSE_VILLAGE = "choose_village"  # interactive list of candidate villages
    ASSIGNED = "assigned"  # to the citizen: who handles it now
    ESCALATED = "escalated"  # to the citizen: it went up a tier
    RESOLVED = "resolved"  # with the officer's note
    RATING_QUESTION = "rating_question"
    RATING_THANKS = "rating_thanks"
    STATUS_ANSWER = "status_answer"
    CANCELLED = "cancelled"
    # Whom to call besides the report. Params: `reference`, `danger` (a `DangerKind`),
    # `bpbd_number` (the regency's BPBD line, for a disaster).
    EMERGENCY_ADVICE = "emergency_advice"
    MESSAGE_ADDED = "message_added"
    HELP = "help"
    # "kenalan": who the Bhabinkamtibmas of a village is (no case). Params: `village`,
    # `district`; `tier`, `officer_rank`, `officer_name` of who serves it first (a Bhabin,
    # else the Kapolsek or Kapolres; absent when nobody does); `line` (the display number
    # of the line to write to, never an officer's own) and `line_tier`.
    BHABIN_CONTACT = "bhabin_contact"
    # Which village's Bhabin? Param `options`: `VillageOption`s when the name is shared
    # (empty when no village was named).
    ASK_BHABIN_VILLAGE = "ask_bhabin_village"
    OFFICER_NEW_CASE = "officer_new_case"  # with reply buttons
    OFFICER_ESCALATED_CASE = "officer_escalated_case"
    OFFICER_CASE_UPDATE = "officer_case_update"  # param `update`: an `OfficerUpdate`
    OFFICER_ACTION_DONE = "officer_action_done"
    SIGN_IN_CODE = "sign_in_code"
    # The Kapolres's morning summary (no case). Params: `date` (the day summarized, local
    # time WIB, ISO `2026-12-01`), `reports` and `emergencies` opened that day, `open` and
    # `overdue` now, `districts`: the worst `SummaryDistrict`s (most overdue, then open).
    DAILY_SUMMARY = "daily_summary"


class OfficerUpdate(StrEnum):
    """What an `officer_case_update` tells the officer: its `update` parameter.

    - `citizen_message`: the reporter added to the case; with `text` (his words), or
      `latitude` and `longitude`, or `attachment` (the media kind), or `message_type`;
    - `closed`: the case was closed; with `status` (a `CaseStatus` value);
    - `reminder`: nobody has acted at the top tier; with `reminder` (1, 2, ...);
    - `escalated`: the case went up past this officer; with `to_tier` and `to_officer_name`
      (who has it now) and `may_acknowledge` (he may still take it);
    - `reassigned`: the case was given to another officer; with `to_tier` and
      `to_officer_name`.

    The notifier's catalogue writes the sentence. A request without `update` (from an
    older producer) shows its `text` parameter as given.
    """

    CITIZEN_MESSAGE = "citizen_message"
    CLOSED = "closed"
    REMINDER = "reminder"
    ESCALATED = "escalated"
    REASSIGNED = "reassigned"


class DangerKind(StrEnum):
    """What kind of danger an emergency is: `emergency_advice`'s `danger` parameter. The
    catalogue names the number for each (fire 113, medical 119/118, disaster the BPBD,
    crime 110), always with 112."""

    FIRE = "fire"
    MEDICAL = "medical"  # injured, unconscious, bleeding
    DISASTER = "disaster"  # flood, landslide, storm
    CRIME = "crime"  # crime and any other danger


class VillageOption(TypedDict):
    """One entry of `choose_village`'s `options` parameter."""

    id: str  # `village:<code>`
    title: str  # the village's name
    district: NotRequired[str]  # the district's name (the catalogue writes `Kec. <name>`)
    description: NotRequired[str]  # older producers: the row's description as written


class SummaryDistrict(TypedDict):
    """One entry of `daily_summary`'s `districts` parameter."""

    name: str  # the district's name (the catalogue writes `Kec. <name>`)
    open: int
    overdue: int


class NotificationRequest(Message):
    """Topic `notifications.requests`, key `recipient.key`.

    `message_id` is the notification id and the notifier's exactly-once key: the same id
    is sent at most once, however often it is delivered to the notifier.
    """

    kind: NotificationKind
    recipient: Recipient
    line_phone_number_id: str = Field(description="Send from this line")
    case_id: str | None = None
    reference: str | None = None
    params: dict[str, Any] = Field(
        default_factory=dict,
        description="Catalogue parameters: data only (strings, numbers, lists of options), "
        "never a sentence; the notifier's catalogue writes the words (see `OfficerUpdate`, "
        "`VillageOption`)",
    )
    reply_to_wamid: str | None = None


class NotificationStatus(StrEnum):
    SENT = "sent"  # accepted by the Cloud API, wamid known
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"  # failed after acceptance, or permanently refused
    DEAD_LETTERED = "dead_lettered"


STATUS_RANK: dict[NotificationStatus, int] = {
    NotificationStatus.SENT: 1,
    NotificationStatus.DELIVERED: 2,
    NotificationStatus.READ: 3,
    NotificationStatus.FAILED: 4,
    NotificationStatus.DEAD_LETTERED: 4,
}


class NotificationEvent(Message):
    """Topic `notifications.events`, key `notification_id`.
    message_id = `<notification_id>:<status>`."""

    notification_id: str
    kind: NotificationKind
    status: NotificationStatus
    case_id: str | None = None
    recipient_kind: RecipientKind
    wamid: str | None = None
    used_template: bool = False
    error_code: int | None = None
    error_details: str | None = None
    status_at: datetime


class NotificationDeadLetter(Message):
    """Topic `notifications.deadletter`: a request the Cloud API refused for good."""

    request: NotificationRequest
    error_code: int | None
    reason: str
    attempts: int
