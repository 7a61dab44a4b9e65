"""Writing the officer directory: records to the directory topics, acknowledged by every
in-sync replica (the API's admin endpoints and the roster import both write here)."""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaProducer
from aiokafka.structs import RecordMetadata

from contracts.directory_state import DirectoryRecord


async def publish_records(
    producer: AIOKafkaProducer, topic_prefix: str, records: list[DirectoryRecord]
) -> list[RecordMetadata]:
    """Send every record (a None value is a tombstone) and wait until Kafka has them all;
    in order per key, since each topic has one partition and the producer is idempotent."""
    futures = [
        await producer.send(
            record.topic.full_name(topic_prefix),
            value=record.value_bytes(),
            key=record.key.encode(),
        )
        for record in records
    ]
    return list(await asyncio.gather(*futures))
