"""The village dialogue: which villages a line covers, the question "di desa mana?" (a
list of candidates, or free text), and the answer: a list choice, or a typed answer read
only among the villages offered (a number, a name, a district: `domain/village_choice.py`),
the same way for a case waiting for its village and for an emergency already handled.

A case waits for its village (AWAITING_VILLAGE) until the answer names one; an emergency
handled before its village was known gets it afterwards, and the village's own officers
are alerted then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from contracts.case_events import Case, CaseEvent, CaseEventKind, TierAction, TimelineEntry
from contracts.hierarchy import CaseStatus, Tier
from contracts.notifications import NotificationKind, NotificationRequest, VillageOption
from contracts.whatsapp_events import InboundMessage
from services.router.cases.assignment import assign
from services.router.cases.context import RouterContext
from services.router.cases.notifications import to_citizen
from services.router.cases.officer_messages import tier_notice, to_officer
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord, ReporterState
from services.router.cases.versions import add_message, bump, entry_of
from services.router.domain.directory import Village
from services.router.domain.officer_concerned import officer_concerned
from services.router.domain.village_choice import pick_offered
from services.router.domain.village_text import resolve_village

MAX_OPTIONS = 10
VILLAGE_REPLY = "village:"


def line_candidates(msg: InboundMessage, ctx: RouterContext) -> list[Village]:
    """The villages of the line's area (a Bhabin line: his villages; a Polsek line: its
    district; the Kapolres line: the regency)."""
    line = msg.line
    if line.tier == Tier.BHABIN:
        return list(ctx.officers.line_villages(line))
    areas = line.area_codes if line.tier is not None and line.area_codes else ()
    if not areas:
        areas = (ctx.officers.roster.regency_code,)
    villages: list[Village] = []
    for area in areas:
        villages.extend(ctx.directory.villages_in(area))
    return villages


def village_fields(village: Village | None, ctx: RouterContext) -> dict[str, Any]:
    """The case's village and district fields."""
    if village is None:
        return {}
    district = ctx.directory.district(village.district_code)
    return {
        "village_code": village.code,
        "village_name": village.name,
        "district_code": village.district_code,
        "district_name": district.name if district else None,
    }


# --- the question -----------------------------------------------------------------------


def ask_village(
    record: CaseRecord, options: Sequence[Village], ctx: RouterContext
) -> tuple[CaseRecord, Outputs]:
    out = Outputs()
    codes = [v.code for v in options]
    record, event = bump(
        record,
        CaseEventKind.VILLAGE_REQUESTED,
        ctx.now,
        TimelineEntry(extra={"options": codes}),
        status=CaseStatus.AWAITING_VILLAGE,
    )
    record = record.model_copy(update={"village_options": codes})
    out.events.append(event)
    out.notifications.append(village_question(record.case, options, ctx))
    return record, out


def village_question(
    case: Case, options: Sequence[Village], ctx: RouterContext
) -> NotificationRequest:
    """A list of the candidates (`choose_village`), or the question in free text."""
    if options:
        return to_citizen(
            case,
            NotificationKind.CHOOSE_VILLAGE,
            {"reference": case.reference, "options": [village_option(v, ctx) for v in options]},
            ctx.now,
        )
    return to_citizen(case, NotificationKind.ASK_VILLAGE, {"reference": case.reference}, ctx.now)


def village_option(village: Village, ctx: RouterContext) -> VillageOption:
    """A list row's data: `village:<code>`, the name, the district's name."""
    option = VillageOption(id=f"{VILLAGE_REPLY}{village.code}", title=village.name[:24])
    district = ctx.directory.district(village.district_code)
    if district is not None:
        option["district"] = district.name
    else:
        option["description"] = village.code
    return option


# --- the answer -------------------------------------------------------------------------


def village_chosen(
    state: ReporterState, msg: InboundMessage, code: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """A tap on a `village:<code>` row. A row of an older list (a village this case was not
    offered) picks nothing: a waiting case is asked again."""
    village = ctx.directory.village(code)
    record = state.awaiting_village()
    if record is None:
        located = unlocated(state)
        if located is not None and village is not None and _was_offered(located, code):
            return _located(state, located, village, msg, ctx)
    if record is None or village is None:
        return state, Outputs()
    if not _was_offered(record, code):
        record, asked = ask_village(record, _offered(record, ctx), ctx)
        return state.with_case(record), asked
    return _village_found(state, record, village, msg, ctx)


def village_answer(
    state: ReporterState, record: CaseRecord, msg: InboundMessage, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """A message while the case waits for its village: an answer to the list is read only
    among the villages offered (`pick_offered`), free text among the line's villages;
    otherwise it is kept with the case and the question asked again (the same list)."""
    options = _offered(record, ctx)
    matched = _answer(msg, options, ctx)
    if len(matched) == 1:
        return _village_found(state, record, matched[0], msg, ctx)
    out = Outputs()
    record, event = add_message(record, msg, ctx.now)
    out.events.append(event)
    record, asked = ask_village(record, options or matched[:MAX_OPTIONS], ctx)
    out.extend(asked)
    return state.with_case(record), out


def _answer(msg: InboundMessage, options: Sequence[Village], ctx: RouterContext) -> list[Village]:
    """The villages a typed answer names: among the offered ones when a list was offered
    (never another), else among the line's villages."""
    text = (msg.text or "").strip()
    if not text:
        return []
    if options:
        return pick_offered(text, options, ctx.directory).villages
    return list(resolve_village(text, line_candidates(msg, ctx), ctx.directory).villages)


def unlocated(state: ReporterState) -> CaseRecord | None:
    """An open (emergency) case handled before its village was known."""
    record = state.latest_open()
    if record is None or record.case.village_code is not None:
        return None
    return record if record.case.status != CaseStatus.AWAITING_VILLAGE else None


def locate_by_follow_up(
    state: ReporterState, record: CaseRecord, msg: InboundMessage, ctx: RouterContext
) -> tuple[ReporterState, Outputs] | None:
    """A follow-up to an unlocated emergency that names its village (read as an answer to
    the question it was asked, `village_answer`); None when it does not."""
    if unlocated(state) is not record:
        return None
    matched = _answer(msg, _offered(record, ctx), ctx)
    return _located(state, record, matched[0], msg, ctx) if len(matched) == 1 else None


def ask_where_again(
    record: CaseRecord, msg: InboundMessage, ctx: RouterContext
) -> tuple[CaseRecord, list[NotificationRequest]]:
    """An unlocated emergency's follow-up text that did not say where: the question again
    (the same list; a list of the villages it named when none was offered)."""
    if record.case.village_code is not None or not (msg.text or "").strip():
        return record, []
    if record.case.status == CaseStatus.AWAITING_VILLAGE or not record.is_open:
        return record, []
    if not record.village_options:
        options = _answer(msg, [], ctx)[:MAX_OPTIONS]
        if len(options) > 1:
            record = record.model_copy(update={"village_options": [v.code for v in options]})
    return record, [village_question(record.case, _offered(record, ctx), ctx)]


def _offered(record: CaseRecord, ctx: RouterContext) -> list[Village]:
    return [v for v in (ctx.directory.village(c) for c in record.village_options) if v]


def _was_offered(record: CaseRecord, code: str) -> bool:
    return not record.village_options or code in record.village_options


def _located(
    state: ReporterState, record: CaseRecord, village: Village,
    msg: InboundMessage, ctx: RouterContext,
) -> tuple[ReporterState, Outputs]:
    """The village of an emergency already handled: record it and alert the village's
    own officers at once (the case stays with whoever has it)."""
    record, event = _record_village(record, village, msg, ctx)
    out = Outputs(events=[event])
    case = record.case
    for tier in (Tier.BHABIN, Tier.KAPOLSEK):
        officer = ctx.officers.handler_at(tier, village.code)
        if officer is None or (case.assignee and case.assignee.officer_id == officer.officer_id):
            continue
        action = TierAction.EMERGENCY if case.emergency else TierAction.VISIBLE
        out.notices.append(tier_notice(case, tier, action, officer, ctx.now))
        if case.emergency:
            out.notifications.append(
                to_officer(case, NotificationKind.OFFICER_NEW_CASE, officer, ctx.now)
            )
    return state.with_case(record), out


def _village_found(
    state: ReporterState, record: CaseRecord, village: Village,
    msg: InboundMessage, ctx: RouterContext,
) -> tuple[ReporterState, Outputs]:
    """The waiting case gets its village and goes to its first tier (a complaint about an
    officer learns who it is about, now that the village is known)."""
    extra: dict[str, Any] = {}
    case = record.case
    if case.reporter.confidential and case.about_officer_id is None:
        concerned = officer_concerned(case.summary, village.code, ctx.officers)
        if concerned is not None:
            extra["about_officer_id"] = concerned.officer_id
    record, event = _record_village(record, village, msg, ctx, **extra)
    out = Outputs(events=[event])
    record, assigned = assign(record, ctx)
    out.extend(assigned)
    return state.with_case(record), out


def _record_village(
    record: CaseRecord, village: Village, msg: InboundMessage, ctx: RouterContext, **extra: Any
) -> tuple[CaseRecord, CaseEvent]:
    """VILLAGE_RESOLVED: the case's village and district, the question answered."""
    fields = {**village_fields(village, ctx), **extra}
    record, event = bump(record, CaseEventKind.VILLAGE_RESOLVED, ctx.now, entry_of(msg), **fields)
    return record.model_copy(update={"village_options": []}), event
