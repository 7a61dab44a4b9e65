"""The plain text of every kind, in Bahasa Indonesia: the table of kinds. Citizens'
messages are written in `citizen_texts.py`, officers' in `officer_texts.py`, the names of
things in `words.py`."""

from __future__ import annotations

from collections.abc import Mapping

from contracts.notifications import NotificationKind, NotificationRequest
from services.notifier.catalogue import citizen_texts as citizen
from services.notifier.catalogue import officer_texts as officer
from services.notifier.catalogue import summary_texts as summary
from services.notifier.catalogue.phrases import TYPE_VILLAGE, VILLAGE_QUESTION, Text

TEXTS: Mapping[NotificationKind, Text] = {
    NotificationKind.RECEIPT: citizen.receipt,
    NotificationKind.ASK_VILLAGE: citizen.ask_village,
    NotificationKind.CHOOSE_VILLAGE: citizen.choose_village,
    NotificationKind.ASSIGNED: citizen.assigned,
    NotificationKind.ESCALATED: citizen.escalated,
    NotificationKind.RESOLVED: citizen.resolved,
    NotificationKind.RATING_QUESTION: citizen.rating_question,
    NotificationKind.RATING_THANKS: citizen.rating_thanks,
    NotificationKind.STATUS_ANSWER: citizen.status_answer,
    NotificationKind.CANCELLED: citizen.cancelled,
    NotificationKind.EMERGENCY_ADVICE: citizen.emergency_advice,
    NotificationKind.MESSAGE_ADDED: citizen.message_added,
    NotificationKind.HELP: citizen.help_text,
    NotificationKind.BHABIN_CONTACT: citizen.bhabin_contact,
    NotificationKind.ASK_BHABIN_VILLAGE: citizen.ask_bhabin_village,
    NotificationKind.OFFICER_NEW_CASE: officer.officer_case,
    NotificationKind.OFFICER_ESCALATED_CASE: officer.officer_case,
    NotificationKind.OFFICER_CASE_UPDATE: officer.officer_update,
    NotificationKind.OFFICER_ACTION_DONE: officer.officer_action_done,
    NotificationKind.SIGN_IN_CODE: officer.sign_in_code,
    NotificationKind.DAILY_SUMMARY: summary.daily_summary,
}
"""The plain text of every kind (the free-form text, or what a list or buttons say)."""


def text_of(req: NotificationRequest) -> str:
    return TEXTS[req.kind](req)


def update_summary(req: NotificationRequest) -> str:
    """What the `matur_update` template's {{pesan}} says for a kind: the free-form text
    (the village question without the list it would come with)."""
    if req.kind in (NotificationKind.ASK_VILLAGE, NotificationKind.CHOOSE_VILLAGE):
        return f"{VILLAGE_QUESTION} {TYPE_VILLAGE}"
    return text_of(req)
