"""The real parts Matur stands on: Kafka answers aiokafka and runs a Faust app with a
table, PostgreSQL answers asyncpg, and the declared topics exist as declared."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from contracts.topics import ALL_TOPICS
from devstack.launcher import ChildProcess, python_module
from servicekit.kafka_clients import durable_producer
from tests.conftest import Infra


async def _consume(infra: Infra, topic: str, want: int, timeout_s: float = 30) -> list:  # type: ignore[type-arg]
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=infra.kafka_bootstrap_servers,
        group_id=f"probe-{uuid.uuid4().hex[:6]}", auto_offset_reset="earliest",
    )
    await consumer.start()
    got = []
    try:
        async with asyncio.timeout(timeout_s):
            while len(got) < want:
                batch = await consumer.getmany(timeout_ms=500)
                for records in batch.values():
                    got.extend(records)
    finally:
        await consumer.stop()
    return got


async def test_message_produced_with_aiokafka_is_consumed_back(infra: Infra) -> None:
    # A topic of its own: the session's Matur topics carry only valid contract messages.
    topic = f"{infra.topic_prefix}stack.probe.{uuid.uuid4().hex[:6]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, 1, 1)])
    finally:
        await admin.close()
    producer = durable_producer(infra.kafka_bootstrap_servers, "stack-test")
    await producer.start()
    value = f"halo {uuid.uuid4()} 🙏".encode()
    try:
        meta = await producer.send_and_wait(topic, value=value, key=b"c_test")
    finally:
        await producer.stop()
    assert meta.offset >= 0
    records = await _consume(infra, topic, 1)
    assert [(r.key, r.value) for r in records if r.value == value] == [(b"c_test", value)]


async def test_declared_topics_exist_with_their_partitions_and_policy(infra: Infra) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        names = [t.full_name(infra.topic_prefix) for t in ALL_TOPICS]
        described = await admin.describe_topics(names)
        partitions = {d["topic"]: len(d["partitions"]) for d in described}
        from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

        configs = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, n) for n in names]
        )
    finally:
        await admin.close()
    for topic in ALL_TOPICS:
        assert partitions[topic.full_name(infra.topic_prefix)] == topic.partitions
    policies = {}
    for resp in configs:
        for _, _, _, name, entries in resp.resources:
            policies[name] = {e[0]: e[1] for e in entries}
    events = policies[f"{infra.topic_prefix}cases.events"]
    assert events["retention.ms"] == "-1"
    assert events["cleanup.policy"] == "delete"


async def test_faust_agent_with_a_table_runs_against_the_broker(
    infra: Infra, tmp_path: Path
) -> None:
    prefix = f"{infra.topic_prefix}f{uuid.uuid4().hex[:4]}."
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(f"{prefix}probe.in", 2, 1),
                                   NewTopic(f"{prefix}probe.out", 2, 1)])
    finally:
        await admin.close()
    worker = ChildProcess("faust probe", python_module(
        "tests.stack.faust_probe_app", "worker", "--without-web", "-l", "warn"),
        tmp_path / "faust-probe.log", own_group=False)
    worker.start({**infra.env(), "PROBE_PREFIX": prefix, "PROBE_DATADIR": str(tmp_path / "faust")})
    try:
        producer = durable_producer(infra.kafka_bootstrap_servers, "faust-probe")
        await producer.start()
        try:
            for key in (b"desa-a", b"desa-b", b"desa-a", b"desa-a"):
                await producer.send_and_wait(f"{prefix}probe.in", value=b"x", key=key)
        finally:
            await producer.stop()
        try:
            records = await _consume(infra, f"{prefix}probe.out", 4, timeout_s=90)
        except TimeoutError:
            worker.stop(30)
            pytest.fail(f"no counts from the Faust worker; its output:\n{worker.logs()[-4000:]}")
        assert worker.alive, "the Faust worker died"
        assert sorted(r.value.decode() for r in records) == [
            "desa-a=1", "desa-a=2", "desa-a=3", "desa-b=1",
        ]
    finally:
        worker.stop(30)
    assert "Traceback" not in worker.logs(), worker.logs()[-3000:]


async def test_postgres_answers_through_asyncpg(infra: Infra) -> None:
    conn = await asyncpg.connect(infra.database_url)
    try:
        version = await conn.fetchval("SHOW server_version_num")
        await conn.execute("CREATE TEMP TABLE probe (k text PRIMARY KEY, v text)")
        await conn.execute("INSERT INTO probe VALUES ($1, $2)", "desa", "Sukorejo ꦱꦸ")
        assert await conn.fetchval("SELECT v FROM probe WHERE k = 'desa'") == "Sukorejo ꦱꦸ"
    finally:
        await conn.close()
    assert int(version) >= 150000


@pytest.mark.parametrize("migration_dir_name", ["m"])
async def test_migrations_apply_once(infra: Infra, tmp_path: Path, migration_dir_name: str) -> None:
    from servicekit.postgres import apply_migrations

    d = tmp_path / migration_dir_name
    d.mkdir()
    (d / "0001_probe.sql").write_text("CREATE TABLE probe_m (id int PRIMARY KEY);")
    (d / "0002_probe.sql").write_text("ALTER TABLE probe_m ADD COLUMN note text;")
    conn = await asyncpg.connect(infra.database_url)
    try:
        first = await apply_migrations(conn, d, "probe")
        second = await apply_migrations(conn, d, "probe")
        cols = await conn.fetch(
            "SELECT column_name FROM information_schema.columns WHERE table_name='probe_m'"
        )
    finally:
        await conn.close()
    assert first == ["0001_probe.sql", "0002_probe.sql"]
    assert second == []
    assert {c["column_name"] for c in cols} == {"id", "note"}
