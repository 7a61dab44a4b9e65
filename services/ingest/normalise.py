"""Turn one authentic webhook body into the contracts events ingest publishes.

Pure functions over plain data: no Kafka, no HTTP, no SQL. Each `messages`, `statuses` and
`errors` item of every change of every entry becomes one event carrying the raw item; what
cannot be understood (not JSON, not a webhook, an item without an id…) is collected into
one `WebhookDeadLetter` with the raw body, so nothing Meta sent is ever dropped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from pydantic import ValidationError

from contracts.base import Message
from contracts.lines import Line
from contracts.topics import (
    WHATSAPP_DEADLETTER,
    WHATSAPP_ERRORS,
    WHATSAPP_INBOUND,
    WHATSAPP_STATUSES,
    Topic,
)
from services.ingest.bounded_json import (
    ITEM_MAX_DEPTH,
    BodyNotJson,
    nesting_exceeds,
    parse_body,
)
from services.ingest.item_events import (
    Contacts,
    ItemError,
    channel_error,
    delivery_status,
    inbound_message,
)
from services.ingest.meta_webhook import Change, ChangeValue, Contact, Entry, WebhookBody
from services.ingest.webhook_dead_letter import Rejected, build_dead_letter, fill_rejected_items

LineLookup = Callable[[str, str | None], Line]
"""(phone_number_id, display_phone_number) -> the line it is, configured or not."""

WHATSAPP_OBJECT = "whatsapp_business_account"



@dataclass(frozen=True)
class Outgoing:
    """One event ready to produce: topic, key and serialised value."""

    topic: Topic
    key: str | None
    event: Message
    value: bytes

    @property
    def message_id(self) -> str:
        return self.event.message_id


@dataclass
class NormalisedBody:
    events: list[Outgoing] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    dead_letter_reason: str | None = None  # set when the whole body went to the dead letter


def outgoing(topic: Topic, key: str | None, event: Message) -> Outgoing:
    return Outgoing(topic, key, event, event.to_bytes())


def _short(err: ValidationError) -> str:
    parts = []
    for e in err.errors()[:3]:
        loc = ".".join(str(x) for x in e["loc"]) or "body"
        parts.append(f"{loc}: {e['msg']}")
    return "; ".join(parts)


# --- the whole body ------------------------------------------------------------------------


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _item(
    result: NormalisedBody, path: str, build: Callable[[], tuple[Topic, str | None, Message]]
) -> None:
    """Build one event; any failure sends the item to the dead letter instead."""
    try:
        topic, key, event = build()
        result.events.append(outgoing(topic, key, event))
    except ValidationError as err:
        result.rejected.append(Rejected(path, f"invalid item: {_short(err)}", None))
    except ItemError as err:
        result.rejected.append(Rejected(path, str(err), None))
    except Exception as err:  # an item we cannot read must not block the rest of the body
        result.rejected.append(Rejected(path, f"{type(err).__name__}: {err}"[:300], None))


def _change(
    result: NormalisedBody,
    raw_change: Any,
    path: str,
    waba_id: str | None,
    lines: LineLookup,
    received_at: datetime,
) -> None:
    change = Change.model_validate(raw_change)
    if change.field != "messages":
        raise ItemError(f"unhandled webhook field {change.field!r}")
    value = ChangeValue.model_validate(change.value)
    line = lines(value.metadata.phone_number_id, value.metadata.display_phone_number)
    contacts: Contacts = []
    for raw_contact in value.contacts:
        if nesting_exceeds(raw_contact, ITEM_MAX_DEPTH):
            continue  # cannot be carried in an event; not needed to key
        try:
            contacts.append((Contact.model_validate(raw_contact), raw_contact))
        except ValidationError:
            continue  # still in each message's dead letter or raw body; not needed to key

    for k, raw in enumerate(value.messages):
        _item(
            result,
            f"{path}.value.messages[{k}]",
            partial(_inbound_item, raw, contacts, line, waba_id, received_at),
        )
    for k, raw in enumerate(value.statuses):
        _item(
            result,
            f"{path}.value.statuses[{k}]",
            partial(_status_item, raw, contacts, line, received_at),
        )
    for k, raw in enumerate(value.errors):
        _item(
            result,
            f"{path}.value.errors[{k}]",
            partial(_error_item, raw, line, waba_id),
        )


def _require_dict(raw: Any) -> dict[str, Any]:
    """An item we can carry in an event: a JSON object of bounded depth."""
    if not isinstance(raw, dict):
        raise ItemError("item is not a JSON object")
    if nesting_exceeds(raw, ITEM_MAX_DEPTH):
        raise ItemError(f"item nested deeper than {ITEM_MAX_DEPTH} levels")
    return raw


def channel_error_id(line: Line, raw: dict[str, Any]) -> str:
    """`err:<sha256[:32]>` of the line and the error item's content (keys sorted): the
    same error delivered again, in another body or re-serialised, is one event."""
    content = json.dumps([line.phone_number_id, raw], sort_keys=True, separators=(",", ":"))
    return f"err:{hashlib.sha256(content.encode()).hexdigest()[:32]}"


def _inbound_item(
    raw: Any,
    contacts: Contacts,
    line: Line,
    waba_id: str | None,
    received_at: datetime,
) -> tuple[Topic, str | None, Message]:
    event = inbound_message(_require_dict(raw), contacts, line, waba_id, received_at)
    return WHATSAPP_INBOUND, event.sender.key, event


def _status_item(
    raw: Any,
    contacts: Contacts,
    line: Line,
    received_at: datetime,
) -> tuple[Topic, str | None, Message]:
    event = delivery_status(_require_dict(raw), contacts, line, received_at)
    return WHATSAPP_STATUSES, event.wamid, event


def _error_item(raw: Any, line: Line, waba_id: str | None) -> tuple[Topic, str | None, Message]:
    item = _require_dict(raw)
    event = channel_error(item, line, waba_id, "messages", channel_error_id(line, item))
    return WHATSAPP_ERRORS, line.phone_number_id, event


def normalise_body(
    body: bytes,
    lines: LineLookup,
    received_at: datetime,
    deadletter_body_max_bytes: int = 512 * 1024,
) -> NormalisedBody:
    """Every event of an authentic webhook body, plus at most one dead letter."""
    result = NormalisedBody()
    sha = body_sha256(body)
    try:
        data = parse_body(body)
    except BodyNotJson as err:
        result.dead_letter_reason = str(err)
    else:
        try:
            envelope = WebhookBody.model_validate(data)
            if envelope.object not in (None, WHATSAPP_OBJECT):
                raise ItemError(f"webhook object {envelope.object!r} is not {WHATSAPP_OBJECT}")
        except ValidationError as err:
            result.dead_letter_reason = f"not a WhatsApp webhook: {_short(err)}"[:300]
        except ItemError as err:
            result.dead_letter_reason = str(err)
        else:
            for i, raw_entry in enumerate(envelope.entry):
                try:
                    entry = Entry.model_validate(raw_entry)
                except ValidationError as err:
                    result.rejected.append(Rejected(f"entry[{i}]", _short(err), None))
                    continue
                for j, raw_change in enumerate(entry.changes):
                    path = f"entry[{i}].changes[{j}]"
                    try:
                        _change(result, raw_change, path, entry.id, lines, received_at)
                    except ValidationError as err:
                        reason = f"invalid change: {_short(err)}"
                        result.rejected.append(Rejected(path, reason, None))
                    except ItemError as err:
                        result.rejected.append(Rejected(path, str(err), None))
            fill_rejected_items(result.rejected, data)
    if result.dead_letter_reason or result.rejected:
        result.events.append(
            dead_letter(body, sha, result, received_at, deadletter_body_max_bytes)
        )
    return result


def dead_letter(
    body: bytes, sha: str, result: NormalisedBody, received_at: datetime, body_max_bytes: int
) -> Outgoing:
    """One record for everything of this body we could not understand, with the raw body
    (`webhook_dead_letter.py`)."""
    event, value = build_dead_letter(
        body, sha, result.dead_letter_reason, result.rejected, received_at, body_max_bytes
    )
    return Outgoing(WHATSAPP_DEADLETTER, None, event, value)
