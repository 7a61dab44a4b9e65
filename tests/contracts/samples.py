"""One realistic message for every topic, built from the contracts models."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from contracts.base import ContractModel
from contracts.case_commands import Actor, CaseCommand, CommandKind
from contracts.case_events import (
    Assignee,
    Case,
    CaseEvent,
    CaseEventKind,
    Reporter,
    TierAction,
    TierNotice,
    TimelineEntry,
)
from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.directory import Polres
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.lines import Line, Sender, citizen_key
from contracts.notifications import (
    NotificationDeadLetter,
    NotificationEvent,
    NotificationKind,
    NotificationRequest,
    NotificationStatus,
    Recipient,
    RecipientKind,
)
from contracts.record_deadletter import RecordDeadLetter
from contracts.roster import Officer
from contracts.router_deadletter import RouterDeadLetter
from contracts.topics import Topic, by_name
from contracts.whatsapp_events import (
    ChannelError,
    DeliveryStatus,
    ErrorDetail,
    InboundMessage,
    LocationPin,
    MediaRef,
    MessageContext,
    ReplyChoice,
    WebhookDeadLetter,
)

T0 = datetime(2026, 11, 30, 8, 15, tzinfo=UTC)
KAPOLRES_LINE = Line(
    phone_number_id="103522000000000", display_phone_number="6285335220000",
    tier=Tier.KAPOLRES, area_codes=("35.22",), label="Matur Pak Kapolres",
)
CITIZEN = Sender(
    key=citizen_key("ID.1234567890", "6281234567890"), user_id="ID.1234567890",
    wa_id="6281234567890", profile_name="Siti Aminah",
)
RAW = {"from": "6281234567890", "id": "wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFDNBNEE=",
       "timestamp": "1764490500", "type": "text", "text": {"body": "Motor saya dicuri 🙏"}}


def inbound() -> InboundMessage:
    return InboundMessage(
        message_id="in:" + RAW["id"], wamid=RAW["id"], waba_id="102290129340398",
        line=KAPOLRES_LINE, sender=CITIZEN, sent_at=T0, received_at=T0 + timedelta(seconds=1),
        type="text", text="Motor saya dicuri di desa Sukorejo kec. Bojonegoro 🙏",
        media=MediaRef(kind="image", media_id="1479537139650973", mime_type="image/jpeg"),
        location=LocationPin(latitude=-7.15, longitude=111.88, name="Pasar Kota"),
        choice=ReplyChoice(kind="list_reply", id="village:35.22.07.2001", title="Sukorejo"),
        context=MessageContext(forwarded=True),
        errors=[ErrorDetail(code=131051, title="Message type unknown")],
        raw=RAW,
    )


def projection_dead_letter() -> RecordDeadLetter:
    """A case event with a NUL in its text, refused by PostgreSQL."""
    error = "CharacterNotInRepertoireError"
    return RecordDeadLetter(
        message_id="dl:cases.events:2:88", source_topic="cases.events", source_partition=2,
        source_offset=88, key_base64="Y18zZjJhOQ==", value_base64="eyJ4IjogMX0=",
        error_type=error, reason=f'{error}: invalid byte sequence for encoding "UTF8": 0x00',
    )


def case(version: int = 2) -> Case:
    return Case(
        case_id="c_3f2a9-wamid1", reference="BJN-7K3Q9X", version=version,
        status=CaseStatus.OPEN, tier=Tier.BHABIN,
        assignee=Assignee(officer_id="bhabin-35.22.07-01", name="Aipda Sutrisno", tier=Tier.BHABIN),
        visible_to_tiers=[Tier.KAPOLRES], regency_code="35.22", district_code="35.22.07",
        village_code="35.22.07.2001", village_name="Sukorejo", district_name="Bojonegoro",
        category=Category.VEHICLE_THEFT, urgency=Urgency.HIGH,
        reporter=Reporter(key=CITIZEN.key, wa_id=CITIZEN.wa_id, name="Siti Aminah"),
        line_phone_number_id=KAPOLRES_LINE.phone_number_id, line_tier=Tier.KAPOLRES,
        summary="Motor saya dicuri", opened_at=T0, updated_at=T0,
        due_at=T0 + timedelta(minutes=15),
    )


def notification_request() -> NotificationRequest:
    return NotificationRequest(
        message_id=f"c_3f2a9-wamid1:1:receipt:{CITIZEN.key}", kind=NotificationKind.RECEIPT,
        recipient=Recipient(kind=RecipientKind.CITIZEN, key=CITIZEN.key, wa_id=CITIZEN.wa_id),
        line_phone_number_id=KAPOLRES_LINE.phone_number_id, case_id="c_3f2a9-wamid1",
        reference="BJN-7K3Q9X", params={"reference": "BJN-7K3Q9X", "village": "Sukorejo"},
    )


def samples() -> dict[str, ContractModel]:
    return {
        "whatsapp.inbound": inbound(),
        "whatsapp.statuses": DeliveryStatus(
            message_id="st:wamid.X:read", wamid="wamid.X", status="read", status_at=T0,
            line=KAPOLRES_LINE, recipient_wa_id="6281234567890",
            pricing={"billable": False, "category": "service"}, raw={"id": "wamid.X"},
        ),
        "whatsapp.errors": ChannelError(
            message_id="err:1", line=KAPOLRES_LINE,
            errors=[ErrorDetail(code=130429, title="Rate limit hit")], raw={"errors": []},
        ),
        "whatsapp.deadletter": WebhookDeadLetter(
            message_id="dl:1", reason="not JSON", body="{oops", received_at=T0,
        ),
        "cases.events": CaseEvent(
            message_id="c_3f2a9-wamid1:2", kind=CaseEventKind.ASSIGNED, case=case(),
            entry=TimelineEntry(from_tier=None, to_tier=Tier.BHABIN, reason="village"),
        ),
        "cases.commands": CaseCommand(
            message_id="cmd-1", kind=CommandKind.RESOLVE, case_id="c_3f2a9-wamid1",
            citizen_key=CITIZEN.key,
            actor=Actor(officer_id="bhabin-35.22.07-01", name="Aipda Sutrisno", role="bhabin"),
            note="Motor ditemukan di Kalitidu",
        ),
        "cases.bhabin": TierNotice(
            message_id="c_3f2a9-wamid1:2:bhabin", tier=Tier.BHABIN, action=TierAction.ASSIGNED,
            case_id="c_3f2a9-wamid1", reference="BJN-7K3Q9X", version=2,
            category=Category.VEHICLE_THEFT, urgency=Urgency.HIGH, summary="Motor dicuri",
        ),
        "cases.kapolsek": TierNotice(
            message_id="c_3f2a9-wamid1:3:kapolsek", tier=Tier.KAPOLSEK,
            action=TierAction.ESCALATED, case_id="c_3f2a9-wamid1", reference="BJN-7K3Q9X",
            version=3, category=Category.THEFT, urgency=Urgency.NORMAL, summary="Maling",
        ),
        "cases.kapolres": TierNotice(
            message_id="c_3f2a9-wamid1:1:kapolres", tier=Tier.KAPOLRES,
            action=TierAction.VISIBLE, case_id="c_3f2a9-wamid1", reference="BJN-7K3Q9X",
            version=1, category=Category.THEFT, urgency=Urgency.NORMAL, summary="Maling",
            reporter=Reporter(key=CITIZEN.key, confidential=True),
        ),
        "cases.references": CaseReferenceMessage(
            message_id="ref:c_3f2a9-wamid1", kind=ReferenceMessageKind.REGISTERED,
            reference="BJN-7K3Q9X", case_id="c_3f2a9-wamid1", citizen_key=CITIZEN.key,
        ),
        "router.deadletter": RouterDeadLetter(
            message_id="dl:whatsapp.inbound:3:1207", source_topic="whatsapp.inbound",
            source_partition=3, source_offset=1207, key_base64="Y2l0aXplbg==",
            value_base64="eyJtZXNzYWdlX2lkIjogMX0=", error_type="ValidationError",
            reason="ValidationError: 1 validation error(s) for InboundMessage: "
            "message_id: Input should be a valid string",
        ),
        "api.deadletter": projection_dead_letter(),
        "notifications.requests": notification_request(),
        "notifications.events": NotificationEvent(
            message_id="n1:delivered", notification_id="n1", kind=NotificationKind.RECEIPT,
            status=NotificationStatus.DELIVERED, recipient_kind=RecipientKind.CITIZEN,
            wamid="wamid.Y", status_at=T0,
        ),
        "notifications.deadletter": NotificationDeadLetter(
            message_id="n2", request=notification_request(), error_code=131026,
            reason="Message undeliverable", attempts=1,
        ),
        "directory.polres": Polres(
            regency_code="35.22", name="Polres Bojonegoro", reference_prefix="BJN", sample=True,
            note="SAMPLE DATA: fictitious officers",
        ),
        "directory.lines": KAPOLRES_LINE,
        "directory.officers": Officer(
            officer_id="bhabin-35.22.07-01", name="Aipda Sutrisno", rank="Aipda",
            tier=Tier.BHABIN, wa_id="6281100000701", area_codes=("35.22.07.2001",),
        ),
    }


def topic_of(name: str) -> Topic:
    return by_name(name)
