"""The `replies` agent: which case each officer notification is about, so that an
officer's reply to it (WhatsApp's reply context names the wamid replied to) acts on
that case.

The notifier records every message it sends on `notifications.events` (status `sent`,
its wamid, the case id of the request). For a message sent to an officer about a case,
this agent registers `wamid:<wamid>` in the reference directory (`cases.references`)
exactly as a case registers its reference; an officer's reply without a reference is
then routed by the references agent like `terima BJN-...` (`cases/officer_messages.py`).
Registering is idempotent, so this agent needs no source ledger: Faust commits after
each record, and a record read twice registers nothing new. A record it cannot read is
skipped (logged); one it cannot publish is retried a second later.
"""

from __future__ import annotations

import asyncio
import logging

import faust
from pydantic import ValidationError

from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.notifications import NotificationEvent, NotificationStatus, RecipientKind
from services.router.cases.outputs import Outputs
from services.router.cases.references import reply_reference
from services.router.cases.versions import citizen_key_of
from services.router.publishing import OutputTopics, Producer, send_all

log = logging.getLogger(__name__)


def registration(event: NotificationEvent) -> CaseReferenceMessage | None:
    """The reference-directory entry a sent officer notification makes, if any."""
    if event.status != NotificationStatus.SENT or event.recipient_kind != RecipientKind.OFFICER:
        return None
    if not event.wamid or not event.case_id:
        return None
    key = citizen_key_of(event.case_id)
    if key is None:
        return None
    reference = reply_reference(event.wamid)
    return CaseReferenceMessage(
        message_id=f"ref:{reference}", occurred_at=event.occurred_at,
        kind=ReferenceMessageKind.REGISTERED, reference=reference,
        case_id=event.case_id, citizen_key=key,
    )


class ReplyAgent:
    def __init__(self, *, producer: Producer, topics: OutputTopics) -> None:
        self.producer = producer
        self.topics = topics

    async def run(self, stream: faust.StreamT) -> None:
        async for value in stream:
            try:
                found = registration(NotificationEvent.model_validate_json(value))
            except ValidationError:
                log.warning("unreadable notification event skipped")
                continue
            if found is None:
                continue
            items = self.topics.items(Outputs(references=[found]))
            while True:
                try:
                    await send_all(self.producer, items)
                    break
                except Exception:
                    log.exception("reply registration not published; trying again")
                    await asyncio.sleep(1.0)
