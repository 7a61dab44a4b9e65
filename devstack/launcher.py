"""Start, watch and stop the processes a command owns: the services the benchmarks and the
tests run (`python -m services.<name>`), the chaos test's own Kafka and PostgreSQL.

One way for all of them: the command runs in the repository, writes stdout and stderr to
a log file, is waited for until its /readyz (or /healthz) answers 200, and goes away with
SIGTERM and, after a grace period, SIGKILL (`stop`), or with kill -9 at once (`kill`, what
the crash tests do). By default it gets a process group of its own, so that the signals
reach whatever it started, and a Ctrl-C in the terminal does not reach it before its owner
stops it; `own_group=False` leaves it in its owner's group.

    service = HttpProcess.service("services.ingest", "INGEST_PORT", log_dir / "ingest.log")
    service.start({"MATUR_TOPIC_PREFIX": prefix})
    await service.wait_ready()
    service.kill(); service.start(env); await service.wait_ready()
    service.stop()

`make run` starts its processes with pid files instead (`devstack.processes`), so that a
later `matur-stack down` finds them; it stops them with the same `stop_group`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx

from devstack.paths import REPO
from devstack.ports import free_port

READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 20.0


def python_module(module: str, *args: str) -> list[str]:
    """The command line of `python -m <module> <args>` with this interpreter."""
    return [sys.executable, "-m", module, *args]


def _gone(pid: int) -> bool:
    """Whether `pid` has exited. A child of this process stays a zombie (and answers
    signal 0) until it is reaped, so reap it here: without that, stopping a service that
    `make run` started waited out the whole grace period."""
    try:
        reaped, _ = os.waitpid(pid, os.WNOHANG)
        if reaped == pid:
            return True
    except ChildProcessError:
        pass  # not our child: signal 0 tells
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def stop_group(pid: int, sig: int = signal.SIGTERM, timeout_s: float = STOP_TIMEOUT_S) -> None:
    """Send `sig` to the process group `pid` leads; SIGKILL it when `pid` is still there
    after `timeout_s`. For a process that is not this one's child (a pid file's)."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if _gone(pid):
            return
        time.sleep(0.1)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class ChildProcess:
    """One command this process starts (again and again if it likes), with its log. `env`
    is its own settings, over this process's environment and what `start` is given."""

    stop_timeout_s = STOP_TIMEOUT_S

    def __init__(self, name: str, argv: Sequence[str], log_path: Path, *,
                 env: Mapping[str, str] | None = None, own_group: bool = True,
                 cwd: Path = REPO, mark_starts: bool = False) -> None:
        self.name = name
        self.argv = list(argv)
        self.log_path = log_path
        self.env = dict(env or {})
        self.own_group = own_group
        self.cwd = cwd
        self.mark_starts = mark_starts  # a line `===== start #n` in the log before each start
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.kills = 0

    def start(self, env: Mapping[str, str] | None = None) -> None:
        """Run the command with this process's environment, `env` over it, its own
        settings over both."""
        if self.alive:
            raise RuntimeError(f"{self.name} is already running")
        self.starts += 1
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            if self.mark_starts:
                log.write(f"\n===== start #{self.starts} of {self.name} at {time.time():.3f}\n"
                          .encode())
                log.flush()
            self.proc = subprocess.Popen(
                self.argv, cwd=self.cwd, env={**os.environ, **(env or {}), **self.env},
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=self.own_group,
            )

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode if self.proc is not None else None

    def _signal(self, sig: int) -> None:
        assert self.proc is not None
        try:
            if self.own_group:
                os.killpg(self.proc.pid, sig)
            else:
                self.proc.send_signal(sig)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        """kill -9 (its process group too): no shutdown, no last commit; reap it."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.kills += 1
            self._signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self, timeout_s: float | None = None, sig: int = signal.SIGTERM) -> None:
        """`sig` (SIGTERM: a clean shutdown), then kill -9 after `timeout_s`."""
        if not self.alive:
            return
        self._signal(sig)
        try:
            assert self.proc is not None
            self.proc.wait(timeout=timeout_s or self.stop_timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()

    def logs(self) -> str:
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def tail(self, lines: int = 60) -> str:
        text = self.logs()
        return "\n".join(text.splitlines()[-lines:]) if text else "(no log)"


class HttpProcess(ChildProcess):
    """A child process serving HTTP on 127.0.0.1:`port`, ready when /readyz says 200."""

    ready_timeout_s = READY_TIMEOUT_S

    def __init__(self, name: str, argv: Sequence[str], log_path: Path, port: int, *,
                 env: Mapping[str, str] | None = None, own_group: bool = True,
                 cwd: Path = REPO, mark_starts: bool = False) -> None:
        super().__init__(name, argv, log_path, env=env, own_group=own_group, cwd=cwd,
                         mark_starts=mark_starts)
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    @classmethod
    def service(cls, module: str, port_env: str, log_path: Path, *, port: int | None = None,
                args: Sequence[str] = (), own_group: bool = True) -> HttpProcess:
        """`python -m <module>` serving HTTP on 127.0.0.1:`port` (a free one by default),
        told so through the environment variable `port_env`."""
        port = port or free_port()
        return cls(module, python_module(module, *args), log_path, port,
                   env={port_env: str(port)}, own_group=own_group)

    def client(self, timeout_s: float = 2.0) -> httpx.AsyncClient:
        """An HTTP client to it (a subclass reaching it another way overrides this)."""
        return httpx.AsyncClient(base_url=self.url, timeout=timeout_s)

    async def ready(self, client: httpx.AsyncClient, path: str = "/readyz") -> bool:
        try:
            return (await client.get(path)).status_code == 200
        except httpx.HTTPError:
            return False

    async def wait_ready(self, timeout_s: float | None = None, path: str = "/readyz",
                         interval_s: float = 0.2) -> None:
        """Until `path` answers 200 (/healthz: serving; /readyz: its links are up too).
        Raises, with the end of the log, when it exits or `timeout_s` pass first."""
        timeout_s = timeout_s or self.ready_timeout_s
        deadline = time.monotonic() + timeout_s
        async with self.client(timeout_s=2.0) as client:
            while True:
                if not self.alive:
                    raise RuntimeError(
                        f"{self.name} exited (code {self.returncode}) before it was ready; "
                        f"its log ends:\n{self.tail()}"
                    )
                if await self.ready(client, path):
                    return
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"{self.name} not ready on {self.url}{path} within {timeout_s:.0f}s; "
                        f"its log ends:\n{self.tail()}"
                    )
                await asyncio.sleep(interval_s)
