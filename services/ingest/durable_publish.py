"""Publish one POST's events exactly once: dedupe keys and Kafka acks in one transaction.

In ONE PostgreSQL transaction per POST:
1. insert every event's `message_id` into `ingest_seen_events` (one round trip, `unnest`)
   with `ON CONFLICT DO NOTHING RETURNING`: only keys never seen before come back;
2. produce exactly those events and wait until Kafka acknowledged every one (acks=all,
   idempotent producer);
3. COMMIT. Any failure or the time bound rolls the keys back, and the POST gets 503, so
   Meta's retry publishes them again instead of being swallowed as a duplicate.

A concurrent POST with the same key blocks on the unique index until the first commits (its
insert then returns nothing) or rolls back (its insert then succeeds). Keys are inserted in
sorted order so two overlapping batches cannot deadlock each other.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import asyncpg
from aiokafka import AIOKafkaProducer

from services.ingest.metrics import DUPLICATES_SKIPPED, EVENT_TYPES, PRODUCE_LATENCY
from services.ingest.normalise import Outgoing

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


async def publish_exactly_once(
    pool: asyncpg.Pool,
    producer: AIOKafkaProducer,
    events: list[Outgoing],
    topic_prefix: str,
    timeout_s: float,
) -> PublishResult:
    """Raises (TimeoutError, KafkaError, PostgresError, OSError…) when nothing may be assumed
    published; the caller answers 503 then."""
    unique = first_of_each(events)
    async with asyncio.timeout(timeout_s), pool.acquire() as conn, conn.transaction():
        rows = await conn.fetch(INSERT_NEW_KEYS, sorted(unique))
        new_keys = {row["message_id"] for row in rows}
        fresh = [e for e in unique.values() if e.message_id in new_keys]
        if fresh:
            started = time.perf_counter()
            acks = [
                await producer.send(
                    e.topic.full_name(topic_prefix),
                    e.value,
                    key=e.key.encode() if e.key is not None else None,
                )
                for e in fresh
            ]
            await asyncio.gather(*acks)
            PRODUCE_LATENCY.observe(time.perf_counter() - started)
    sent = {id(e) for e in fresh}
    duplicates = [e for e in events if id(e) not in sent]
    for e in duplicates:
        DUPLICATES_SKIPPED.labels(EVENT_TYPES.get(e.topic.name, e.topic.name)).inc()
    return PublishResult(fresh, duplicates)
