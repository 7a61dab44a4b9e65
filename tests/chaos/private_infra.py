"""A Kafka broker and a PostgreSQL server of the chaos test's own, on free ports under
`.local/chaos/<run>/`, so the test may restart them without touching the shared ones
(127.0.0.1:9092 and :5432 stay untouched). Uses the same Kafka jars and PostgreSQL binaries
the dev stack fetched (`make infra`)."""

from __future__ import annotations

import asyncio
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
from devstack.launcher import ChildProcess
from devstack.paths import KAFKA_LIBS, LOCAL
from devstack.ports import free_port


class OwnKafka(ChildProcess):
    stop_timeout_s = 30

    def __init__(self, root: Path) -> None:
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
        super().__init__("kafka", [dev_kafka.java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                                   "-Djava.awt.headless=true",
                                   *self._java("kafka.Kafka", str(self.props))[1:]],
                         root / "kafka.log")
        self.restarts = 0

    def _java(self, *args: str) -> list[str]:
        return [dev_kafka.java(), f"-Dlog4j2.configurationFile={dev_kafka.LOG4J}",
                "-cp", f"{KAFKA_LIBS}/*", *args]

    def format(self) -> None:
        if not dev_kafka.jars_present():
            dev_kafka.fetch_jars()  # a fresh clone beside an already running Kafka has none
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
        self.stop(60)
        self.start()
        await self.wait_ready()


class OwnPostgres(ChildProcess):
    stop_timeout_s = 30

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.data = root / "pg-data"
        super().__init__("postgres", [
            *dev_postgres._as_user(), str(dev_postgres.bin_dir() / "postgres"),
            "-D", str(self.data), "-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
            "-c", f"unix_socket_directories={self.data}", "-c", "max_connections=300",
        ], root / "postgres.log")
        self.restarts = 0
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
        self.stop(60, signal.SIGINT)
        self.start()
        await self.wait_ready()

    def stop(self, timeout_s: float | None = None, sig: int = signal.SIGINT) -> None:
        """A fast shutdown (SIGINT) by default: PostgreSQL's SIGTERM waits for clients."""
        super().stop(timeout_s, sig)


def run_dir() -> Path:
    root = LOCAL / "chaos" / f"run-{int(time.time())}-{uuid.uuid4().hex[:6]}"
    root.mkdir(parents=True)
    return root
