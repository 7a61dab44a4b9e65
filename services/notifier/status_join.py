"""Delivery statuses (`whatsapp.statuses`, from ingest) joined to our notifications and
published as NotificationEvents, only ever moving a notification forward."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from contracts.notifications import NotificationRequest, NotificationStatus
from contracts.whatsapp_events import DeliveryStatus
from services.notifier import metrics
from services.notifier import send_states as st
from services.notifier.delivery import alert
from services.notifier.error_policy import REENGAGEMENT, SendFailure, needs_alert
from services.notifier.publisher import Publisher, notification_event
from services.notifier.sends_store import SendsStore

log = logging.getLogger(__name__)


def status_failure(status: DeliveryStatus) -> SendFailure | None:
    if not status.errors:
        return None
    error = status.errors[0]
    return SendFailure(code=error.code, title=error.title or error.message, details=error.details)


class StatusJoin:
    def __init__(
        self,
        store: SendsStore,
        publisher: Publisher,
        resubmit: Callable[[NotificationRequest], None],
    ) -> None:
        self.store = store
        self.publisher = publisher
        self.resubmit = resubmit

    async def handle(self, status: DeliveryStatus) -> None:
        row = await self.store.find_for_status(status.wamid, status.biz_opaque_callback_data)
        if row is None or status.wamid == row.superseded_wamid:
            return  # not ours, or about a send we already replaced by its template
        failure = status_failure(status) if status.status == st.FAILED else None
        for _ in range(10):  # optimistic: look again when the row moved under us
            if (
                failure is not None
                and failure.code == REENGAGEMENT
                and row.state in (st.SENT, st.UNKNOWN)
                and not row.used_template
                and not row.template_retry_done
            ):
                if await self.store.reopen_for_template(row.notification_id, status.wamid):
                    metrics.TEMPLATE_FALLBACKS.inc()
                    log.info(
                        "free-form message refused outside the window: resending as template",
                        extra={"notification_id": row.notification_id},
                    )
                    self.resubmit(row.to_request())
                    return
            else:
                new = st.advance(row.state, status.status)
                if new is None:
                    return
                after = dataclasses.replace(row, state=new, wamid=row.wamid or status.wamid)
                event = notification_event(
                    after, NotificationStatus(new), status.status_at, failure
                )
                # publish first: a crash before the update publishes the same event again
                await self.publisher.event(event)
                if await self.store.apply_status(
                    row.notification_id, row.state, new, status.wamid, status.status_at, failure
                ):
                    await self.store.event_published(row.notification_id, new)
                    metrics.STATUS_EVENTS.labels(new).inc()
                    if failure is not None and needs_alert(failure.code):
                        alert(failure.code, failure.reason(), row.notification_id)
                    return
            fresh = await self.store.get(row.notification_id)
            if fresh is None:
                return
            row = fresh
