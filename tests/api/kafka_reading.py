"""Reading what the API published, from the test session's topics."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import TypeVar

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord

from contracts.base import Message

M = TypeVar("M", bound=Message)


async def find_published(
    bootstrap: str,
    topic: str,
    model: type[M],
    match: Callable[[M], bool],
    timeout_s: float = 15.0,
) -> tuple[M, ConsumerRecord[bytes, bytes]]:
    """The first message on `topic` that `match`es, with its record (key, partition)."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"api-test-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while asyncio.get_running_loop().time() < deadline:
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    assert record.value is not None
                    message = model.model_validate_json(record.value)
                    if match(message):
                        return message, record
        raise AssertionError(f"no matching message on {topic} within {timeout_s}s")
    finally:
        await consumer.stop()
