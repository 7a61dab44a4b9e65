"""Reads every record of the whatsapp.* topics of this test session, from the beginning."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from contracts.topics import (
    WHATSAPP_DEADLETTER,
    WHATSAPP_ERRORS,
    WHATSAPP_INBOUND,
    WHATSAPP_STATUSES,
)

TOPICS = (WHATSAPP_INBOUND, WHATSAPP_STATUSES, WHATSAPP_ERRORS, WHATSAPP_DEADLETTER)


@dataclass(frozen=True)
class Record:
    topic: str  # without the session prefix
    key: str | None
    value: dict[str, Any]
    partition: int


class KafkaCollector:
    def __init__(self, bootstrap_servers: str, prefix: str) -> None:
        self.prefix = prefix
        self.records: list[Record] = []
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap_servers,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._consumer.start()
        partitions = []
        deadline = asyncio.get_running_loop().time() + 30
        for topic in TOPICS:
            name = topic.full_name(self.prefix)
            while name not in await self._consumer.topics():  # new topics propagate
                if asyncio.get_running_loop().time() > deadline:
                    await self._consumer.stop()
                    raise AssertionError(f"topic {name} missing")
                await asyncio.sleep(0.2)
            partitions += [TopicPartition(name, p) for p in range(topic.partitions)]
        self._consumer.assign(partitions)
        await self._consumer.seek_to_beginning(*partitions)
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            batches = await self._consumer.getmany(timeout_ms=200)
            for tp, messages in batches.items():
                for m in messages:
                    assert m.value is not None
                    self.records.append(
                        Record(
                            tp.topic.removeprefix(self.prefix),
                            m.key.decode() if m.key is not None else None,
                            json.loads(m.value),
                            tp.partition,
                        )
                    )

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._consumer.stop()

    def matching(self, predicate: Callable[[Record], bool]) -> list[Record]:
        return [r for r in self.records if predicate(r)]

    async def wait_for(
        self, predicate: Callable[[Record], bool], count: int = 1, timeout_s: float = 30
    ) -> list[Record]:
        """At least `count` records matching, polled until `timeout_s`."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while True:
            found = self.matching(predicate)
            if len(found) >= count:
                return found
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"{len(found)} of {count} records after {timeout_s}s")
            await asyncio.sleep(0.05)

    async def dead_letter_of(self, body: bytes, timeout_s: float = 30) -> list[Record]:
        text = body.decode()
        return await self.wait_for(
            lambda r: r.topic == "whatsapp.deadletter" and r.value["body"] == text, 1, timeout_s
        )

    def by_message_id(self, message_id: str) -> list[Record]:
        return self.matching(lambda r: r.value.get("message_id") == message_id)

    async def one(self, message_id: str, timeout_s: float = 30) -> Record:
        (record, *_later) = await self.wait_for(
            lambda r: r.value.get("message_id") == message_id, 1, timeout_s
        )
        return record
