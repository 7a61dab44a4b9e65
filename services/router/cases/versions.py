"""A case's identity and its versions: case ids that name the reporter, the next version
of a case with the event announcing it, and the timeline entry of a citizen's message."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from contracts.case_events import CaseEvent, CaseEventKind, TimelineEntry
from contracts.whatsapp_events import InboundMessage
from services.router.cases.state import CaseRecord

CASE_ID_SEPARATOR = "-"


def case_id_for(citizen_key: str, wamid: str) -> str:
    """Globally unique (a wamid is) and carries the reporter's key, so a command naming a
    case can be routed to the reporter's partition: `<citizen_key>-<12 hex>`."""
    digest = hashlib.sha256(wamid.encode()).hexdigest()[:12]
    return f"{citizen_key}{CASE_ID_SEPARATOR}{digest}"


def citizen_key_of(case_id: str) -> str | None:
    key, sep, rest = case_id.rpartition(CASE_ID_SEPARATOR)
    if not sep or not key.startswith("c_") or not rest:
        return None
    return key


def bump(
    record: CaseRecord,
    kind: CaseEventKind,
    now: datetime,
    entry: TimelineEntry | None = None,
    **changes: Any,
) -> tuple[CaseRecord, CaseEvent]:
    """The next version of the case and the event announcing it."""
    case = record.case.model_copy(
        update={**changes, "version": record.case.version + 1, "updated_at": now}
    )
    event = CaseEvent(
        message_id=f"{case.case_id}:{case.version}",
        occurred_at=now,
        kind=kind,
        case=case,
        entry=entry or TimelineEntry(),
    )
    return record.model_copy(update={"case": case}), event


def first_event(record: CaseRecord, now: datetime, entry: TimelineEntry) -> CaseEvent:
    return CaseEvent(
        message_id=f"{record.case.case_id}:{record.case.version}",
        occurred_at=now,
        kind=CaseEventKind.OPENED,
        case=record.case,
        entry=entry,
    )


def add_message(
    record: CaseRecord, msg: InboundMessage, now: datetime
) -> tuple[CaseRecord, CaseEvent]:
    """A citizen's message joins the case (MESSAGE_ADDED); a location pin becomes the
    case's location."""
    changes: dict[str, Any] = {}
    if msg.location is not None:
        changes["location"] = msg.location
    return bump(record, CaseEventKind.MESSAGE_ADDED, now, entry_of(msg), **changes)


def entry_of(msg: InboundMessage) -> TimelineEntry:
    """What a citizen's message adds to the case's timeline."""
    return TimelineEntry(text=msg.text, media=msg.media, location=msg.location, wamid=msg.wamid)
