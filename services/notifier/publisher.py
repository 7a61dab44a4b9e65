"""What the notifier tells the rest of Matur: notification events and dead letters."""

from __future__ import annotations

from datetime import datetime

from aiokafka import AIOKafkaProducer

from contracts.base import utcnow
from contracts.notifications import (
    NotificationDeadLetter,
    NotificationEvent,
    NotificationKind,
    NotificationRequest,
    NotificationStatus,
    RecipientKind,
)
from contracts.topics import NOTIFICATIONS_DEADLETTER, NOTIFICATIONS_EVENTS
from services.notifier.error_policy import SendFailure
from services.notifier.sends_rows import SendRow


def notification_event(
    row: SendRow,
    status: NotificationStatus,
    status_at: datetime | None = None,
    failure: SendFailure | None = None,
) -> NotificationEvent:
    """message_id `<notification_id>:<status>`: a replayed event is recognisably the same."""
    return NotificationEvent(
        message_id=f"{row.notification_id}:{status.value}",
        notification_id=row.notification_id,
        kind=NotificationKind(row.kind),
        status=status,
        case_id=row.case_id,
        recipient_kind=RecipientKind(row.recipient_kind),
        wamid=row.wamid,
        used_template=row.used_template,
        error_code=failure.code if failure else row.last_error_code,
        error_details=(failure.reason() if failure else row.last_error)
        if status in (NotificationStatus.FAILED, NotificationStatus.DEAD_LETTERED)
        else None,
        status_at=status_at or row.status_at or row.sent_at or utcnow(),
    )


def dead_letter(
    req: NotificationRequest, failure: SendFailure | None, reason: str, attempts: int
) -> NotificationDeadLetter:
    return NotificationDeadLetter(
        message_id=req.message_id,
        request=req,
        error_code=failure.code if failure else None,
        reason=reason,
        attempts=attempts,
    )


class Publisher:
    def __init__(self, producer: AIOKafkaProducer, prefix: str) -> None:
        self._producer = producer
        self._events = NOTIFICATIONS_EVENTS.full_name(prefix)
        self._deadletter = NOTIFICATIONS_DEADLETTER.full_name(prefix)

    async def event(self, event: NotificationEvent) -> None:
        await self._producer.send_and_wait(
            self._events, event.to_bytes(), key=event.notification_id.encode()
        )

    async def dead_letter(self, letter: NotificationDeadLetter) -> None:
        await self._producer.send_and_wait(
            self._deadletter, letter.to_bytes(), key=letter.request.message_id.encode()
        )
