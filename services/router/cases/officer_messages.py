"""An officer's WhatsApp message (reply button or short text command) becomes a command on
the case, routed to the reporter's partition: directly when the button names the case id
(which carries the reporter's key), through `cases.references` when the text names only
the short reference."""

from __future__ import annotations

from datetime import datetime

from contracts.case_commands import Actor, CaseCommand, CommandKind
from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.notifications import NotificationKind, NotificationRequest
from contracts.roster import Officer
from contracts.whatsapp_events import InboundMessage
from services.router.cases.lifecycle import citizen_key_of, officer_recipient
from services.router.cases.outputs import Outputs
from services.router.domain.intents import parse_officer_command

BUTTON_KINDS = {"ack": CommandKind.ACKNOWLEDGE, "esc": CommandKind.ESCALATE}
ACTION_KINDS = {
    "acknowledge": CommandKind.ACKNOWLEDGE,
    "resolve": CommandKind.RESOLVE,
    "escalate": CommandKind.ESCALATE,
    "note": CommandKind.ADD_NOTE,
    "add_note": CommandKind.ADD_NOTE,
}


def handle_officer_inbound(msg: InboundMessage, officer: Officer, now: datetime) -> Outputs:
    actor = Actor(officer_id=officer.officer_id, name=officer.name, role=officer.tier.value)
    command_id = f"wa:{msg.wamid}"
    choice_id = msg.choice.id if msg.choice and msg.choice.id else ""
    prefix, _, case_id = choice_id.partition(":")
    if prefix in BUTTON_KINDS and case_id:
        key = citizen_key_of(case_id)
        if key is None:
            return Outputs()
        return Outputs(
            commands=[
                CaseCommand(
                    message_id=command_id, occurred_at=now, kind=BUTTON_KINDS[prefix],
                    case_id=case_id, citizen_key=key, actor=actor,
                )
            ]
        )
    parsed = parse_officer_command(msg.text or "")
    if parsed is None:
        return Outputs(notifications=[_unknown(msg, officer, now)])
    kind = ACTION_KINDS.get(_action_name(parsed.action))
    if kind is None:
        return Outputs(notifications=[_unknown(msg, officer, now)])
    command = CaseCommand(
        message_id=command_id, occurred_at=now, kind=kind, case_id="", citizen_key="",
        actor=actor, note=getattr(parsed, "note", None) or None,
    )
    return Outputs(
        references=[
            CaseReferenceMessage(
                message_id=command_id,
                occurred_at=now,
                kind=ReferenceMessageKind.COMMAND,
                reference=parsed.reference,
                line_phone_number_id=msg.line.phone_number_id,
                command=command,
            )
        ]
    )


def _action_name(action: object) -> str:
    value = getattr(action, "value", action)
    return str(value).lower()


def _unknown(msg: InboundMessage, officer: Officer, now: datetime) -> NotificationRequest:
    return NotificationRequest(
        message_id=f"officer_action_done:{msg.wamid}:{officer.officer_id}",
        occurred_at=now,
        kind=NotificationKind.OFFICER_ACTION_DONE,
        recipient=officer_recipient(officer),
        line_phone_number_id=msg.line.phone_number_id,
        params={"reference": "", "action": "unknown_command"},
        reply_to_wamid=msg.wamid,
    )
