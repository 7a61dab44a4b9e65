"""`make bench`: run the benchmarks one after the other, print ONE table (each figure, its
baseline measured in the same run, the ratio, the target and MET/MISSED), and write it as
JSON under results/ (git-ignored).

    .venv/bin/python -m bench             # all: reading ingest router notifier api e2e console
    .venv/bin/python -m bench router e2e         # a subset
    BENCH_FULL=1 .venv/bin/python -m bench       # the API with 1,000,000 cases (else 200,000)

Each benchmark makes and removes its own topic prefix and database (`bench.scratch`; the API
benchmark keeps its `matur_bench_api` database for `--reuse`). Exits non-zero only when a
benchmark crashed, never for a missed target.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import traceback
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from bench.report import Row, render, write_json
from bench.targets import verdict

NAMES = ("reading", "ingest", "router", "notifier", "api", "e2e", "console")


def _full() -> bool:
    return os.environ.get("BENCH_FULL", "") not in ("", "0", "false", "no")


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min) {five:.1f} (5 min) on {os.cpu_count()} cores"


def benchmarks(opts: argparse.Namespace) -> dict[str, Callable[[], Coroutine[Any, Any, list[Row]]]]:
    async def reading() -> list[Row]:
        from bench import reading_bench

        return await reading_bench.run(opts.reading_passes)

    async def ingest() -> list[Row]:
        from bench import ingest_bench

        rates = [int(r) for r in opts.ingest_rates.split(",")]
        return await ingest_bench.run(rates, opts.ingest_seconds, 1000)

    async def router() -> list[Row]:
        from bench import router_bench

        return await router_bench.run(opts.router_messages, opts.router_escalations,
                                      opts.router_open_cases)

    async def notifier() -> list[Row]:
        from bench import notifier_bench

        return await notifier_bench.run(opts.notifier_count, 64)

    async def api() -> list[Row]:
        from bench import api_bench

        return await api_bench.run(opts.api_cases, 2000, 4000, 8, False)

    async def e2e() -> list[Row]:
        from bench import e2e_latency

        print("e2e: per-line rate limit set to 1000/s (NOTIFIER_LINE_RATE_PER_S=1000; Meta's "
              "default is 80/s, upgraded numbers get 1,000)", flush=True)
        lower = tuple(float(r) for r in opts.e2e_lower_rates.split(",") if r.strip())
        return await e2e_latency.run(opts.e2e_rate, opts.e2e_seconds, 3, opts.e2e_statuses,
                                     lower)

    async def console() -> list[Row]:
        from bench import console_bench

        return await console_bench.run(opts.console_cases, opts.console_rate,
                                       opts.console_seconds, 10)

    return {"reading": reading, "ingest": ingest, "router": router, "notifier": notifier,
            "api": api, "e2e": e2e, "console": console}


def table(rows: list[Row]) -> str:
    lines = render(rows).split("\n")
    lines[0] += "  verdict"
    body = [f"{line}  {verdict(row)}" for line, row in zip(lines[2:], rows, strict=True)]
    return "\n".join([lines[0], "-" * len(lines[0]), *body])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description=(__doc__ or "").split("\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run, of {', '.join(NAMES)} (default: all)")
    parser.add_argument("--api-cases", type=int,
                        default=1_000_000 if _full() else 200_000)
    parser.add_argument("--reading-passes", type=int, default=10)
    parser.add_argument("--router-messages", type=int, default=3000)
    parser.add_argument("--router-escalations", type=int, default=500)
    parser.add_argument("--router-open-cases", type=int, default=1_000_000)
    parser.add_argument("--notifier-count", type=int, default=2000)
    parser.add_argument("--ingest-rates", default="250,500,1000,1500,2000")
    parser.add_argument("--ingest-seconds", type=float, default=5.0)
    parser.add_argument("--e2e-rate", type=float, default=500)
    parser.add_argument("--e2e-seconds", type=float, default=20)
    parser.add_argument("--e2e-lower-rates", default="50",
                        help="e2e rates measured before the target's, for information")
    parser.add_argument("--e2e-statuses", action="store_true",
                        help="the sandbox sends status webhooks back to ingest during e2e")
    parser.add_argument("--console-cases", type=int, default=5000,
                        help="open cases on the console's board")
    parser.add_argument("--console-rate", type=float, default=50)
    parser.add_argument("--console-seconds", type=float, default=15)
    opts = parser.parse_args(argv)
    chosen = opts.names or list(NAMES)
    unknown = [n for n in chosen if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    print(f"make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {_load()}", flush=True)
    if "api" in chosen:
        print(f"api: {opts.api_cases:,} cases "
              f"({'BENCH_FULL=1' if _full() else 'default; BENCH_FULL=1 loads 1,000,000'})",
              flush=True)
    runs = benchmarks(opts)
    rows: list[Row] = []
    crashed: list[str] = []
    started = time.monotonic()
    for name in chosen:
        print(f"\n=== {name} ({_load()}) ===", flush=True)
        t0 = time.monotonic()
        try:
            rows += asyncio.run(runs[name]())
        except Exception:  # a crashed benchmark must not hide the others' figures
            traceback.print_exc()
            crashed.append(name)
        print(f"=== {name}: {time.monotonic() - t0:.0f} s ===", flush=True)
    print(f"\nMatur benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
          f"{time.monotonic() - started:.0f} s in all, {_load()}")
    if rows:
        print(table(rows))
        print(f"results: {write_json(rows, 'bench')}")
    if crashed:
        print(f"CRASHED: {', '.join(crashed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
