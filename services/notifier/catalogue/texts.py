"""The plain text of every kind, in Bahasa Indonesia: citizens' messages in
`citizen_texts.py`, officers' in `officer_texts.py`, the names of things in `words.py`."""

from __future__ import annotations

from collections.abc import Mapping

from contracts.notifications import NotificationKind, NotificationRequest
from services.notifier.catalogue.citizen_texts import CITIZEN_TEXTS
from services.notifier.catalogue.officer_texts import OFFICER_TEXTS
from services.notifier.catalogue.phrases import VILLAGE_QUESTION, Text

TEXTS: Mapping[NotificationKind, Text] = {
    **CITIZEN_TEXTS,
    **OFFICER_TEXTS,
}
"""The plain text of every kind (the free-form text, or what a list or buttons say)."""


def text_of(req: NotificationRequest) -> str:
    return TEXTS[req.kind](req)


def update_summary(req: NotificationRequest) -> str:
    """What the `matur_update` template's {{pesan}} says for a kind: the free-form text
    (the village question without the list it would come with)."""
    if req.kind in (NotificationKind.ASK_VILLAGE, NotificationKind.CHOOSE_VILLAGE):
        return f"{VILLAGE_QUESTION} Mohon balas dengan nama desa dan kecamatannya."
    return text_of(req)
