"""The life of one notification in the sends table, as plain rules (no SQL, no Kafka).

    pending --(API call starts)--> sending --(200 + wamid)--> sent -> delivered -> read
       ^                              |  \\--(permanent error)--> dead_lettered
       \\------(transient error)------/   \\--(owner died mid-call)--> unknown
    sent --(failed status)--> failed

Statuses from webhooks only move a notification forward: `read` is never followed by
`delivered` (read implies delivered, and webhooks arrive out of order), and `failed` is
accepted only before delivery.
"""

from __future__ import annotations

from contracts.notifications import NotificationStatus

PENDING = "pending"
SENDING = "sending"
UNKNOWN = "unknown"
SENT = "sent"
DELIVERED = "delivered"
READ = "read"
FAILED = "failed"
DEAD_LETTERED = "dead_lettered"

IN_PROGRESS = frozenset({PENDING, SENDING})
FINISHED = frozenset({SENT, DELIVERED, READ, FAILED, DEAD_LETTERED})
"""A notification in one of these states is never sent again."""

_RANK = {PENDING: 0, SENDING: 0, UNKNOWN: 0, SENT: 1, DELIVERED: 2, READ: 3}


def advance(current: str, incoming: str) -> str | None:
    """The state after a status webhook `incoming`, or None when it changes nothing."""
    if current in (FAILED, DEAD_LETTERED):
        return None
    if incoming == FAILED:
        return FAILED if _RANK.get(current, 9) <= _RANK[SENT] else None
    if incoming not in (SENT, DELIVERED, READ):
        return None  # `played` and statuses Meta may add later
    return incoming if _RANK[incoming] > _RANK.get(current, 9) else None


def event_status(state: str) -> NotificationStatus | None:
    """The NotificationEvent status a state is published as (None: nothing to publish)."""
    try:
        return NotificationStatus(state)
    except ValueError:
        return None
