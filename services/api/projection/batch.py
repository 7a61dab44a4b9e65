"""Apply a batch of Kafka records to the projection in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from aiokafka.structs import ConsumerRecord
from prometheus_client import Counter
from pydantic import ValidationError

from contracts.case_events import CaseEvent
from contracts.notifications import NotificationEvent
from services.api.database import Conn
from services.api.projection.store import apply_case_event, apply_notification_event

log = logging.getLogger(__name__)

EVENTS_APPLIED = Counter(
    "matur_api_projection_events_total",
    "Events the projection read, by topic kind and outcome",
    ["topic", "outcome"],
)


@dataclass(frozen=True)
class ProjectionTopics:
    case_events: str
    notification_events: str


async def apply_records(
    conn: Conn,
    records: Iterable[ConsumerRecord[bytes, bytes]],
    topics: ProjectionTopics,
    default_regency: str,
) -> int | None:
    """Apply records in order; the highest projection sequence assigned, if any.
    Records that do not parse are logged and skipped (they can never be applied)."""
    top: int | None = None
    for record in records:
        if record.value is None:
            continue
        try:
            if record.topic == topics.case_events:
                seq = await apply_case_event(
                    conn, CaseEvent.model_validate_json(record.value), default_regency
                )
                EVENTS_APPLIED.labels("cases", "applied" if seq else "replayed").inc()
                if seq is not None:
                    top = seq if top is None else max(top, seq)
            elif record.topic == topics.notification_events:
                await apply_notification_event(
                    conn, NotificationEvent.model_validate_json(record.value)
                )
                EVENTS_APPLIED.labels("notifications", "applied").inc()
        except ValidationError as exc:
            EVENTS_APPLIED.labels(record.topic, "unreadable").inc()
            log.error(
                "unreadable event skipped",
                extra={
                    "topic": record.topic,
                    "partition": record.partition,
                    "offset": record.offset,
                    "errors": exc.error_count(),
                },
            )
    return top
