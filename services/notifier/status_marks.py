"""How far the status consumers have applied `whatsapp.statuses`, per partition: observed
from the consumer after each handled batch, kept in PostgreSQL (`notifier_status_marks`),
read by the sweep that decides sends in doubt (`in_doubt.py`).

Marks only move forward (GREATEST), so every notifier instance, whatever partitions it
holds and in whatever consumer group, adds to one shared record: a status any of them
applied is in the sends table for all.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import asyncpg
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from services.notifier.in_doubt import StatusMark


@dataclass(frozen=True)
class PartitionProgress:
    partition: int
    newest_record_at: datetime | None
    caught_up_at: datetime | None


def _ms(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value / 1000, UTC) if value is not None and value > 0 else None


def newest_timestamps(records: Iterable[ConsumerRecord]) -> dict[TopicPartition, int]:
    """The newest Kafka timestamp (ms) per partition among `records`."""
    newest: dict[TopicPartition, int] = {}
    for record in records:
        tp = TopicPartition(record.topic, record.partition)
        newest[tp] = max(newest.get(tp, 0), record.timestamp or 0)
    return newest


async def observe(
    consumer: AIOKafkaConsumer, applied: dict[TopicPartition, int]
) -> list[PartitionProgress]:
    """After a batch was applied (`applied`: its newest timestamp per partition): per
    assigned partition, that timestamp, and the fetch time at which the consumer's position
    was at the end of the log (every record written before then is applied)."""
    out = []
    for tp in consumer.assignment():
        caught_up_at = None
        highwater = consumer.highwater(tp)
        if highwater is not None and await consumer.position(tp) >= highwater:
            caught_up_at = _ms(consumer.last_poll_timestamp(tp))
        newest = _ms(applied.get(tp))
        if newest is not None or caught_up_at is not None:
            out.append(PartitionProgress(tp.partition, newest, caught_up_at))
    return out


class StatusMarks:
    def __init__(self, pool: asyncpg.Pool, topic: str) -> None:
        self._pool = pool
        self.topic = topic

    async def record(self, progress: list[PartitionProgress]) -> None:
        if not progress:
            return
        async with self._pool.acquire() as conn:
            await conn.executemany(
                """INSERT INTO notifier_status_marks AS m
                       (topic, partition, newest_record_at, caught_up_at)
                   VALUES ($1, $2, $3, $4)
                   ON CONFLICT (topic, partition) DO UPDATE SET
                       newest_record_at = GREATEST(m.newest_record_at, EXCLUDED.newest_record_at),
                       caught_up_at = GREATEST(m.caught_up_at, EXCLUDED.caught_up_at),
                       updated_at = now()""",
                [(self.topic, p.partition, p.newest_record_at, p.caught_up_at)
                 for p in progress],
            )

    async def load(self, partitions: int) -> list[StatusMark | None]:
        """One mark per partition 0..partitions-1 (None where nothing was recorded)."""
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                """SELECT partition, newest_record_at, caught_up_at
                   FROM notifier_status_marks WHERE topic = $1""",
                self.topic,
            )
        found = {r["partition"]: StatusMark(r["newest_record_at"], r["caught_up_at"])
                 for r in rows}
        return [found.get(p) for p in range(partitions)]


class ProgressRecorder:
    """The status loop's hook after each batch: the partitions' progress into the marks.
    An empty poll (an idle, caught-up log) is recorded at most once per `idle_every_s`."""

    def __init__(self, marks: StatusMarks, idle_every_s: float = 1.0) -> None:
        self.marks = marks
        self.idle_every_s = idle_every_s
        self._last_idle = 0.0

    async def __call__(
        self, consumer: AIOKafkaConsumer, applied: dict[TopicPartition, int]
    ) -> None:
        now = time.monotonic()
        if not applied and now - self._last_idle < self.idle_every_s:
            return
        if not applied:
            self._last_idle = now
        await self.marks.record(await observe(consumer, applied))
