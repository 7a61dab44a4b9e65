"""Benchmark: sustained signed webhook POSTs per second into ingest, next to a bare endpoint.

    .venv/bin/python -m services.ingest.bench [--rates 250,500,750,1000,1500] [--seconds 5]

Needs Kafka and PostgreSQL (as `make bench` starts them). Creates its own topic prefix and
database, starts `python -m services.ingest` (acks=all, idempotent, dedupe transaction) and
a bare FastAPI endpoint (reads the body, answers 200) under uvicorn the same way, then
offers each target in turn, rate after rate, a fixed rate of POSTs (open loop: requests
leave on schedule whether or not earlier ones have answered) and measures each latency
from its *scheduled* send time, so queueing is not hidden. Every ingest POST is one signed
single-message webhook with a new wamid. A rate is sustained when at least 99% of the
offered requests completed with 200 within the step and p99 <= 50 ms. Prints one line per
step, where ingest's time went, then the `bench.report` rows (highest sustained rate of
each, the ratio, p50/p99 at 1000/s offered), and writes them to results/ingest-<time>.json.
`run()` returns the rows for a combined `make bench`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import asyncpg
from aiokafka.admin import AIOKafkaAdminClient
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bench.report import Row, render, write_json
from contracts.topics import ALL_TOPICS
from servicekit.topic_admin import ensure_topics
from services.ingest.settings import REPO_ROOT
from services.ingest.signature import sign

SECRET = "bench-app-secret"  # noqa: S105 (a throwaway secret of the benchmark run)
P99_TARGET_S = 0.050


@dataclass
class Step:
    target: str
    offered: int
    ok: int
    failed: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def achieved(self) -> float:
        return self.ok / self.seconds

    @property
    def sustained(self) -> bool:
        return self.ok >= 0.99 * self.offered and self.p99_ms <= P99_TARGET_S * 1000

    def line(self) -> str:
        return (
            f"{self.target:<6} offered {self.offered / self.seconds:>6.0f}/s  "
            f"ok {self.achieved:>6.0f}/s  failed {self.failed:>5}  "
            f"p50 {self.p50_ms:>7.1f} ms  p99 {self.p99_ms:>7.1f} ms  "
            f"{'sustained' if self.sustained else 'NOT sustained'}"
        )


def bare_app() -> FastAPI:
    """The comparison: FastAPI under the same uvicorn, reading the body, no work at all."""
    app = FastAPI()

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse({"status": "ok"})

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def body_for(run: str, n: int) -> bytes:
    wa_id = f"62812{n % 100000:07d}"
    return json.dumps({
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "6285335220000",
                         "phone_number_id": "103522000000000"},
            "contacts": [{"profile": {"name": "Warga"}, "wa_id": wa_id}],
            "messages": [{"from": wa_id, "id": f"wamid.bench-{run}-{n}",
                          "timestamp": "1764460800", "type": "text",
                          "text": {"body": "Ada pencurian motor di depan balai desa"}}],
        }}]}],
    }, separators=(",", ":")).encode()


async def offer(url: str, target: str, rate: int, seconds: float, run: str, start_n: int) -> Step:
    total = int(rate * seconds)
    bodies = [body_for(run, start_n + i) for i in range(total)]
    headers = [{"Content-Type": "application/json", "X-Hub-Signature-256": sign(b, SECRET)}
               for b in bodies]
    latencies: list[float] = []
    failed = 0
    connector = aiohttp.TCPConnector(limit=512)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def one(i: int, due: float) -> None:
            nonlocal failed
            try:
                async with session.post(url, data=bodies[i], headers=headers[i]) as response:
                    await response.read()
                    if response.status != 200:
                        failed += 1
                        return
            except (aiohttp.ClientError, TimeoutError):
                failed += 1
                return
            latencies.append(time.perf_counter() - due)

        loop_start = time.perf_counter() + 0.2
        tasks = []
        for i in range(total):
            due = loop_start + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i, due)))
        await asyncio.gather(*tasks)
    latencies.sort()
    return Step(target, total, len(latencies), failed, seconds,
                percentile_ms(latencies, 0.50), percentile_ms(latencies, 0.99))


def percentile_ms(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("inf")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def start_process(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(  # noqa: S603 (our own module, fixed arguments)
            args, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )


async def wait_ready(url: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError(url)


async def run(rates: list[int], seconds: float, reference_rate: int = 1000,
              ingest_port: int = 18101, bare_port: int = 18102) -> list[Row]:
    """Offer each rate to ingest and to the bare endpoint in turn; print every step; return
    the rows of `bench.report` (sustained rate, and p50/p99 at `reference_rate`)."""
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    server_dsn = os.environ.get("DATABASE_URL", "postgresql://matur@127.0.0.1:5432/matur")
    run_id = uuid.uuid4().hex[:8]
    prefix = f"bench-ingest-{run_id}."
    await ensure_topics(bootstrap, prefix=prefix)
    db_name = f"matur_bench_ingest_{run_id}"
    conn = await asyncpg.connect(server_dsn)
    await conn.execute(f'CREATE DATABASE "{db_name}"')
    await conn.close()
    dsn = server_dsn.rsplit("/", 1)[0] + "/" + db_name
    logs = REPO_ROOT / ".local" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "DATABASE_URL": dsn,
           "MATUR_TOPIC_PREFIX": prefix, "WHATSAPP_APP_SECRET": SECRET,
           "INGEST_PORT": str(ingest_port), "MATUR_LOG_FORMAT": "json",
           "MATUR_LOG_LEVEL": "WARNING"}
    ingest = start_process([sys.executable, "-m", "services.ingest"], env,
                           logs / "ingest-bench-ingest.log")
    bare = start_process([sys.executable, "-m", "services.ingest.bench", "--serve-bare",
                          str(bare_port)], env, logs / "ingest-bench-bare.log")
    steps: dict[str, list[Step]] = {"ingest": [], "bare": []}
    try:
        await wait_ready(f"http://127.0.0.1:{ingest_port}/readyz")
        await wait_ready(f"http://127.0.0.1:{bare_port}/healthz")
        targets = {"ingest": f"http://127.0.0.1:{ingest_port}/webhook",
                   "bare": f"http://127.0.0.1:{bare_port}/webhook"}
        for name, url in targets.items():
            await offer(url, name, 200, 1.0, run_id + "warm" + name, 0)  # warm-up
        n = 0
        collapsed: set[str] = set()
        for rate in rates:  # both targets at each rate in turn: machine noise hits both
            for name, url in targets.items():
                if name in collapsed:
                    continue
                step = await offer(url, name, rate, seconds, run_id, n)
                n += step.offered
                steps[name].append(step)
                print(step.line(), flush=True)
                if step.achieved < 0.5 * rate:
                    collapsed.add(name)  # far past saturation: higher rates tell nothing
                await asyncio.sleep(1)  # let the step drain
        print(await internals(f"http://127.0.0.1:{ingest_port}/metrics"), flush=True)
    finally:
        for proc in (ingest, bare):
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        conn = await asyncpg.connect(server_dsn)
        await conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        await conn.close()
        await delete_topics(bootstrap, prefix)
    return rows(steps, reference_rate)


async def internals(metrics_url: str) -> str:
    """Where ingest's time went, from its own histograms (means over the whole run)."""
    async with aiohttp.ClientSession() as session, session.get(metrics_url) as response:
        text = await response.text()
    values: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("matur_ingest_") and ("_sum " in line or "_count " in line):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)

    def mean_ms(metric: str) -> float:
        count = values.get(f"{metric}_count", 0.0)
        return 1000 * values.get(f"{metric}_sum", 0.0) / count if count else float("nan")

    produce = values.get("matur_ingest_produce_latency_seconds_count", 0.0)
    posts = values.get("matur_ingest_publish_seconds_count", 0.0)
    return (
        f"ingest internals: {posts:.0f} POSTs in {produce:.0f} transactions "
        f"({posts / produce if produce else float('nan'):.1f} per group); mean per POST "
        f"{mean_ms('matur_ingest_publish_seconds'):.1f} ms, of which produce+acks "
        f"{mean_ms('matur_ingest_produce_latency_seconds'):.1f} ms per transaction"
    )


def best_sustained(steps: list[Step]) -> float:
    return max((s.achieved for s in steps if s.sustained), default=0.0)


def rows(steps: dict[str, list[Step]], reference_rate: int) -> list[Row]:
    out = [Row("ingest sustained signed POST/s (acks=all)", best_sustained(steps["ingest"]),
               "bare FastAPI POST/s", best_sustained(steps["bare"]), "/s",
               ">= 1000/s, ratio >= 0.5", higher_is_better=True)]
    at = {name: next((s for s in steps[name] if s.offered == int(reference_rate * s.seconds)),
                     None) for name in steps}
    ingest, bare = at["ingest"], at["bare"]
    if ingest is not None and bare is not None:
        out.append(Row(f"ingest p50 at {reference_rate}/s offered", ingest.p50_ms,
                       "bare p50", bare.p50_ms, "ms"))
        out.append(Row(f"ingest p99 at {reference_rate}/s offered", ingest.p99_ms,
                       "bare p99", bare.p99_ms, "ms", "<= 50 ms"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rates", default="250,500,750,1000,1500,2000")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--reference-rate", type=int, default=1000)
    parser.add_argument("--ingest-port", type=int, default=18101)
    parser.add_argument("--bare-port", type=int, default=18102)
    opts = parser.parse_args(argv)
    rates = sorted({int(r) for r in opts.rates.split(",")} | {opts.reference_rate})
    result = asyncio.run(run(rates, opts.seconds, opts.reference_rate,
                             opts.ingest_port, opts.bare_port))
    print()
    print(render(result))
    print(f"results: {write_json(result, 'ingest')}")
    return 0


async def delete_topics(bootstrap: str, prefix: str) -> None:
    """The benchmark's own topics go away with it (the shared broker keeps no litter)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="matur-bench")
    await admin.start()
    try:
        await admin.delete_topics([t.full_name(prefix) for t in ALL_TOPICS])
    finally:
        await admin.close()


def serve_bare(port: int) -> None:
    from servicekit.serve import serve

    serve(bare_app(), "127.0.0.1", port)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve-bare":
        serve_bare(int(sys.argv[2]))
    else:
        sys.exit(main())
