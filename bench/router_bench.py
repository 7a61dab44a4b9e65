"""Benchmark: router events per second, next to a raw aiokafka consume->produce loop over
the same records in the same run; escalation lateness; memory with 1,000,000 open cases.

    .venv/bin/python -m bench.router_bench [--messages 3000] [--escalations 500]
                                           [--open-cases 1000000]

Needs Kafka (as `make bench` starts it). Uses its own topic prefix (removed at the end).
Pre-loads N distinct citizen reports (the `InboundMessage` ingest would publish: one phone
each, to the Kapolres line, naming a village that has a Bhabin) onto `whatsapp.inbound`.

- Baseline: an aiokafka consumer (own group, from the earliest offset) that parses each
  record's JSON and produces one small JSON record per input to a scratch topic (acks=all,
  sends pipelined), until it has produced N.
- Figure: the real worker, `python -m services.router`, started on the pre-loaded topic
  (the same N records); each report opens a case and yields one `receipt` on
  `notifications.requests` (besides its events, tier notice and officer notification).

Both rates are measured the same way, from the Kafka timestamps (CreateTime, set by the
producing process) of the first and the last output: (N - 1) / (last - first). So worker
start-up and consumer-group joining are not counted for either.

Escalation lateness: a worker with a 10 s SLA at every tier; M reports arrive at once, so
M deadlines fall due within about a second; lateness is the `escalated` event's record
time minus the case's due time (opened + 10 s). Baseline: the p50.

Memory: a separate process loads the router's context (area data, roster), then holds N
open cases as the worker does (each reporter's state as the bytes the in-memory table
keeps, one SLA deadline each in the deadline index; copies of one real state made by the
case handler, with their own keys and case ids). Figure: its RSS with N open cases;
baseline: the same process before the first case.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import RecordMetadata

from bench.citizen_reports import ROSTER_FILE, inbound_event
from bench.report import Row, percentile, show
from bench.scratch import LOGS, REPO, Scratch, scratch
from contracts.roster import load_roster
from contracts.topics import CASES_EVENTS, NOTIFICATIONS_REQUESTS, WHATSAPP_INBOUND
from contracts.whatsapp_events import InboundMessage
from devstack.launcher import HttpProcess


async def preload(space: Scratch, count: int) -> None:
    events = [inbound_event(int(space.run_id[:4], 16), n, space.run_id) for n in range(count)]
    producer = AIOKafkaProducer(bootstrap_servers=space.bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:
        topic = WHATSAPP_INBOUND.full_name(space.prefix)
        pending = [await producer.send(topic, e.value, key=(e.key or "").encode())
                   for e in events]
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def collect_timestamps(
    space: Scratch, topic: str, wanted: Callable[[bytes], bool], count: int, timeout_s: float,
    group: str,
) -> list[int]:
    """Kafka timestamps (ms) of the first `count` records of `topic` that are `wanted`."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=space.bootstrap, group_id=group,
        auto_offset_reset="earliest", enable_auto_commit=False,
    )
    await consumer.start()
    stamps: list[int] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(stamps) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(stamps)} of {count} outputs on {topic}")
            batch = await consumer.getmany(timeout_ms=500, max_records=5000)
            for records in batch.values():
                stamps += [r.timestamp for r in records if r.value and wanted(r.value)]
    finally:
        await consumer.stop()
    return sorted(stamps)[:count]


def rate(stamps: list[int]) -> float:
    span_s = (stamps[-1] - stamps[0]) / 1000
    return (len(stamps) - 1) / span_s if span_s > 0 else float("nan")


async def raw_loop(space: Scratch, count: int) -> float:
    """Consume -> json parse -> produce one record per input, until `count` were produced."""
    out_topic = f"{space.prefix}bench.raw-out"
    admin = AIOKafkaAdminClient(bootstrap_servers=space.bootstrap, client_id="matur-bench")
    await admin.start()
    try:
        await admin.create_topics([NewTopic(out_topic, num_partitions=WHATSAPP_INBOUND.partitions,
                                            replication_factor=1)])
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(
        WHATSAPP_INBOUND.full_name(space.prefix), bootstrap_servers=space.bootstrap,
        group_id=f"{space.prefix}raw-loop", auto_offset_reset="earliest",
        enable_auto_commit=True,
    )
    producer = AIOKafkaProducer(bootstrap_servers=space.bootstrap, acks="all",
                                enable_idempotence=True)
    await consumer.start()
    await producer.start()
    stamps: list[int] = []
    try:
        pending: list[asyncio.Future[RecordMetadata]] = []
        while len(pending) < count:
            batch = await consumer.getmany(timeout_ms=500, max_records=500)
            for records in batch.values():
                for record in records:
                    msg = json.loads(record.value or b"{}")
                    out = json.dumps({"message_id": f"raw:{msg['message_id']}",
                                      "kind": "receipt", "to": msg["sender"]["key"]}).encode()
                    pending.append(await producer.send(out_topic, out, key=record.key))
        stamps = [meta.timestamp for meta in await asyncio.gather(*pending)]
    finally:
        await producer.stop()
        await consumer.stop()
    return rate(sorted(stamps))


def is_receipt(value: bytes) -> bool:
    return b'"kind":"receipt"' in value


def store_dir(space: Scratch) -> Path:
    return LOGS / f"router-store-{space.run_id}"


def router_env(space: Scratch) -> dict[str, str]:
    return {**space.env(), "ROUTER_STORE_DIR": str(store_dir(space)),
            "MATUR_LOG_LEVEL": "WARNING", "MATUR_LOG_FORMAT": "json"}


async def router_run(space: Scratch, count: int, timeout_s: float) -> tuple[float, float]:
    """(receipts/s, seconds from start to the first receipt) of the real router worker."""
    log = LOGS / f"router-bench-{space.run_id}.log"
    router = HttpProcess.service("services.router", "ROUTER_PORT", log)
    started = time.time()
    router.start(router_env(space))
    try:
        stamps = await collect_timestamps(
            space, NOTIFICATIONS_REQUESTS.full_name(space.prefix), is_receipt, count,
            timeout_s, f"{space.prefix}bench-watch",
        )
    except TimeoutError as err:
        raise RuntimeError(f"{err}; router log: {log}") from None
    finally:
        router.stop()
    return rate(stamps), stamps[0] / 1000 - started


async def rate_rows(count: int) -> list[Row]:
    async with scratch("router", database=False) as space:
        print(f"router: pre-loading {count} citizen reports ...", file=sys.stderr, flush=True)
        await preload(space, count)
        print("router: raw aiokafka consume->produce loop ...", file=sys.stderr, flush=True)
        raw = await raw_loop(space, count)
        print(f"router: raw loop {raw:.0f}/s; real worker ...", file=sys.stderr, flush=True)
        figure, startup = await router_run(space, count, timeout_s=120 + count / 20)
        print(f"router: {figure:.0f} receipts/s (first receipt {startup:.1f} s after start)",
              file=sys.stderr, flush=True)
        shutil.rmtree(store_dir(space), ignore_errors=True)
    return [Row(f"router citizen reports/s ({count} pre-loaded)", figure,
                "raw aiokafka consume->produce", raw, "/s",
                ">= 5000/s, ratio >= 0.5", higher_is_better=True)]


LATENESS_SLA_S = 10.0


async def lateness(count: int) -> Row:
    async with scratch("router-sla", database=False) as space:
        router = HttpProcess.service("services.router", "ROUTER_PORT",
                                     LOGS / f"router-sla-{space.run_id}.log")
        router.start({**router_env(space), "MATUR_SLA_SECONDS": str(LATENESS_SLA_S)})
        try:
            await preload(space, count)
            escalated = await collect_escalations(space, count, timeout_s=300)
        finally:
            router.stop()
            shutil.rmtree(store_dir(space), ignore_errors=True)
    late = [max(0.0, stamp / 1000 - (opened + LATENESS_SLA_S)) for stamp, opened in escalated]
    if len(late) < count:
        print(f"router: only {len(late)} of {count} cases escalated", file=sys.stderr)
    return Row(f"escalation lateness p99 ({len(late)} due within ~1 s)", percentile(late, 99),
               "p50", percentile(late, 50), "s", "<= 1 s")


async def collect_escalations(
    space: Scratch, count: int, timeout_s: float
) -> list[tuple[int, float]]:
    """(record time ms, case opened epoch s) of the first escalation of `count` cases."""
    consumer = AIOKafkaConsumer(
        CASES_EVENTS.full_name(space.prefix), bootstrap_servers=space.bootstrap,
        group_id=None, auto_offset_reset="earliest",
    )
    await consumer.start()
    found: dict[str, tuple[int, float]] = {}
    deadline = time.monotonic() + timeout_s
    try:
        while len(found) < count and time.monotonic() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    event = json.loads(r.value or b"{}")
                    if event.get("kind") == "escalated":
                        opened = datetime.fromisoformat(event["case"]["opened_at"]).timestamp()
                        found.setdefault(event["case"]["case_id"], (r.timestamp, opened))
    finally:
        await consumer.stop()
    return list(found.values())


def memory(open_cases: int) -> Row:
    """RSS of a process holding `open_cases` open cases as a worker does (see above)."""
    out = subprocess.run(  # noqa: S603 (our own module, fixed arguments)
        [sys.executable, "-m", "bench.router_bench", "--memory-probe", str(open_cases)],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    return Row(f"router RSS with {open_cases:,} open cases", probe["rss_cases_mb"],
               "same process, no case", probe["rss_empty_mb"], "MB", "-")


def memory_probe(open_cases: int) -> dict[str, float]:
    from services.router.cases.citizen import handle_inbound
    from services.router.cases.state import ReporterState
    from services.router.deadlines import DeadlineIndex
    from services.router.settings import RouterSettings
    from services.router.wiring import load_context

    ctx = load_context(RouterSettings(), load_roster(ROSTER_FILE))
    message = InboundMessage.model_validate_json(inbound_event(1, 0, "memory").value)
    state, _ = handle_inbound(ReporterState.empty(message.sender.key), message,
                              ctx.at(datetime.now(UTC)))
    [case_id] = state.cases
    template = state.model_copy(update={"partition": 0}).to_bytes()
    key = message.sender.key
    deadlines = state.deadlines()
    rss_empty = _rss_kib()
    table: dict[bytes, bytes] = {}
    index = DeadlineIndex()
    for n in range(open_cases):
        new_key, new_case = f"{key[:-8]}{n:08d}", f"{case_id[:-8]}{n:08d}"
        table[new_key.encode()] = template.replace(key.encode(), new_key.encode()).replace(
            case_id.encode(), new_case.encode())
        index.push(new_key.encode(), n % 6, [(due, new_case, v) for due, _, v in deadlines])
    return {"rss_empty_mb": rss_empty / 1024, "rss_cases_mb": _rss_kib() / 1024,
            "open_cases": len(table), "deadlines": len(index), "state_bytes": len(template)}


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def run(count: int, escalations: int = 500, open_cases: int = 1_000_000) -> list[Row]:
    return [*await rate_rows(count), await lateness(escalations), memory(open_cases)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.router_bench")
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--escalations", type=int, default=500)
    parser.add_argument("--open-cases", type=int, default=1_000_000)
    parser.add_argument("--memory-probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        print(json.dumps(memory_probe(args.memory_probe)))
        return 0
    rows = asyncio.run(run(args.messages, args.escalations, args.open_cases))
    show(rows, "router-bench")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
