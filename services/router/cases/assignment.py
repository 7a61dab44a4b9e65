"""Who has a case: the first assignment, one step up the ladder when a deadline passes,
reminders at the top, and the SLA clock each of them starts."""

from __future__ import annotations

from datetime import datetime

from contracts.case_events import Assignee, Case, CaseEventKind, TierAction, TimelineEntry
from contracts.hierarchy import TIER_ORDER, CaseStatus, Tier
from contracts.notifications import NotificationKind, NotificationRequest, OfficerUpdate
from contracts.roster import Officer
from services.router.cases.context import RouterContext
from services.router.cases.notifications import to_citizen
from services.router.cases.officer_messages import (
    case_update,
    handover_notices,
    tier_notice,
    to_officer,
)
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord
from services.router.cases.versions import bump
from services.router.domain.danger import danger_kind
from services.router.domain.officers import NoHandler
from services.router.domain.sla import SlaPolicy, deadline, resolve_deadline

# --- the SLA clock ----------------------------------------------------------------------


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


# --- handlers ---------------------------------------------------------------------------


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


# --- the first assignment ---------------------------------------------------------------


def assign(record: CaseRecord, ctx: RouterContext) -> tuple[CaseRecord, Outputs]:
    """Hand a case whose village is known to its first tier (ASSIGNED), inform higher-line
    chiefs (VISIBLE), every tier at once for an emergency, Kapolres only for a complaint
    about an officer. Tells the reporter his reference and who has it."""
    now = ctx.now
    found = _first_handler(record.case, ctx)
    if found is None:  # no officer at all in the roster: keep the case, the API shows it
        record, event = bump(record, CaseEventKind.ASSIGNED, now, status=CaseStatus.OPEN)
        return record, Outputs(events=[event])
    tier, officer = found
    visible = _visible_tiers(record.case, tier)
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
    out = Outputs(events=[event])
    action = TierAction.EMERGENCY if case.emergency else TierAction.ASSIGNED
    out.notices.append(tier_notice(case, tier, action, officer, now))
    out.notifications.append(to_officer(case, NotificationKind.OFFICER_NEW_CASE, officer, now))
    out.extend(_tell_other_tiers(case, visible - {tier}, ctx))
    out.notifications.extend(_receipt(case, tier, ctx))
    return record, out


def _first_handler(case: Case, ctx: RouterContext) -> tuple[Tier, Officer] | None:
    """The Bhabin (or the first tier above with an officer); a complaint about an officer
    goes to the Kapolres."""
    if case.category.value == "officer_conduct" or case.reporter.confidential:
        return handler_or_above(ctx, Tier.KAPOLRES, case.village_code)
    return handler_or_above(ctx, Tier.BHABIN, case.village_code)


def _visible_tiers(case: Case, tier: Tier) -> set[Tier]:
    """The handling tier, the chief whose line the report came in on, every tier for an
    emergency."""
    visible = {tier}
    line_tier = case.line_tier
    if line_tier is not None and line_tier.rank > tier.rank and not case.reporter.confidential:
        visible.add(line_tier)
    if case.emergency:
        visible.update(TIER_ORDER)
    return visible


def _tell_other_tiers(case: Case, others: set[Tier], ctx: RouterContext) -> Outputs:
    """Notices to the other tiers that see the case; an emergency alerts their officers."""
    out = Outputs()
    village = case.village_code
    for other in sorted(others, key=lambda t: t.rank):
        officer = ctx.officers.handler_at(other, village) if village else None
        if other == Tier.KAPOLRES and officer is None:
            officer = _any_kapolres(ctx)
        action = TierAction.EMERGENCY if case.emergency else TierAction.VISIBLE
        out.notices.append(tier_notice(case, other, action, officer, ctx.now))
        if case.emergency and officer is not None:
            out.notifications.append(
                to_officer(case, NotificationKind.OFFICER_NEW_CASE, officer, ctx.now)
            )
    return out


def _receipt(case: Case, tier: Tier, ctx: RouterContext) -> list[NotificationRequest]:
    """The reporter's receipt (and, in an emergency, whom to call: the kind of danger and
    the regency's BPBD line as data; the catalogue names the numbers)."""
    now = ctx.now
    params = {
        "reference": case.reference,
        "category": case.category.value,
        "village": case.village_name,
        "district": case.district_name,
        "handler_tier": tier.value,
    }
    sent = [to_citizen(case, NotificationKind.RECEIPT, params, now)]
    if case.emergency:
        advice = {
            "reference": case.reference,
            "danger": danger_kind(case.category, case.summary).value,
            "bpbd_number": ctx.bpbd_number,
        }
        sent.append(to_citizen(case, NotificationKind.EMERGENCY_ADVICE, advice, now))
    return sent


# --- up the ladder ----------------------------------------------------------------------


def escalate(
    record: CaseRecord, ctx: RouterContext, reason: str, actor: Officer | None = None
) -> tuple[CaseRecord, Outputs]:
    """One step up the ladder; at the top, a reminder to the Kapolres (a bounded number)."""
    out = Outputs()
    case = previous = record.case
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
    out.notifications.extend(
        handover_notices(previous, case, OfficerUpdate.ESCALATED, ctx, actor)
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
            case_update(record.case, officer, OfficerUpdate.REMINDER, now, reminder=reminders)
        )
    return record, out
