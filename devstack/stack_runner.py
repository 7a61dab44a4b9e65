"""Start the whole Matur stack as `make run` does (`python -m services.<name>` for the
sandbox and the four services), but on free ports, with a given environment (topic prefix,
database, short SLA settings), each process logging to its own file.

For the end-to-end and chaos tests: wait for every `/readyz`, kill -9 one process and start
it again on the same port, read the tail of any log, stop everything at the end.

    stack = Stack(base_env={...}, log_dir=Path("/tmp/x"))
    stack.start()
    await stack.wait_ready()
    await stack.restart("router")  # kill -9, start again on the same port, wait
    stack.stop()
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from devstack.launcher import READY_TIMEOUT_S, HttpProcess, python_module
from devstack.ports import free_port
from devstack.services import SERVICES, ServiceProcess

__all__ = ["READY_TIMEOUT_S", "Stack", "StackProcess", "free_port"]


class StackProcess(HttpProcess):
    """One `python -m <module>` process of the stack: its port, its log, its lifecycle."""

    def __init__(self, spec: ServiceProcess, port: int, log_path: Path) -> None:
        super().__init__(spec.name, python_module(spec.module), log_path, port,
                         mark_starts=True)
        self.spec = spec


class Stack:
    """The sandbox and the four services, each on a free port, sharing one environment."""

    def __init__(self, base_env: Mapping[str, str], log_dir: Path,
                 specs: Iterable[ServiceProcess] = SERVICES) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir = log_dir
        self.processes: dict[str, StackProcess] = {
            spec.name: StackProcess(spec, free_port(), log_dir / f"{spec.name}.log")
            for spec in specs
        }
        ports = {p.spec.port_env: str(p.port) for p in self.processes.values()}
        env: dict[str, str] = {**os.environ, "MATUR_LOG_FORMAT": "json", **ports}
        if "sandbox" in self.processes:
            env["WHATSAPP_API_BASE_URL"] = self.url("sandbox")
        if "ingest" in self.processes:
            env["SANDBOX_WEBHOOK_URL"] = f"{self.url('ingest')}/webhook"
        env.update(base_env)  # the caller's settings win
        self.env = env

    def __getitem__(self, name: str) -> StackProcess:
        return self.processes[name]

    def url(self, name: str) -> str:
        return self.processes[name].url

    def start(self, names: Iterable[str] | None = None) -> None:
        for name in names or self.processes:
            self.processes[name].start(self.env)

    async def wait_ready(self, names: Iterable[str] | None = None,
                         timeout_s: float = READY_TIMEOUT_S) -> None:
        chosen = [self.processes[n] for n in (names or self.processes)]
        await asyncio.gather(*(p.wait_ready(timeout_s) for p in chosen))

    async def up(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        """Start every process and wait until all answer /readyz (stopping all on failure)."""
        self.start()
        try:
            await self.wait_ready(timeout_s=timeout_s)
        except BaseException:
            self.stop()
            raise

    def kill(self, name: str) -> None:
        self.processes[name].kill()

    async def restart(self, name: str, *, kill: bool = True,
                      timeout_s: float = READY_TIMEOUT_S) -> None:
        """kill -9 (or stop) one process, start it again on the same port, wait for it."""
        process = self.processes[name]
        if kill:
            process.kill()
        else:
            process.stop()
        process.start(self.env)
        await process.wait_ready(timeout_s)

    def dead(self) -> list[StackProcess]:
        """Processes that were started and are not running any more."""
        return [p for p in self.processes.values() if p.proc is not None and not p.alive]

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()

    def tails(self, lines: int = 40, names: Iterable[str] | None = None) -> str:
        chosen = [self.processes[n] for n in (names or self.processes)]
        return "\n".join(
            f"----- {p.name} (pid {p.pid}, {'alive' if p.alive else 'DEAD'}, "
            f"log {p.log_path}) -----\n{p.tail(lines)}"
            for p in chosen
        )
