"""Ingest's two dependencies, Kafka and PostgreSQL, reached in the background.

The service starts and answers HTTP even while either is down (readiness says so and
webhooks get 503, which Meta retries); each link keeps trying until it is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

import asyncpg
from aiokafka import AIOKafkaProducer

from servicekit.kafka_clients import durable_producer
from servicekit.postgres import apply_migrations

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
PROBE_TIMEOUT_S = 1.0


class ProducerLink:
    """An idempotent acks=all producer, connected as soon as the broker answers."""

    def __init__(self, bootstrap_servers: str, retry_s: float, request_timeout_ms: int) -> None:
        self.bootstrap_servers = bootstrap_servers
        self.retry_s = retry_s
        self.request_timeout_ms = request_timeout_ms
        self.producer: AIOKafkaProducer | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._connect(), name="ingest-kafka-connect")

    async def _connect(self) -> None:
        attempt = 0
        while True:
            attempt += 1
            producer = durable_producer(
                self.bootstrap_servers, "matur-ingest", self.request_timeout_ms
            )
            try:
                await producer.start()
            except Exception as err:
                with contextlib.suppress(Exception):
                    await producer.stop()
                if attempt == 1 or attempt % 30 == 0:
                    log.warning(
                        "Kafka not reachable yet, retrying",
                        extra={"error": type(err).__name__, "attempt": attempt},
                    )
                await asyncio.sleep(self.retry_s)
                continue
            self.producer = producer
            log.info("Kafka producer connected", extra={"attempt": attempt})
            return

    async def ready(self) -> bool:
        producer = self.producer
        if producer is None:
            return False
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S):
                for broker in producer.client.cluster.brokers():
                    if await producer.client.ready(broker.nodeId):
                        return True
        except (TimeoutError, OSError):
            return False
        return False

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self.producer is not None:
            with contextlib.suppress(Exception):
                await self.producer.stop()
            self.producer = None


class DatabaseLink:
    """An asyncpg pool, with ingest's migrations applied once the server answers."""

    def __init__(self, dsn: str, max_size: int, retry_s: float) -> None:
        self.dsn = dsn
        self.max_size = max_size
        self.retry_s = retry_s
        self.pool: asyncpg.Pool | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._connect(), name="ingest-db-connect")

    async def _connect(self) -> None:
        attempt = 0
        while True:
            attempt += 1
            pool: asyncpg.Pool | None = None
            try:
                pool = await asyncpg.create_pool(
                    self.dsn, min_size=1, max_size=self.max_size, timeout=5
                )
                assert pool is not None
                async with pool.acquire() as conn:
                    await apply_migrations(conn, MIGRATIONS, "ingest")  # type: ignore[arg-type]
            except Exception as err:
                if pool is not None:
                    with contextlib.suppress(Exception):
                        await pool.close()
                if attempt == 1 or attempt % 30 == 0:
                    log.warning(
                        "PostgreSQL not reachable yet, retrying",
                        extra={"error": type(err).__name__, "attempt": attempt},
                    )
                await asyncio.sleep(self.retry_s)
                continue
            self.pool = pool
            log.info("PostgreSQL pool ready", extra={"attempt": attempt})
            return

    async def ready(self) -> bool:
        pool = self.pool
        if pool is None:
            return False
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S), pool.acquire() as conn:
                return bool(await conn.fetchval("SELECT 1") == 1)
        except Exception:
            return False

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self.pool is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.pool.close(), 5)
            self.pool = None
