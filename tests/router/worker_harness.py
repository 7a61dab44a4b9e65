"""Run the real router worker (`python -m services.router`) against real Kafka, and
watch every topic it writes."""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from contracts.base import Message
from contracts.topics import (
    CASES_COMMANDS,
    CASES_EVENTS,
    CASES_REFERENCES,
    NOTIFICATIONS_REQUESTS,
    ROUTER_DEADLETTER,
    TIER_TOPICS,
    WHATSAPP_INBOUND,
)
from devstack.launcher import HttpProcess, python_module
from devstack.ports import free_port
from tests.conftest import seed_directory

WATCHED = (
    CASES_EVENTS,
    CASES_COMMANDS,
    CASES_REFERENCES,
    NOTIFICATIONS_REQUESTS,
    ROUTER_DEADLETTER,
    *TIER_TOPICS.values(),
)


class Worker(HttpProcess):
    """One router worker process with its own app id (consumer group, changelogs);
    `module` is what `python -m` runs."""

    def __init__(self, env: dict[str, str], log_path: Path, port: int | None = None,
                 module: str = "services.router") -> None:
        port = port or free_port()
        super().__init__(module, python_module(module), log_path, port,
                         env={**env, "ROUTER_PORT": str(port)}, own_group=False)

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return self.proc


async def own_topics(bootstrap: str, session_prefix: str) -> str:
    """A topic prefix of the router tests' own (inside the session's), so that the
    worker never reads other services' test messages and they never see its output; its
    directory holds the sample roster."""
    prefix = f"{session_prefix}r{uuid.uuid4().hex[:6]}."
    await seed_directory(bootstrap, prefix)
    return prefix


async def drop_topics(bootstrap: str, prefix: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="router-tests")
    await admin.start()
    try:
        names = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if names:
            await admin.delete_topics(names)
    finally:
        await admin.close()


def worker_env(
    base: dict[str, str], tmp: Path, prefix: str, sla_seconds: float = 3.0
) -> dict[str, str]:
    return {
        **base,
        "MATUR_TOPIC_PREFIX": prefix,
        "ROUTER_APP_ID": f"router-test-{uuid.uuid4().hex[:8]}",
        "ROUTER_STORE_DIR": str(tmp / "store"),
        "ROUTER_BROKER_SESSION_TIMEOUT_S": "6",
        "ROUTER_COMMIT_INTERVAL_S": "0.5",
        "MATUR_SLA_SECONDS": str(sla_seconds),
        "MATUR_LOG_FORMAT": "console",
        "ROUTER_FAUST_LOG_LEVEL": "INFO",
    }


@dataclass
class Record:
    topic: str  # without prefix
    key: str | None
    value: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.value["message_id"])


class TopicWatch:
    """Reads every watched topic from the beginning into memory, in the background."""

    def __init__(self, bootstrap: str, prefix: str) -> None:
        self.prefix = prefix
        self.records: list[Record] = []
        self._consumer = AIOKafkaConsumer(
            *(t.full_name(prefix) for t in WATCHED),
            bootstrap_servers=bootstrap,
            group_id=None,
            auto_offset_reset="earliest",
        )
        self._producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._consumer.start()
        await self._producer.start()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            batch = await self._consumer.getmany(timeout_ms=200)
            for tp, records in batch.items():
                for r in records:
                    self.records.append(
                        Record(
                            tp.topic.removeprefix(self.prefix),
                            r.key.decode() if r.key else None,
                            json.loads(r.value),
                        )
                    )

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
        await self._consumer.stop()
        await self._producer.stop()

    async def send(self, topic_name: str, key: str, message: Message) -> None:
        await self.send_raw(topic_name, key.encode(), message.to_bytes())

    async def send_raw(self, topic_name: str, key: bytes | None, value: bytes) -> tuple[int, int]:
        """Any bytes onto one of the topics; returns (partition, offset)."""
        meta = await self._producer.send_and_wait(f"{self.prefix}{topic_name}", value, key=key)
        return meta.partition, meta.offset

    async def send_inbound(self, message: Any) -> None:
        await self.send(WHATSAPP_INBOUND.name, message.sender.key, message)

    def where(self, topic: str, pred: Callable[[dict[str, Any]], bool]) -> list[Record]:
        return [r for r in self.records if r.topic == topic and pred(r.value)]

    async def wait_for(
        self,
        topic: str,
        pred: Callable[[dict[str, Any]], bool],
        within: float = 60.0,
        count: int = 1,
    ) -> list[Record]:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            found = self.where(topic, pred)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.1)
        raise AssertionError(f"no {count} record(s) on {topic} within {within}s")
