"""Benchmark: the router's escalation lateness and its memory with 1,000,000 open cases.
(Its throughput next to a raw aiokafka loop is `bench/router_bench.py`; `make bench` runs
both.)

    .venv/bin/python -m services.router.bench [--escalations 500] [--open-cases 1000000]

Needs Kafka for the lateness. Creates its own topic prefix (deleted afterwards).
- lateness: a worker with a 10 s SLA at every tier; M reports arrive at once, so M
  deadlines fall due within the same second or so; lateness is the `escalated` event's
  record time minus the case's due time (opened + 10 s). Baseline: the p50.
- memory: a separate process loads the router's context (national area data, roster),
  then holds N open cases as the worker does (each reporter's state as the bytes the
  in-memory table keeps, the SLA deadline of each in the deadline index; the states are
  copies of one real state made by the case handler, with their own keys and case ids).
  Figure: its RSS with N open cases; baseline: the same process before the first case.
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
from contracts.topics import ALL_TOPICS, CASES_EVENTS, WHATSAPP_INBOUND
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


LATENESS_SLA_S = 10.0


async def lateness(escalations: int) -> Row:
    texts = village_texts()
    logs = REPO_ROOT / ".local"
    logs.mkdir(exist_ok=True)
    prefix = f"bench{uuid.uuid4().hex[:6]}."
    await ensure_topics(BOOTSTRAP, prefix=prefix)
    try:
        proc = start_worker(prefix, 18932, logs / "bench-router-sla.log", LATENESS_SLA_S)
        try:
            await wait_ready(18932, proc)
            await preload(prefix, reports(prefix, escalations, texts))
            escalated = await collect(prefix, "escalated", escalations, within=300)
        finally:
            proc.terminate()
            proc.wait(30)
    finally:
        await delete_topics(prefix)
    late = []
    for stamp, event in escalated:
        opened = datetime.fromisoformat(event["case"]["opened_at"]).timestamp()
        late.append(max(0.0, stamp / 1000 - (opened + LATENESS_SLA_S)))
    if len(late) < escalations:
        print(f"router bench: only {len(late)} of {escalations} cases escalated", flush=True)
    return Row(f"escalation lateness p99 ({len(late)} due within ~1 s)", percentile(late, 99),
               "p50", percentile(late, 50), "s", "<= 1 s")


def memory(open_cases: int) -> Row:
    """RSS of a process holding `open_cases` open cases as a worker does (see above)."""
    out = subprocess.run(  # noqa: S603 (our own module, fixed arguments)
        [sys.executable, "-m", "services.router.bench", "--memory-probe", str(open_cases)],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    )
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    return Row(f"router RSS with {open_cases:,} open cases", probe["rss_cases_mb"],
               "same process, no case", probe["rss_empty_mb"], "MB", "-")


def memory_probe(open_cases: int) -> dict[str, float]:
    from services.router.cases.citizen import handle_inbound
    from services.router.cases.state import ReporterState
    from services.router.deadlines import DeadlineIndex
    from services.router.wiring import load_context

    ctx = load_context(RouterSettings())
    [message] = reports("memprobe", 1, village_texts()[:1])
    state, _ = handle_inbound(ReporterState.empty(message.sender.key), message, ctx.at(
        datetime.now().astimezone()))
    [case_id] = state.cases
    template = state.model_copy(update={"partition": 0}).to_bytes()
    key = message.sender.key
    deadlines = state.deadlines()
    rss_empty = rss_kib(os.getpid())
    table: dict[bytes, bytes] = {}
    index = DeadlineIndex()
    started = time.perf_counter()
    for n in range(open_cases):
        new_key, new_case = f"{key[:-8]}{n:08d}", f"{case_id[:-8]}{n:08d}"
        table[new_key.encode()] = template.replace(key.encode(), new_key.encode()).replace(
            case_id.encode(), new_case.encode())
        index.push(new_key.encode(), n % 6, [(due, new_case, v) for due, _, v in deadlines])
    rss_cases = rss_kib(os.getpid())
    return {"rss_empty_mb": rss_empty / 1024, "rss_cases_mb": rss_cases / 1024,
            "open_cases": len(table), "deadlines": len(index),
            "state_bytes": len(template), "seconds": time.perf_counter() - started}


async def run(escalations: int = 500, open_cases: int = 1_000_000) -> list[Row]:
    return [await lateness(escalations), memory(open_cases)]


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
    parser.add_argument("--escalations", type=int, default=500)
    parser.add_argument("--open-cases", type=int, default=1_000_000)
    parser.add_argument("--memory-probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        print(json.dumps(memory_probe(args.memory_probe)))
        return 0
    rows = asyncio.run(run(args.escalations, args.open_cases))
    print(render(rows))
    print(write_json(rows, "router"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
