"""The two simple loops: inbound messages (24-hour windows) and delivery statuses. Each
handles a fetched batch fully, then commits it (at least once; both handlers are
idempotent)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import CommitFailedError, KafkaError
from pydantic import ValidationError

from contracts.whatsapp_events import DeliveryStatus, InboundMessage
from services.notifier.service_window import WindowStore, identities
from services.notifier.status_join import StatusJoin

log = logging.getLogger(__name__)

BatchHandler = Callable[[list[Any]], Awaitable[None]]


async def run_batches(
    consumer: AIOKafkaConsumer,
    parse: Callable[[bytes], Any],
    handle: BatchHandler,
    retry_pause_s: float,
    stopping: Callable[[], bool],
) -> None:
    while not stopping():
        batch = await consumer.getmany(timeout_ms=200, max_records=500)
        if not batch:
            continue
        items = []
        for records in batch.values():
            for record in records:
                try:
                    items.append(parse(record.value or b""))
                except ValidationError as exc:
                    log.error("unreadable record skipped", extra={"error": str(exc)[:300]})
        while True:
            try:
                await handle(items)
                break
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("could not handle a batch; retrying")
                await asyncio.sleep(retry_pause_s)
        try:
            await consumer.commit()
        except (CommitFailedError, KafkaError) as exc:
            log.warning("offset commit failed", extra={"error": repr(exc)})


def parse_inbound(value: bytes) -> InboundMessage:
    return InboundMessage.model_validate_json(value)


def parse_status(value: bytes) -> DeliveryStatus:
    return DeliveryStatus.model_validate_json(value)


def window_handler(windows: WindowStore) -> BatchHandler:
    async def handle(messages: list[InboundMessage]) -> None:
        items = [
            (m.line.phone_number_id, identity, m.sent_at)
            for m in messages
            for identity in identities(m.sender.user_id, m.sender.wa_id)
        ]
        await windows.record_inbound(items)

    return handle


def status_handler(join: StatusJoin) -> BatchHandler:
    async def handle(statuses: list[DeliveryStatus]) -> None:
        for status in statuses:
            await join.handle(status)

    return handle
