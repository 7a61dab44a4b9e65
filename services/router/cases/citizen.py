"""A citizen's WhatsApp message: open a case, join it to an open one, answer the village
question, status, cancel, rating, help."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from contracts.case_events import (
    Case,
    CaseEventKind,
    Reporter,
    TierAction,
    TierNotice,
    TimelineEntry,
)
from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.notifications import (
    NotificationKind,
    NotificationRequest,
    OfficerUpdate,
    Recipient,
    RecipientKind,
    VillageOption,
)
from contracts.whatsapp_events import InboundMessage
from services.router.cases.context import RouterContext
from services.router.cases.lifecycle import (
    assign,
    bump,
    case_id_for,
    first_event,
    tier_notice,
    to_citizen,
    to_officer,
)
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord, ReporterState
from services.router.domain.classify import classify
from services.router.domain.directory import Village
from services.router.domain.intents import detect_intent, parse_rating
from services.router.domain.officer_concerned import officer_concerned
from services.router.domain.reference import (
    make_reference,
    normalise_reference,
    reference_for_position,
)
from services.router.domain.village_text import resolve_village

MAX_OPTIONS = 10
SUMMARY_CHARS = 500
VILLAGE_REPLY = "village:"
RATE_REPLY = "rate:"


def handle_inbound(
    state: ReporterState, msg: InboundMessage, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """A citizen's message (officers' messages go to `officer_messages`)."""
    if state.has_seen(msg.message_id):
        return state, Outputs()
    state = state.remember(msg.message_id).pruned(ctx.now, ctx.reopen_window)
    choice_id = msg.choice.id if msg.choice and msg.choice.id else ""
    text = (msg.text or "").strip()
    if choice_id.startswith(VILLAGE_REPLY):
        return _village_chosen(state, msg, choice_id.removeprefix(VILLAGE_REPLY), ctx)
    if choice_id.startswith(RATE_REPLY):
        return _rated_by_button(state, choice_id, ctx)

    awaiting = state.awaiting_village()
    if awaiting is not None and (text or msg.location):
        return _village_answer(state, awaiting, msg, ctx)

    intent = detect_intent(text).name if text else "REPORT"
    rating_case = state.awaiting_rating()
    if rating_case is not None and text:
        rating = parse_rating(text)
        if rating is not None:
            return _rate(state, rating_case, rating, ctx)
    if intent == "STATUS":
        return state, _status(state, msg, ctx)
    if intent == "CANCEL":
        return _cancel(state, msg, text, ctx)
    if intent == "HELP":
        return state, _help(state, msg, ctx)
    latest = state.latest_open()
    if intent in ("GREETING_ONLY", "THANKS"):
        if latest is None and intent == "GREETING_ONLY":
            return state, _help(state, msg, ctx)
        return state, Outputs()
    if latest is not None:
        return _add_message(state, latest, msg, ctx)
    return _open(state, msg, text, ctx)


# --- opening ----------------------------------------------------------------------------


def _open(
    state: ReporterState, msg: InboundMessage, text: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    out = Outputs()
    now = ctx.now
    classification = classify(text) if text else None
    category = classification.category if classification else Category.OTHER
    urgency = classification.urgency if classification else Urgency.NORMAL
    emergency = bool(classification and classification.emergency)
    if emergency:
        urgency = Urgency.EMERGENCY
    about_officer = bool(classification and classification.about_officer)
    if about_officer:
        category = Category.OFFICER_CONDUCT
    case_id = case_id_for(state.key, msg.wamid)
    reporter = Reporter(
        key=state.key,
        wa_id=msg.sender.wa_id,
        user_id=msg.sender.user_id,
        name=msg.sender.profile_name,
        confidential=about_officer,
    )
    candidates = _line_candidates(msg, ctx)
    village, options = _village_for_new_case(state, text, candidates, ctx)
    concerned = (
        officer_concerned(text, village.code if village else None, ctx.officers)
        if about_officer
        else None
    )
    case = Case(
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
        summary=(text or (msg.media.caption if msg.media and msg.media.caption else ""))[
            :SUMMARY_CHARS
        ],
        location=msg.location,
        opened_at=now,
        updated_at=now,
        **_village_fields(village, ctx),
    )
    record = CaseRecord(case=case, sla_policy=ctx.sla.as_dict())
    out.events.append(first_event(record, now, _entry(msg)))
    out.references.append(
        CaseReferenceMessage(
            message_id=f"ref:{case_id}",
            occurred_at=now,
            kind=ReferenceMessageKind.REGISTERED,
            reference=case.reference,
            case_id=case_id,
            citizen_key=state.key,
        )
    )
    if village is not None or emergency:
        record, assigned = assign(record, ctx)
        out.extend(assigned)
        if village is None:  # an emergency: handled at once, and we still ask where
            record = record.model_copy(update={"village_options": [v.code for v in options]})
            out.notifications.append(_village_question(record.case, options, ctx))
    else:
        record, asked = _ask_village(record, options, ctx)
        out.extend(asked)
        out.notices.extend(_visible_on_line(record.case, msg, candidates, ctx))
    return state.with_case(record), out


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


def _line_candidates(msg: InboundMessage, ctx: RouterContext) -> list[Village]:
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


def _village_fields(village: Village | None, ctx: RouterContext) -> dict[str, Any]:
    if village is None:
        return {}
    district = ctx.directory.district(village.district_code)
    return {
        "village_code": village.code,
        "village_name": village.name,
        "district_code": village.district_code,
        "district_name": district.name if district else None,
    }


def _option(village: Village, ctx: RouterContext) -> VillageOption:
    option = VillageOption(id=f"{VILLAGE_REPLY}{village.code}", title=village.name[:24])
    district = ctx.directory.district(village.district_code)
    if district is not None:
        option["district"] = district.name
    else:
        option["description"] = village.code
    return option


def _ask_village(
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
    out.notifications.append(_village_question(record.case, options, ctx))
    return record, out


def _village_question(
    case: Case, options: Sequence[Village], ctx: RouterContext
) -> NotificationRequest:
    if options:
        return to_citizen(
            case,
            NotificationKind.CHOOSE_VILLAGE,
            {"reference": case.reference, "options": [_option(v, ctx) for v in options]},
            ctx.now,
        )
    return to_citizen(case, NotificationKind.ASK_VILLAGE, {"reference": case.reference}, ctx.now)


# --- the village question ---------------------------------------------------------------


def _village_chosen(
    state: ReporterState, msg: InboundMessage, code: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    village = ctx.directory.village(code)
    record = state.awaiting_village()
    if record is None:
        located = _unlocated(state)
        if located is not None and village is not None:
            return _located(state, located, village, msg, ctx)
    if record is None or village is None:
        return state, Outputs()
    return _resolved(state, record, village, msg, ctx)


def _unlocated(state: ReporterState) -> CaseRecord | None:
    """An open (emergency) case handled before its village was known."""
    record = state.latest_open()
    if record is None or record.case.village_code is not None:
        return None
    return record if record.case.status != CaseStatus.AWAITING_VILLAGE else None


def _located(
    state: ReporterState,
    record: CaseRecord,
    village: Village,
    msg: InboundMessage,
    ctx: RouterContext,
) -> tuple[ReporterState, Outputs]:
    """The village of an emergency already handled: record it and alert the village's
    own officers at once (the case stays with whoever has it)."""
    out = Outputs()
    fields = _village_fields(village, ctx)
    record, event = bump(record, CaseEventKind.VILLAGE_RESOLVED, ctx.now, _entry(msg), **fields)
    record = record.model_copy(update={"village_options": []})
    out.events.append(event)
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


def _village_answer(
    state: ReporterState, record: CaseRecord, msg: InboundMessage, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    text = (msg.text or "").strip()
    options = [v for v in (ctx.directory.village(c) for c in record.village_options) if v]
    if text.isdigit() and options and 1 <= int(text) <= len(options):
        return _resolved(state, record, options[int(text) - 1], msg, ctx)
    matched: list[Village] = []
    if text:
        candidates = options or _line_candidates(msg, ctx)
        matched = list(resolve_village(text, candidates, ctx.directory).villages)
        if not matched and options:
            wider = _line_candidates(msg, ctx)
            matched = list(resolve_village(text, wider, ctx.directory).villages)
    if len(matched) == 1:
        return _resolved(state, record, matched[0], msg, ctx)
    # Not answered (yet): keep what was sent with the case and ask again.
    out = Outputs()
    changes: dict[str, Any] = {}
    if msg.location is not None:
        changes["location"] = msg.location
    record, event = bump(record, CaseEventKind.MESSAGE_ADDED, ctx.now, _entry(msg), **changes)
    out.events.append(event)
    record, asked = _ask_village(record, matched[:MAX_OPTIONS] or options, ctx)
    out.extend(asked)
    return state.with_case(record), out


def _resolved(
    state: ReporterState,
    record: CaseRecord,
    village: Village,
    msg: InboundMessage,
    ctx: RouterContext,
) -> tuple[ReporterState, Outputs]:
    out = Outputs()
    fields = _village_fields(village, ctx)
    case = record.case
    if case.reporter.confidential and case.about_officer_id is None:
        concerned = officer_concerned(case.summary, village.code, ctx.officers)
        if concerned is not None:
            fields["about_officer_id"] = concerned.officer_id
    record, event = bump(record, CaseEventKind.VILLAGE_RESOLVED, ctx.now, _entry(msg), **fields)
    record = record.model_copy(update={"village_options": []})
    out.events.append(event)
    record, assigned = assign(record, ctx)
    out.extend(assigned)
    return state.with_case(record), out


# --- follow-ups -------------------------------------------------------------------------


def _add_message(
    state: ReporterState, record: CaseRecord, msg: InboundMessage, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    text = (msg.text or "").strip()
    if record.case.village_code is None and text and _unlocated(state) is record:
        options = [v for v in (ctx.directory.village(c) for c in record.village_options) if v]
        if text.isdigit() and options and 1 <= int(text) <= len(options):
            return _located(state, record, options[int(text) - 1], msg, ctx)
        found = resolve_village(text, options or _line_candidates(msg, ctx), ctx.directory)
        if len(found.villages) == 1:
            return _located(state, record, found.villages[0], msg, ctx)
    out = Outputs()
    changes: dict[str, Any] = {}
    if msg.location is not None:
        changes["location"] = msg.location
    record, event = bump(record, CaseEventKind.MESSAGE_ADDED, ctx.now, _entry(msg), **changes)
    out.events.append(event)
    case = record.case
    out.notifications.append(
        to_citizen(case, NotificationKind.MESSAGE_ADDED, {"reference": case.reference}, ctx.now)
    )
    officer = ctx.officers.officer(case.assignee.officer_id) if case.assignee else None
    if officer is not None:
        out.notifications.append(
            to_officer(
                case,
                NotificationKind.OFFICER_CASE_UPDATE,
                officer,
                ctx.now,
                params={"reference": case.reference, "case_id": case.case_id,
                        "update": OfficerUpdate.CITIZEN_MESSAGE.value, **_added(msg)},
            )
        )
    return state.with_case(record), out


def _added(msg: InboundMessage) -> dict[str, Any]:
    """What the reporter added, as data (the catalogue writes the officer's sentence)."""
    if msg.text:
        return {"text": msg.text[:SUMMARY_CHARS]}
    if msg.location:
        return {"latitude": msg.location.latitude, "longitude": msg.location.longitude}
    if msg.media:
        return {"attachment": msg.media.kind}
    return {"message_type": msg.type}


def _entry(msg: InboundMessage) -> TimelineEntry:
    return TimelineEntry(text=msg.text, media=msg.media, location=msg.location, wamid=msg.wamid)


# --- status, cancel, help, rating -------------------------------------------------------


def _reply(
    state: ReporterState,
    msg: InboundMessage,
    kind: NotificationKind,
    params: dict[str, Any],
    ctx: RouterContext,
) -> NotificationRequest:
    return NotificationRequest(
        message_id=f"{kind.value}:{msg.wamid}:{state.key}",
        occurred_at=ctx.now,
        kind=kind,
        recipient=Recipient(
            kind=RecipientKind.CITIZEN, key=state.key, wa_id=msg.sender.wa_id,
            user_id=msg.sender.user_id,
        ),
        line_phone_number_id=msg.line.phone_number_id,
        params=params,
        reply_to_wamid=msg.wamid,
    )


def _status(state: ReporterState, msg: InboundMessage, ctx: RouterContext) -> Outputs:
    records = sorted(state.cases.values(), key=lambda r: r.case.updated_at, reverse=True)
    cases = [
        {
            "reference": r.case.reference,
            "status": r.case.status.value,
            **({"tier": r.case.tier.value} if r.case.tier else {}),
            "updated_at": r.case.updated_at.isoformat(),
        }
        for r in records[:MAX_OPTIONS]
    ]
    return Outputs(notifications=[_reply(state, msg, NotificationKind.STATUS_ANSWER,
                                         {"cases": cases}, ctx)])


def _help(state: ReporterState, msg: InboundMessage, ctx: RouterContext) -> Outputs:
    return Outputs(notifications=[_reply(state, msg, NotificationKind.HELP, {}, ctx)])


def _cancel(
    state: ReporterState, msg: InboundMessage, text: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    reference = normalise_reference(text)
    record = state.by_reference(reference) if reference else None
    if record is None or not record.is_open:
        record = state.latest_open()
    if record is None:
        return state, _status(state, msg, ctx)
    out = Outputs()
    previous = record.case
    record, event = bump(
        record,
        CaseEventKind.CANCELLED,
        ctx.now,
        _entry(msg),
        status=CaseStatus.CANCELLED,
        due_at=None,
    )
    case = record.case
    out.events.append(event)
    out.notifications.append(
        to_citizen(case, NotificationKind.CANCELLED, {"reference": case.reference}, ctx.now)
    )
    out.extend(closed_notices(case, previous, ctx))
    return state.with_case(record), out


def closed_notices(case: Case, previous: Case, ctx: RouterContext) -> Outputs:
    """Tell the tier that had the case (and its officer) that it is closed."""
    out = Outputs()
    if previous.tier is None or previous.status == CaseStatus.AWAITING_VILLAGE:
        return out
    officer = ctx.officers.officer(previous.assignee.officer_id) if previous.assignee else None
    out.notices.append(tier_notice(case, previous.tier, TierAction.CLOSED, officer, ctx.now))
    if officer is not None:
        out.notifications.append(
            to_officer(
                case,
                NotificationKind.OFFICER_CASE_UPDATE,
                officer,
                ctx.now,
                params={"reference": case.reference, "case_id": case.case_id,
                        "update": OfficerUpdate.CLOSED.value, "status": case.status.value},
            )
        )
    return out


def _rated_by_button(
    state: ReporterState, choice_id: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    _, case_id, value = [*choice_id.split(":", 2), "", ""][:3]
    record = state.cases.get(case_id)
    if record is None or not value.isdigit():
        return state, Outputs()
    return _rate(state, record, int(value), ctx)


def _rate(
    state: ReporterState, record: CaseRecord, rating: int, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    if record.case.status != CaseStatus.RESOLVED or not 1 <= rating <= 5:
        return state, Outputs()
    out = Outputs()
    record, event = bump(
        record, CaseEventKind.RATED, ctx.now, TimelineEntry(extra={"rating": rating}),
        rating=rating,
    )
    out.events.append(event)
    case = record.case
    out.notifications.append(
        to_citizen(
            case, NotificationKind.RATING_THANKS,
            {"reference": case.reference, "rating": str(rating)}, ctx.now,
        )
    )
    return state.with_case(record), out
