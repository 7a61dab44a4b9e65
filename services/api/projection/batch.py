"""Apply a batch of Kafka records to the projection, inside the caller's transaction.

Records that cannot be applied never stop the projection: they come back as dead letters
(`dead_letters.py`) and the rest of the batch is applied. The batch is applied in one
savepoint; only when a record in it is poison is it applied again record by record, each
in its own savepoint, so a good batch costs no extra round trips.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeAlias

from aiokafka.structs import ConsumerRecord
from prometheus_client import Counter
from pydantic import ValidationError

from contracts.case_events import CaseEvent
from contracts.notifications import NotificationEvent
from contracts.record_deadletter import RecordDeadLetter
from services.api.database import Conn
from services.api.projection.dead_letters import POISON, dead_letter_of
from services.api.projection.store import apply_case_event, apply_notification_event

log = logging.getLogger(__name__)

EVENTS_APPLIED = Counter(
    "matur_api_projection_events_total",
    "Events the projection read, by topic kind and outcome",
    ["topic", "outcome"],
)

Record: TypeAlias = ConsumerRecord[bytes, bytes]
Event: TypeAlias = CaseEvent | NotificationEvent


@dataclass(frozen=True)
class ProjectionTopics:
    case_events: str
    notification_events: str


@dataclass
class BatchResult:
    top: int | None = None  # the highest projection sequence assigned, if any
    dead_letters: list[RecordDeadLetter] = field(default_factory=list)


def _parsed(record: Record, topics: ProjectionTopics) -> Event | None:
    if record.value is None:
        return None
    if record.topic == topics.case_events:
        return CaseEvent.model_validate_json(record.value)
    if record.topic == topics.notification_events:
        return NotificationEvent.model_validate_json(record.value)
    return None


async def _apply(conn: Conn, event: Event, default_regency: str) -> tuple[str, int | None]:
    """(metric labels' outcome, projection sequence) of one event."""
    if isinstance(event, CaseEvent):
        seq = await apply_case_event(conn, event, default_regency)
        return ("applied" if seq else "replayed"), seq
    await apply_notification_event(conn, event)
    return "applied", None


async def _apply_all(
    conn: Conn, events: list[tuple[Record, Event]], default_regency: str
) -> list[tuple[Record, str, int | None]]:
    async with conn.transaction():  # a savepoint: the caller's transaction goes on
        return [(r, *(await _apply(conn, event, default_regency))) for r, event in events]


async def _apply_each(
    conn: Conn, events: list[tuple[Record, Event]], default_regency: str, result: BatchResult
) -> list[tuple[Record, str, int | None]]:
    """Each event in its own savepoint; a poison one becomes a dead letter."""
    done: list[tuple[Record, str, int | None]] = []
    for record, event in events:
        try:
            async with conn.transaction():
                done.append((record, *(await _apply(conn, event, default_regency))))
        except POISON as exc:
            result.dead_letters.append(dead_letter_of(record, exc))
            done.append((record, "dead_lettered", None))
    return done


async def apply_records(
    conn: Conn,
    records: Iterable[Record],
    topics: ProjectionTopics,
    default_regency: str,
) -> BatchResult:
    """Apply records in order, inside the caller's transaction; those that cannot be read
    or applied come back as dead letters (the caller sends them before it commits)."""
    result = BatchResult()
    events: list[tuple[Record, Event]] = []
    done: list[tuple[Record, str, int | None]] = []
    for record in records:
        try:
            event = _parsed(record, topics)
        except ValidationError as exc:
            result.dead_letters.append(dead_letter_of(record, exc))
            done.append((record, "dead_lettered", None))
            continue
        if event is not None:
            events.append((record, event))
    try:
        done += await _apply_all(conn, events, default_regency)
    except POISON:
        done += await _apply_each(conn, events, default_regency, result)
    for record, outcome, seq in done:
        kind = "cases" if record.topic == topics.case_events else "notifications"
        EVENTS_APPLIED.labels(kind, outcome).inc()
        if seq is not None:
            result.top = seq if result.top is None else max(result.top, seq)
    return result
