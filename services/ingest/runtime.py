"""Everything a webhook POST needs besides HTTP: the lines (followed live from the
directory topics), Kafka, PostgreSQL, the group commit and the records still in doubt,
started and stopped together."""

from __future__ import annotations

import asyncio
import logging

from servicekit.directory_feed import DirectoryFeed
from servicekit.logging_setup import register_secret
from services.ingest.connections import DatabaseLink, ProducerLink
from services.ingest.dedupe_retention import prune_periodically
from services.ingest.durable_publish import (
    GroupCommitter,
    PublishResult,
    publish_new,
    record_keys,
)
from services.ingest.in_doubt import InDoubtKeys
from services.ingest.lines_config import LiveLines
from services.ingest.metrics import RECORDS_IN_DOUBT
from services.ingest.normalise import Outgoing
from services.ingest.settings import IngestSettings

log = logging.getLogger(__name__)


class NotConnected(Exception):
    pass


class IngestRuntime:
    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self.app_secrets = settings.app_secrets()
        self.verify_token = settings.verify_token.get_secret_value()
        self.lines = LiveLines(DirectoryFeed(
            settings.kafka_bootstrap_servers, settings.topic_prefix, "matur-ingest-directory",
            retry_s=settings.reconnect_interval_s,
        ))
        self.producer = ProducerLink(
            settings.kafka_bootstrap_servers,
            settings.reconnect_interval_s,
            request_timeout_ms=max(1000, int(settings.publish_timeout_s * 1000)),
        )
        self.database = DatabaseLink(
            settings.database_url.get_secret_value(),
            settings.db_pool_max,
            settings.reconnect_interval_s,
        )
        self.in_doubt = InDoubtKeys(self._record_late_delivery, settings.reconnect_interval_s)
        RECORDS_IN_DOUBT.set_function(lambda: len(self.in_doubt))
        self._committer: GroupCommitter | None = None
        self._pruning: asyncio.Task[None] | None = None

    async def start(self) -> None:
        settings = self.settings
        for secret in [
            *self.app_secrets,
            self.verify_token,
            settings.database_url.get_secret_value(),
        ]:
            register_secret(secret)
        self.lines.feed.start_in_background()  # ready (and accepting) once it has caught up
        self.producer.start()
        self.database.start()
        self._committer = GroupCommitter(
            self._transaction, settings.publish_workers, settings.group_max_events
        )
        if settings.dedupe_retention_days > 0:
            self._pruning = asyncio.create_task(
                prune_periodically(lambda: self.database.pool, settings.dedupe_retention_days)
            )
        log.info(
            "ingest started",
            extra={"app_secrets": len(self.app_secrets), "topic_prefix": settings.topic_prefix},
        )

    async def stop(self) -> None:
        if self._pruning is not None:
            self._pruning.cancel()
        if self._committer is not None:
            await self._committer.stop()
        await self.producer.stop()  # flushes: records in doubt are delivered or failed now
        await self.in_doubt.drain(timeout_s=5)
        await self.in_doubt.stop()
        await self.database.stop()
        await self.lines.feed.stop()

    async def readiness(self) -> dict[str, bool]:
        return {
            "kafka": await self.producer.ready(),
            "postgres": await self.database.ready(),
            "directory": self.lines.ready,
        }

    def not_connected(self) -> list[str]:
        down = []
        if self.producer.producer is None:
            down.append("kafka")
        if self.database.pool is None:
            down.append("postgres")
        if not self.lines.ready:
            down.append("directory")
        return down

    async def publish(self, events: list[Outgoing]) -> PublishResult:
        """Publish one POST's events exactly once (see durable_publish.py); raises when the
        POST must get 503."""
        assert self._committer is not None, "runtime not started"
        async with asyncio.timeout(2 * self.settings.publish_timeout_s):
            return await self._committer.publish(events)

    async def _transaction(self, events: list[Outgoing]) -> set[str]:
        producer, pool = self.producer.producer, self.database.pool
        if producer is None or pool is None:
            raise NotConnected
        settings = self.settings
        return await publish_new(
            pool, producer, events, settings.topic_prefix, settings.publish_timeout_s,
            self.in_doubt,
        )

    async def _record_late_delivery(self, keys: list[str]) -> None:
        pool = self.database.pool
        if pool is None:
            raise NotConnected
        await record_keys(pool, keys)
