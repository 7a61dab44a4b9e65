"""A Kafka broker and a PostgreSQL server of the chaos test's own, on free ports under
`.local/chaos/<run>/`, so the test may restart them without touching the shared ones
(127.0.0.1:9092 and :5432 stay untouched). Uses the same Kafka jars and PostgreSQL binaries
the dev stack fetched (`make infra`)."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient

from devstack import kafka as dev_kafka
from devstack import postgres as dev_postgres
from devstack.paths import KAFKA_LIBS, LOCAL
from devstack.stack_runner import free_port


class OwnProcess:
    """A server process with a log file; started and stopped by this test only."""

    def __init__(self, name: str, log_path: Path) -> None:
        self.name = name
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    def spawn(self, argv: list[str]) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)

    def signal_and_wait(self, sig: int, timeout_s: float) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


class OwnKafka(OwnProcess):
    def __init__(self, root: Path) -> None:
        super().__init__("kafka", root / "kafka.log")
        self.port = free_port()
        self.controller_port = free_port()
        self.data = root / "kafka-data"
        self.bootstrap = f"127.0.0.1:{self.port}"
        self.props = root / "kafka.properties"
        overrides = {
            "log.dirs": str(self.data),
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},"
                         f"CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
        }
        lines = [ln for ln in dev_kafka.PROPERTIES.read_text().splitlines()
                 if ln.split("=", 1)[0].strip() not in overrides]
        self.props.write_text("\n".join([*lines, *(f"{k}={v}" for k, v in overrides.items())])
                              + "\n")

    def _java(self, *args: str) -> list[str]:
        return [dev_kafka.java(), f"-Dlog4j2.configurationFile={dev_kafka.LOG4J}",
                "-cp", f"{KAFKA_LIBS}/*", *args]

    def format(self) -> None:
        if not dev_kafka.jars_present():
            raise RuntimeError("Kafka jars missing: run `make infra` once")
        subprocess.run(
            self._java("kafka.tools.StorageTool", "format", "-t", uuid.uuid4().hex[:22],
                       "-c", str(self.props), "--standalone", "--ignore-formatted"),
            check=False, capture_output=True,
        )
        if not (self.data / "meta.properties").exists():
            # Older StorageTool without --standalone.
            cluster = subprocess.run(self._java("kafka.tools.StorageTool", "random-uuid"),
                                     check=True, capture_output=True, text=True
                                     ).stdout.strip().splitlines()[-1]
            subprocess.run(self._java("kafka.tools.StorageTool", "format", "-t", cluster,
                                      "-c", str(self.props), "--ignore-formatted"),
                           check=True, capture_output=True)

    def start(self) -> None:
        self.spawn([dev_kafka.java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                    "-Djava.awt.headless=true", *self._java("kafka.Kafka", str(self.props))[1:]])

    async def wait_ready(self, timeout_s: float = 120.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"own Kafka exited:\n{self.tail()}")
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap,
                                        request_timeout_ms=3000)
            try:
                await admin.start()
                await admin.list_topics()
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"own Kafka not ready:\n{self.tail()}") from None
            finally:
                await admin.close()
            await asyncio.sleep(0.5)

    async def restart(self) -> None:
        """A clean broker restart (SIGTERM, wait, start), as an operator would do."""
        self.restarts += 1
        self.signal_and_wait(signal.SIGTERM, 60)
        self.start()
        await self.wait_ready()

    def stop(self) -> None:
        self.signal_and_wait(signal.SIGTERM, 30)


class OwnPostgres(OwnProcess):
    def __init__(self, root: Path) -> None:
        super().__init__("postgres", root / "postgres.log")
        self.port = free_port()
        self.data = root / "pg-data"
        self.database = "matur_chaos"
        self.server_url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/{self.database}"

    def init(self) -> None:
        as_user = dev_postgres._as_user()
        self.data.mkdir(parents=True)
        if as_user:
            shutil.chown(self.data, dev_postgres.SYSTEM_USER, dev_postgres.SYSTEM_USER)
            dev_postgres._make_readable(self.data.parent)
            dev_postgres._make_readable(dev_postgres.bin_dir())
            shutil.chown(self.log_path.parent, dev_postgres.SYSTEM_USER)
        self.data.chmod(0o700)
        subprocess.run(
            [*as_user, str(dev_postgres.bin_dir() / "initdb"), "-D", str(self.data),
             "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )

    def start(self) -> None:
        self.spawn([
            *dev_postgres._as_user(), str(dev_postgres.bin_dir() / "postgres"),
            "-D", str(self.data), "-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
            "-c", f"unix_socket_directories={self.data}", "-c", "max_connections=300",
        ])

    async def wait_ready(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"own PostgreSQL exited:\n{self.tail()}")
            try:
                conn = await asyncpg.connect(self.server_url, timeout=2)
                await conn.close()
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"own PostgreSQL not ready:\n{self.tail()}") from None
            await asyncio.sleep(0.3)

    async def create_database(self) -> None:
        conn = await asyncpg.connect(self.server_url)
        try:
            await conn.execute(f'CREATE DATABASE "{self.database}"')
        finally:
            await conn.close()

    async def restart(self) -> None:
        """A fast shutdown (SIGINT: connections are cut) and a start."""
        self.restarts += 1
        self.signal_and_wait(signal.SIGINT, 60)
        self.start()
        await self.wait_ready()

    def stop(self) -> None:
        self.signal_and_wait(signal.SIGINT, 30)


def run_dir() -> Path:
    root = LOCAL / "chaos" / f"run-{int(time.time())}-{uuid.uuid4().hex[:6]}"
    root.mkdir(parents=True)
    return root
