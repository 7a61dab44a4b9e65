"""A citizen's WhatsApp message: which of these it is, in this order.

- a tap on a village row, or any message while a case waits for its village: the village
  dialogue (`village_dialogue.py`);
- a tap on a rating row, a rating after a resolution, "status", "batal", "bantuan", a
  greeting, who the Bhabin of a village is: a request (`citizen_requests.py`); thanks and
  greetings never open a case;
- more about his latest open case: it joins that case (below);
- otherwise: a new case (`opening.py`).

Officers' messages go to `officer_messages.py`.
"""

from __future__ import annotations

from contracts.notifications import NotificationKind, OfficerUpdate
from contracts.whatsapp_events import InboundMessage
from services.router.cases import citizen_requests as requests
from services.router.cases.citizen_requests import RATE_REPLY
from services.router.cases.context import RouterContext
from services.router.cases.notifications import to_citizen
from services.router.cases.officer_messages import case_update
from services.router.cases.opening import SUMMARY_CHARS, open_case
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord, ReporterState
from services.router.cases.versions import add_message
from services.router.cases.village_dialogue import (
    VILLAGE_REPLY,
    ask_where_again,
    locate_by_follow_up,
    village_answer,
    village_chosen,
)
from services.router.domain.intents import detect_intent, parse_rating
from services.router.domain.kenalan import only_asks_contact

Result = tuple[ReporterState, Outputs]


def handle_inbound(state: ReporterState, msg: InboundMessage, ctx: RouterContext) -> Result:
    """A citizen's message (officers' messages go to `officer_messages`)."""
    if state.has_seen(msg.message_id):
        return state, Outputs()
    state = state.remember(msg.message_id).pruned(ctx.now, ctx.reopen_window)
    choice_id = msg.choice.id if msg.choice and msg.choice.id else ""
    text = (msg.text or "").strip()
    if choice_id.startswith(VILLAGE_REPLY):
        return village_chosen(state, msg, choice_id.removeprefix(VILLAGE_REPLY), ctx)
    if choice_id.startswith(RATE_REPLY):
        return requests.rated_by_button(state, choice_id, ctx)
    awaiting = state.awaiting_village()
    if awaiting is not None and (text or msg.location):
        return village_answer(state, awaiting, msg, ctx)
    return _by_intent(state, msg, text, ctx)


def _by_intent(
    state: ReporterState, msg: InboundMessage, text: str, ctx: RouterContext
) -> Result:
    intent = detect_intent(text).name if text else "REPORT"
    rating_case = state.awaiting_rating()
    if rating_case is not None and text:
        rating = parse_rating(text)
        if rating is not None:
            return requests.rate(state, rating_case, rating, ctx)
    if intent == "STATUS":
        return state, requests.status(state, msg, ctx)
    if intent == "CANCEL":
        return requests.cancel(state, msg, text, ctx)
    if intent == "HELP":
        return state, requests.help_(state, msg, ctx)
    if intent == "ASK_BHABIN" and only_asks_contact(text):
        return state, requests.bhabin_contact(state, msg, text, ctx)
    latest = state.latest_open()
    if intent == "FOLLOW_UP" and latest is None:  # nothing open to add to: say where it stands
        return state, requests.status(state, msg, ctx)
    if intent in ("GREETING_ONLY", "THANKS"):
        if latest is None and intent == "GREETING_ONLY":
            return state, requests.help_(state, msg, ctx)
        return state, Outputs()
    if latest is not None:
        return _join(state, latest, msg, ctx)
    return open_case(state, msg, text, ctx)


def _join(
    state: ReporterState, record: CaseRecord, msg: InboundMessage, ctx: RouterContext
) -> Result:
    """More about the latest open case (MESSAGE_ADDED): the reporter is thanked, the
    officer who has the case told; a follow-up naming an emergency's village locates it,
    one that does not is asked where again."""
    located = locate_by_follow_up(state, record, msg, ctx)
    if located is not None:
        return located
    out = Outputs()
    record, event = add_message(record, msg, ctx.now)
    out.events.append(event)
    case = record.case
    out.notifications.append(
        to_citizen(case, NotificationKind.MESSAGE_ADDED, {"reference": case.reference}, ctx.now)
    )
    officer = ctx.officers.officer(case.assignee.officer_id) if case.assignee else None
    if officer is not None:
        update = case_update(
            case, officer, OfficerUpdate.CITIZEN_MESSAGE, ctx.now, **_added(msg)
        )
        out.notifications.append(update)
    record, asked = ask_where_again(record, msg, ctx)
    out.notifications.extend(asked)
    return state.with_case(record), out


def _added(msg: InboundMessage) -> dict[str, object]:
    """What the reporter added, as data (the catalogue writes the officer's sentence)."""
    if msg.text:
        return {"text": msg.text[:SUMMARY_CHARS]}
    if msg.location:
        return {"latitude": msg.location.latitude, "longitude": msg.location.longitude}
    if msg.media:
        return {"attachment": msg.media.kind}
    return {"message_type": msg.type}
