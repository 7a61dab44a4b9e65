"""Reports that arrive while the router is down, starting up or being killed mid-batch
all become exactly one case each, on every partition (chaos finding: reports sent while
the router was down were lost on some partitions)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, RecordsToDelete

from contracts.topics import WHATSAPP_INBOUND
from contracts.whatsapp_events import InboundMessage
from tests.conftest import Infra
from tests.router.builders import describe, inbound, village_with_bhabin
from tests.router.worker_harness import (
    TopicWatch,
    Worker,
    worker_env,
)

pytestmark = pytest.mark.integration

VILLAGE = village_with_bhabin()
PARTITIONS = WHATSAPP_INBOUND.partitions


class Reports:
    """Distinct reports from distinct citizens, with the inbound partition of each."""

    def __init__(self, watch: TopicWatch) -> None:
        self.watch = watch
        self.partition_of: dict[str, int] = {}
        self.offset_of: dict[str, int] = {}
        self.run = uuid.uuid4().hex[:6]
        self._n = 0

    def _next(self) -> InboundMessage:
        self._n += 1
        wa_id = f"62857{int(self.run, 16) % 10**5:05d}{self._n:04d}"
        return inbound(
            f"kemarin ayam saya dicuri orang {describe(VILLAGE)}",
            wamid=f"wamid.O{self.run}{self._n}",
            wa_id=wa_id,
        )

    async def send(self, count: int, per_partition: int | None = None) -> list[str]:
        """Send `count` reports, or keep sending until every partition got
        `per_partition` of them; returns their wamids."""
        sent: list[str] = []
        per: Counter[int] = Counter()
        topic = f"{self.watch.prefix}{WHATSAPP_INBOUND.name}"
        producer = self.watch._producer
        while (len(sent) < count) if per_partition is None else (
            min((per[p] for p in range(PARTITIONS)), default=0) < per_partition
        ):
            msg = self._next()
            meta = await producer.send_and_wait(
                topic, msg.to_bytes(), key=msg.sender.key.encode()
            )
            self.partition_of[msg.wamid] = meta.partition
            self.offset_of[msg.wamid] = meta.offset
            per[meta.partition] += 1
            sent.append(msg.wamid)
        return sent

    def opened(self) -> Counter[str]:
        """Wamid -> number of distinct cases opened by it."""
        cases: dict[str, set[str]] = {}
        for r in self.watch.where("cases.events", lambda v: v["kind"] == "opened"):
            wamid = r.value["entry"].get("wamid")
            if wamid in self.partition_of:
                cases.setdefault(wamid, set()).add(r.value["case"]["case_id"])
        return Counter({w: len(ids) for w, ids in cases.items()})

    async def changelog_view(self, bootstrap: str, changelog: str, lost: list[str]) -> str:
        """For a failure message: how many lost reports the table has seen, and with
        an outbox still pending (state written, outputs not published)."""
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, auto_offset_reset="earliest")
        await consumer.start()
        latest: dict[bytes, dict[str, object]] = {}
        try:
            tps = [TopicPartition(changelog, p) for p in range(PARTITIONS)]
            consumer.assign(tps)
            end = await consumer.end_offsets(tps)
            for tp in tps:
                while await consumer.position(tp) < end[tp]:
                    for r in (await consumer.getmany(tp, timeout_ms=500)).get(tp, []):
                        if r.key is not None and r.value is not None:
                            latest[r.key] = json.loads(r.value)
        finally:
            await consumer.stop()
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            group = changelog.removesuffix("-reporters-changelog")
            offsets = await admin.list_consumer_group_offsets(group)
        finally:
            await admin.close()
        committed = {
            tp.partition: meta.offset
            for tp, meta in offsets.items()
            if tp.topic.endswith(WHATSAPP_INBOUND.name)
        }
        seen = {w for v in latest.values() for w in v.get("seen", []) or []}  # type: ignore[attr-defined]
        seen_ids = {w.removeprefix("in:") for w in seen}
        pending = sum(1 for v in latest.values() if v.get("outbox"))
        return (
            f"table has seen {sum(1 for w in lost if w in seen_ids)} of the lost; "
            f"{pending} rows with a pending outbox; committed inbound offsets {committed}"
        )

    async def assert_all_became_one_case(
        self, within: float = 60.0, changelog: tuple[str, str] | None = None
    ) -> None:
        deadline = asyncio.get_running_loop().time() + within
        while asyncio.get_running_loop().time() < deadline:
            if len(self.opened()) == len(self.partition_of):
                break
            await asyncio.sleep(0.3)
        opened = self.opened()
        lost = sorted(w for w in self.partition_of if w not in opened)
        lost_by_partition = Counter(self.partition_of[w] for w in lost)
        view = await self.changelog_view(*changelog, lost) if lost and changelog else ""
        spans = {
            p: (
                min(self.offset_of[w] for w in lost if self.partition_of[w] == p),
                max(self.offset_of[w] for w in lost if self.partition_of[w] == p),
            )
            for p in lost_by_partition
        }
        view += f"; lost offsets per partition: {spans}"
        assert not lost, (
            f"{len(lost)} of {len(self.partition_of)} reports never became a case; "
            f"lost per inbound partition: {dict(lost_by_partition)}; {view}"
        )
        assert all(n == 1 for n in opened.values()), "a report opened several cases"


async def test_reports_sent_while_the_router_is_down_or_starting_all_become_cases(
    infra: Infra, prefix: str, watch: TopicWatch, tmp_path: Path
) -> None:
    env = worker_env(infra.env(), tmp_path, prefix, sla_seconds=600.0)
    reports = Reports(watch)
    first = Worker(env, tmp_path / "first.log")
    first.start()
    try:
        await first.wait_ready()
        await reports.send(0, per_partition=2)  # committed offsets on every partition
        await reports.assert_all_became_one_case()
        await asyncio.sleep(1.5)  # let a commit interval pass (0.5 s in tests)
        first.kill()
    finally:
        first.stop()
    await reports.send(0, per_partition=4)  # while the router is down
    second = Worker(env, tmp_path / "second.log")
    second.start()
    try:
        await reports.send(0, per_partition=2)  # while it starts up and recovers
        await second.wait_ready()
        await reports.send(0, per_partition=2)
        try:
            await reports.assert_all_became_one_case()
        except AssertionError as lost:
            raise AssertionError(f"{lost}\n{second.tail(80)}") from None
    finally:
        second.stop()


async def test_reports_survive_a_kill_mid_batch_and_a_quick_restart(
    infra: Infra, prefix: str, watch: TopicWatch, tmp_path: Path
) -> None:
    env = worker_env(infra.env(), tmp_path, prefix, sla_seconds=600.0)
    reports = Reports(watch)
    for round_ in range(2):
        worker = Worker(env, tmp_path / f"run{round_}.log")
        worker.start()
        try:
            await worker.wait_ready()
            burst = asyncio.create_task(reports.send(0, per_partition=10))
            await watch.wait_for(  # kill -9 while the burst is being routed
                "cases.events",
                lambda v: v["kind"] == "opened"
                and v["entry"].get("wamid") in reports.partition_of,
                count=len(reports.opened()) + 3,
            )
            worker.kill()
            await burst
            await reports.send(0, per_partition=2)  # while it is down
        finally:
            worker.stop()
    last = Worker(env, tmp_path / "last.log")
    last.start()
    try:
        await last.wait_ready()
        changelog = f"{prefix}{env['ROUTER_APP_ID']}-reporters-changelog"
        try:
            await reports.assert_all_became_one_case(
                changelog=(infra.kafka_bootstrap_servers, changelog)
            )
        except AssertionError as lost:
            raise AssertionError(f"{lost}\n{await routed(last)}\n{last.tail(80)}") from None
    finally:
        last.stop()


async def routed(worker: Worker) -> str:
    """The worker's own count of handled messages, for a failure message."""
    async with httpx.AsyncClient() as client:
        r = await client.get(f"http://127.0.0.1:{worker.port}/metrics", timeout=5)
    return "\n".join(
        line for line in r.text.splitlines() if line.startswith("matur_router_messages_total")
    )


async def test_reports_deleted_by_retention_while_down_do_not_stall_the_partitions(
    infra: Infra, prefix: str, watch: TopicWatch, tmp_path: Path
) -> None:
    """If retention deletes reports the router never read (it was down longer than the
    topic keeps them), the worker says so and goes on with the reports still there,
    instead of waiting forever for the missing offsets."""
    env = worker_env(infra.env(), tmp_path, prefix, sla_seconds=600.0)
    reports = Reports(watch)
    first = Worker(env, tmp_path / "first.log")
    first.start()
    try:
        await first.wait_ready()
        await reports.send(0, per_partition=1)
        await reports.assert_all_became_one_case()
        await asyncio.sleep(1.5)  # a commit interval
    finally:
        first.stop()
    gone = await reports.send(0, per_partition=2)  # while down, then deleted
    topic = f"{prefix}{WHATSAPP_INBOUND.name}"
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        ends = {
            TopicPartition(topic, p): 1 + max(
                reports.offset_of[w] for w in reports.partition_of if reports.partition_of[w] == p
            )
            for p in range(PARTITIONS)
        }
        await admin.delete_records({tp: RecordsToDelete(end) for tp, end in ends.items()})
    finally:
        await admin.close()
    for wamid in gone:
        del reports.partition_of[wamid]
    second = Worker(env, tmp_path / "second.log")
    second.start()
    try:
        await second.wait_ready()
        await reports.send(0, per_partition=1)  # after the gap: these must become cases
        try:
            await reports.assert_all_became_one_case()
        except AssertionError as stuck:
            raise AssertionError(f"{stuck}\n{second.tail(80)}") from None
        assert "deleted by retention" in second.tail(400)
    finally:
        second.stop()
