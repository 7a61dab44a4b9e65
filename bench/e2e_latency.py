"""Benchmark: end-to-end latency from a citizen's webhook POST to his receipt arriving at the
(sandbox) WhatsApp API, at a fixed offered rate, with the whole stack on this machine.

    .venv/bin/python -m bench.e2e_latency [--rate 500] [--seconds 20] [--statuses]

Needs Kafka and PostgreSQL (as `make bench` starts them). Starts the whole stack as
`make run` does (`devstack.stack_runner.Stack`: sandbox, ingest, router, notifier, API, each
`python -m services.<name>` on a free port) with its own topic prefix and database.

Each message is a distinct citizen (own phone) reporting a stolen motorbike in a named
village to the Kapolres line: a signed Meta webhook POSTed straight to ingest's /webhook.
The stream is open loop at a FIXED rate: message i is sent at start + i / rate whether or
not earlier ones were answered, and its latency is taken from that SCHEDULED time to the
moment the sandbox recorded the receipt to that phone (no coordinated omission). A receipt
that never arrives counts as infinitely late.

Settings that differ from `make run`, and why:
- NOTIFIER_LINE_RATE_PER_S=1000: all receipts leave from the Kapolres line; Meta's default
  of 80 messages/s per number would cap the run at 80/s (Meta raises numbers to 1,000 mps).
- NOTIFIER_RECIPIENT_INTERVAL_S=0: citizens are distinct, but every report also alerts its
  village's Bhabin (150 of them); the 1 message per 6 s pacing per recipient would queue
  those alerts for minutes and they share the notifier's in-flight budget with receipts.
- SANDBOX_AUTO_STATUSES=false: the sandbox stands in for Meta, whose servers do not run on
  this machine; producing, signing and POSTing two status webhooks per send made the
  sandbox the busiest process (the relay baseline itself went from ~20 ms to ~20 s p50 at
  500/s). `--statuses` turns them on (ingest then also takes ~1,000 status webhooks/s).

Baseline, measured in the same run on the same sandbox: the same open-loop stream at the
same rate to the relay of `bench.baselines`, a bare endpoint that answers 200 and POSTs
one text message to the sandbox per webhook (HTTP in and HTTP out, nothing between); same
latency measure.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from dataclasses import dataclass

from bench.citizen_reports import phone, signed_headers, webhook_body
from bench.cpu_use import per_thousand, snapshot
from bench.open_loop import Stream, post_stream
from bench.report import Row, percentile, show
from bench.sandbox_receipts import wait_receipts
from bench.scratch import LOGS, scratch
from bench.stage_times import breakdown
from devstack.launcher import HttpProcess, python_module
from devstack.ports import free_port
from devstack.stack_runner import Stack

APP_SECRET = "bench-e2e-app-secret"  # noqa: S105 (a throwaway secret of the benchmark run)
ACCESS_TOKEN = "bench-e2e-access-token"  # noqa: S105
P99_TARGET_MS = 1000.0


@dataclass
class Measured:
    stream: Stream
    latencies_ms: list[float]  # inf for a receipt that never came
    received: int
    phones: list[str]
    arrived: dict[str, float]

    def p(self, q: float) -> float:
        return percentile(self.latencies_ms, q)

    def line(self, name: str) -> str:
        return (f"{name}: offered {len(self.stream.status)}, answered 200: {self.stream.ok}, "
                f"failed {self.stream.failed}, receipts {self.received}, "
                f"p50 {self.p(50):.0f} ms, p99 {self.p(99):.0f} ms, p99.9 {self.p(99.9):.0f} ms, "
                f"max {max(self.latencies_ms):.0f} ms, "
                f"client lag max {self.stream.max_send_lag_s * 1000:.0f} ms")

    def by_slice(self, slices: int = 5) -> str:
        """p50/p99 per slice of the schedule: a rising latency means a queue that grows."""
        size = max(1, len(self.latencies_ms) // slices)
        parts = []
        for k in range(0, len(self.latencies_ms), size):
            chunk = self.latencies_ms[k:k + size]
            parts.append(f"{percentile(chunk, 50):.0f}/{percentile(chunk, 99):.0f}")
        return "p50/p99 ms per fifth of the schedule: " + "  ".join(parts)


async def offer(url: str, sandbox_url: str, run: int, tag: str, count: int,
                rate: float) -> Measured:
    bodies = [webhook_body(run, n, tag) for n in range(count)]
    headers = [signed_headers(b, APP_SECRET) for b in bodies]
    phones = [phone(run, n) for n in range(count)]
    since = time.time() - 1
    stream = await post_stream(url, bodies, headers, rate)
    arrived = await wait_receipts(sandbox_url, set(phones), since)
    latencies = [(arrived[p] - stream.scheduled[i]) * 1000 if p in arrived else float("inf")
                 for i, p in enumerate(phones)]
    return Measured(stream, latencies, len(arrived), phones, arrived)


def stack_env(env: dict[str, str], prefix: str, run_id: str, statuses: bool) -> dict[str, str]:
    return {
        **env,
        "MATUR_LOG_LEVEL": "WARNING",
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
        "ROUTER_STORE_DIR": str(LOGS / f"e2e-{run_id}" / "router-store"),
        "NOTIFIER_GROUP_ID": f"{prefix}notifier",
        "MATUR_API_PROJECTION_GROUP": f"{prefix}api-projection",
        "NOTIFIER_LINE_RATE_PER_S": "1000",
        "NOTIFIER_RECIPIENT_INTERVAL_S": "0",
        "SANDBOX_AUTO_STATUSES": "true" if statuses else "false",
        "SANDBOX_RECORD_LIMIT": "500000",
    }


async def run(rate: float, seconds: float, warmup_s: float, statuses: bool,
              lower_rates: tuple[float, ...] = (), extra_env: dict[str, str] | None = None
              ) -> list[Row]:
    """Warm up, then for each of `lower_rates` (informative) and `rate` (the target's):
    the relay baseline, then the stack, `seconds` each."""
    phones_run = iter(range(random.randrange(0, 80), 100))  # distinct phones per stream
    rows: list[Row] = []
    async with scratch("e2e", database=True) as space:
        log_dir = LOGS / f"e2e-{space.run_id}"
        env = {**stack_env(space.env(), space.prefix, space.run_id, statuses),
               **(extra_env or {})}
        stack = Stack(env, log_dir)
        print(f"e2e: starting the stack (logs in {log_dir}) ...", file=sys.stderr, flush=True)
        await stack.up()
        port = free_port()
        relay = HttpProcess("relay", python_module("bench.baselines", "relay", str(port),
                                                    stack.url("sandbox"), ACCESS_TOKEN),
                             log_dir / "relay.log", port)
        relay.start()
        try:
            await relay.wait_ready(60)
            relay_url = f"{relay.url}/webhook"
            ingest_url = f"{stack.url('ingest')}/webhook"
            sandbox = stack.url("sandbox")
            warm_count = int(100 * warmup_s)
            print(f"e2e: warm-up, {warmup_s:.0f} s at 100/s to each ...", file=sys.stderr,
                  flush=True)
            await offer(relay_url, sandbox, next(phones_run), "relay-warm", warm_count, 100)
            warm = await offer(ingest_url, sandbox, next(phones_run), "warm", warm_count, 100)
            say(warm.line("warm-up"))
            for step_rate in (*lower_rates, rate):
                count = int(step_rate * seconds)
                say(f"e2e: {count} POSTs at {step_rate:.0f}/s to the bare relay ...")
                bare = await offer(relay_url, sandbox, next(phones_run), f"relay{step_rate:.0f}",
                                   count, step_rate)
                say(bare.line("relay"))
                say(f"e2e: {count} citizen reports at {step_rate:.0f}/s through the stack ...")
                pids = {p.name: p.pid for p in stack.processes.values()}
                cpu_before, wall_before = snapshot(pids), time.monotonic()
                matur = await offer(ingest_url, sandbox, next(phones_run), f"e2e{step_rate:.0f}",
                                    count, step_rate)
                say(matur.line("matur"))
                say(per_thousand(cpu_before, snapshot(pids), count,
                                 time.monotonic() - wall_before))
                say(matur.by_slice())
                say(await breakdown(space.bootstrap, space.prefix, matur.phones,
                                    matur.stream.scheduled, matur.arrived))
                rows += step_rows(step_rate, count, matur, bare, main=step_rate == rate)
            dead = stack.dead()
            if dead:
                raise RuntimeError("stack processes died:\n"
                                   + stack.tails(60, [p.name for p in dead]))
        finally:
            relay.stop()
            stack.stop()
    return rows


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def step_rows(rate: float, count: int, matur: Measured, bare: Measured, main: bool) -> list[Row]:
    label = f"at {rate:.0f}/s"
    p99 = Row(f"e2e POST->receipt p99 {label}", matur.p(99), "bare relay p99", bare.p(99), "ms",
              f"<= {P99_TARGET_MS:.0f} ms" if main else "")
    p50 = Row(f"e2e POST->receipt p50 {label}", matur.p(50), "bare relay p50", bare.p(50), "ms")
    if not main:
        return [p50, p99]
    return [
        p50, p99,
        Row(f"e2e POST->receipt p99.9 {label}", matur.p(99.9), "bare relay p99.9",
            bare.p(99.9), "ms"),
        Row(f"e2e receipts arrived of {count} {label}", float(matur.received), "bare relay",
            float(bare.received), "", f"all {count}", higher_is_better=True),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e_latency")
    parser.add_argument("--rate", type=float, default=500)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3, help="seconds at 100/s")
    parser.add_argument("--lower-rates", default="50",
                        help="comma separated rates measured first, for information ('' none)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="an extra setting for every stack process (experiments)")
    parser.add_argument("--statuses", action="store_true",
                        help="the sandbox sends status webhooks (sent, delivered) to ingest")
    args = parser.parse_args(argv)
    print("per-line rate limit set to 1000/s for this run (NOTIFIER_LINE_RATE_PER_S=1000; "
          "Meta's default is 80/s, upgraded numbers get 1,000)", flush=True)
    lower = tuple(float(r) for r in args.lower_rates.split(",") if r.strip())
    extra = dict(item.split("=", 1) for item in args.env)
    if extra:
        print(f"extra settings: {extra}", flush=True)
    rows = asyncio.run(run(args.rate, args.seconds, args.warmup, args.statuses, lower, extra))
    show(rows, "e2e-latency")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
