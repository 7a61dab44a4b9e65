"""Benchmark of the operations console (issue 15): the board with 5,000 open cases renders
in <= 1 s, and an SSE update reaches the page <= 2 s after the webhook at 50 reports/s.

    .venv/bin/python -m bench.console_bench [--cases 5000] [--rate 50] [--seconds 15]

Needs Kafka, PostgreSQL and Debian's chromium. Starts the whole stack as `make run` does
(`devstack.stack_runner.Stack`, the e2e benchmark's settings) on its own topic prefix and
database, after loading N open cases into its projection (COPY, `bench.api_cases`, then
made open and due within -2..48 h over the four tiers). A Kapolres (regency scope: every
case) is signed in with a session cookie in headless chromium (`bench.console_page`).

- Board: the time from the navigation's start to the page's load event of
  `/console/papan` (server-rendered: its 500 most urgent cards are then in the page, and
  counted), `--loads` times after two warm-ups, p50 and max. Baseline, interleaved in
  the same browser: the same page, same viewer, filtered to a category no case has (an
  empty board).
- Live: with the board open and its stream connected, N distinct citizens' signed
  webhooks go to ingest open loop at a fixed rate (`bench.open_loop`); the page stamps
  each case's card when it is first in the page (`bench.console_page`); latency = stamp
  - the webhook's scheduled time (no coordinated omission); a card that never appears is
  infinitely late. Baseline: the same stream, rate and count to the bare relay of `bench.baselines`
  (HTTP in, one HTTP send to the sandbox out), measured the same way (its sandbox record).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import asyncpg
from playwright.async_api import Page

from bench.api_cases import load
from bench.citizen_reports import phone, signed_headers, webhook_body
from bench.console_page import (
    RendererTime,
    card_fetches,
    first_seen,
    load_board,
    signed_in_page,
    watch_new_cards,
)
from bench.e2e_latency import ACCESS_TOKEN, APP_SECRET, Measured, offer, stack_env
from bench.open_loop import post_stream
from bench.report import Row, percentile, show
from bench.sandbox_receipts import wait_receipts
from bench.scratch import LOGS, scratch
from contracts.lines import citizen_key
from devstack.launcher import HttpProcess, python_module
from devstack.ports import free_port
from devstack.stack_runner import Stack
from servicekit.settings import repo_path
from services.api.access.roles import Role
from services.api.access.store import issue_token
from services.api.database import migrate
from services.api.directory.areas import load_areas
from services.api.settings import ApiSettings

KAPOLRES = "kapolres-35.22"
EMPTY_FILTER = "?category=gambling"  # no loaded case has it
BOARD_TARGET_MS = 1000.0
LIVE_TARGET_MS = 2000.0
MAKE_OPEN = """
UPDATE projection.cases SET
  status = CASE WHEN random() < 0.1 THEN 'acknowledged' ELSE 'open' END,
  tier = (ARRAY['bhabin', 'bhabin', 'bhabin', 'kapolsek', 'kapolres'])
         [1 + floor(random() * 5)::int],
  acknowledged_at = NULL, resolved_at = NULL, emergency = random() < 0.01,
  opened_at = now() - random() * interval '2 days',
  updated_at = now() - random() * interval '1 hour',
  due_at = now() + (random() * 50 - 2) * interval '1 hour'
"""


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def open_cases(dsn: str, n: int) -> str:
    """Load n open cases into the stack's projection; a Kapolres's token."""
    villages = [v.code for v in load_areas(repo_path(ApiSettings().area_data_dir),
                                           "35.22").villages]
    conn = await asyncpg.connect(dsn)
    try:
        await migrate(conn, "projection")
        await load(conn, n, villages)
        await conn.execute(MAKE_OPEN)
        await conn.execute("ANALYZE projection.cases")
        issued = await issue_token(conn, Role.KAPOLRES, "bench", timedelta(hours=2),
                                   officer_id=KAPOLRES)
    finally:
        await conn.close()
    return issued.token


async def board_rows(page: Page, n: int, loads: int) -> list[Row]:
    """The full board against the empty one, interleaved, after two warm-ups of each."""
    full: list[float] = []
    empty: list[float] = []
    for i in range(loads + 2):
        board = await load_board(page, "/console/papan")
        nothing = await load_board(page, f"/console/papan{EMPTY_FILTER}")
        if board.cards < min(n, 500) or nothing.cards:
            raise RuntimeError(f"board with {board.cards} cards, empty board {nothing.cards}")
        if i >= 2:
            full.append(board.ms)
            empty.append(nothing.ms)
    say(f"board ({n} open, 500 cards shown): {', '.join(f'{ms:.0f}' for ms in full)} ms; "
        f"empty board: {', '.join(f'{ms:.0f}' for ms in empty)} ms")
    name = f"console board ({n} open) load"
    return [
        Row(f"{name} p50", percentile(full, 50), "empty board load p50", percentile(empty, 50),
            "ms"),
        Row(f"{name} max of {loads}", max(full), "empty board load max", max(empty), "ms",
            f"<= {BOARD_TARGET_MS:.0f} ms"),
    ]


async def cases_of(dsn: str, phones: list[str]) -> dict[str, str]:
    """{phone: case_id} of the reports the stack has opened so far."""
    keys = {citizen_key(None, p): p for p in phones}
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch("SELECT reporter_key, case_id FROM projection.cases "
                                "WHERE reporter_key = ANY($1::text[])", list(keys))
    finally:
        await conn.close()
    return {keys[r["reporter_key"]]: r["case_id"] for r in rows}


async def cards_appeared(page: Page, dsn: str, phones: list[str],
                         idle_s: float = 30) -> dict[str, float]:
    """{phone: Unix s its case's card first appeared}, waiting until every card did or
    none appeared for `idle_s`."""
    appeared: dict[str, float] = {}
    last_progress = time.monotonic()
    while len(appeared) < len(phones) and time.monotonic() - last_progress < idle_s:
        await asyncio.sleep(1.0)
        seen, cases = await first_seen(page), await cases_of(dsn, phones)
        now = {p: seen[c] for p, c in cases.items() if c in seen}
        if len(now) > len(appeared):
            last_progress = time.monotonic()
        appeared = now
    return appeared


def _p50_p99(what: str, ms: list[float]) -> str:
    return f"{what:<44} p50 {percentile(ms, 50):>6.0f} ms  p99 {percentile(ms, 99):>6.0f} ms"


async def where_the_time_went(page: Page, stack: Stack, phones: list[str],
                              scheduled: list[float], appeared: dict[str, float],
                              since: float) -> str:
    """Per report: webhook -> the case's first stream event in the page -> its card; and
    the same reports' WhatsApp receipts (webhook -> sandbox), for comparison."""
    events = await first_seen(page, "__eventSeen")
    cases = await cases_of(stack.env["DATABASE_URL"], phones)
    at = {p: i for i, p in enumerate(phones)}
    to_event = [(events[c] - scheduled[at[p]]) * 1000 for p, c in cases.items() if c in events]
    to_card = [(appeared[p] - events[c]) * 1000 for p, c in cases.items()
               if c in events and p in appeared]
    receipts = await wait_receipts(stack.url("sandbox"), set(phones), since, idle_timeout_s=10)
    to_receipt = [(t - scheduled[at[p]]) * 1000 for p, t in receipts.items()]
    fetches = [took * 1000 for start, took in await card_fetches(page) if start >= since]
    return "\n".join([
        _p50_p99("webhook -> first stream event in the page", to_event),
        _p50_p99(f"the board's {len(fetches)} card fetches (/kartu), each", fetches),
        _p50_p99("stream event -> card in the page", to_card),
        _p50_p99("webhook -> WhatsApp receipt (same reports)", to_receipt),
    ])


async def live_rows(page: Page, stack: Stack, relay_url: str, rate: float,
                    seconds: float, run: int) -> list[Row]:
    """Phones of runs `run` (relay) and `run + 1` (the stack): distinct from others'."""
    count = int(rate * seconds)
    sandbox = stack.url("sandbox")
    say(f"live: {count} webhooks at {rate:.0f}/s to the bare relay ...")
    bare: Measured = await offer(relay_url, sandbox, run, "relay", count, rate)
    say(bare.line("relay"))
    phones = [phone(run + 1, n) for n in range(count)]
    bodies = [webhook_body(run + 1, n, "console") for n in range(count)]
    await watch_new_cards(page)
    renderer = await RendererTime.watch(page)
    say(f"live: {count} citizen reports at {rate:.0f}/s through the stack, "
        "the Kapolres's board open ...")
    since = time.time() - 1
    stream = await post_stream(f"{stack.url('ingest')}/webhook", bodies,
                               [signed_headers(b, APP_SECRET) for b in bodies], rate)
    appeared = await cards_appeared(page, stack.env["DATABASE_URL"], phones)
    late = [(appeared[p] - stream.scheduled[i]) * 1000 if p in appeared else float("inf")
            for i, p in enumerate(phones)]
    say(f"webhook -> card: answered 200 {stream.ok} of {count}, cards {len(appeared)}, "
        f"p50 {percentile(late, 50):.0f} ms, p99 {percentile(late, 99):.0f} ms, "
        f"max {max(late):.0f} ms")
    say(await renderer.report())
    say(await where_the_time_went(page, stack, phones, stream.scheduled, appeared, since))
    label = f"at {rate:.0f}/s"
    return [
        Row(f"console webhook->card p50 {label}", percentile(late, 50), "bare relay p50",
            bare.p(50), "ms"),
        Row(f"console webhook->card p99 {label}", percentile(late, 99), "bare relay p99",
            bare.p(99), "ms", f"<= {LIVE_TARGET_MS:.0f} ms"),
        Row(f"console webhook->card max {label}", max(late), "bare relay max",
            max(bare.latencies_ms), "ms"),
        Row(f"console cards appeared of {count} {label}", float(len(appeared)), "bare relay",
            float(bare.received), "", f"all {count}", higher_is_better=True),
    ]


@asynccontextmanager
async def stack_and_relay(env: dict[str, str], log_dir: Path) -> AsyncIterator[tuple[Stack, str]]:
    """The whole stack, and the bare relay's webhook URL (it POSTs to the stack's sandbox);
    both stopped at the end; a stack process that died fails the run."""
    stack = Stack(env, log_dir)
    relay: HttpProcess | None = None
    say(f"console: starting the stack (logs in {log_dir}) ...")
    try:
        await stack.up()
        port = free_port()
        argv = python_module("bench.baselines", "relay", str(port), stack.url("sandbox"),
                             ACCESS_TOKEN)
        relay = HttpProcess("relay", argv, log_dir / "relay.log", port)
        relay.start()
        await relay.wait_ready(60)
        yield stack, f"{relay.url}/webhook"
        dead = [p.name for p in stack.dead()]
        if dead:
            raise RuntimeError(f"stack processes died:\n{stack.tails(60, dead)}")
    finally:
        if relay is not None:
            relay.stop()
        stack.stop()


async def run(n: int, rate: float, seconds: float, loads: int) -> list[Row]:
    async with scratch("console", database=True) as space:
        assert space.database_url is not None
        say(f"console: loading {n:,} open cases ...")
        token = await open_cases(space.database_url, n)
        env = {**stack_env(space.env(), space.prefix, space.run_id, False),
               "MATUR_DAILY_SUMMARY": "false"}
        async with stack_and_relay(env, LOGS / f"console-{space.run_id}") as (stack, relay):
            async with signed_in_page(stack.url("api"), token) as page:
                rows = await board_rows(page, n, loads)
                run = random.randrange(0, 97)
                await offer(f"{stack.url('ingest')}/webhook", stack.url("sandbox"), run + 2,
                            "warm", 60, 20)  # the stack warms up
                rows += await live_rows(page, stack, relay, rate, seconds, run)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.console_bench")
    parser.add_argument("--cases", type=int, default=5000, help="open cases loaded")
    parser.add_argument("--rate", type=float, default=50, help="reports/s, live part")
    parser.add_argument("--seconds", type=float, default=15, help="of reports, live part")
    parser.add_argument("--loads", type=int, default=10, help="board loads measured")
    args = parser.parse_args(argv)
    rows = asyncio.run(run(args.cases, args.rate, args.seconds, args.loads))
    show(rows, "console-bench", f"Console benchmark, {args.cases:,} open cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
