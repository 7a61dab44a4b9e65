"""Opening a case from a citizen's first message: what it is about (classification), where
(the line's single village, a village the text names, the reporter's last village, else
the village dialogue), and to whom it goes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from contracts.case_events import Case, Reporter, TierAction, TierNotice
from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.whatsapp_events import InboundMessage
from services.router.cases.assignment import assign
from services.router.cases.context import RouterContext
from services.router.cases.officer_messages import tier_notice
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord, ReporterState
from services.router.cases.versions import case_id_for, entry_of, first_event
from services.router.cases.village_dialogue import (
    MAX_OPTIONS,
    ask_village,
    line_candidates,
    village_fields,
    village_question,
)
from services.router.domain.classify import classify
from services.router.domain.directory import Village
from services.router.domain.officer_concerned import officer_concerned
from services.router.domain.reference import make_reference, reference_for_position
from services.router.domain.village_text import resolve_village

SUMMARY_CHARS = 500


def open_case(
    state: ReporterState, msg: InboundMessage, text: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """A new case (OPENED, its reference registered), assigned at once when its village is
    known or it is an emergency (which still asks where), else the village is asked."""
    candidates = line_candidates(msg, ctx)
    village, options = _village_for_new_case(state, text, candidates, ctx)
    case = _new_case(state, msg, text, village, ctx)
    record = CaseRecord(case=case, sla_policy=ctx.sla.as_dict())
    out = Outputs(
        events=[first_event(record, ctx.now, entry_of(msg))],
        references=[_registered(record.case, ctx.now)],
    )
    if village is not None or record.case.emergency:
        record, assigned = assign(record, ctx)
        out.extend(assigned)
        if village is None:  # an emergency: handled at once, and we still ask where
            record = record.model_copy(update={"village_options": [v.code for v in options]})
            out.notifications.append(village_question(record.case, options, ctx))
    else:
        record, asked = ask_village(record, options, ctx)
        out.extend(asked)
        out.notices.extend(_visible_on_line(record.case, msg, candidates, ctx))
    return state.with_case(record), out


def _assessed(text: str) -> tuple[Category, Urgency, bool, bool]:
    """(category, urgency, emergency, about an officer) of a first message."""
    found = classify(text) if text else None
    if found is None:
        return Category.OTHER, Urgency.NORMAL, False, False
    category = Category.OFFICER_CONDUCT if found.about_officer else found.category
    urgency = Urgency.EMERGENCY if found.emergency else found.urgency
    return category, urgency, bool(found.emergency), bool(found.about_officer)


def _new_case(
    state: ReporterState,
    msg: InboundMessage,
    text: str,
    village: Village | None,
    ctx: RouterContext,
) -> Case:
    category, urgency, emergency, about_officer = _assessed(text)
    case_id = case_id_for(state.key, msg.wamid)
    concerned = (
        officer_concerned(text, village.code if village else None, ctx.officers)
        if about_officer
        else None
    )
    reporter = Reporter(
        key=state.key,
        wa_id=msg.sender.wa_id,
        user_id=msg.sender.user_id,
        name=msg.sender.profile_name,
        confidential=about_officer,
    )
    caption = msg.media.caption if msg.media and msg.media.caption else ""
    return Case(
        case_id=case_id,
        reference=(
            reference_for_position(*ctx.position) if ctx.position else make_reference(case_id)
        ),
        version=1,
        status=CaseStatus.AWAITING_VILLAGE,
        regency_code=ctx.officers.roster.regency_code,
        category=category,
        urgency=urgency,
        emergency=emergency,
        about_officer_id=concerned.officer_id if concerned else None,
        reporter=reporter,
        line_phone_number_id=msg.line.phone_number_id,
        line_tier=msg.line.tier,
        summary=(text or caption)[:SUMMARY_CHARS],
        location=msg.location,
        opened_at=ctx.now,
        updated_at=ctx.now,
        **village_fields(village, ctx),
    )


def _registered(case: Case, now: datetime) -> CaseReferenceMessage:
    """The case's short reference, for the reference table (officers type it)."""
    return CaseReferenceMessage(
        message_id=f"ref:{case.case_id}",
        occurred_at=now,
        kind=ReferenceMessageKind.REGISTERED,
        reference=case.reference,
        case_id=case.case_id,
        citizen_key=case.reporter.key,
    )


def _visible_on_line(
    case: Case, msg: InboundMessage, candidates: Sequence[Village], ctx: RouterContext
) -> list[TierNotice]:
    """A case that came in on a chief's line is his to see from the start, even while
    we still ask where it happened (not a complaint about an officer)."""
    tier = msg.line.tier
    if tier not in (Tier.KAPOLSEK, Tier.KAPOLRES) or case.reporter.confidential:
        return []
    officer = ctx.officers.handler_at(tier, candidates[0].code) if candidates else None
    return [tier_notice(case, tier, TierAction.VISIBLE, officer, ctx.now)]


def _village_for_new_case(
    state: ReporterState, text: str, candidates: Sequence[Village], ctx: RouterContext
) -> tuple[Village | None, list[Village]]:
    """(village, options to offer). Order: a single-village line; the text when it names
    one village; the reporter's last village; else the options to ask with."""
    if len(candidates) == 1:
        return candidates[0], []
    matched: list[Village] = []
    if text:
        matched = list(resolve_village(text, candidates, ctx.directory).villages)
        if len(matched) == 1:
            return matched[0], []
    if not matched and state.last_village_code:
        last = ctx.directory.village(state.last_village_code)
        if last is not None:
            return last, []
    if matched:
        return None, matched[:MAX_OPTIONS]
    return None, list(candidates) if len(candidates) <= MAX_OPTIONS else []
