"""Real processes and real Kafka for the notifier's integration tests: the sandbox Graph
API and notifiers as `python -m` subprocesses, a topic reader, request builders."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from contracts.base import Message, utcnow
from contracts.lines import Line, Sender, citizen_key
from contracts.notifications import (
    NotificationKind,
    NotificationRequest,
    Recipient,
    RecipientKind,
)
from contracts.topics import NOTIFICATIONS_REQUESTS, WHATSAPP_INBOUND, Topic
from contracts.whatsapp_events import InboundMessage
from devstack.launcher import HttpProcess, python_module
from devstack.ports import free_port

LINE = "103522000000000"
ACCESS_TOKEN = "notifier-test-token-5d1e"


def unique_phone() -> str:
    """A fresh Indonesian mobile number (digits, no '+'), so tests never share a recipient."""
    return "628" + str(uuid.uuid4().int)[:10]


class ServiceProcess(HttpProcess):
    """`python -m <module>` with its own port, logs in a file; stop() or kill()."""

    ready_timeout_s = 40

    def __init__(self, module: str, env: dict[str, str], port_var: str, log_path: Path) -> None:
        port = free_port()
        super().__init__(module, python_module(module), log_path, port,
                         env={"MATUR_LOG_FORMAT": "json", **env, port_var: str(port)},
                         own_group=False)
        self.module = module


def sandbox_process(log_dir: Path) -> ServiceProcess:
    return ServiceProcess(
        "services.sandbox",
        {
            "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
            "SANDBOX_AUTO_STATUSES": "false",
            "SANDBOX_ENFORCE_WINDOW": "true",
            "SANDBOX_WEBHOOK_URL": "http://127.0.0.1:9/webhook",  # nobody: webhooks are ours
            "SANDBOX_WEBHOOK_ATTEMPTS": "1",
            "SANDBOX_WEBHOOK_TIMEOUT": "1",
        },
        "SANDBOX_PORT",
        log_dir / "sandbox.log",
    )


@asynccontextmanager
async def running_notifier(
    infra_env: dict[str, str], sandbox_url: str, log_dir: Path, group: str, **env: str
) -> AsyncIterator[ServiceProcess]:
    """A notifier subprocess (`python -m services.notifier`) in consumer group `group`,
    ready, stopped afterwards."""
    process = ServiceProcess(
        "services.notifier",
        notifier_env(infra_env, sandbox_url, group, **env),
        "NOTIFIER_PORT",
        log_dir / f"{group}.log",
    )
    process.start()
    try:
        await process.wait_ready()
        yield process
    finally:
        process.stop()


def notifier_env(
    infra_env: dict[str, str], sandbox_url: str, group_id: str, **overrides: str
) -> dict[str, str]:
    """Settings for a notifier under test: short waits everywhere."""
    return {
        **infra_env,
        "WHATSAPP_API_BASE_URL": sandbox_url,
        "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
        "NOTIFIER_GROUP_ID": group_id,
        "NOTIFIER_BACKOFF_BASE_S": "0.05",
        "NOTIFIER_BACKOFF_MAX_S": "0.5",
        "NOTIFIER_PAIR_BACKOFF_UNIT_S": "0.02",
        "NOTIFIER_MAINTENANCE_BACKOFF_S": "0.1",
        "NOTIFIER_RECIPIENT_INTERVAL_S": "0",
        "NOTIFIER_LEASE_S": "2",
        "NOTIFIER_WINDOW_CATCH_UP_S": "2",
        "NOTIFIER_HTTP_TIMEOUT_S": "5",
        "NOTIFIER_COMMIT_INTERVAL_S": "0.2",
        "NOTIFIER_RECONNECT_INTERVAL_S": "0.2",
        "MATUR_LOG_LEVEL": "INFO",
        **overrides,
    }


def request(
    kind: NotificationKind,
    phone: str,
    params: dict[str, Any] | None = None,
    case_id: str | None = None,
    officer: bool = False,
) -> NotificationRequest:
    case_id = case_id or f"case-{uuid.uuid4().hex[:8]}"
    key = f"off-{phone}" if officer else citizen_key(None, phone)
    recipient = Recipient(
        kind=RecipientKind.OFFICER if officer else RecipientKind.CITIZEN,
        key=key,
        wa_id=phone,
        officer_id=key if officer else None,
    )
    return NotificationRequest(
        message_id=f"{case_id}:1:{kind.value}:{key}",
        kind=kind,
        recipient=recipient,
        line_phone_number_id=LINE,
        case_id=case_id,
        reference=(params or {}).get("reference"),
        params=params or {},
    )


def receipt(phone: str, reference: str | None = None) -> NotificationRequest:
    reference = reference or "BJN-" + uuid.uuid4().hex[:5].upper()
    return request(
        NotificationKind.RECEIPT,
        phone,
        {"reference": reference, "category": "theft", "village": "Kadipaten",
         "district": "Bojonegoro", "handler_tier": "bhabin"},
    )


def inbound_from(phone: str, line: str = LINE) -> InboundMessage:
    """What ingest publishes when `phone` writes to the line: opens the 24-hour window."""
    now = utcnow()
    wamid = f"wamid.in.{uuid.uuid4().hex}"
    return InboundMessage(
        message_id=f"in:{wamid}",
        wamid=wamid,
        line=Line(phone_number_id=line),
        sender=Sender(key=citizen_key(None, phone), wa_id=phone),
        sent_at=now,
        received_at=now,
        type="text",
        text="Halo",
        raw={},
    )


class Kafka:
    def __init__(self, bootstrap: str, prefix: str) -> None:
        self.bootstrap = bootstrap
        self.prefix = prefix
        self.producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")

    async def start(self) -> None:
        await self.producer.start()

    async def stop(self) -> None:
        await self.producer.stop()

    async def publish(
        self, topic: Topic, message: Message, key: str, partition: int | None = None,
        timestamp_ms: int | None = None,
    ) -> None:
        await self.producer.send_and_wait(
            topic.full_name(self.prefix), message.to_bytes(), key=key.encode(),
            partition=partition, timestamp_ms=timestamp_ms,
        )

    async def request(self, req: NotificationRequest, partition: int | None = None) -> None:
        await self.publish(NOTIFICATIONS_REQUESTS, req, req.recipient.key, partition)

    async def inbound(self, message: InboundMessage) -> None:
        await self.publish(WHATSAPP_INBOUND, message, message.sender.key)

    async def wait_for(
        self,
        topic: Topic,
        match: Callable[[dict[str, Any]], bool],
        count: int = 1,
        within: float = 20.0,
    ) -> list[dict[str, Any]]:
        """Read `topic` from the beginning until `count` records match (or time runs out)."""
        name = topic.full_name(self.prefix)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, enable_auto_commit=False,
            auto_offset_reset="earliest", isolation_level="read_committed",
        )
        await consumer.start()
        try:
            partitions = [TopicPartition(name, p) for p in range(topic.partitions)]
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            found: list[dict[str, Any]] = []
            deadline = asyncio.get_running_loop().time() + within
            while asyncio.get_running_loop().time() < deadline and len(found) < count:
                batch = await consumer.getmany(timeout_ms=200)
                for records in batch.values():
                    for record in records:
                        value = json.loads(record.value or b"{}")
                        if match(value):
                            found.append(value)
            return found
        finally:
            await consumer.stop()


async def poll(
    check: Callable[[], Any], within: float = 20.0, interval: float = 0.1
) -> Any:
    """Call the async `check` until it returns something truthy; return that (or the last)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        result = await check()
        if result or asyncio.get_running_loop().time() > deadline:
            return result
        await asyncio.sleep(interval)
