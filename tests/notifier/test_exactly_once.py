"""One delivery per notification id, however notifiers die or crowd: real subprocesses,
kill -9, real Kafka, the sandbox counting what reached "WhatsApp"."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from pathlib import Path

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition

from contracts.notifications import NotificationRequest
from contracts.topics import NOTIFICATIONS_REQUESTS
from services.sandbox.client import SandboxClient
from tests.conftest import Infra
from tests.notifier.harness import (
    Kafka,
    ServiceProcess,
    notifier_env,
    poll,
    receipt,
    unique_phone,
)


def notifier_process(
    infra: Infra, sandbox_url: str, group: str, log_dir: Path, name: str, **env: str
) -> ServiceProcess:
    return ServiceProcess(
        "services.notifier",
        notifier_env(infra.env(), sandbox_url, group, NOTIFIER_INSTANCE_ID=name, **env),
        "NOTIFIER_PORT",
        log_dir / f"{name}.log",
    )


async def sends_by_notification(
    sandbox: SandboxClient, ids: set[str]
) -> Counter[str]:
    """How many times WhatsApp accepted each of these notifications."""
    messages = await sandbox.list_messages(accepted=True)
    return Counter(
        m["body"]["biz_opaque_callback_data"]
        for m in messages
        if isinstance(m["body"], dict) and m["body"].get("biz_opaque_callback_data") in ids
    )


async def states(pg: asyncpg.Connection, ids: set[str]) -> dict[str, str]:
    rows = await pg.fetch(
        "SELECT notification_id, state FROM notifier_sends WHERE notification_id = ANY($1)",
        list(ids),
    )
    return {r["notification_id"]: r["state"] for r in rows}


async def metric(process: ServiceProcess, name: str) -> float:
    async with httpx.AsyncClient(base_url=process.url) as http:
        text = (await http.get("/metrics")).text
    return sum(float(v) for v in re.findall(rf"^{name}(?:{{[^}}]*}})? (\S+)$", text, re.M))


async def committed(infra: Infra, group: str) -> int:
    """Offsets the group committed on notifications.requests, summed over partitions."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=infra.kafka_bootstrap_servers, group_id=group,
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        name = NOTIFICATIONS_REQUESTS.full_name(infra.topic_prefix)
        total = 0
        for p in range(NOTIFICATIONS_REQUESTS.partitions):
            total += await consumer.committed(TopicPartition(name, p)) or 0
        return total
    finally:
        await consumer.stop()


async def test_a_notifier_killed_mid_send_and_restarted_sends_nothing_twice(
    infra: Infra, sandbox_url: str, sandbox: SandboxClient, kafka: Kafka,
    pg: asyncpg.Connection, log_dir: Path,
) -> None:
    group = f"notifier-kill-{uuid.uuid4().hex[:6]}"
    # slow enough to be killed in the middle; no offset commit before the kill
    first = notifier_process(
        infra, sandbox_url, group, log_dir, f"{group}-a",
        NOTIFIER_LINE_RATE_PER_S="15", NOTIFIER_LINE_BURST="1", NOTIFIER_COMMIT_INTERVAL_S="600",
        NOTIFIER_HTTP_TIMEOUT_S="2",
    )
    first.start()
    await first.wait_ready()
    requests: list[NotificationRequest] = [receipt(unique_phone()) for _ in range(40)]
    ids = {r.message_id for r in requests}
    for req in requests:
        await kafka.request(req)

    async def some_sent() -> bool:
        return sum((await sends_by_notification(sandbox, ids)).values()) >= 10

    assert await poll(some_sent, within=30)
    first.kill()
    sent_before = await sends_by_notification(sandbox, ids)
    assert len(sent_before) < len(ids), "killed too late to test a restart mid-way"
    assert await committed(infra, group) == 0  # everything will be read again

    second = notifier_process(
        infra, sandbox_url, group, log_dir, f"{group}-b", NOTIFIER_HTTP_TIMEOUT_S="2"
    )
    second.start()
    try:
        await second.wait_ready()

        async def all_settled() -> dict[str, str] | None:
            found = await states(pg, ids)
            done = len(found) == len(ids) and all(
                s in ("sent", "unknown") for s in found.values()
            )
            return found if done else None

        final = await poll(all_settled, within=60)
        assert final, await states(pg, ids)
        counts = await sends_by_notification(sandbox, ids)
        assert max(counts.values()) == 1, "a notification was sent twice"
        for notification_id, state in final.items():
            if state == "sent":
                assert counts[notification_id] == 1
        # at most once only for the call(s) the kill cut off (one at a time at this pace)
        assert sum(1 for s in final.values() if s == "unknown") <= 2
        # the restarted notifier read the already-sent requests again and skipped them
        assert await metric(second, "notifier_duplicate_requests_total") >= len(sent_before) - 3
        assert sum(counts.values()) >= len(ids) - 3
    finally:
        second.stop()


async def test_two_notifiers_on_the_same_requests_send_each_once(
    infra: Infra, sandbox_url: str, sandbox: SandboxClient, kafka: Kafka,
    pg: asyncpg.Connection, log_dir: Path,
) -> None:
    """Two instances that BOTH read every request (different consumer groups): only the
    sends table decides who sends."""
    tag = uuid.uuid4().hex[:6]
    one = notifier_process(infra, sandbox_url, f"twin-a-{tag}", log_dir, f"twin-a-{tag}")
    two = notifier_process(infra, sandbox_url, f"twin-b-{tag}", log_dir, f"twin-b-{tag}")
    one.start()
    two.start()
    try:
        await one.wait_ready()
        await two.wait_ready()
        requests = [receipt(unique_phone()) for _ in range(30)]
        ids = {r.message_id for r in requests}
        for req in requests:
            await kafka.request(req)

        async def all_sent() -> bool:
            found = await states(pg, ids)
            return len(found) == len(ids) and set(found.values()) == {"sent"}

        assert await poll(all_sent, within=60)
        counts = await sends_by_notification(sandbox, ids)
        assert set(counts) == ids and set(counts.values()) == {1}

        async def both_saw_everything() -> bool:
            seen = 0.0
            for process in (one, two):
                seen += await metric(process, "notifier_sent_total")
                seen += await metric(process, "notifier_duplicate_requests_total")
            return seen >= 2 * len(ids)

        assert await poll(both_saw_everything, within=30)
        sent = await metric(one, "notifier_sent_total") + await metric(two, "notifier_sent_total")
        assert sent == len(ids)
    finally:
        one.stop()
        two.stop()
