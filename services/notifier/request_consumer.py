"""The loop over `notifications.requests`: fetch, hand each request to its recipient's
queue, commit offsets up to the lowest unfinished request of each partition."""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from aiokafka.structs import OffsetAndMetadata
from pydantic import ValidationError

from contracts.notifications import NotificationRequest
from services.notifier import metrics
from services.notifier.delivery import Deliverer
from services.notifier.keyed_dispatch import Job, KeyedDispatcher
from services.notifier.officer_directory import OfficerDirectory
from services.notifier.offsets import OffsetTracker, Ticket

log = logging.getLogger(__name__)


class RequestConsumer:
    def __init__(
        self,
        consumer: AIOKafkaConsumer,
        topic: str,
        deliverer: Deliverer,
        dispatcher: KeyedDispatcher,
        directory: OfficerDirectory,
        max_in_flight: int,
        commit_interval_s: float,
        retry_pause_s: float,
    ) -> None:
        self.consumer = consumer
        self.topic = topic
        self.deliverer = deliverer
        self.dispatcher = dispatcher
        self.directory = directory
        self.tracker = OffsetTracker()
        self.max_in_flight = max_in_flight
        self.commit_interval_s = commit_interval_s
        self.retry_pause_s = retry_pause_s
        self._committed: dict[TopicPartition, int] = {}
        self._last_commit = 0.0
        self._stopping = False

    def subscribe(self) -> None:
        self.consumer.subscribe([self.topic], listener=_Rebalance(self))

    def stop(self) -> None:
        self._stopping = True

    async def run(self) -> None:
        while not self._stopping:
            if self.tracker.in_flight() >= self.max_in_flight:
                await asyncio.sleep(0.05)
                await self.commit(force=False)
                continue
            batch = await self.consumer.getmany(timeout_ms=200, max_records=500)
            for tp, records in batch.items():
                for record in records:
                    self._dispatch(tp, record.offset, record.key, record.value)
            metrics.IN_FLIGHT.set(self.tracker.in_flight())
            self._observe_lag()
            await self.commit(force=False)

    def _dispatch(
        self, tp: TopicPartition, offset: int, key: bytes | None, value: bytes | None
    ) -> None:
        ticket = self.tracker.started(tp, offset)
        try:
            req = NotificationRequest.model_validate_json(value or b"")
        except ValidationError as exc:
            log.error(
                "unreadable notification request skipped",
                extra={"partition": tp.partition, "offset": offset, "error": str(exc)[:500]},
            )
            self.tracker.finished(ticket)
            return
        req = self.directory.complete(req)
        queue_key = req.recipient.key or (key or b"").decode(errors="replace")
        self.dispatcher.submit(queue_key, self._job(req, ticket))

    def _job(self, req: NotificationRequest, ticket: Ticket | None) -> Job:
        async def run() -> None:
            try:
                while True:
                    try:
                        await self.deliverer.deliver(req)
                        return
                    except asyncio.CancelledError:
                        raise
                    except Exception:
                        # PostgreSQL or Kafka trouble: keep the request, try again
                        log.exception(
                            "could not handle a notification request; retrying",
                            extra={"notification_id": req.message_id},
                        )
                        await asyncio.sleep(self.retry_pause_s)
            finally:
                if ticket is not None:
                    self.tracker.finished(ticket)

        return run

    def resubmit(self, req: NotificationRequest) -> None:
        """Deliver a request found in the sends table (not from a fetched record)."""
        self.dispatcher.submit(req.recipient.key, self._job(req, None))

    async def commit(self, force: bool, only: set[TopicPartition] | None = None) -> None:
        now = time.monotonic()
        if not force and now - self._last_commit < self.commit_interval_s:
            return
        self._last_commit = now
        assigned = self.consumer.assignment()
        offsets = {
            tp: OffsetAndMetadata(offset, "")
            for tp, offset in self.tracker.committable().items()
            if isinstance(tp, TopicPartition)
            and tp in assigned
            and (only is None or tp in only)
            and self._committed.get(tp) != offset
        }
        if not offsets:
            return
        try:
            await self.consumer.commit(offsets)
        except (CommitFailedError, KafkaError) as exc:
            log.warning("offset commit failed; will retry", extra={"error": repr(exc)})
            return
        for tp, meta in offsets.items():
            self._committed[tp] = meta.offset

    def _observe_lag(self) -> None:
        """Requests not finished yet per partition: the end of the log minus the oldest
        unfinished (or next unread) offset."""
        committable = self.tracker.committable()
        for tp in self.consumer.assignment():
            highwater = self.consumer.highwater(tp)
            position = committable.get(tp, self._committed.get(tp))
            if highwater is None or position is None:
                continue
            metrics.QUEUE_LAG.labels(str(tp.partition)).set(max(0, highwater - position))

    async def on_revoked(self, revoked: set[TopicPartition]) -> None:
        await self.commit(force=True, only=revoked)
        self.tracker.forget(revoked)
        for tp in revoked:
            self._committed.pop(tp, None)


class _Rebalance(ConsumerRebalanceListener):
    def __init__(self, owner: RequestConsumer) -> None:
        self.owner = owner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self.owner.on_revoked(set(revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        return None
