"""Start the whole Matur stack as `make run` does (`python -m services.<name>` for the
sandbox and the four services), but on free ports, with a given environment (topic prefix,
database, short SLA settings), each process logging to its own file.

For the end-to-end and chaos tests: wait for every `/readyz`, kill -9 one process and start
it again on the same port, read the tail of any log, stop everything at the end.

    stack = Stack(base_env={...}, log_dir=Path("/tmp/x"))
    stack.start()
    await stack.wait_ready()
    stack.kill("router"); stack.start_one("router"); await stack.wait_ready("router")
    stack.stop()
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import httpx

from devstack.paths import REPO
from devstack.services import SERVICES, ServiceProcess

READY_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StackProcess:
    """One `python -m <module>` process of the stack: its port, its log, its lifecycle."""

    def __init__(self, spec: ServiceProcess, port: int, log_path: Path) -> None:
        self.spec = spec
        self.name = spec.name
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.kills = 0

    def start(self, env: Mapping[str, str]) -> None:
        if self.alive:
            raise RuntimeError(f"{self.name} is already running")
        self.starts += 1
        with self.log_path.open("ab") as log:
            log.write(f"\n===== start #{self.starts} of {self.name} at {time.time():.3f}\n"
                      .encode())
            log.flush()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", self.spec.module],
                cwd=REPO, env=dict(env), stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def kill(self) -> None:
        """kill -9 the process (and its process group), and reap it."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.kills += 1
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=30)

    def stop(self, timeout_s: float = 15.0) -> None:
        """SIGTERM, then SIGKILL after `timeout_s`."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self, lines: int = 60) -> str:
        if not self.log_path.exists():
            return "(no log)"
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    async def ready(self, client: httpx.AsyncClient) -> bool:
        try:
            return (await client.get(f"{self.url}/readyz", timeout=2.0)).status_code == 200
        except httpx.HTTPError:
            return False

    async def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        async with httpx.AsyncClient() as client:
            while True:
                if not self.alive:
                    code = self.proc.returncode if self.proc else None
                    raise RuntimeError(
                        f"{self.name} exited (code {code}) before it was ready; its log ends:\n"
                        f"{self.tail()}"
                    )
                if await self.ready(client):
                    return
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"{self.name} not ready on {self.url}/readyz within {timeout_s:.0f}s; "
                        f"its log ends:\n{self.tail()}"
                    )
                await asyncio.sleep(0.2)


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
