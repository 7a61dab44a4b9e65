"""The projection consumer that runs inside the API process.

Each batch is applied in one PostgreSQL transaction; the Kafka offsets are committed only
after that transaction committed. A crash between the two replays the batch, which changes
nothing (events are applied by version, notification statuses only move up).

A record that cannot be applied is written to `api.deadletter` (and acknowledged by Kafka)
inside that transaction, before it commits, and the projection goes on with the next
record: one bad record never freezes the API's lists, detail, stream or statistics.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import asyncpg

from servicekit.kafka_clients import committed_consumer
from services.api.projection.batch import ProjectionTopics, apply_records
from services.api.projection.dead_letters import DeadLetterSink

log = logging.getLogger(__name__)


class Projector:
    def __init__(
        self,
        pool: asyncpg.Pool,
        bootstrap_servers: str,
        group_id: str,
        topics: ProjectionTopics,
        default_regency: str,
        dead_letters: DeadLetterSink,
        on_applied: Callable[[int], None] = lambda seq: None,
    ) -> None:
        self.pool = pool
        self.bootstrap_servers = bootstrap_servers
        self.group_id = group_id
        self.topics = topics
        self.default_regency = default_regency
        self.dead_letters = dead_letters
        self.on_applied = on_applied
        self.running = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run_forever(), name="projection")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @property
    def alive(self) -> bool:
        return self.running and self._task is not None and not self._task.done()

    async def _run_forever(self) -> None:
        backoff = 0.5
        while True:
            try:
                await self._run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                self.running = False
                log.exception("projection consumer failed; restarting", extra={"in_s": backoff})
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _run_once(self) -> None:
        consumer = committed_consumer(
            self.bootstrap_servers,
            self.group_id,
            self.topics.case_events,
            self.topics.notification_events,
        )
        await consumer.start()
        try:
            self.running = True
            while True:
                batches = await consumer.getmany(timeout_ms=500, max_records=500)
                records = [r for part in batches.values() for r in part]
                if not records:
                    continue
                async with self.pool.acquire() as conn, conn.transaction():
                    result = await apply_records(
                        conn, records, self.topics, self.default_regency
                    )
                    await self.dead_letters.send(result.dead_letters)
                await consumer.commit()
                if result.top is not None:
                    self.on_applied(result.top)
        finally:
            self.running = False
            await consumer.stop()
