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
from typing import Generic, TypeVar

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


class BackgroundLink(Generic[T]):
    """A connection opened in the background (`keep_trying`) and closed again on `stop`:
    `_create` makes it, `_prepare` readies it (closed again when that fails)."""

    what = "a link"  # for the log
    task_name = "ingest-connect"

    def __init__(self, retry_s: float) -> None:
        self.retry_s = retry_s
        self.opened: T | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._connect(), name=self.task_name)

    async def _connect(self) -> None:
        self.opened = await keep_trying(self._open, self.what, self.retry_s)

    async def _open(self) -> T:
        opened = await self._create()
        try:
            await self._prepare(opened)
        except Exception:
            with contextlib.suppress(Exception):
                await self._close(opened)
            raise
        return opened

    async def _create(self) -> T:
        raise NotImplementedError

    async def _prepare(self, opened: T) -> None:
        raise NotImplementedError

    async def _close(self, opened: T) -> None:
        raise NotImplementedError

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self.opened is not None:
            with contextlib.suppress(Exception):
                await self._close(self.opened)
            self.opened = None


class ProducerLink(BackgroundLink[AIOKafkaProducer]):
    """An idempotent acks=all producer, connected as soon as the broker answers."""

    what = "Kafka"
    task_name = "ingest-kafka-connect"

    def __init__(self, bootstrap_servers: str, retry_s: float, request_timeout_ms: int) -> None:
        super().__init__(retry_s)
        self.bootstrap_servers = bootstrap_servers
        self.request_timeout_ms = request_timeout_ms

    @property
    def producer(self) -> AIOKafkaProducer | None:
        return self.opened

    async def _create(self) -> AIOKafkaProducer:
        return durable_producer(self.bootstrap_servers, "matur-ingest", self.request_timeout_ms)

    async def _prepare(self, opened: AIOKafkaProducer) -> None:
        await opened.start()

    async def _close(self, opened: AIOKafkaProducer) -> None:
        await opened.stop()

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


class DatabaseLink(BackgroundLink[asyncpg.Pool]):
    """An asyncpg pool, with ingest's migrations applied once the server answers."""

    what = "PostgreSQL"
    task_name = "ingest-db-connect"

    def __init__(self, dsn: str, max_size: int, retry_s: float) -> None:
        super().__init__(retry_s)
        self.dsn = dsn
        self.max_size = max_size

    @property
    def pool(self) -> asyncpg.Pool | None:
        return self.opened

    async def _create(self) -> asyncpg.Pool:
        pool = await asyncpg.create_pool(self.dsn, min_size=1, max_size=self.max_size, timeout=5)
        assert pool is not None
        return pool

    async def _prepare(self, opened: asyncpg.Pool) -> None:
        async with opened.acquire() as conn:
            await apply_migrations(conn, MIGRATIONS, "ingest")  # type: ignore[arg-type]

    async def _close(self, opened: asyncpg.Pool) -> None:
        await asyncio.wait_for(opened.close(), 5)

    async def ready(self) -> bool:
        pool = self.pool
        if pool is None:
            return False
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S), pool.acquire() as conn:
                return bool(await conn.fetchval("SELECT 1") == 1)
        except Exception:
            return False
