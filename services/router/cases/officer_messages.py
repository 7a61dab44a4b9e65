"""The officers' side of the conversation.

What officers are sent: the case alert (`officer_case_params`, without the reporter when
he must stay hidden), updates, and the tier notice on their tier's topic. What they send:
a reply button or a short text command becomes a command on the case, routed to the
reporter's partition, directly when the button names the case id (which carries the
reporter's key), through `cases.references` when the text names only the short reference
or, in a reply to a case notification without one, the wamid replied to (`reply_agent.py`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from contracts.case_commands import Actor, CaseCommand, CommandKind
from contracts.case_events import Case, TierAction, TierNotice
from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.hierarchy import CaseStatus, Tier
from contracts.notifications import (
    NotificationKind,
    NotificationRequest,
    OfficerUpdate,
    Recipient,
    RecipientKind,
)
from contracts.roster import Officer
from contracts.whatsapp_events import InboundMessage
from services.router.cases.context import RouterContext
from services.router.cases.notifications import notification, reply
from services.router.cases.outputs import Outputs
from services.router.cases.permissions import may_act, reporter_visible_to
from services.router.cases.references import reply_reference
from services.router.cases.versions import citizen_key_of
from services.router.domain.intents import parse_officer_command

BUTTON_KINDS = {"ack": CommandKind.ACKNOWLEDGE, "esc": CommandKind.ESCALATE}
ACTION_KINDS = {
    "acknowledge": CommandKind.ACKNOWLEDGE,
    "resolve": CommandKind.RESOLVE,
    "escalate": CommandKind.ESCALATE,
    "note": CommandKind.ADD_NOTE,
    "add_note": CommandKind.ADD_NOTE,
}


# --- to officers ------------------------------------------------------------------------


def officer_recipient(officer: Officer) -> Recipient:
    return Recipient(
        kind=RecipientKind.OFFICER,
        key=officer.officer_id,
        wa_id=officer.wa_id,
        officer_id=officer.officer_id,
    )


def officer_case_params(
    case: Case, officer: Officer, from_tier: Tier | None = None
) -> dict[str, Any]:
    params: dict[str, Any] = {
        "reference": case.reference,
        "case_id": case.case_id,
        "category": case.category.value,
        "urgency": case.urgency.value,
        "village": case.village_name,
        "district": case.district_name,
        "summary": case.summary,
        "due_at": case.due_at.isoformat() if case.due_at else None,
        "from_tier": from_tier.value if from_tier else None,
    }
    if reporter_visible_to(case, officer):
        params["reporter_name"] = case.reporter.name
        params["reporter_phone"] = case.reporter.wa_id
    return params


def to_officer(
    case: Case,
    kind: NotificationKind,
    officer: Officer,
    now: datetime,
    from_tier: Tier | None = None,
    params: dict[str, Any] | None = None,
) -> NotificationRequest:
    """The case alert (`params` left out), or any other kind with its own parameters."""
    body = params if params is not None else officer_case_params(case, officer, from_tier)
    return notification(case, kind, officer_recipient(officer), body, now)


def case_update(
    case: Case, officer: Officer, update: OfficerUpdate, now: datetime, **data: Any
) -> NotificationRequest:
    """`officer_case_update`: what happened, as data (the catalogue writes the words)."""
    params = {"reference": case.reference, "case_id": case.case_id, "update": update.value}
    return to_officer(
        case, NotificationKind.OFFICER_CASE_UPDATE, officer, now, params={**params, **data}
    )


def tier_notice(
    case: Case, tier: Tier, action: TierAction, officer: Officer | None, now: datetime
) -> TierNotice:
    return TierNotice(
        message_id=f"{case.case_id}:{case.version}:{tier.value}",
        occurred_at=now, tier=tier, action=action,
        case_id=case.case_id, reference=case.reference, version=case.version,
        officer_id=officer.officer_id if officer else None,
        officer_name=officer.name if officer else None,
        district_code=case.district_code, village_code=case.village_code,
        category=case.category, urgency=case.urgency, summary=case.summary, due_at=case.due_at,
        reporter=case.reporter if reporter_visible_to(case, officer) else None,
    )


def closed_notices(case: Case, previous: Case, ctx: RouterContext) -> Outputs:
    """Tell the tier that had the case (and its officer) that it is closed."""
    out = Outputs()
    if previous.tier is None or previous.status == CaseStatus.AWAITING_VILLAGE:
        return out
    officer = ctx.officers.officer(previous.assignee.officer_id) if previous.assignee else None
    out.notices.append(tier_notice(case, previous.tier, TierAction.CLOSED, officer, ctx.now))
    if officer is not None:
        out.notifications.append(
            case_update(case, officer, OfficerUpdate.CLOSED, ctx.now, status=case.status.value)
        )
    return out


def handover_notices(
    previous: Case, case: Case, update: OfficerUpdate, ctx: RouterContext,
    actor: Officer | None = None,
) -> list[NotificationRequest]:
    """Tell the officer who had the case that it left him (`escalated` past him or
    `reassigned`): to which tier and officer, never the reporter. Not the officer who sent
    it up himself (he is told his action was done). Its id names the new version, so a
    replay sends it once."""
    before = previous.assignee.officer_id if previous.assignee else None
    after = case.assignee.officer_id if case.assignee else None
    if before is None or before == after or (actor is not None and actor.officer_id == before):
        return []
    officer = ctx.officers.officer(before)
    if officer is None:
        return []
    data: dict[str, Any] = {
        "to_tier": case.tier.value if case.tier else None,
        "to_officer_name": case.assignee.name if case.assignee else None,
    }
    if update == OfficerUpdate.ESCALATED:
        data["may_acknowledge"] = case.status == CaseStatus.OPEN and may_act(officer, case)
    return [case_update(case, officer, update, ctx.now, **data)]


# --- from officers ----------------------------------------------------------------------


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
    replied_to = msg.context.replied_to_wamid if msg.context else None
    parsed = parse_officer_command(msg.text or "", replying=replied_to is not None)
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
                # No reference typed in a reply: the case of the message replied to.
                reference=parsed.reference or reply_reference(replied_to or ""),
                line_phone_number_id=msg.line.phone_number_id,
                command=command,
            )
        ]
    )


def _action_name(action: object) -> str:
    value = getattr(action, "value", action)
    return str(value).lower()


def _unknown(msg: InboundMessage, officer: Officer, now: datetime) -> NotificationRequest:
    return reply(
        msg,
        officer_recipient(officer),
        NotificationKind.OFFICER_ACTION_DONE,
        {"reference": "", "action": "unknown_command"},
        now,
    )
