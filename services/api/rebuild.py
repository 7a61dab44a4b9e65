"""Rebuild the projection from offset 0 of `cases.events` and `notifications.events`.

    python -m services.api.rebuild            # replay into a fresh schema, swap it in
    python -m services.api.rebuild --schema projection_check --no-swap   # side-by-side copy

The replay fills a fresh schema (created by the projection migrations) up to the end
offsets seen at its start, then renames it to the live schema in one transaction and
drops the old one; a catch-up pass then applies what arrived meanwhile (a replay changes
nothing, so overlapping with the live projector is harmless). Stream ids continue after
the old schema's last one.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time

import asyncpg
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from servicekit.directory_feed import read_directory
from servicekit.kafka_clients import unmanaged_consumer
from servicekit.logging_setup import configure_logging
from services.api.app import projection_topics
from services.api.database import checked_schema, migrate, migrate_projection
from services.api.projection.batch import ProjectionTopics, apply_records
from services.api.settings import ApiSettings

log = logging.getLogger(__name__)


async def _all_partitions(
    consumer: AIOKafkaConsumer, topics: ProjectionTopics, timeout_s: float = 30.0
) -> list[TopicPartition]:
    """Subscribe without a group: the consumer is assigned every partition of both topics."""
    names = {topics.case_events, topics.notification_events}
    consumer.subscribe(topics=list(names))
    deadline = time.monotonic() + timeout_s
    while {tp.topic for tp in consumer.assignment()} != names:
        if time.monotonic() > deadline:
            raise RuntimeError(f"topics not found: {sorted(names)}")
        await asyncio.sleep(0.1)
    return sorted(consumer.assignment())


async def _behind(consumer: AIOKafkaConsumer, end: dict[TopicPartition, int]) -> bool:
    for tp, offset in end.items():
        if await consumer.position(tp) < offset:
            return True
    return False


async def _replay(
    conn: asyncpg.Connection,
    consumer: AIOKafkaConsumer,
    end: dict[TopicPartition, int],
    topics: ProjectionTopics,
    regency: str,
) -> int:
    """Apply everything up to `end`; how many records were read."""
    read = 0
    while await _behind(consumer, end):
        batches = await consumer.getmany(timeout_ms=1000, max_records=2000)
        records = [
            r for tp, part in batches.items() for r in part if r.offset < end.get(tp, 0)
        ]
        if records:
            async with conn.transaction():
                await apply_records(conn, records, topics, regency)
            read += len(records)
    return read


async def rebuild(settings: ApiSettings, schema: str | None = None, swap: bool = True) -> int:
    live = checked_schema(settings.projection_schema)
    target = checked_schema(schema or f"{live}_rebuild_{int(time.time())}")
    if target == live:
        raise ValueError("rebuild into a fresh schema, not the live one")
    directory = await read_directory(settings.kafka_bootstrap_servers, settings.topic_prefix)
    regency = directory.regency_code or settings.regency_code
    topics = projection_topics(settings)
    conn = await asyncpg.connect(settings.database_url.get_secret_value())
    consumer = unmanaged_consumer(settings.kafka_bootstrap_servers, "matur-api-rebuild")
    await consumer.start()
    try:
        await migrate(conn, live)
        await conn.execute(f"DROP SCHEMA IF EXISTS {target} CASCADE")
        await migrate_projection(conn, target)
        tps = await _all_partitions(consumer, topics)
        await consumer.seek_to_beginning(*tps)
        end = await consumer.end_offsets(tps)
        await conn.execute(f"SET search_path TO {target}")
        read = await _replay(conn, consumer, end, topics, regency)
        log.info("projection replayed", extra={"schema": target, "records": read})
        if not swap:
            return read
        async with conn.transaction():
            last = f"SELECT max(last_value) FROM (SELECT last_value FROM {live}.projection_seq"  # noqa: S608
            last += f" UNION ALL SELECT last_value FROM {target}.projection_seq) s"  # noqa: S608
            await conn.execute(
                f"SELECT setval('{target}.projection_seq', ({last}))"
            )
            old = f"{live}_old_{int(time.time())}"
            await conn.execute(f"ALTER SCHEMA {live} RENAME TO {old}")
            await conn.execute(f"ALTER SCHEMA {target} RENAME TO {live}")
            await conn.execute(f"DROP SCHEMA {old} CASCADE")
        await conn.execute(f"SET search_path TO {live}")
        end = await consumer.end_offsets(tps)
        read += await _replay(conn, consumer, end, topics, regency)
        log.info("projection swapped in", extra={"schema": live, "records": read})
        return read
    finally:
        await consumer.stop()
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.api.rebuild")
    parser.add_argument("--schema", help="schema to rebuild into (default: a fresh name)")
    parser.add_argument("--no-swap", action="store_true", help="keep it beside the live one")
    args = parser.parse_args(argv)
    settings = ApiSettings()
    configure_logging("api", settings.log_format, settings.log_level)
    read = asyncio.run(rebuild(settings, args.schema, swap=not args.no_swap))
    print(f"replayed {read} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
