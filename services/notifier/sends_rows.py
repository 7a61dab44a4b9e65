"""A row of the sends table as the notifier reads it, the columns every query returns, and
the table's connection pools (the base of its query classes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import asyncpg

from contracts.notifications import NotificationRequest


@dataclass(frozen=True)
class SendRow:
    notification_id: str
    kind: str
    case_id: str | None
    recipient_kind: str
    state: str
    wamid: str | None
    superseded_wamid: str | None
    used_template: bool
    attempts: int
    owner: str | None
    last_error_code: int | None
    last_error: str | None
    last_event_status: str | None
    template_retry_done: bool
    request: str
    sent_at: datetime | None
    status_at: datetime | None
    lease_left_s: float

    def to_request(self) -> NotificationRequest:
        return NotificationRequest.model_validate_json(self.request)


class ClaimOutcome(StrEnum):
    OWNED = "owned"  # this instance sends it now
    FINISHED = "finished"  # already sent, failed or dead-lettered: never again
    BUSY = "busy"  # another instance holds it: look again after its lease
    UNKNOWN = "unknown"  # a call was in flight when its owner died: do not resend


@dataclass(frozen=True)
class Claim:
    outcome: ClaimOutcome
    row: SendRow


COLUMNS = """notification_id, kind, case_id, recipient_kind, state, wamid, superseded_wamid,
    used_template, attempts, owner, last_error_code, last_error, last_event_status,
    template_retry_done,
    request::text AS request, sent_at, status_at,
    coalesce(extract(epoch FROM lease_until - now()), 0)::float8 AS lease_left_s"""


def send_row(record: asyncpg.Record) -> SendRow:
    return SendRow(**{k: record[k] for k in SendRow.__dataclass_fields__})


class SendsTable:
    def __init__(self, pool: asyncpg.Pool, critical_pool: asyncpg.Pool | None = None) -> None:
        """`critical_pool` serves the writes around an API call (start, wamid, retry, dead
        letter), so that a burst of new claims never delays recording an accepted send."""
        self._pool = pool
        self._critical = critical_pool or pool
