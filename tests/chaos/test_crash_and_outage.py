"""While a load generator sends a steady stream of distinct citizen reports: kill -9 each
service in turn at random moments (at least 20 kills), restart the Kafka broker and
PostgreSQL (the test's own), and make the WhatsApp API fail runs of sends with 5xx and
with 130429. Then every report ingest answered 200 must have become exactly one case, at
the right first tier, with exactly one receipt; no notification (escalations included) may
have been sent twice; and the API's projection must match the case event log.

Settings (environment): MATUR_CHAOS_RATE (reports/s, default 10), MATUR_CHAOS_MIN_SECONDS
(least load duration, default 60), MATUR_CHAOS_ROUNDS (kill rounds over the four services,
default 5 = 20 kills), MATUR_CHAOS_SEED (default: random, printed), MATUR_CHAOS_DRAIN_S
(how long the stack may take to catch up afterwards, default 300).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.paths import REPO
from devstack.stack_runner import Stack
from services.sandbox.client import SandboxClient
from tests.chaos.chaos_driver import run_chaos
from tests.chaos.conftest import OwnInfra
from tests.chaos.event_log import read_case_log
from tests.chaos.load import LoadGenerator, make_reports, write_outcomes
from tests.chaos.notifier_log import in_doubt_counts
from tests.chaos.verdict import Verdict, judge
from tests.e2e.whatsapp import Sent

RATE = float(os.environ.get("MATUR_CHAOS_RATE", "10"))
MIN_SECONDS = float(os.environ.get("MATUR_CHAOS_MIN_SECONDS", "60"))
ROUNDS = int(os.environ.get("MATUR_CHAOS_ROUNDS", "5"))
DRAIN_S = float(os.environ.get("MATUR_CHAOS_DRAIN_S", "300"))
STABLE_S = 90.0  # a verdict unchanged this long will not change any more: stop draining
MAX_SECONDS = 600  # the load never runs longer than this, whatever happens


def chaos_env(infra: OwnInfra, work: Path) -> dict[str, str]:
    return {
        **infra.env(),
        "ROUTER_STORE_DIR": str(work / "router-store"),
        # Gambling reports escalate after 10.8 s per tier (up to the Kapolres, no
        # reminders); the others stay with their Bhabin for 30 minutes.
        "MATUR_SLA_BHABIN_MINUTES": "30",
        "MATUR_SLA_KAPOLSEK_MINUTES": "30",
        "MATUR_SLA_KAPOLRES_MINUTES": "30",
        "MATUR_SLA_HIGH_FACTOR": "1",
        "MATUR_SLA_EMERGENCY_FACTOR": "1",
        "MATUR_SLA_LOW_FACTOR": "1",
        "MATUR_SLA_RESOLVE_MINUTES": "none",
        "MATUR_SLA_REMIND_AT_TOP": "false",
        "MATUR_SLA_CATEGORY_FACTORS": "gambling=0.006",
        # Meta retries a webhook for days; 8 tries over ~30 s is enough to ride out an
        # ingest restart here.
        "SANDBOX_WEBHOOK_ATTEMPTS": "8",
        "SANDBOX_WEBHOOK_RETRY_DELAY": "0.25",
        "NOTIFIER_RECIPIENT_INTERVAL_S": "0",
        "NOTIFIER_BACKOFF_BASE_S": "0.2",
        "NOTIFIER_BACKOFF_MAX_S": "3",
        "NOTIFIER_MAX_ATTEMPTS": "40",
        "NOTIFIER_LEASE_S": "5",
        # A send in doubt is resent once the statuses flow past it; with no status at all
        # written since (the last seconds of the run), after 60 s of silence: ingest is
        # never down that long here (the default, 15 min, is for a real outage).
        "NOTIFIER_STATUS_QUIET_S": "60",
        "MATUR_API_TOKEN_RATE": "1000",
        "MATUR_API_TOKEN_BURST": "1000",
    }


@pytest.fixture
async def chaos_stack(own_infra: OwnInfra) -> AsyncIterator[Stack]:
    stack = Stack(chaos_env(own_infra, own_infra.root), own_infra.root / "stack-logs")
    await stack.up()
    try:
        yield stack
    finally:
        stack.stop()


def system_token(stack: Stack) -> str:
    """A token for another police system, issued with the API's admin CLI."""
    done = subprocess.run(
        [sys.executable, "-m", "services.api.tokens", "issue", "--role", "system",
         "--name", "chaos-test", "--reveal-reporter", "--days", "1"],
        cwd=REPO, env=stack.env, capture_output=True, text=True, check=True,
    )
    return done.stdout.strip().splitlines()[-1]


async def all_cases(api: httpx.AsyncClient) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 200, "sort": "opened_at"}
        if cursor:
            params["cursor"] = cursor
        page = await api.get("/cases", params=params)
        assert page.status_code == 200, page.text
        data = page.json()
        cases += data["items"]
        cursor = data.get("next_cursor")
        if not cursor:
            return cases


class SandboxRecord:
    """Everything the sandbox accepted, fetched incrementally (`since`), by sequence."""

    def __init__(self, sandbox: SandboxClient) -> None:
        self.sandbox = sandbox
        self.by_seq: dict[int, Sent] = {}
        self.newest = 0.0

    async def refresh(self) -> list[Sent]:
        since = self.newest - 5 if self.newest else None
        for record in await self.sandbox.list_messages(since=since, accepted=True):
            sent = Sent.of(record)
            self.by_seq[sent.seq] = sent
            self.newest = max(self.newest, sent.time)
        return list(self.by_seq.values())


async def settle(infra: OwnInfra, sandbox: SandboxClient, api: httpx.AsyncClient,
                 reports: list[Any], progress: Callable[[str], None]) -> Verdict:
    """Judge again and again until the verdict is clean or the drain time is over (the
    stack catches up: retries, escalations of the last fast reports, the projection)."""
    deadline = time.monotonic() + DRAIN_S
    record = SandboxRecord(sandbox)
    verdict = Verdict()
    last_change, last_seen = time.monotonic(), ""
    while True:
        try:
            cases = await all_cases(api)
            sent = await record.refresh()
            log = await read_case_log(infra.kafka.bootstrap)
            verdict = judge(reports, cases, sent, log)
            seen = verdict.report(limit=2)
            progress("settling: " + seen.replace("\n", " | "))
            if seen != last_seen:
                last_change, last_seen = time.monotonic(), seen
        except (httpx.HTTPError, AssertionError, RuntimeError) as exc:
            progress(f"settling: could not read everything yet ({exc!r})")
        now = time.monotonic()
        if (verdict.ok and verdict.counts) or now > deadline or now - last_change > STABLE_S:
            return verdict
        await asyncio.sleep(5)


async def test_reports_survive_kills_broker_and_database_restarts_and_api_failures(
    chaos_stack: Stack, own_infra: OwnInfra, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = int(os.environ.get("MATUR_CHAOS_SEED") or random.SystemRandom().randrange(10**6))
    rng = random.Random(seed)
    reports = make_reports(int(RATE * MAX_SECONDS), rng)
    stack = chaos_stack
    began = time.monotonic()

    def progress(text: str) -> None:
        with capsys.disabled():
            print(f"[chaos {time.monotonic() - began:6.0f}s] {text}", flush=True)

    async with SandboxClient(stack.url("sandbox"), timeout=120) as sandbox, httpx.AsyncClient(
        base_url=stack.url("api"), timeout=30,
        headers={"Authorization": f"Bearer {system_token(stack)}"},
    ) as api:
        load = LoadGenerator(stack.url("sandbox"), RATE, reports)
        keep_going = asyncio.Event()
        keep_going.set()
        sending = asyncio.create_task(load.run(keep_going))
        await asyncio.sleep(3)
        chaos = await run_chaos(stack, own_infra.kafka, own_infra.postgres, sandbox, rng,
                                rounds=ROUNDS, echo=progress)
        await asyncio.sleep(max(0.0, MIN_SECONDS - (time.monotonic() - began)))
        keep_going.clear()
        await sending
        load_s = time.monotonic() - began
        progress(f"load over: {dict(load.outcomes)}; chaos done: {chaos.kills} kills")
        verdict = await settle(own_infra, sandbox, api, reports, progress)
        failures_left = await sandbox.list_failures()

    total_s = time.monotonic() - began
    write_outcomes(reports, own_infra.root / "reports.csv")
    summary = {
        "seed": seed, "rate_per_s": RATE, "load_seconds": round(load_s, 1),
        "total_seconds": round(total_s, 1), **verdict.counts, "kills": chaos.kills,
        "kafka_restarts": chaos.kafka_restarts, "postgres_restarts": chaos.postgres_restarts,
        "whatsapp_failures_injected": chaos.whatsapp_failures,
        "whatsapp_failures_unused": sum(f.get("remaining", 0) for f in failures_left),
        "unplanned_exits": len(chaos.unplanned_exits),
        **in_doubt_counts(own_infra.root / "stack-logs" / "notifier.log"),
    }
    (own_infra.root / "summary.json").write_text(json.dumps(summary, indent=2))
    with capsys.disabled():
        print("\n[chaos] " + "  ".join(f"{k}={v}" for k, v in summary.items()))
        print("[chaos] timeline:\n  " + "\n  ".join(chaos.lines))
        if not verdict.ok:
            print("[chaos] problems:\n" + verdict.report())
    assert chaos.kills >= 20 or ROUNDS < 5
    assert verdict.counts["accepted"] > 0
    assert verdict.counts["cases_escalated"] > 0, "no fast report escalated: the check is empty"
    assert verdict.ok, verdict.report() + "\n\n" + stack.tails(30)
