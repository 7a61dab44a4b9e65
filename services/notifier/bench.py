"""Benchmark: notifications per second end to end (topic -> notifier -> sandbox Graph API),
next to a bare httpx POST loop to the same sandbox in the same run.

    .venv/bin/python -m services.notifier.bench [--count 2000] [--concurrency 64]

Needs Kafka and PostgreSQL (as `make bench` starts them). Creates its own topic prefix and
database, starts `python -m services.sandbox` (no status webhooks) and
`python -m services.notifier` with the per-line rate limit lifted (the 80/s default would
only measure the limit) and one message per recipient. The baseline POSTs the same kind of
body (the rendered template, one recipient each) with the same concurrency as the notifier's
HTTP client. The figure is measured from the first request published to the last message
the sandbox recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import asyncpg
import httpx
from aiokafka import AIOKafkaProducer

from bench.report import Row, render, write_json
from contracts.lines import citizen_key
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from contracts.topics import NOTIFICATIONS_REQUESTS
from servicekit.topic_admin import ensure_topics
from services.notifier.catalogue import render as render_body

REPO = Path(__file__).resolve().parents[2]
TOKEN = "bench-access-token"  # noqa: S105 (a throwaway token of the benchmark run)
LINE = "103522000000000"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Process:
    def __init__(self, module: str, env: dict[str, str], port_var: str, log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603 (our own modules)
                [sys.executable, "-m", module], cwd=REPO,
                env={**os.environ, "MATUR_LOG_FORMAT": "json", **env, port_var: str(self.port)},
                stdout=out, stderr=subprocess.STDOUT,
            )

    async def ready(self, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        async with httpx.AsyncClient(base_url=self.url, timeout=2) as http:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.log} died: {self.log.read_text()[-2000:]}")
                try:
                    if (await http.get("/readyz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
        raise TimeoutError(f"not ready, see {self.log}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


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


async def run(count: int, concurrency: int) -> list[Row]:
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    server_dsn = os.environ.get("DATABASE_URL", "postgresql://matur@127.0.0.1:5432/matur")
    run_id = uuid.uuid4().hex[:8]
    prefix = f"bench{run_id}."
    await ensure_topics(bootstrap, prefix=prefix)
    db = f"matur_bench_{run_id}"
    conn = await asyncpg.connect(server_dsn)
    await conn.execute(f'CREATE DATABASE "{db}"')
    await conn.close()
    dsn = server_dsn.rsplit("/", 1)[0] + "/" + db
    logs = REPO / ".local" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    sandbox = _Process(
        "services.sandbox",
        {"WHATSAPP_ACCESS_TOKEN": TOKEN, "SANDBOX_AUTO_STATUSES": "false",
         "MATUR_LOG_LEVEL": "WARNING"},
        "SANDBOX_PORT", logs / f"sandbox-{run_id}.log",
    )
    notifier: _Process | None = None
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        await sandbox.ready()
        requests = [_request(n, run_id) for n in range(count)]
        print(f"bare httpx loop: {count} POSTs, concurrency {concurrency} ...", file=sys.stderr)
        bare = await bare_loop(sandbox.url, requests, concurrency)
        async with httpx.AsyncClient(base_url=sandbox.url, timeout=30) as control:
            notifier = _Process(
                "services.notifier",
                {"KAFKA_BOOTSTRAP_SERVERS": bootstrap, "MATUR_TOPIC_PREFIX": prefix,
                 "DATABASE_URL": dsn, "WHATSAPP_API_BASE_URL": sandbox.url,
                 "WHATSAPP_ACCESS_TOKEN": TOKEN, "NOTIFIER_GROUP_ID": f"bench-{run_id}",
                 "NOTIFIER_LINE_RATE_PER_S": "1000000", "NOTIFIER_RECIPIENT_INTERVAL_S": "0",
                 "NOTIFIER_MAX_CONCURRENT_SENDS": str(concurrency),
                 "MATUR_LOG_LEVEL": "WARNING"},
                "NOTIFIER_PORT", logs / f"notifier-{run_id}.log",
            )
            await notifier.ready()
            await producer.start()
            topic = NOTIFICATIONS_REQUESTS.full_name(prefix)
            warmup = _request(count + 1, run_id + "w")
            await producer.send_and_wait(
                topic, warmup.to_bytes(), key=warmup.recipient.key.encode()
            )
            before = count  # the baseline's sends
            await _wait_accepted(control, before + 1, 60)  # the group joined, sends work
            print(f"notifier: {count} requests through Kafka ...", file=sys.stderr)
            started = time.monotonic()
            pending = [
                await producer.send(topic, r.to_bytes(), key=r.recipient.key.encode())
                for r in requests
            ]
            await asyncio.gather(*pending)
            finished = await _wait_accepted(control, before + 1 + count, 600)
            end_to_end = count / (finished - started)
    finally:
        await producer.stop()
        if notifier is not None:
            notifier.stop()
        sandbox.stop()
        conn = await asyncpg.connect(server_dsn)
        await conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await conn.close()
    return [
        Row(
            name="notifier: notifications/s topic->sandbox",
            figure=end_to_end,
            baseline_name="bare httpx POST loop",
            baseline=bare,
            unit="/s",
            target="exactly once, per-line limit lifted",
            higher_is_better=True,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.notifier.bench")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args(argv)
    rows = asyncio.run(run(args.count, args.concurrency))
    print(f"\nNotifier benchmark, {args.count} notifications")
    print(render(rows))
    print(f"\nwritten {write_json(rows, 'notifier-bench')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
