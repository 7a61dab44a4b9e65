"""The two simple loops: inbound messages (24-hour windows) and delivery statuses. Each
handles a fetched batch fully, then commits it (at least once; both handlers are
idempotent)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from pydantic import ValidationError

from contracts.whatsapp_events import DeliveryStatus, InboundMessage
from services.notifier.service_window import WindowStore, identities
from services.notifier.status_join import StatusJoin
from services.notifier.status_marks import newest_timestamps

log = logging.getLogger(__name__)

BatchHandler = Callable[[list[Any]], Awaitable[None]]
AppliedHook = Callable[[AIOKafkaConsumer, dict[TopicPartition, int]], Awaitable[None]]
"""Called after each handled batch (and after empty polls) with the newest Kafka timestamp
(ms) applied per partition: how far the loop has got (status_marks.ProgressRecorder)."""


async def run_batches(
    consumer: AIOKafkaConsumer,
    parse: Callable[[bytes], Any],
    handle: BatchHandler,
    retry_pause_s: float,
    stopping: Callable[[], bool],
    applied: AppliedHook | None = None,
) -> None:
    while not stopping():
        batch = await consumer.getmany(timeout_ms=200, max_records=500)
        if not batch:
            await _report_applied(applied, consumer, {})
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
        await _report_applied(
            applied, consumer, newest_timestamps(r for rs in batch.values() for r in rs)
        )
        try:
            await consumer.commit()
        except (CommitFailedError, KafkaError) as exc:
            log.warning("offset commit failed", extra={"error": repr(exc)})


async def _report_applied(
    hook: AppliedHook | None, consumer: AIOKafkaConsumer, newest: dict[TopicPartition, int]
) -> None:
    if hook is None:
        return
    try:
        await hook(consumer, newest)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # evidence only: a miss delays a decision, never a status
        log.warning("could not record the loop's progress", extra={"error": repr(exc)})


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


def status_handler(join: StatusJoin, concurrency: int = 8) -> BatchHandler:
    """Statuses of different notifications are joined concurrently (each row only ever
    moves forward, by optimistic updates), those of one notification in order; the batch
    is done when all are (so the loop keeps up with a busy line)."""

    async def handle(statuses: list[DeliveryStatus]) -> None:
        groups: dict[str, list[DeliveryStatus]] = {}
        for status in statuses:
            groups.setdefault(status.biz_opaque_callback_data or status.wamid, []).append(status)
        slots = asyncio.Semaphore(concurrency)

        async def join_in_order(group: list[DeliveryStatus]) -> None:
            async with slots:
                for status in group:
                    await join.handle(status)

        results = await asyncio.gather(
            *(join_in_order(g) for g in groups.values()), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result

    return handle
