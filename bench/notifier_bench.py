"""Benchmark: notifications per second end to end (topic -> notifier -> sandbox Graph API),
next to a bare httpx POST loop to the same sandbox in the same run.

    .venv/bin/python -m bench.notifier_bench [--count 2000] [--concurrency 64]

Needs Kafka and PostgreSQL (as `make bench` starts them). In a scratch space of its own
(topic prefix and database, `bench.scratch`), starts `python -m services.sandbox` (no
status webhooks) and `python -m services.notifier` with the per-line rate limit lifted (the
80/s default would only measure the limit) and one message per recipient. The baseline
POSTs the same kind of body (the rendered template, one recipient each) with the same
concurrency as the notifier's HTTP client. The figure is measured from the first request
published to the last message the sandbox recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time

import httpx
from aiokafka import AIOKafkaProducer

from bench.report import Row, show
from bench.scratch import LOGS, Scratch, scratch
from contracts.lines import citizen_key
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from contracts.topics import NOTIFICATIONS_REQUESTS
from devstack.launcher import HttpProcess
from services.notifier.catalogue import render as render_body

TOKEN = "bench-access-token"  # noqa: S105 (a throwaway token of the benchmark run)
LINE = "103522000000000"


def _request(n: int, run: str) -> NotificationRequest:
    phone = f"6281{n:09d}"
    key = citizen_key(None, phone)
    return NotificationRequest(
        message_id=f"bench-{run}:{n}:receipt:{key}",
        kind=NotificationKind.RECEIPT,
        recipient=Recipient(kind=RecipientKind.CITIZEN, key=key, wa_id=phone),
        line_phone_number_id=LINE,
        case_id=f"bench-{n}",
        params={"reference": f"BJN-{n:05d}", "category": "theft", "village": "Kadipaten",
                "district": "Bojonegoro", "handler_tier": "bhabin"},
    )


_ACCEPTED = re.compile(
    r'^sandbox_graph_requests_total\{[^}]*outcome="accepted"[^}]*\} (\S+)$', re.M
)


async def _accepted(sandbox: httpx.AsyncClient) -> int:
    """Sends the sandbox accepted so far (its counter: cheap to poll, unlike the log)."""
    text = (await sandbox.get("/metrics")).text
    return int(sum(float(v) for v in _ACCEPTED.findall(text)))


async def _wait_accepted(sandbox: httpx.AsyncClient, count: int, timeout_s: float) -> float:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if await _accepted(sandbox) >= count:
            return time.monotonic()
        await asyncio.sleep(0.05)
    raise TimeoutError(f"fewer than {count} messages reached the sandbox")


async def bare_loop(url: str, requests: list[NotificationRequest], concurrency: int) -> float:
    """Messages per second of plain httpx POSTs to the sandbox."""
    bodies = [render_body(r, use_template=True) for r in requests]
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
    ) as http:

        async def post(body: dict[str, object]) -> None:
            async with gate:
                response = await http.post(f"/v25.0/{LINE}/messages", json=body)
                response.raise_for_status()

        started = time.monotonic()
        await asyncio.gather(*(post(b) for b in bodies))
        return len(bodies) / (time.monotonic() - started)


def notifier_env(space: Scratch, sandbox_url: str, concurrency: int) -> dict[str, str]:
    return {**space.env(), "WHATSAPP_API_BASE_URL": sandbox_url,
            "WHATSAPP_ACCESS_TOKEN": TOKEN, "NOTIFIER_GROUP_ID": f"bench-{space.run_id}",
            "NOTIFIER_LINE_RATE_PER_S": "1000000", "NOTIFIER_RECIPIENT_INTERVAL_S": "0",
            "NOTIFIER_MAX_CONCURRENT_SENDS": str(concurrency),
            "MATUR_LOG_FORMAT": "json", "MATUR_LOG_LEVEL": "WARNING"}


async def through_kafka(space: Scratch, sandbox_url: str,
                        requests: list[NotificationRequest]) -> float:
    """Messages per second from the first request published to the last send the sandbox
    accepted, after one warm-up request (the group joined, sends work). The sandbox has
    already accepted the baseline's `len(requests)` sends."""
    count = len(requests)
    topic = NOTIFICATIONS_REQUESTS.full_name(space.prefix)
    producer = AIOKafkaProducer(bootstrap_servers=space.bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:
        async with httpx.AsyncClient(base_url=sandbox_url, timeout=30) as control:
            warmup = _request(count + 1, space.run_id + "w")
            await producer.send_and_wait(topic, warmup.to_bytes(),
                                         key=warmup.recipient.key.encode())
            await _wait_accepted(control, count + 1, 60)
            print(f"notifier: {count} requests through Kafka ...", file=sys.stderr)
            started = time.monotonic()
            pending = [await producer.send(topic, r.to_bytes(), key=r.recipient.key.encode())
                       for r in requests]
            await asyncio.gather(*pending)
            finished = await _wait_accepted(control, 2 * count + 1, 600)
    finally:
        await producer.stop()
    return count / (finished - started)


async def run(count: int, concurrency: int) -> list[Row]:
    async with scratch("notifier", database=True) as space:
        sandbox = HttpProcess.service("services.sandbox", "SANDBOX_PORT",
                                       LOGS / f"sandbox-{space.run_id}.log")
        notifier = HttpProcess.service("services.notifier", "NOTIFIER_PORT",
                                        LOGS / f"notifier-{space.run_id}.log")
        try:
            sandbox.start({"WHATSAPP_ACCESS_TOKEN": TOKEN, "SANDBOX_AUTO_STATUSES": "false",
                           "MATUR_LOG_FORMAT": "json", "MATUR_LOG_LEVEL": "WARNING"})
            await sandbox.wait_ready(60)
            requests = [_request(n, space.run_id) for n in range(count)]
            print(f"bare httpx loop: {count} POSTs, concurrency {concurrency} ...",
                  file=sys.stderr)
            bare = await bare_loop(sandbox.url, requests, concurrency)
            notifier.start(notifier_env(space, sandbox.url, concurrency))
            await notifier.wait_ready(60)
            end_to_end = await through_kafka(space, sandbox.url, requests)
        finally:
            notifier.stop()
            sandbox.stop()
    return [Row("notifier: notifications/s topic->sandbox", end_to_end,
                "bare httpx POST loop", bare, "/s", "exactly once, per-line limit lifted",
                higher_is_better=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.notifier_bench")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args(argv)
    rows = asyncio.run(run(args.count, args.concurrency))
    show(rows, "notifier-bench", f"Notifier benchmark, {args.count} notifications")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
