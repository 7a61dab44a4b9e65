"""Building blocks of every transition: new case versions, tier notices, notifications,
assignment and escalation. Pure functions over contracts models."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from contracts.case_events import (
    Assignee,
    Case,
    CaseEvent,
    CaseEventKind,
    TierAction,
    TierNotice,
    TimelineEntry,
)
from contracts.hierarchy import TIER_ORDER, CaseStatus, Tier
from contracts.notifications import (
    NotificationKind,
    NotificationRequest,
    OfficerUpdate,
    Recipient,
    RecipientKind,
)
from contracts.roster import Officer
from services.router.cases.context import RouterContext
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord
from services.router.domain.officers import NoHandler
from services.router.domain.sla import SlaPolicy, deadline, resolve_deadline

CASE_ID_SEPARATOR = "-"


def case_id_for(citizen_key: str, wamid: str) -> str:
    """Globally unique (a wamid is) and carries the reporter's key, so a command naming a
    case can be routed to the reporter's partition: `<citizen_key>-<12 hex>`."""
    digest = hashlib.sha256(wamid.encode()).hexdigest()[:12]
    return f"{citizen_key}{CASE_ID_SEPARATOR}{digest}"


def citizen_key_of(case_id: str) -> str | None:
    key, sep, rest = case_id.rpartition(CASE_ID_SEPARATOR)
    if not sep or not key.startswith("c_") or not rest:
        return None
    return key


def bump(
    record: CaseRecord,
    kind: CaseEventKind,
    now: datetime,
    entry: TimelineEntry | None = None,
    **changes: Any,
) -> tuple[CaseRecord, CaseEvent]:
    """The next version of the case and the event announcing it."""
    case = record.case.model_copy(
        update={**changes, "version": record.case.version + 1, "updated_at": now}
    )
    event = CaseEvent(
        message_id=f"{case.case_id}:{case.version}",
        occurred_at=now,
        kind=kind,
        case=case,
        entry=entry or TimelineEntry(),
    )
    return record.model_copy(update={"case": case}), event


def first_event(record: CaseRecord, now: datetime, entry: TimelineEntry) -> CaseEvent:
    return CaseEvent(
        message_id=f"{record.case.case_id}:{record.case.version}",
        occurred_at=now,
        kind=CaseEventKind.OPENED,
        case=record.case,
        entry=entry,
    )


# --- recipients and notifications -------------------------------------------------------


def citizen_recipient(case: Case) -> Recipient:
    r = case.reporter
    return Recipient(kind=RecipientKind.CITIZEN, key=r.key, wa_id=r.wa_id, user_id=r.user_id)


def officer_recipient(officer: Officer) -> Recipient:
    return Recipient(
        kind=RecipientKind.OFFICER,
        key=officer.officer_id,
        wa_id=officer.wa_id,
        officer_id=officer.officer_id,
    )


def notification(
    case: Case,
    kind: NotificationKind,
    recipient: Recipient,
    params: dict[str, Any],
    now: datetime,
    reply_to_wamid: str | None = None,
) -> NotificationRequest:
    return NotificationRequest(
        message_id=f"{case.case_id}:{case.version}:{kind.value}:{recipient.key}",
        occurred_at=now,
        kind=kind,
        recipient=recipient,
        line_phone_number_id=case.line_phone_number_id,
        case_id=case.case_id,
        reference=case.reference,
        params={k: v for k, v in params.items() if v is not None},
        reply_to_wamid=reply_to_wamid,
    )


def to_citizen(
    case: Case, kind: NotificationKind, params: dict[str, Any], now: datetime
) -> NotificationRequest:
    return notification(case, kind, citizen_recipient(case), params, now)


def reporter_visible_to(case: Case, officer: Officer | None) -> bool:
    """A complaint about an officer is confidential: no officer sees who made it."""
    if case.reporter.confidential:
        return False
    return officer is None or officer.officer_id != case.about_officer_id


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
    body = params if params is not None else officer_case_params(case, officer, from_tier)
    return notification(case, kind, officer_recipient(officer), body, now)


def tier_notice(
    case: Case, tier: Tier, action: TierAction, officer: Officer | None, now: datetime
) -> TierNotice:
    return TierNotice(
        message_id=f"{case.case_id}:{case.version}:{tier.value}",
        occurred_at=now,
        tier=tier,
        action=action,
        case_id=case.case_id,
        reference=case.reference,
        version=case.version,
        officer_id=officer.officer_id if officer else None,
        officer_name=officer.name if officer else None,
        district_code=case.district_code,
        village_code=case.village_code,
        category=case.category,
        urgency=case.urgency,
        summary=case.summary,
        due_at=case.due_at,
        reporter=case.reporter if reporter_visible_to(case, officer) else None,
    )


# --- SLA --------------------------------------------------------------------------------


def policy_of(record: CaseRecord, ctx: RouterContext) -> SlaPolicy:
    """The policy kept with the case (the one in force when it opened)."""
    return SlaPolicy.from_dict(record.sla_policy) if record.sla_policy else ctx.sla


def due_for(record: CaseRecord, tier: Tier, now: datetime, ctx: RouterContext) -> datetime | None:
    """When `tier` must have acknowledged the case, counted from `now`."""
    case = record.case
    return deadline(policy_of(record, ctx), tier, case.urgency, now, case.category)


def resolve_due(record: CaseRecord, now: datetime, ctx: RouterContext) -> datetime | None:
    """When an acknowledged case must be resolved before it goes one tier up."""
    case = record.case
    if case.tier is None:
        return None
    return resolve_deadline(policy_of(record, ctx), case.tier, case.urgency, now, case.category)


# --- officers ---------------------------------------------------------------------------


def covers(officer: Officer, case: Case) -> bool:
    """Whether the case lies in the officer's area (village, district or regency)."""
    code = case.village_code or case.district_code or case.regency_code
    if code is None:
        return officer.tier == Tier.KAPOLRES
    return any(code == area or code.startswith(area + ".") for area in officer.area_codes)


def may_act(officer: Officer, case: Case) -> bool:
    if not officer.active or officer.officer_id == case.about_officer_id:
        return False
    if case.reporter.confidential and officer.tier != Tier.KAPOLRES:
        return False
    if case.assignee and case.assignee.officer_id == officer.officer_id:
        return True
    return covers(officer, case)


def handler_or_above(
    ctx: RouterContext, tier: Tier, village_code: str | None
) -> tuple[Tier, Officer] | None:
    """The officer at `tier` for the village, or the first tier above that has one."""
    if village_code:
        try:
            return ctx.officers.handler_from(tier, village_code)
        except NoHandler:
            pass
    kapolres = _any_kapolres(ctx)
    return (Tier.KAPOLRES, kapolres) if kapolres is not None else None


def _any_kapolres(ctx: RouterContext) -> Officer | None:
    for officer in ctx.officers.roster.officers:
        if officer.tier == Tier.KAPOLRES and officer.active:
            return officer
    return None


def assignee(officer: Officer, tier: Tier) -> Assignee:
    return Assignee(officer_id=officer.officer_id, name=officer.name, tier=tier)


# --- assignment and escalation ----------------------------------------------------------


def assign(record: CaseRecord, ctx: RouterContext) -> tuple[CaseRecord, Outputs]:
    """Hand a case whose village is known to its first tier (ASSIGNED), inform higher-line
    chiefs (VISIBLE), every tier at once for an emergency, Kapolres only for a complaint
    about an officer. Tells the reporter his reference and who has it."""
    out = Outputs()
    case = record.case
    now = ctx.now
    village = case.village_code
    if case.category.value == "officer_conduct" or case.reporter.confidential:
        found = handler_or_above(ctx, Tier.KAPOLRES, village)
    else:
        found = handler_or_above(ctx, Tier.BHABIN, village)
    if found is None:  # no officer at all in the roster: keep the case, the API shows it
        record, event = bump(record, CaseEventKind.ASSIGNED, now, status=CaseStatus.OPEN)
        out.events.append(event)
        return record, out
    tier, officer = found
    visible = {tier}
    line_tier = case.line_tier
    if line_tier is not None and line_tier.rank > tier.rank and not case.reporter.confidential:
        visible.add(line_tier)
    if case.emergency:
        visible.update(TIER_ORDER)
    record, event = bump(
        record,
        CaseEventKind.ASSIGNED,
        now,
        TimelineEntry(to_tier=tier, actor_officer_id=officer.officer_id, actor_name=officer.name),
        status=CaseStatus.OPEN,
        tier=tier,
        assignee=assignee(officer, tier),
        visible_to_tiers=sorted(visible, key=lambda t: t.rank),
        due_at=due_for(record, tier, now, ctx),
    )
    case = record.case
    out.events.append(event)
    out.notices.append(
        tier_notice(
            case, tier, TierAction.EMERGENCY if case.emergency else TierAction.ASSIGNED,
            officer, now,
        )
    )
    out.notifications.append(to_officer(case, NotificationKind.OFFICER_NEW_CASE, officer, now))
    for other in sorted(visible - {tier}, key=lambda t: t.rank):
        other_officer = ctx.officers.handler_at(other, village) if village else None
        if other == Tier.KAPOLRES and other_officer is None:
            other_officer = _any_kapolres(ctx)
        action = TierAction.EMERGENCY if case.emergency else TierAction.VISIBLE
        out.notices.append(tier_notice(case, other, action, other_officer, now))
        if case.emergency and other_officer is not None:
            out.notifications.append(
                to_officer(case, NotificationKind.OFFICER_NEW_CASE, other_officer, now)
            )
    out.notifications.append(
        to_citizen(
            case,
            NotificationKind.RECEIPT,
            {
                "reference": case.reference,
                "category": case.category.value,
                "village": case.village_name,
                "district": case.district_name,
                "handler_tier": tier.value,
            },
            now,
        )
    )
    if case.emergency:
        out.notifications.append(
            to_citizen(case, NotificationKind.EMERGENCY_ADVICE, {"reference": case.reference}, now)
        )
    return record, out


def escalate(
    record: CaseRecord, ctx: RouterContext, reason: str, actor: Officer | None = None
) -> tuple[CaseRecord, Outputs]:
    """One step up the ladder; at the top, a reminder to the Kapolres (a bounded number)."""
    out = Outputs()
    case = record.case
    now = ctx.now
    from_tier = case.tier or Tier.BHABIN
    up = from_tier.next_up()
    found = handler_or_above(ctx, up, case.village_code) if up else None
    if found is None:
        return _remind_top(record, ctx, reason)
    tier, officer = found
    visible = sorted({*case.visible_to_tiers, tier}, key=lambda t: t.rank)
    record, event = bump(
        record,
        CaseEventKind.ESCALATED,
        now,
        TimelineEntry(
            from_tier=from_tier,
            to_tier=tier,
            reason=reason,
            actor_officer_id=actor.officer_id if actor else None,
            actor_name=actor.name if actor else None,
        ),
        status=CaseStatus.OPEN,
        tier=tier,
        assignee=assignee(officer, tier),
        visible_to_tiers=visible,
        due_at=due_for(record, tier, now, ctx),
        escalations=case.escalations + 1,
    )
    record = record.model_copy(update={"reminders": 0})
    case = record.case
    out.events.append(event)
    out.notices.append(tier_notice(case, tier, TierAction.ESCALATED, officer, now))
    out.notifications.append(
        to_officer(case, NotificationKind.OFFICER_ESCALATED_CASE, officer, now, from_tier)
    )
    out.notifications.append(
        to_citizen(
            case, NotificationKind.ESCALATED, {"reference": case.reference, "tier": tier.value}, now
        )
    )
    return record, out


def _remind_top(record: CaseRecord, ctx: RouterContext, reason: str) -> tuple[CaseRecord, Outputs]:
    out = Outputs()
    case = record.case
    now = ctx.now
    reminders = record.reminders + 1
    more = reminders < ctx.kapolres_reminders
    tier = case.tier or Tier.KAPOLRES
    record, event = bump(
        record,
        CaseEventKind.ESCALATED,
        now,
        TimelineEntry(from_tier=tier, to_tier=tier, reason="reminder", extra={"cause": reason}),
        due_at=due_for(record, tier, now, ctx) if more else None,
    )
    record = record.model_copy(update={"reminders": reminders})
    out.events.append(event)
    officer = (
        ctx.officers.officer(record.case.assignee.officer_id) if record.case.assignee else None
    )
    if officer is not None:
        out.notifications.append(
            to_officer(
                record.case,
                NotificationKind.OFFICER_CASE_UPDATE,
                officer,
                now,
                params={
                    "reference": case.reference,
                    "case_id": case.case_id,
                    "update": OfficerUpdate.REMINDER.value,
                    "reminder": reminders,
                },
            )
        )
    return record, out
