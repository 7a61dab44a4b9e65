"""Benchmark: events per second through the router worker, next to a raw aiokafka
consume→produce loop on the same topics in the same run; escalation lateness; memory.

    .venv/bin/python -m services.router.bench [--cases 20000] [--escalations 500]

Needs Kafka. Creates its own topic prefix (deleted afterwards). Steps:
1. baseline: a bare aiokafka loop consumes the N preloaded reports from
   `whatsapp.inbound` and produces one message per report to `notifications.requests`
   (acks=all, idempotent, one wait per poll batch), as a router without logic would;
2. router: `python -m services.router` consumes the same N reports (a new case each,
   village in the text: 7 outputs per report); the rate is N over the span of its output
   record timestamps;
3. lateness: the same worker with a 2 s SLA; M cases escalate to Kapolsek; lateness is
   the escalation's record time minus the case's `due_at`;
4. memory: the worker's RSS growth per open case, extrapolated to 1,000,000 cases.
`run()` returns the `bench.report` rows for a combined `make bench`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from bench.report import Row, percentile, render, write_json
from contracts.lines import Sender, citizen_key
from contracts.roster import load_roster
from contracts.topics import ALL_TOPICS, CASES_EVENTS, NOTIFICATIONS_REQUESTS, WHATSAPP_INBOUND
from contracts.whatsapp_events import InboundMessage
from servicekit.topic_admin import ensure_topics
from services.router.domain.directory import Directory
from services.router.settings import REPO_ROOT, RouterSettings

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")


def reports(run: str, count: int, texts: list[str]) -> list[InboundMessage]:
    roster = load_roster(RouterSettings().roster_path)
    line = roster.line("103522000000000")
    now = datetime.now().astimezone()
    out = []
    for n in range(count):
        wa_id = f"62899{run[:4].encode().hex()[:6]}{n:07d}"
        wamid = f"wamid.bench.{run}.{n}"
        out.append(
            InboundMessage(
                message_id=f"in:{wamid}", wamid=wamid, line=line,
                sender=Sender(key=citizen_key(None, wa_id), wa_id=wa_id, profile_name="Bench"),
                sent_at=now, received_at=now, type="text", text=texts[n % len(texts)],
                raw={"id": wamid},
            )
        )
    return out


def village_texts() -> list[str]:
    settings = RouterSettings()
    roster = load_roster(settings.roster_path)
    directory = Directory.load(settings.area_data_path, [roster.regency_code])
    texts = []
    for village in directory.villages_in(roster.regency_code)[:200]:
        district = directory.district(village.district_code)
        if district is None or len(directory.villages_in(village.district_code)) < 1:
            continue
        texts.append(f"kemarin motor saya dicuri di desa {village.name} kec. {district.name}")
    return texts


async def preload(prefix: str, messages: list[InboundMessage]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", enable_idempotence=True,
                                linger_ms=5)
    await producer.start()
    try:
        futures = [
            await producer.send(WHATSAPP_INBOUND.full_name(prefix), m.to_bytes(),
                                key=m.sender.key.encode())
            for m in messages
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def bare_loop(prefix: str, count: int) -> float:
    """Events/s of a raw consume→produce loop over the same reports."""
    consumer = AIOKafkaConsumer(
        WHATSAPP_INBOUND.full_name(prefix), bootstrap_servers=BOOTSTRAP,
        group_id=f"bench-bare-{uuid.uuid4().hex[:6]}", auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", enable_idempotence=True,
                                linger_ms=2)
    await consumer.start()
    await producer.start()
    target = NOTIFICATIONS_REQUESTS.full_name(prefix)
    done = 0
    started: float | None = None
    try:
        while done < count:
            batch = await consumer.getmany(timeout_ms=500, max_records=500)
            if started is None and batch:
                started = time.perf_counter()
            futures = []
            for records in batch.values():
                for r in records:
                    value = json.loads(r.value)
                    futures.append(await producer.send(target, json.dumps(value).encode(),
                                                       key=r.key))
            await asyncio.gather(*futures)
            await consumer.commit()
            done += len(futures)
        return count / (time.perf_counter() - (started or time.perf_counter()))
    finally:
        await consumer.stop()
        await producer.stop()


def start_worker(
    prefix: str, port: int, log: Path, sla_seconds: float | None
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ, "KAFKA_BOOTSTRAP_SERVERS": BOOTSTRAP, "MATUR_TOPIC_PREFIX": prefix,
        "ROUTER_PORT": str(port), "ROUTER_APP_ID": f"bench-{uuid.uuid4().hex[:6]}",
        "ROUTER_STORE_DIR": str(REPO_ROOT / ".local" / "bench-router"),
        "MATUR_LOG_FORMAT": "json", "MATUR_LOG_LEVEL": "WARNING",
    }
    if sla_seconds is not None:
        env["MATUR_SLA_SECONDS"] = str(sla_seconds)
    else:
        env["MATUR_SLA_BHABIN_MINUTES"] = "600"
    return subprocess.Popen(
        [sys.executable, "-m", "services.router"], cwd=REPO_ROOT, env=env,
        stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )


async def wait_ready(port: int, proc: subprocess.Popen[bytes], within: float = 120) -> None:
    deadline = time.monotonic() + within
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError("router exited")
            try:
                if (await client.get(f"http://127.0.0.1:{port}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.3)
    raise TimeoutError("router not ready")


async def collect(prefix: str, kind: str, count: int, within: float) -> list[tuple[int, dict]]:
    """(record timestamp ms, event) of `count` case events of this kind."""
    consumer = AIOKafkaConsumer(
        CASES_EVENTS.full_name(prefix), bootstrap_servers=BOOTSTRAP, group_id=None,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    found: dict[str, tuple[int, dict]] = {}
    deadline = time.monotonic() + within
    try:
        while len(found) < count and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for r in records:
                    event = json.loads(r.value)
                    if event["kind"] == kind:
                        found.setdefault(event["message_id"], (r.timestamp, event))
        return list(found.values())
    finally:
        await consumer.stop()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def run(cases: int = 20000, escalations: int = 500) -> list[Row]:
    rows: list[Row] = []
    texts = village_texts()
    logs = REPO_ROOT / ".local"
    logs.mkdir(exist_ok=True)
    # 1 + 2: throughput, same topics, same reports
    prefix = f"bench{uuid.uuid4().hex[:6]}."
    await ensure_topics(BOOTSTRAP, prefix=prefix)
    try:
        await preload(prefix, reports(prefix, cases, texts))
        bare = await bare_loop(prefix, cases)
        proc = start_worker(prefix, 18931, logs / "bench-router.log", None)
        try:
            await wait_ready(18931, proc)
            rss_before = rss_kib(proc.pid)
            assigned = await collect(prefix, "assigned", cases, within=600)
            stamps = sorted(t for t, _ in assigned)
            span = max((stamps[-1] - stamps[0]) / 1000, 1e-3) if stamps else float("nan")
            rate = len(stamps) / span
            rss_after = rss_kib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(30)
        rows.append(Row("router reports/s (new case, 7 outputs each)", rate,
                        "raw aiokafka consume→produce", bare, "/s", ">= 0.5 ratio, >= 5000/s",
                        higher_is_better=True))
        per_case = max(rss_after - rss_before, 0) * 1024 / max(len(stamps), 1)
        rows.append(Row("router RSS for 1,000,000 open cases (est.)", per_case * 1e6 / 2**20,
                        "RSS at start", rss_before / 1024, "MB", "linear extrapolation"))
    finally:
        await delete_topics(prefix)
    # 3: escalation lateness with a 2 s SLA
    prefix = f"bench{uuid.uuid4().hex[:6]}."
    await ensure_topics(BOOTSTRAP, prefix=prefix)
    try:
        proc = start_worker(prefix, 18932, logs / "bench-router-sla.log", 2.0)
        try:
            await wait_ready(18932, proc)
            await preload(prefix, reports(prefix, escalations, texts))
            escalated = await collect(prefix, "escalated", escalations, within=300)
        finally:
            proc.terminate()
            proc.wait(30)
        late = []
        for stamp, event in escalated:
            opened_due = event["case"]["opened_at"]
            due = datetime.fromisoformat(opened_due).timestamp() + 2.0
            late.append(max(0.0, stamp / 1000 - due))
        p99 = percentile(late, 99)
        p50 = percentile(late, 50)
        rows.append(Row("escalation lateness p99", p99, "p50", p50, "s", "<= 1 s"))
    finally:
        await delete_topics(prefix)
    return rows


async def delete_topics(prefix: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP, client_id="matur-bench")
    await admin.start()
    try:
        names = [t.full_name(prefix) for t in ALL_TOPICS]
        existing = set(await admin.list_topics())
        names += [t for t in existing if t.startswith(prefix) and t.endswith("-changelog")]
        await admin.delete_topics([n for n in names if n in existing])
    finally:
        await admin.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--escalations", type=int, default=500)
    args = parser.parse_args(argv)
    rows = asyncio.run(run(args.cases, args.escalations))
    print(render(rows))
    print(write_json(rows, "router"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
