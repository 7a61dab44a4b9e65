"""API benchmark: one case and a filtered page through the real HTTP API, next to the same
bare asyncpg queries, with N cases loaded by COPY.

    python -m bench.api_bench                 # 1,000,000 cases
    python -m bench.api_bench --cases 50000   # smaller

Uses its own database (`<DATABASE_URL's server>/matur_bench_api`, recreated each run) and
the running Kafka (the API starts its producer). Targets: p99 <= 20 ms for one case,
<= 50 ms for a filtered page. Writes results/api-bench-<time>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench.http_client import LeanHttp
from bench.report import Row, percentile, render, write_json
from contracts.hierarchy import CaseStatus, Category
from services.api.access.roles import Principal, Role
from services.api.access.store import issue_token
from services.api.cases.listing import CaseFilters, CaseSort
from services.api.cases.sql import list_query, one_case_query
from services.api.database import migrate
from services.api.directory.areas import load_areas
from services.api.settings import ApiSettings, repo_path

REPO = Path(__file__).resolve().parents[1]
DB_NAME = "matur_bench_api"
STATUSES = (["resolved"] * 13) + (["acknowledged"] * 3) + (["open"] * 2) + ["awaiting_village",
            "cancelled"]  # fmt: skip
CATEGORIES = ("theft", "robbery", "vehicle_theft", "traffic_accident", "brawl", "fraud", "other")
WORDS = ("motor", "hilang", "maling", "pasar", "jalan", "sawah", "rumah", "malam", "tetangga")
CASE_COLUMNS = (
    "case_id", "reference", "version", "seq", "status", "tier", "assignee_id", "assignee_name",
    "regency_code", "district_code", "village_code", "category", "urgency", "emergency",
    "about_officer_id", "reporter_key", "confidential", "opened_at", "updated_at",
    "acknowledged_at", "resolved_at", "due_at", "escalations", "rating", "summary",
    "messages_text", "snapshot",
)  # fmt: skip
TIMELINE_COLUMNS = (
    "case_id", "version", "seq", "kind", "message_id", "occurred_at", "regency_code",
    "district_code", "village_code", "entry", "snapshot",
)  # fmt: skip


def case_rows(
    n: int, villages: list[str], seed: int = 1
) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """(cases row, case_timeline row) for n synthetic cases."""
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    for i in range(n):
        village = rnd.choice(villages)
        district = village[:8]
        status = rnd.choice(STATUSES)
        opened = now - timedelta(seconds=rnd.randint(0, 730 * 86400))
        updated = opened + timedelta(seconds=rnd.randint(60, 3 * 86400))
        ack = opened + timedelta(seconds=rnd.randint(60, 7200)) if status in (
            "acknowledged", "resolved") else None  # fmt: skip
        resolved = updated if status == "resolved" else None
        case_id = f"bc{i:09d}"
        summary = " ".join(rnd.choice(WORDS) for _ in range(6))
        tier = "bhabin" if status != "awaiting_village" else None
        reporter_key = f"c_{i:024x}"
        snapshot = json.dumps({
            "case_id": case_id, "reference": f"BJN-{i:07X}", "version": 3, "status": status,
            "tier": tier, "assignee": None, "visible_to_tiers": [], "regency_code": "35.22",
            "district_code": district, "village_code": village, "category": "theft",
            "urgency": "normal", "emergency": False,
            "reporter": {"key": reporter_key, "wa_id": f"62812{i:08d}", "name": "Warga",
                         "confidential": False},
            "line_phone_number_id": "103522000000000", "summary": summary,
            "opened_at": opened.isoformat(), "updated_at": updated.isoformat(),
        })  # fmt: skip
        yield (
            (
                case_id, f"BJN-{i:07X}", 3, i + 1, status, tier, None, None, "35.22", district,
                village, rnd.choice(CATEGORIES), "normal", False, None, reporter_key, False,
                opened, updated, ack, resolved, opened + timedelta(hours=2),
                rnd.choice((0, 0, 0, 1)), rnd.choice((None, None, 4, 5)), summary, summary,
                snapshot,
            ),
            (
                case_id, 1, i + 1, "opened", f"{case_id}:1", opened, "35.22", district, village,
                json.dumps({"text": summary}), snapshot,
            ),
        )  # fmt: skip


async def load(conn: asyncpg.Connection, n: int, villages: list[str]) -> float:
    """COPY n cases (indexes dropped during the load and rebuilt after); seconds taken."""
    started = time.perf_counter()
    indexes = await conn.fetch(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'projection' "
        "AND tablename IN ('cases', 'case_timeline') AND indexname NOT LIKE '%pkey'"
        " AND indexdef NOT LIKE '%UNIQUE%'"
    )
    for ix in indexes:
        await conn.execute(f'DROP INDEX projection."{ix["indexname"]}"')
    chunk: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = []
    done = 0
    for pair in case_rows(n, villages):
        chunk.append(pair)
        if len(chunk) == 50_000:
            await _copy(conn, chunk)
            done += len(chunk)
            chunk = []
            print(f"  loaded {done:,} cases", file=sys.stderr)
    if chunk:
        await _copy(conn, chunk)
    for ix in indexes:
        await conn.execute(ix["indexdef"])
    await conn.execute(f"SELECT setval('projection.projection_seq', {n + 1})")
    await conn.execute("VACUUM ANALYZE projection.cases")
    await conn.execute("VACUUM ANALYZE projection.case_timeline")
    return time.perf_counter() - started


Pair = tuple[tuple[Any, ...], tuple[Any, ...]]


async def _copy(conn: asyncpg.Connection, chunk: list[Pair]) -> None:
    await conn.copy_records_to_table(
        "cases", schema_name="projection", columns=CASE_COLUMNS, records=[c for c, _ in chunk]
    )
    await conn.copy_records_to_table(
        "case_timeline", schema_name="projection", columns=TIMELINE_COLUMNS,
        records=[t for _, t in chunk],
    )  # fmt: skip


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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def loaded_cases(dsn: str) -> int:
    try:
        conn = await asyncpg.connect(dsn)
    except asyncpg.InvalidCatalogNameError:
        return -1
    try:
        return int(await conn.fetchval("SELECT count(*) FROM projection.cases"))
    except asyncpg.UndefinedTableError:
        return -1
    finally:
        await conn.close()


async def run(n: int, sequential: int, concurrent: int, workers: int, reuse: bool) -> list[Row]:
    base = ApiSettings()
    server_dsn = base.database_url.get_secret_value()
    dsn = server_dsn.rsplit("/", 1)[0] + "/" + DB_NAME
    fresh = not (reuse and await loaded_cases(dsn) == n)
    if fresh:
        admin = await asyncpg.connect(server_dsn)
        await admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DB_NAME}"')
        await admin.close()

    areas = load_areas(repo_path(base.area_data_dir), "35.22")
    villages = [v.code for v in areas.villages]
    conn = await asyncpg.connect(dsn)
    await migrate(conn, "projection")
    if fresh:
        print(f"loading {n:,} cases with COPY ...", file=sys.stderr)
        seconds = await load(conn, n, villages)
        print(f"loaded in {seconds:.0f}s", file=sys.stderr)
    else:
        print(f"reusing {n:,} loaded cases", file=sys.stderr)
        await conn.execute("VACUUM ANALYZE projection.cases")
    district = "35.22.10"
    token = (
        await issue_token(
            conn, Role.SYSTEM, "bench", timedelta(hours=2), scope=(district,), reveal_reporter=True
        )
    ).token
    case_ids = [
        r["case_id"]
        for r in await conn.fetch(
            "SELECT case_id FROM projection.cases WHERE district_code = $1 "
            "ORDER BY random() LIMIT 5000",
            district,
        )
    ]
    await conn.close()

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": dsn,
        "API_PORT": str(port),
        "MATUR_API_PROJECTION": "false",
        "MATUR_API_TOKEN_RATE": "1000000",
        "MATUR_API_TOKEN_BURST": "1000000",
        "MATUR_LOG_LEVEL": "WARNING",
        "MATUR_TOPIC_PREFIX": f"bench{uuid.uuid4().hex[:6]}.",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.api", cwd=REPO, env=env
    )
    pool = await asyncpg.create_pool(
        dsn, min_size=workers, max_size=workers,
        server_settings={"search_path": "projection,public"},
    )  # fmt: skip
    assert pool is not None
    principal = Principal("bench", Role.SYSTEM, "bench", None, (district,), True)
    rows: list[Row] = []
    try:
        headers = {"Authorization": f"Bearer {token}"}
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", headers=headers, limits=limits, timeout=30
        ) as client:
            for _ in range(300):
                try:
                    if (await client.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)

            # One keep-alive connection per concurrent caller.
            free = [LeanHttp("127.0.0.1", port, headers) for _ in range(workers)]

            async def http_get(path: str, params: dict[str, str] | None = None) -> bytes:
                conn = free.pop()
                try:
                    status, body = await conn.get(path, params)
                finally:
                    free.append(conn)
                assert status == 200, body[:300]
                return body

            async def http_one(i: int) -> None:
                await http_get(f"/cases/{case_ids[i % len(case_ids)]}")

            async def sql_one(i: int) -> None:
                case_id = case_ids[i % len(case_ids)]
                text, params = one_case_query(principal, case_id)
                async with pool.acquire() as c:
                    assert await c.fetchrow(text, *params) is not None

            page_params = {"district": district, "category": "theft", "limit": "50"}

            async def http_page(i: int) -> None:
                params = {**page_params, "status": ("resolved", "open", "acknowledged")[i % 3]}
                assert json.loads(await http_get("/cases", params))["items"]

            async def sql_page(i: int) -> None:
                status = ("resolved", "open", "acknowledged")[i % 3]
                f = CaseFilters(
                    statuses=(CaseStatus(status),),
                    districts=(district,),
                    categories=(Category.THEFT,),
                )
                text, params = list_query(principal, f, CaseSort.UPDATED_DESC, 50, None)
                async with pool.acquire() as c:
                    assert await c.fetch(text, *params)

            for label, http_call, sql_call, target in (
                ("one case", http_one, sql_one, 20.0),
                ("filtered page (50)", http_page, sql_page, 50.0),
            ):
                h = await measure(http_call, sequential, concurrent, workers)
                b = await measure(sql_call, sequential, concurrent, workers)
                rows += [
                    Row(f"api {label} p50", h.p50_ms, "asyncpg p50", b.p50_ms, "ms"),
                    Row(f"api {label} p99", h.p99_ms, "asyncpg p99", b.p99_ms, "ms",
                        target=f"<= {target:.0f} ms"),
                    Row(f"api {label} req/s ({workers} conc.)", h.rps, "asyncpg req/s", b.rps,
                        "/s", higher_is_better=True),
                ]  # fmt: skip
    finally:
        await pool.close()
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 20)
    return rows


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
    print(f"\nAPI benchmark, {args.cases:,} cases")
    print(render(rows))
    print(f"\nwritten {write_json(rows, 'api-bench')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
