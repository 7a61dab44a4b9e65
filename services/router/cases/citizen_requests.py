"""What a citizen asks of his cases: their status, to cancel one, to rate a resolved one,
help; and who the Bhabinkamtibmas of a village is ("kenalan", no case is opened)."""

from __future__ import annotations

from typing import Any

from contracts.case_events import CaseEventKind, TimelineEntry
from contracts.hierarchy import CaseStatus
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from contracts.whatsapp_events import InboundMessage
from services.router.cases.context import RouterContext
from services.router.cases.notifications import reply, to_citizen
from services.router.cases.officer_messages import closed_notices
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord, ReporterState
from services.router.cases.versions import bump, entry_of
from services.router.cases.village_dialogue import MAX_OPTIONS, line_candidates, village_option
from services.router.domain.kenalan import BhabinContact, contact_for, villages_asked
from services.router.domain.reference import normalise_reference

STATUS_CASES = 10  # cases listed in a status answer, latest first
RATE_REPLY = "rate:"


def _reply(
    state: ReporterState,
    msg: InboundMessage,
    kind: NotificationKind,
    params: dict[str, Any],
    ctx: RouterContext,
) -> NotificationRequest:
    recipient = Recipient(
        kind=RecipientKind.CITIZEN, key=state.key, wa_id=msg.sender.wa_id,
        user_id=msg.sender.user_id,
    )
    return reply(msg, recipient, kind, params, ctx.now)


def status(state: ReporterState, msg: InboundMessage, ctx: RouterContext) -> Outputs:
    """The reporter's cases, latest first (changes nothing)."""
    records = sorted(state.cases.values(), key=lambda r: r.case.updated_at, reverse=True)
    cases = [
        {
            "reference": r.case.reference,
            "status": r.case.status.value,
            **({"tier": r.case.tier.value} if r.case.tier else {}),
            "updated_at": r.case.updated_at.isoformat(),
        }
        for r in records[:STATUS_CASES]
    ]
    answer = _reply(state, msg, NotificationKind.STATUS_ANSWER, {"cases": cases}, ctx)
    return Outputs(notifications=[answer])


def help_(state: ReporterState, msg: InboundMessage, ctx: RouterContext) -> Outputs:
    return Outputs(notifications=[_reply(state, msg, NotificationKind.HELP, {}, ctx)])


def cancel(
    state: ReporterState, msg: InboundMessage, text: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """Cancel the case the text names, else the latest open one (nothing open: the status
    answer); its tier and officer are told."""
    reference = normalise_reference(text)
    record = state.by_reference(reference) if reference else None
    if record is None or not record.is_open:
        record = state.latest_open()
    if record is None:
        return state, status(state, msg, ctx)
    out = Outputs()
    previous = record.case
    record, event = bump(
        record, CaseEventKind.CANCELLED, ctx.now, entry_of(msg),
        status=CaseStatus.CANCELLED, due_at=None,
    )
    case = record.case
    out.events.append(event)
    out.notifications.append(
        to_citizen(case, NotificationKind.CANCELLED, {"reference": case.reference}, ctx.now)
    )
    out.extend(closed_notices(case, previous, ctx))
    return state.with_case(record), out


def rated_by_button(
    state: ReporterState, choice_id: str, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """A tap on a `rate:<case_id>:<n>` row."""
    _, case_id, value = [*choice_id.split(":", 2), "", ""][:3]
    record = state.cases.get(case_id)
    if record is None or not value.isdigit():
        return state, Outputs()
    return rate(state, record, int(value), ctx)


def rate(
    state: ReporterState, record: CaseRecord, rating: int, ctx: RouterContext
) -> tuple[ReporterState, Outputs]:
    """1-5 for a resolved case (RATED), thanked."""
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


def bhabin_contact(
    state: ReporterState, msg: InboundMessage, text: str, ctx: RouterContext
) -> Outputs:
    """Who the Bhabin of the village asked about is, and the line to write to
    (`bhabin_contact`); a village not named or ambiguous: which village
    (`ask_bhabin_village`, with the candidates when the name is shared)."""
    last = ctx.directory.village(state.last_village_code) if state.last_village_code else None
    asked = villages_asked(text, line_candidates(msg, ctx), ctx.directory, last)
    if len(asked) != 1:
        options = [village_option(v, ctx) for v in asked[:MAX_OPTIONS]]
        which = {"options": options}
        return Outputs(
            notifications=[_reply(state, msg, NotificationKind.ASK_BHABIN_VILLAGE, which, ctx)]
        )
    params = _contact_params(contact_for(asked[0], ctx.officers), ctx)
    return Outputs(notifications=[_reply(state, msg, NotificationKind.BHABIN_CONTACT, params, ctx)])


def _contact_params(contact: BhabinContact, ctx: RouterContext) -> dict[str, Any]:
    """Data only (the catalogue writes the words); never an officer's own number."""
    district = ctx.directory.district(contact.village.district_code)
    params: dict[str, Any] = {
        "village": contact.village.name,
        "district": district.name if district else None,
    }
    if contact.officer is not None and contact.tier is not None:
        params.update(
            tier=contact.tier.value, officer_name=contact.officer.name,
            officer_rank=contact.officer.rank,
        )
    if contact.line is not None and contact.line.tier is not None:
        params.update(line=contact.line.display_phone_number, line_tier=contact.line.tier.value)
    return {k: v for k, v in params.items() if v is not None}
