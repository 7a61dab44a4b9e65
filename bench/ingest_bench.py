"""Benchmark: sustained signed webhook POSTs per second into ingest, next to a bare endpoint.

    .venv/bin/python -m bench.ingest_bench [--rates 250,500,750,1000,1500] [--seconds 5]

Needs Kafka and PostgreSQL (as `make bench` starts them). In a scratch space of its own
(topic prefix and database, `bench.scratch`), starts `python -m services.ingest` (acks=all,
idempotent, dedupe transaction) and the bare endpoint of `bench.baselines` (FastAPI under
the same uvicorn, reading the body, answering 200), then offers each target in turn, rate after
rate, a fixed rate of POSTs (`bench.open_loop`: requests leave on schedule whether or not
earlier ones have answered, each latency taken from its *scheduled* send time, so queueing
is not hidden). Every POST is one signed single-message webhook of a distinct citizen
(`bench.citizen_reports`) with a new wamid. A rate is sustained when at least 99% of the
offered requests completed with 200 within the step and p99 <= 50 ms. Prints one line per
step, where ingest's time went, then the `bench.report` rows (highest sustained rate of
each, the ratio, p50/p99 at 1000/s offered), and writes them to results/ingest-<time>.json.
`run()` returns the rows for a combined `make bench`.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass

import httpx

from bench.citizen_reports import signed_headers, webhook_body
from bench.open_loop import Stream, post_stream
from bench.report import Row, percentile, show
from bench.scratch import LOGS, scratch
from devstack.launcher import HttpProcess, python_module
from devstack.ports import free_port

SECRET = "bench-app-secret"  # noqa: S105 (a throwaway secret of the benchmark run)
P99_TARGET_MS = 50.0


@dataclass
class Step:
    target: str
    rate: int
    seconds: float
    stream: Stream

    @property
    def latencies_ms(self) -> list[float]:
        s = self.stream
        return [(s.answered[i] - s.scheduled[i]) * 1000
                for i, status in enumerate(s.status) if status == 200]

    @property
    def p50_ms(self) -> float:
        return percentile(self.latencies_ms, 50) if self.stream.ok else float("inf")

    @property
    def p99_ms(self) -> float:
        return percentile(self.latencies_ms, 99) if self.stream.ok else float("inf")

    @property
    def achieved(self) -> float:
        return self.stream.ok / self.seconds

    @property
    def sustained(self) -> bool:
        return (self.stream.ok >= 0.99 * len(self.stream.status)
                and self.p99_ms <= P99_TARGET_MS)

    def line(self) -> str:
        return (
            f"{self.target:<6} offered {len(self.stream.status) / self.seconds:>6.0f}/s  "
            f"ok {self.achieved:>6.0f}/s  failed {self.stream.failed:>5}  "
            f"p50 {self.p50_ms:>7.1f} ms  p99 {self.p99_ms:>7.1f} ms  "
            f"{'sustained' if self.sustained else 'NOT sustained'}"
        )


async def offer(url: str, target: str, rate: int, seconds: float, run: int, tag: str) -> Step:
    bodies = [webhook_body(run, n, tag) for n in range(int(rate * seconds))]
    headers = [signed_headers(body, SECRET) for body in bodies]
    return Step(target, rate, seconds, await post_stream(url, bodies, headers, rate))


async def offer_rates(urls: dict[str, str], rates: list[int], seconds: float,
                      run_id: str) -> dict[str, list[Step]]:
    """Both targets at each rate in turn (machine noise hits both), after a warm-up; a
    target far past saturation gets no higher rates (they would tell nothing)."""
    run = int(run_id[:4], 16)
    for name, url in urls.items():
        await offer(url, name, 200, 1.0, run, f"{run_id}-warm-{name}")
    steps: dict[str, list[Step]] = {name: [] for name in urls}
    collapsed: set[str] = set()
    for rate in rates:
        for name, url in urls.items():
            if name in collapsed:
                continue
            step = await offer(url, name, rate, seconds, run, f"{run_id}-{name}-{rate}")
            steps[name].append(step)
            print(step.line(), flush=True)
            if step.achieved < 0.5 * rate:
                collapsed.add(name)
            await asyncio.sleep(1)  # let the step drain
    return steps


async def run(rates: list[int], seconds: float, reference_rate: int = 1000) -> list[Row]:
    """Offer each rate to ingest and to the bare endpoint in turn; print every step; return
    the rows of `bench.report` (sustained rate, and p50/p99 at `reference_rate`)."""
    async with scratch("ingest", database=True) as space:
        env = {**space.env(), "WHATSAPP_APP_SECRET": SECRET, "MATUR_LOG_FORMAT": "json",
               "MATUR_LOG_LEVEL": "WARNING"}
        ingest = HttpProcess.service("services.ingest", "INGEST_PORT",
                                     LOGS / f"ingest-bench-{space.run_id}.log")
        port = free_port()
        bare = HttpProcess("bare endpoint", python_module("bench.baselines", "bare", str(port)),
                           LOGS / f"ingest-bench-bare-{space.run_id}.log", port)
        try:
            for process in (ingest, bare):
                process.start(env)
            await asyncio.gather(ingest.wait_ready(60), bare.wait_ready(60))
            steps = await offer_rates({"ingest": f"{ingest.url}/webhook",
                                       "bare": f"{bare.url}/webhook"}, rates, seconds,
                                      space.run_id)
            print(await internals(f"{ingest.url}/metrics"), flush=True)
        finally:
            ingest.stop(15)
            bare.stop(15)
    return rows(steps, reference_rate)


async def internals(metrics_url: str) -> str:
    """Where ingest's time went, from its own histograms (means over the whole run)."""
    async with httpx.AsyncClient(timeout=10) as http:
        text = (await http.get(metrics_url)).text
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
    at = {name: next((s for s in steps[name] if s.rate == reference_rate), None)
          for name in steps}
    ingest, bare = at["ingest"], at["bare"]
    if ingest is not None and bare is not None:
        out.append(Row(f"ingest p50 at {reference_rate}/s offered", ingest.p50_ms,
                       "bare p50", bare.p50_ms, "ms"))
        out.append(Row(f"ingest p99 at {reference_rate}/s offered", ingest.p99_ms,
                       "bare p99", bare.p99_ms, "ms", "<= 50 ms"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_bench",
                                     description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rates", default="250,500,750,1000,1500,2000")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--reference-rate", type=int, default=1000)
    opts = parser.parse_args(argv)
    rates = sorted({int(r) for r in opts.rates.split(",")} | {opts.reference_rate})
    result = asyncio.run(run(rates, opts.seconds, opts.reference_rate))
    show(result, "ingest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
