"""Ingest's two dependencies, Kafka and PostgreSQL, reached in the background.

The service starts and answers HTTP even while either is down (readiness says so and
webhooks get 503, which Meta retries); each link keeps trying until it is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import asyncpg
from aiokafka import AIOKafkaProducer

from servicekit.kafka_clients import durable_producer
from servicekit.postgres import apply_migrations

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
PROBE_TIMEOUT_S = 1.0

T = TypeVar("T")


async def keep_trying(open_once: Callable[[], Awaitable[T]], what: str, retry_s: float) -> T:
    """Call `open_once` (which cleans up after itself when it fails) until it succeeds,
    logging the first failure and every 30th after it."""
    attempt = 0
    while True:
        attempt += 1
        try:
            opened = await open_once()
        except Exception as err:
            if attempt == 1 or attempt % 30 == 0:
                log.warning(
                    f"{what} not reachable yet, retrying",
                    extra={"error": type(err).__name__, "attempt": attempt},
                )
            await asyncio.sleep(retry_s)
            continue
        log.info(f"{what} connected", extra={"attempt": attempt})
        return opened


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
        self.producer = await keep_trying(self._open, "Kafka", self.retry_s)

    async def _open(self) -> AIOKafkaProducer:
        producer = durable_producer(self.bootstrap_servers, "matur-ingest", self.request_timeout_ms)
        try:
            await producer.start()
        except Exception:
            with contextlib.suppress(Exception):
                await producer.stop()
            raise
        return producer

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
        self.pool = await keep_trying(self._open, "PostgreSQL", self.retry_s)

    async def _open(self) -> asyncpg.Pool:
        pool = await asyncpg.create_pool(self.dsn, min_size=1, max_size=self.max_size, timeout=5)
        assert pool is not None
        try:
            async with pool.acquire() as conn:
                await apply_migrations(conn, MIGRATIONS, "ingest")  # type: ignore[arg-type]
        except Exception:
            with contextlib.suppress(Exception):
                await pool.close()
            raise
        return pool

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
