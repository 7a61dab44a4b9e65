"""Publish webhook events exactly once: dedupe keys and Kafka acks in one transaction.

In ONE PostgreSQL transaction:
1. insert every event's `message_id` into `ingest_seen_events` (one round trip, `unnest`)
   with `ON CONFLICT DO NOTHING RETURNING`: only keys never seen before come back;
2. produce exactly those events and wait until Kafka acknowledged every one (acks=all,
   idempotent producer);
3. COMMIT. Any failure or the time bound rolls the keys back, and the POSTs get 503, so
   Meta's retry publishes them again instead of being swallowed as a duplicate.

A concurrent transaction with the same key blocks on the unique index until the first
commits (its insert then returns nothing) or rolls back (its insert then succeeds). Keys are
inserted in sorted order so two overlapping transactions cannot deadlock each other.

Group commit: POSTs arriving while the workers are busy share the next transaction (never
splitting one POST), so under load the round trips, the commit's fsync and the wait for
acks are paid once per group instead of once per POST. A group succeeds or fails as one:
every POST in a failed group gets 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import asyncpg
from aiokafka import AIOKafkaProducer

from services.ingest.in_doubt import InDoubtKeys
from services.ingest.metrics import DUPLICATES_SKIPPED, EVENT_TYPES, PRODUCE_LATENCY
from services.ingest.normalise import Outgoing

log = logging.getLogger(__name__)

INSERT_NEW_KEYS = """
INSERT INTO ingest_seen_events (message_id)
SELECT unnest($1::text[])
ON CONFLICT DO NOTHING
RETURNING message_id
"""


@dataclass(frozen=True)
class PublishResult:
    published: list[Outgoing]
    duplicates: list[Outgoing]


def first_of_each(events: list[Outgoing]) -> dict[str, Outgoing]:
    """One event per message_id, in body order (a body may repeat an item)."""
    unique: dict[str, Outgoing] = {}
    for event in events:
        unique.setdefault(event.message_id, event)
    return unique


class KeysInDoubt(Exception):
    """Some key of this POST is still in flight from an earlier failed attempt."""


async def record_keys(pool: asyncpg.Pool, keys: list[str]) -> None:
    """Mark keys as published (an in-doubt record Kafka acknowledged late)."""
    await pool.execute(INSERT_NEW_KEYS, sorted(keys))


async def publish_new(
    pool: asyncpg.Pool,
    producer: AIOKafkaProducer,
    events: list[Outgoing],
    topic_prefix: str,
    timeout_s: float,
    in_doubt: InDoubtKeys,
) -> set[str]:
    """Publish the events whose key was never seen; return those keys. Raises (TimeoutError,
    KafkaError, PostgresError, OSError…) when the POST must get 503; records already handed
    to the producer are then watched as in doubt (also those Kafka acknowledged before the
    COMMIT failed: their keys are recorded once the database answers again)."""
    unique = first_of_each(events)
    if in_doubt.any_of(unique):
        raise KeysInDoubt
    sent: list[tuple[str, asyncio.Future[object]]] = []
    try:
        async with asyncio.timeout(timeout_s), pool.acquire() as conn, conn.transaction():
            rows = await conn.fetch(INSERT_NEW_KEYS, sorted(unique))
            new_keys = {row["message_id"] for row in rows}
            fresh = [e for e in unique.values() if e.message_id in new_keys]
            if fresh:
                started = time.perf_counter()
                for e in fresh:
                    ack = await producer.send(
                        e.topic.full_name(topic_prefix),
                        e.value,
                        key=e.key.encode() if e.key is not None else None,
                    )
                    sent.append((e.message_id, ack))
                # asyncio.wait, not gather: a time-out must not cancel the records' futures
                await asyncio.wait([ack for _, ack in sent])
                for _, ack in sent:
                    ack.result()  # raises the first produce error
                PRODUCE_LATENCY.observe(time.perf_counter() - started)
    except BaseException:
        # The keys are rolled back, but records already handed to the producer may be (or
        # already are) in Kafka: settle each before its key may be produced again.
        for key, ack in sent:
            in_doubt.watch(key, ack)
        raise
    return new_keys


def split_by_post(
    posts: list[list[Outgoing]], new_keys: set[str]
) -> list[PublishResult]:
    """Each POST's share of a group: an event is published for the first POST that carried
    its key; everything else is a duplicate."""
    claimed: set[str] = set()
    results = []
    for events in posts:
        published, duplicates = [], []
        for event in events:
            key = event.message_id
            if key in new_keys and key not in claimed:
                claimed.add(key)
                published.append(event)
            else:
                duplicates.append(event)
        for e in duplicates:
            DUPLICATES_SKIPPED.labels(EVENT_TYPES.get(e.topic.name, e.topic.name)).inc()
        results.append(PublishResult(published, duplicates))
    return results


@dataclass
class _Pending:
    events: list[Outgoing]
    done: asyncio.Future[PublishResult]


class GroupCommitter:
    """`publish(events)` for one POST; `workers` transactions run at once, each taking
    every POST waiting when it starts (up to `max_group_events`)."""

    def __init__(
        self,
        transaction: Callable[[list[Outgoing]], Awaitable[set[str]]],
        workers: int,
        max_group_events: int,
    ) -> None:
        self._transaction = transaction
        self._max = max_group_events
        self._queue: asyncio.Queue[_Pending] = asyncio.Queue()
        self._workers = [
            asyncio.create_task(self._work(), name=f"ingest-publish-{i}") for i in range(workers)
        ]

    async def publish(self, events: list[Outgoing]) -> PublishResult:
        pending = _Pending(events, asyncio.get_running_loop().create_future())
        self._queue.put_nowait(pending)
        return await pending.done

    async def _work(self) -> None:
        while True:
            group = [await self._queue.get()]
            size = len(group[0].events)
            while size < self._max and not self._queue.empty():
                group.append(self._queue.get_nowait())
                size += len(group[-1].events)
            group = [p for p in group if not p.done.done()]  # drop POSTs that gave up
            if not group:
                continue
            try:
                new_keys = await self._transaction([e for p in group for e in p.events])
            except Exception as err:
                for p in group:
                    if not p.done.done():
                        p.done.set_exception(err)
                continue
            except asyncio.CancelledError:
                for p in group:
                    if not p.done.done():
                        p.done.cancel()
                raise
            for p, result in zip(group, split_by_post([p.events for p in group], new_keys),
                                 strict=True):
                if not p.done.done():
                    p.done.set_result(result)

    async def stop(self) -> None:
        for task in self._workers:
            task.cancel()
        for task in self._workers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
