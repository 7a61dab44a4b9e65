"""What goes wrong during the load: kill -9 of each service in turn at random moments
(restarted at once, as a supervisor would), a Kafka broker restart, a PostgreSQL restart,
and the WhatsApp API failing a run of sends with 5xx and with 130429."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from devstack.stack_runner import Stack
from services.sandbox.client import SandboxClient
from tests.chaos.private_infra import OwnKafka, OwnPostgres

SERVICES = ("ingest", "router", "notifier", "api")
FAILING_SENDS = 80  # sends refused in each WhatsApp failure spell


@dataclass
class ChaosLog:
    started: float = field(default_factory=time.monotonic)
    lines: list[str] = field(default_factory=list)
    kills: int = 0
    kafka_restarts: int = 0
    postgres_restarts: int = 0
    whatsapp_failures: int = 0
    unplanned_exits: list[str] = field(default_factory=list)
    echo: Callable[[str], None] | None = None

    def note(self, text: str) -> None:
        self.lines.append(f"{time.monotonic() - self.started:7.1f}s  {text}")
        if self.echo is not None:
            self.echo(text)


async def _supervise(stack: Stack, log: ChaosLog, stop: asyncio.Event,
                     expected_down: set[str]) -> None:
    """Restart any process that exits on its own (what systemd or Kubernetes would do),
    and write it down: such exits are findings, not part of the plan."""
    while not stop.is_set():
        for process in stack.dead():
            if process.name in expected_down:
                continue
            code = process.proc.returncode if process.proc else None
            log.unplanned_exits.append(f"{process.name} exited (code {code})")
            log.note(f"UNPLANNED exit of {process.name} (code {code}); restarting it\n"
                     f"{process.tail(30)}")
            process.start(stack.env)
        await asyncio.sleep(0.5)


async def run_chaos(stack: Stack, kafka: OwnKafka, postgres: OwnPostgres,
                    sandbox: SandboxClient, rng: random.Random, rounds: int = 5,
                    gap_s: tuple[float, float] = (0.5, 3.0),
                    echo: Callable[[str], None] | None = None) -> ChaosLog:
    log = ChaosLog(echo=echo)
    plan: list[str] = []
    for _ in range(rounds):
        order = list(SERVICES)
        rng.shuffle(order)
        plan += order
    checkpoints = len(plan)
    extras: dict[int, tuple[str, Callable[[], Awaitable[None]]]] = {
        max(1, checkpoints * 1 // 5): ("WhatsApp API answers 5xx (131000)",
                                       lambda: _fail_sends(sandbox, 131000, log)),
        max(2, checkpoints * 2 // 5): ("Kafka broker restart", lambda: _restart_kafka(kafka, log)),
        max(3, checkpoints * 3 // 5): ("WhatsApp API rate limit (130429)",
                                       lambda: _fail_sends(sandbox, 130429, log)),
        max(4, checkpoints * 4 // 5): ("PostgreSQL restart",
                                       lambda: _restart_postgres(postgres, log)),
    }
    stop = asyncio.Event()
    down: set[str] = set()
    supervisor = asyncio.create_task(_supervise(stack, log, stop, down))
    try:
        for n, name in enumerate(plan, 1):
            await asyncio.sleep(rng.uniform(*gap_s))
            process = stack[name]
            down.add(name)
            began = time.monotonic()
            process.kill()
            log.kills += 1
            process.start(stack.env)
            down.discard(name)
            await process.wait_ready(180)
            log.note(f"kill -9 #{log.kills} {name}: ready again after "
                     f"{time.monotonic() - began:.1f}s")
            if n in extras:
                what, action = extras[n]
                log.note(f"{what}: begins")
                await action()
    finally:
        stop.set()
        await supervisor
    return log


async def _fail_sends(sandbox: SandboxClient, code: int, log: ChaosLog) -> None:
    await sandbox.inject_failure(code, FAILING_SENDS)
    log.whatsapp_failures += FAILING_SENDS


async def _restart_kafka(kafka: OwnKafka, log: ChaosLog) -> None:
    began = time.monotonic()
    await kafka.restart()
    log.kafka_restarts += 1
    log.note(f"Kafka broker back after {time.monotonic() - began:.1f}s")


async def _restart_postgres(postgres: OwnPostgres, log: ChaosLog) -> None:
    began = time.monotonic()
    await postgres.restart()
    log.postgres_restarts += 1
    log.note(f"PostgreSQL back after {time.monotonic() - began:.1f}s")
