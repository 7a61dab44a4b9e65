"""API benchmark: one case and a filtered page through the real HTTP API, next to the same
bare asyncpg queries, with N cases loaded by COPY.

    python -m bench.api_bench                 # 1,000,000 cases
    python -m bench.api_bench --cases 50000   # smaller

Uses its own database (`bench.api_cases`: `<DATABASE_URL's server>/matur_bench_api`,
recreated each run unless `--reuse` finds as many cases loaded) and the running Kafka under
a topic prefix of its own (the API starts its producer). Targets: p99 <= 20 ms for one
case, <= 50 ms for a filtered page. Writes results/api-bench-<time>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import asyncpg

from bench.api_cases import cases_database
from bench.http_client import LeanHttp
from bench.report import Row, percentile, show
from bench.scratch import LOGS, scratch
from contracts.hierarchy import CaseStatus, Category
from devstack.launcher import HttpProcess
from servicekit.settings import repo_path
from services.api.access.roles import Principal, Role
from services.api.access.store import issue_token
from services.api.cases.listing import CaseFilters, CaseSort
from services.api.cases.sql import list_query, one_case_query
from services.api.directory.areas import load_areas
from services.api.settings import ApiSettings

DISTRICT = "35.22.10"
STATUSES = ("resolved", "open", "acknowledged")
PRINCIPAL = Principal("bench", Role.SYSTEM, "bench", None, (DISTRICT,), True)


@dataclass(frozen=True)
class Measured:
    p50_ms: float
    p99_ms: float
    rps: float


async def measure(
    call: Callable[[int], Awaitable[None]], sequential: int, concurrent: int, workers: int
) -> Measured:
    """Latency from `sequential` calls one at a time; throughput from `concurrent` calls
    spread over `workers` concurrent callers."""
    for i in range(min(50, sequential)):  # warm-up (connections, plans, caches)
        await call(i)
    samples = []
    for i in range(sequential):
        t = time.perf_counter()
        await call(i)
        samples.append((time.perf_counter() - t) * 1000)
    counter = iter(range(concurrent))

    async def worker() -> None:
        for i in counter:
            await call(i)

    t = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    elapsed = time.perf_counter() - t
    return Measured(percentile(samples, 50), percentile(samples, 99), concurrent / elapsed)

@dataclass
class Calls:
    """Each figure's call both ways: through the HTTP API (one keep-alive connection per
    concurrent caller) and as the same SQL on a bare asyncpg pool, as a system user
    scoped to one district."""

    free: list[LeanHttp]
    pool: asyncpg.Pool
    case_ids: list[str]

    async def http_get(self, path: str, params: dict[str, str] | None = None) -> bytes:
        conn = self.free.pop()
        try:
            status, body = await conn.get(path, params)
        finally:
            self.free.append(conn)
        assert status == 200, body[:300]
        return body

    async def http_one(self, i: int) -> None:
        await self.http_get(f"/cases/{self.case_ids[i % len(self.case_ids)]}")

    async def sql_one(self, i: int) -> None:
        text, params = one_case_query(PRINCIPAL, self.case_ids[i % len(self.case_ids)])
        async with self.pool.acquire() as c:
            assert await c.fetchrow(text, *params) is not None

    async def http_page(self, i: int) -> None:
        params = {"district": DISTRICT, "category": "theft", "limit": "50",
                  "status": STATUSES[i % 3]}
        assert json.loads(await self.http_get("/cases", params))["items"]

    async def sql_page(self, i: int) -> None:
        f = CaseFilters(statuses=(CaseStatus(STATUSES[i % 3]),), districts=(DISTRICT,),
                        categories=(Category.THEFT,))
        text, params = list_query(PRINCIPAL, f, CaseSort.UPDATED_DESC, 50, None)
        async with self.pool.acquire() as c:
            assert await c.fetch(text, *params)


async def measure_all(calls: Calls, sequential: int, concurrent: int, workers: int) -> list[Row]:
    rows: list[Row] = []
    for label, http_call, sql_call, target in (
        ("one case", calls.http_one, calls.sql_one, 20.0),
        ("filtered page (50)", calls.http_page, calls.sql_page, 50.0),
    ):
        h = await measure(http_call, sequential, concurrent, workers)
        b = await measure(sql_call, sequential, concurrent, workers)
        rows += [
            Row(f"api {label} p50", h.p50_ms, "asyncpg p50", b.p50_ms, "ms"),
            Row(f"api {label} p99", h.p99_ms, "asyncpg p99", b.p99_ms, "ms",
                target=f"<= {target:.0f} ms"),
            Row(f"api {label} req/s ({workers} conc.)", h.rps, "asyncpg req/s", b.rps,
                "/s", higher_is_better=True),
        ]
    return rows


async def token_and_cases(dsn: str) -> tuple[str, list[str]]:
    """A system token scoped to the district, and up to 5,000 of its cases' ids."""
    conn = await asyncpg.connect(dsn)
    try:
        issued = await issue_token(conn, Role.SYSTEM, "bench", timedelta(hours=2),
                                   scope=(DISTRICT,), reveal_reporter=True)
        rows = await conn.fetch("SELECT case_id FROM projection.cases WHERE district_code = $1 "
                                "ORDER BY random() LIMIT 5000", DISTRICT)
    finally:
        await conn.close()
    return issued.token, [r["case_id"] for r in rows]


async def run(n: int, sequential: int, concurrent: int, workers: int, reuse: bool) -> list[Row]:
    base = ApiSettings()
    villages = [v.code for v in load_areas(repo_path(base.area_data_dir), "35.22").villages]
    dsn = await cases_database(base.database_url.get_secret_value(), n, villages, reuse)
    token, case_ids = await token_and_cases(dsn)
    async with scratch("api", database=False) as space:
        api = HttpProcess.service("services.api", "API_PORT", LOGS / f"api-{space.run_id}.log")
        api.start({**space.env(), "DATABASE_URL": dsn, "MATUR_API_PROJECTION": "false",
                   "MATUR_API_TOKEN_RATE": "1000000", "MATUR_API_TOKEN_BURST": "1000000",
                   "MATUR_LOG_LEVEL": "WARNING"})
        pool = await asyncpg.create_pool(dsn, min_size=workers, max_size=workers,
                                         server_settings={"search_path": "projection,public"})
        try:
            await api.wait_ready(60)
            headers = {"Authorization": f"Bearer {token}"}
            free = [LeanHttp("127.0.0.1", api.port, headers) for _ in range(workers)]
            return await measure_all(Calls(free, pool, case_ids), sequential, concurrent,
                                     workers)
        finally:
            await pool.close()
            api.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.api_bench")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2000, help="sequential, per figure")
    parser.add_argument("--concurrent", type=int, default=4000, help="for req/s, per figure")
    parser.add_argument("--workers", type=int, default=8, help="concurrent callers")
    parser.add_argument(
        "--reuse", action="store_true", help="keep a previous run's database of as many cases"
    )
    args = parser.parse_args(argv)
    rows = asyncio.run(run(args.cases, args.requests, args.concurrent, args.workers, args.reuse))
    show(rows, "api-bench", f"API benchmark, {args.cases:,} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
