"""What `make run` starts in the background: a process with a pid file and a log, found and
stopped again by a later `matur-stack down` (processes one command owns from start to end
are `devstack.launcher.ChildProcess`es instead)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from devstack.launcher import STOP_TIMEOUT_S, stop_group
from devstack.paths import LOGS, RUN


def pid_file(name: str) -> Path:
    return RUN / f"{name}.pid"


def log_file(name: str) -> Path:
    return LOGS / f"{name}.log"


def running_pid(name: str) -> int | None:
    path = pid_file(name)
    if not path.exists():
        return None
    try:
        pid = int(path.read_text().strip())
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError, PermissionError):
        path.unlink(missing_ok=True)
        return None
    return pid


def start(name: str, argv: list[str], env: dict[str, str] | None = None,
          cwd: Path | None = None) -> int:
    RUN.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    log = open(log_file(name), "ab")
    proc = subprocess.Popen(
        argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})}, cwd=cwd, start_new_session=True,
    )
    pid_file(name).write_text(str(proc.pid))
    return proc.pid


def stop(name: str, timeout_s: float = STOP_TIMEOUT_S) -> bool:
    """SIGTERM, then SIGKILL after `timeout_s`. True when something was stopped."""
    pid = running_pid(name)
    if pid is None:
        return False
    stop_group(pid, timeout_s=timeout_s)
    pid_file(name).unlink(missing_ok=True)
    return True
