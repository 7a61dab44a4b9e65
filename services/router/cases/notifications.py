"""Notification requests: deterministic ids, recipients, and what the citizen is sent.

Requests carry data (references, codes, names, the citizen's own words), never a sentence:
the notifier's catalogue writes every word a citizen or officer reads.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from contracts.case_events import Case
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from contracts.whatsapp_events import InboundMessage


def citizen_recipient(case: Case) -> Recipient:
    r = case.reporter
    return Recipient(kind=RecipientKind.CITIZEN, key=r.key, wa_id=r.wa_id, user_id=r.user_id)


def notification(
    case: Case,
    kind: NotificationKind,
    recipient: Recipient,
    params: dict[str, Any],
    now: datetime,
    reply_to_wamid: str | None = None,
) -> NotificationRequest:
    """About a case: id `<case_id>:<version>:<kind>:<recipient key>`."""
    return NotificationRequest(
        message_id=f"{case.case_id}:{case.version}:{kind.value}:{recipient.key}",
        occurred_at=now, kind=kind, recipient=recipient,
        line_phone_number_id=case.line_phone_number_id,
        case_id=case.case_id, reference=case.reference,
        params={k: v for k, v in params.items() if v is not None},
        reply_to_wamid=reply_to_wamid,
    )


def to_citizen(
    case: Case, kind: NotificationKind, params: dict[str, Any], now: datetime
) -> NotificationRequest:
    return notification(case, kind, citizen_recipient(case), params, now)


def reply(
    msg: InboundMessage,
    recipient: Recipient,
    kind: NotificationKind,
    params: dict[str, Any],
    now: datetime,
) -> NotificationRequest:
    """An answer to a message, about no case in particular: id
    `<kind>:<wamid>:<recipient key>`, shown as a reply to that message."""
    return NotificationRequest(
        message_id=f"{kind.value}:{msg.wamid}:{recipient.key}",
        occurred_at=now,
        kind=kind,
        recipient=recipient,
        line_phone_number_id=msg.line.phone_number_id,
        params=params,
        reply_to_wamid=msg.wamid,
    )
