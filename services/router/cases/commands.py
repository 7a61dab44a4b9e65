"""Commands on a case (`cases.commands`): officers' and the API's actions, and the
router's own SLA deadlines."""

from __future__ import annotations

from contracts.case_commands import CaseCommand, CommandKind
from contracts.case_events import CaseEventKind, TierAction, TimelineEntry
from contracts.hierarchy import CaseStatus
from contracts.notifications import NotificationKind, OfficerUpdate
from contracts.roster import Officer
from services.router.cases.assignment import assignee, due_for, escalate, resolve_due
from services.router.cases.context import RouterContext
from services.router.cases.notifications import to_citizen
from services.router.cases.officer_messages import (
    closed_notices,
    handover_notices,
    officer_case_params,
    tier_notice,
    to_officer,
)
from services.router.cases.outputs import Outputs
from services.router.cases.permissions import may_act
from services.router.cases.state import CaseRecord, ReporterState
from services.router.cases.versions import bump

SYSTEM_ROLES = frozenset({"admin", "system", "router"})


def handle_command(
    state: ReporterState, cmd: CaseCommand, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    if state.has_seen(cmd.message_id):
        return state, Outputs()
    record = state.cases.get(cmd.case_id)
    if record is None:  # no such case of this reporter: nothing to remember either
        return state, Outputs()
    state = state.remember(cmd.message_id)
    if cmd.kind == CommandKind.DEADLINE_REACHED:
        return _deadline(state, record, cmd, ctx)
    officer = ctx.officers.officer(cmd.actor.officer_id) if cmd.actor.officer_id else None
    trusted = cmd.actor.role in SYSTEM_ROLES
    if not trusted and (officer is None or not may_act(officer, record.case)):
        return state, _refused(record, cmd, officer, ctx)
    handler = _HANDLERS[cmd.kind]
    new_record, out = handler(record, cmd, officer, ctx)
    if new_record is record:
        return state, out
    if officer is not None and cmd.actor.role not in SYSTEM_ROLES:
        out.notifications.append(
            to_officer(
                new_record.case, NotificationKind.OFFICER_ACTION_DONE, officer, ctx.now,
                params={"reference": new_record.case.reference, "action": cmd.kind.value},
            )
        )
    return state.with_case(new_record), out


def _refused(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Outputs:
    if officer is None:
        return Outputs()
    case = record.case
    note = to_officer(
        case, NotificationKind.OFFICER_ACTION_DONE, officer, ctx.now,
        params={"reference": case.reference, "action": "not_allowed"},
    )
    # One refusal per command (the id carries it; the case version alone would repeat).
    note = note.model_copy(update={"message_id": f"{note.message_id}:{cmd.message_id}"})
    return Outputs(notifications=[note])


Result = tuple[CaseRecord, Outputs]


def _deadline(
    state: ReporterState, record: CaseRecord, cmd: CaseCommand, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    case = record.case
    stale = cmd.expected_version is not None and cmd.expected_version != case.version
    waiting = case.status in (CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED)
    if stale or not waiting or case.due_at is None:
        return state, Outputs()  # acknowledged, resolved or moved on since the timer was set
    reason = "resolve_sla" if case.status == CaseStatus.ACKNOWLEDGED else "sla"
    record, out = escalate(record, ctx, reason=reason)
    return state.with_case(record), out


def _acknowledge(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Result:
    case = record.case
    if case.status != CaseStatus.OPEN:
        return record, Outputs()
    out = Outputs()
    changes: dict[str, object] = {
        "status": CaseStatus.ACKNOWLEDGED,
        "acknowledged_at": ctx.now,
        "due_at": resolve_due(record, ctx.now, ctx),
    }
    current = case.assignee.officer_id if case.assignee else None
    if officer is not None and current != officer.officer_id:
        changes["assignee"] = assignee(officer, officer.tier)
        changes["tier"] = officer.tier
    record, event = bump(record, CaseEventKind.ACKNOWLEDGED, ctx.now, _entry(cmd), **changes)
    case = record.case
    out.events.append(event)
    if case.tier is not None:
        out.notices.append(tier_notice(case, case.tier, TierAction.ASSIGNED, officer, ctx.now))
    out.notifications.append(
        to_citizen(
            case,
            NotificationKind.ASSIGNED,
            {
                "reference": case.reference,
                "tier": case.tier.value if case.tier else None,
                "officer_name": case.assignee.name if case.assignee else None,
            },
            ctx.now,
        )
    )
    return record, out


def _resolve(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Result:
    previous = record.case
    if previous.status not in (CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED):
        return record, Outputs()
    out = Outputs()
    record, event = bump(
        record, CaseEventKind.RESOLVED, ctx.now, _entry(cmd),
        status=CaseStatus.RESOLVED, resolved_at=ctx.now, resolution_note=cmd.note, due_at=None,
    )
    record = record.model_copy(update={"rating_asked": True})
    case = record.case
    out.events.append(event)
    name = officer.name if officer else (case.assignee.name if case.assignee else None)
    out.notifications.append(
        to_citizen(
            case, NotificationKind.RESOLVED,
            {"reference": case.reference, "note": cmd.note or "", "officer_name": name},
            ctx.now,
        )
    )
    out.notifications.append(
        to_citizen(
            case, NotificationKind.RATING_QUESTION,
            {"reference": case.reference, "case_id": case.case_id}, ctx.now,
        )
    )
    closed = closed_notices(case, previous, ctx)
    out.notices.extend(closed.notices)
    return record, out


def _note(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Result:
    if not cmd.note:
        return record, Outputs()
    record, event = bump(record, CaseEventKind.NOTE_ADDED, ctx.now, _entry(cmd))
    return record, Outputs(events=[event])


def _reassign(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Result:
    target = ctx.officers.officer(cmd.target_officer_id) if cmd.target_officer_id else None
    case = previous = record.case
    if target is None or not record.is_open or case.village_code is None:
        return record, Outputs()
    if not may_act(target, case):
        return record, Outputs()
    out = Outputs()
    tier = target.tier
    record, event = bump(
        record,
        CaseEventKind.REASSIGNED,
        ctx.now,
        _entry(cmd, from_tier=case.tier, to_tier=tier),
        status=CaseStatus.OPEN,
        tier=tier,
        assignee=assignee(target, tier),
        acknowledged_at=None,
        visible_to_tiers=sorted({*case.visible_to_tiers, tier}, key=lambda t: t.rank),
        due_at=due_for(record, tier, ctx.now, ctx),
    )
    case = record.case
    out.events.append(event)
    out.notices.append(tier_notice(case, tier, TierAction.ASSIGNED, target, ctx.now))
    handed_over = officer_case_params(case, target, previous.tier) | {"handed_over": True}
    out.notifications.append(
        to_officer(case, NotificationKind.OFFICER_NEW_CASE, target, ctx.now, params=handed_over)
    )
    out.notifications.extend(handover_notices(previous, case, OfficerUpdate.REASSIGNED, ctx))
    out.notifications.append(
        to_citizen(
            case, NotificationKind.ASSIGNED,
            {"reference": case.reference, "tier": tier.value, "officer_name": target.name},
            ctx.now,
        )
    )
    return record, out


def _escalate(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Result:
    if not record.is_open or record.case.status == CaseStatus.AWAITING_VILLAGE:
        return record, Outputs()
    if record.case.tier is not None and record.case.tier.next_up() is None:
        return record, Outputs()  # already at the top: nothing to pass up to
    return escalate(record, ctx, reason=cmd.note or "manual", actor=officer)


def _reopen(
    record: CaseRecord, cmd: CaseCommand, officer: Officer | None, ctx: RouterContext
) -> Result:
    case = record.case
    if case.status not in (CaseStatus.RESOLVED, CaseStatus.CANCELLED):
        return record, Outputs()
    if ctx.now - case.updated_at > ctx.reopen_window or case.tier is None:
        return record, Outputs()
    out = Outputs()
    record, event = bump(
        record,
        CaseEventKind.REOPENED,
        ctx.now,
        _entry(cmd),
        status=CaseStatus.OPEN,
        resolved_at=None,
        acknowledged_at=None,
        rating=None,
        due_at=due_for(record, case.tier, ctx.now, ctx),
    )
    record = record.model_copy(update={"rating_asked": False, "reminders": 0})
    case = record.case
    out.events.append(event)
    handler = ctx.officers.officer(case.assignee.officer_id) if case.assignee else None
    if case.tier is not None:
        out.notices.append(tier_notice(case, case.tier, TierAction.ASSIGNED, handler, ctx.now))
    if handler is not None:
        out.notifications.append(
            to_officer(case, NotificationKind.OFFICER_NEW_CASE, handler, ctx.now)
        )
    return record, out


def _entry(cmd: CaseCommand, **extra: object) -> TimelineEntry:
    return TimelineEntry(
        text=cmd.note,
        actor_officer_id=cmd.actor.officer_id,
        actor_name=cmd.actor.name,
        extra={"command_id": cmd.message_id, "role": cmd.actor.role},
        **extra,
    )


_HANDLERS = {
    CommandKind.ACKNOWLEDGE: _acknowledge,
    CommandKind.RESOLVE: _resolve,
    CommandKind.ADD_NOTE: _note,
    CommandKind.REASSIGN: _reassign,
    CommandKind.ESCALATE: _escalate,
    CommandKind.REOPEN: _reopen,
}
