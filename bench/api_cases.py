"""The API benchmark's data: N synthetic cases (with one timeline entry each) loaded into the
projection tables by COPY, in a database of their own (`<DATABASE_URL's server>/matur_bench_api`)
that a later run may reuse when it holds as many cases.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from services.api.database import migrate

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


async def cases_database(server_dsn: str, n: int, villages: list[str], reuse: bool) -> str:
    """The URL of the benchmark's database holding `n` cases: loaded now, or (`reuse`) by
    an earlier run of as many."""
    dsn = server_dsn.rsplit("/", 1)[0] + "/" + DB_NAME
    fresh = not (reuse and await loaded_cases(dsn) == n)
    if fresh:
        admin = await asyncpg.connect(server_dsn)
        await admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DB_NAME}"')
        await admin.close()
    conn = await asyncpg.connect(dsn)
    try:
        await migrate(conn, "projection")
        if fresh:
            print(f"loading {n:,} cases with COPY ...", file=sys.stderr)
            seconds = await load(conn, n, villages)
            print(f"loaded in {seconds:.0f}s", file=sys.stderr)
        else:
            print(f"reusing {n:,} loaded cases", file=sys.stderr)
            await conn.execute("VACUUM ANALYZE projection.cases")
    finally:
        await conn.close()
    return dsn
