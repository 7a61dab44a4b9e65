"""The one `WebhookDeadLetter` of a body: what could not be understood, with the raw body.

Pure functions. The body is kept as it arrived (`body`, and `body_base64` when it is not
UTF-8, so `body` alone could not give its bytes back), each rejected item with its path,
reason and content, and the record always fits Kafka's record size and serialises whatever
the item held (too deep an item is named by path and reason only).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from contracts.whatsapp_events import WebhookDeadLetter
from services.ingest.bounded_json import nesting_exceeds

DEADLETTER_ITEM_MAX_DEPTH = 64
"""A rejected item nested deeper than this is named by path and reason only (pydantic
serialises at most 255 levels); its bytes are in the dead letter's body."""


@dataclass
class Rejected:
    path: str
    reason: str
    item: Any

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "reason": self.reason, "item": self.item}


def fill_rejected_items(rejected: list[Rejected], data: Any) -> None:
    """Attach to each rejected path the item it names, read from the parsed body."""
    for one in rejected:
        if one.item is None:
            item = _at_path(data, one.path)
            if not nesting_exceeds(item, DEADLETTER_ITEM_MAX_DEPTH):
                one.item = item


def _at_path(data: Any, path: str) -> Any:
    node = data
    for part in path.replace("]", "").replace("[", ".").split("."):
        if not part:
            continue
        try:
            node = node[int(part)] if part.isdigit() else node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _utf8_or_none(body: bytes) -> bytes | None:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return body


def build_dead_letter(
    body: bytes,
    sha: str,
    reason: str | None,
    rejected: list[Rejected],
    received_at: datetime,
    body_max_bytes: int,
) -> tuple[WebhookDeadLetter, bytes]:
    """The record and its bytes. A very long body is cut (its SHA-256 and the rejected
    items stay complete); if the rejected items alone are too large, their content is
    dropped, keeping path and reason."""
    kept = body[:body_max_bytes]
    truncated = len(body) > body_max_bytes
    reason = reason or (
        f"{len(rejected)} item(s) could not be understood: {rejected[0].reason}"
    )[:300]

    def build(items: list[dict[str, Any]]) -> WebhookDeadLetter:
        return WebhookDeadLetter(
            message_id=f"dl:{sha}",
            reason=reason,
            body=kept.decode("utf-8", errors="replace"),
            body_base64=None if _utf8_or_none(kept) else base64.b64encode(kept).decode(),
            body_sha256=sha,
            body_truncated=truncated,
            received_at=received_at,
            rejected=items,
        )

    event = build([r.as_dict() for r in rejected])
    value = event.to_bytes()
    if len(value) > body_max_bytes + 64 * 1024:
        event = build([{"path": r.path, "reason": r.reason} for r in rejected])
        value = event.to_bytes()
    return event, value
