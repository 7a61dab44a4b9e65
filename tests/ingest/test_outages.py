"""Kafka or PostgreSQL unavailable: 503 (so Meta retries), nothing published, nothing
marked as seen; once they are back, the retry is published exactly once.

The shared Kafka and PostgreSQL are never stopped: each test gives its own ingest process
a closed port or a TCP proxy it then opens or cuts.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from contracts.topics import DIRECTORY_TOPICS
from devstack.ports import free_port
from servicekit.topic_admin import ensure_topics
from tests.conftest import Infra
from tests.ingest.conftest import Spawn
from tests.ingest.ingest_process import IngestProcess, post_signed
from tests.ingest.kafka_collector import KafkaCollector
from tests.ingest.socket_bridge import Bridge, tcp
from tests.ingest.webhooks import encode, single_text

pytestmark = pytest.mark.integration


def with_port(dsn: str, port: int) -> str:
    parts = urlsplit(dsn)
    netloc = parts.netloc.rsplit("@", 1)
    host = f"127.0.0.1:{port}"
    return urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))


async def readiness(process: IngestProcess) -> dict[str, bool]:
    async with process.client() as c:
        response = await c.get("/readyz")
        checks: dict[str, bool] = response.json()["checks"]
        assert (response.status_code == 200) == all(checks.values())
        return checks


async def published_once_via(
    process: IngestProcess, collector: KafkaCollector, body: bytes, wamid: str, wa_id: str
) -> None:
    """Meta's retry through `process`: 200, and the message exactly once downstream."""
    async with process.client() as c:
        response = await post_signed(c, body)
        assert response.status_code == 200, response.text
        assert response.json()["published"] == 1
        barrier = f"wamid.barrier-{uuid.uuid4().hex[:8]}"
        assert (await post_signed(c, encode(single_text(barrier, wa_id=wa_id)))).status_code == 200
    await collector.one(f"in:{barrier}")
    assert len(collector.by_message_id(f"in:{wamid}")) == 1


async def test_database_unreachable_gives_503_then_retry_succeeds_once(
    spawn: Spawn, ingest: IngestProcess, infra: Infra, collector: KafkaCollector
) -> None:
    wa_id, wamid = "6281400000001", f"wamid.{uuid.uuid4().hex[:10]}"
    body = encode(single_text(wamid, wa_id=wa_id))
    down = spawn("db-closed-port", DATABASE_URL=with_port(infra.database_url, free_port()))
    await down.wait_serving(ready=False)
    async with down.client() as c:
        refused = await post_signed(c, body)
    assert refused.status_code == 503 and "postgres" in refused.json()["error"]
    assert (await readiness(down))["postgres"] is False
    await published_once_via(ingest, collector, body, wamid, wa_id)


async def test_database_lost_mid_test_gives_503_and_rolls_nothing_forward(
    spawn: Spawn, infra: Infra, collector: KafkaCollector
) -> None:
    target = urlsplit(infra.database_url)
    port = free_port()
    proxy = Bridge(tcp(port), tcp(target.port or 5432, target.hostname or "127.0.0.1"))
    await proxy.start()
    try:
        process = spawn("db-proxy", DATABASE_URL=with_port(infra.database_url, port),
                        INGEST_PUBLISH_TIMEOUT_S="3")
        await process.wait_serving()
        wa_id, wamid = "6281400000002", f"wamid.{uuid.uuid4().hex[:10]}"
        body = encode(single_text(wamid, wa_id=wa_id))
        await proxy.stop()  # PostgreSQL gone for this process
        async with process.client() as c:
            assert (await post_signed(c, body)).status_code == 503
            assert (await readiness(process))["postgres"] is False
        await proxy.start()  # back
        await process.wait_serving()
        await published_once_via(process, collector, body, wamid, wa_id)
    finally:
        await proxy.stop()


async def test_kafka_unreachable_gives_503_then_retry_succeeds_once(
    spawn: Spawn, infra: Infra, collector: KafkaCollector
) -> None:
    host, _, port = infra.kafka_bootstrap_servers.split(",")[0].rpartition(":")
    listen = free_port()
    proxy = Bridge(tcp(listen), f"tcp:{host}:{port}")  # not listening yet: no broker
    process = spawn("kafka-down", KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{listen}")
    await process.wait_serving(ready=False)
    wa_id, wamid = "6281400000003", f"wamid.{uuid.uuid4().hex[:10]}"
    body = encode(single_text(wamid, wa_id=wa_id))
    async with process.client() as c:
        refused = await post_signed(c, body)
    assert refused.status_code == 503 and "kafka" in refused.json()["error"]
    assert (await readiness(process))["kafka"] is False
    await proxy.start()  # the broker is reachable again: ingest connects by itself
    try:
        await process.wait_serving()
        await published_once_via(process, collector, body, wamid, wa_id)
    finally:
        await proxy.stop()


async def test_produce_failure_gives_503_and_the_key_is_rolled_back(
    spawn: Spawn, ingest: IngestProcess, collector: KafkaCollector, infra: Infra
) -> None:
    """Connected to Kafka, but the produce cannot complete (its topics do not exist and the
    broker does not create topics; only the directory's do, so that it is ready): 503
    within the bound, and the dedupe key is rolled back, so the retry to a healthy ingest
    sharing the same database is published."""
    missing = f"{infra.topic_prefix}missing-{uuid.uuid4().hex[:6]}."
    await ensure_topics(infra.kafka_bootstrap_servers, prefix=missing, topics=DIRECTORY_TOPICS)
    failing = spawn("produce-fails", MATUR_TOPIC_PREFIX=missing, INGEST_PUBLISH_TIMEOUT_S="1.5")
    await failing.wait_serving()
    wa_id, wamid = "6281400000004", f"wamid.{uuid.uuid4().hex[:10]}"
    body = encode(single_text(wamid, wa_id=wa_id))
    async with failing.client() as c:
        refused = await post_signed(c, body)
        assert refused.status_code == 503
        metrics = (await c.get("/metrics")).text
    await published_once_via(ingest, collector, body, wamid, wa_id)
    assert 'matur_ingest_webhook_requests_total{method="POST",outcome="unavailable"} 1.0' in metrics


def network_namespaces_work() -> bool:
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not network_namespaces_work(), reason="needs unshare -n (root)")
async def test_kafka_stopped_mid_test_then_started_again(
    ingest_env: dict[str, str], ingest_workdir: Path, infra: Infra, collector: KafkaCollector
) -> None:
    """This ingest runs in its own network namespace: even the broker's advertised address
    leads through a gate the test closes (Kafka "stopped") and opens again ("started")."""
    gate_dir = Path(tempfile.mkdtemp(prefix="mi-", dir="/tmp"))
    kafka = infra.kafka_bootstrap_servers.split(",")[0]
    db = urlsplit(infra.database_url)
    pg = f"{db.hostname or '127.0.0.1'}:{db.port or 5432}"
    kafka_gate = Bridge(f"unix:{gate_dir}/kafka.sock", f"tcp:{kafka}")
    pg_gate = Bridge(f"unix:{gate_dir}/pg.sock", f"tcp:{pg}")
    await kafka_gate.start()
    await pg_gate.start()
    port = 8001  # inside the namespace, nothing else listens
    process = IngestProcess(
        {**ingest_env, "INGEST_PUBLISH_TIMEOUT_S": "2"},
        ingest_workdir / "ingest-netns.log",
        command=["unshare", "-n", sys.executable, "-m", "tests.ingest.netns_child",
                 str(gate_dir), kafka, pg, str(port)],
        uds=gate_dir / "http.sock",
        port=port,
    )
    try:
        process.start()
        await process.wait_serving()
        wa_id = "6281400000005"
        before = f"wamid.{uuid.uuid4().hex[:10]}"
        async with process.client() as c:
            ok = await post_signed(c, encode(single_text(before, wa_id=wa_id)))
            assert ok.status_code == 200
        await collector.one(f"in:{before}")

        await kafka_gate.stop()  # Kafka stopped mid-test
        wamid = f"wamid.{uuid.uuid4().hex[:10]}"
        body = encode(single_text(wamid, wa_id=wa_id))
        async with process.client() as c:
            assert (await post_signed(c, body)).status_code == 503
            assert (await post_signed(c, body)).status_code == 503  # Meta retries: still down
            # the first attempt's record waits in the producer: not produced a second time
            assert "matur_ingest_records_in_doubt 1.0" in (await c.get("/metrics")).text

        await kafka_gate.start()  # Kafka started again
        deadline = asyncio.get_running_loop().time() + 60
        async with process.client() as c:
            while (retry := await post_signed(c, body)).status_code != 200:  # Meta's retries
                assert retry.status_code == 503
                assert asyncio.get_running_loop().time() < deadline, "never accepted again"
                await asyncio.sleep(0.5)
            barrier = f"wamid.barrier-{uuid.uuid4().hex[:8]}"
            assert (await post_signed(c, encode(single_text(barrier, wa_id=wa_id)))).status_code \
                == 200
        await collector.one(f"in:{barrier}")
        assert len(collector.by_message_id(f"in:{wamid}")) == 1  # exactly once
    finally:
        process.stop()
        await kafka_gate.stop()
        await pg_gate.stop()
        shutil.rmtree(gate_dir, ignore_errors=True)
