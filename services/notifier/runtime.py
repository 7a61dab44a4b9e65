"""The running notifier: PostgreSQL, the Graph API client, the producer, the officer
directory (followed live) and three loops (requests, inbound windows, statuses), plus a
sweeper for orphaned claims and sends in doubt."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from contracts.topics import NOTIFICATIONS_REQUESTS, WHATSAPP_INBOUND, WHATSAPP_STATUSES
from servicekit.directory_feed import DirectoryFeed
from servicekit.kafka_clients import committed_consumer, durable_producer
from servicekit.logging_setup import register_secret
from servicekit.postgres import apply_migrations, create_pool
from services.notifier import metrics
from services.notifier.catalogue import TemplateNames
from services.notifier.delivery import Deliverer, DeliveryConfig
from services.notifier.error_policy import Backoff
from services.notifier.graph_client import GraphClient
from services.notifier.in_doubt_sweep import InDoubtSweep, in_doubt_sweep
from services.notifier.keyed_dispatch import KeyedDispatcher
from services.notifier.officer_directory import OfficerDirectory
from services.notifier.pacing import LineBuckets, RecipientPacer
from services.notifier.publisher import Publisher
from services.notifier.request_consumer import RequestConsumer
from services.notifier.sends_store import SendsStore
from services.notifier.service_window import WindowStore
from services.notifier.settings import NotifierSettings
from services.notifier.status_join import StatusJoin
from services.notifier.status_marks import ProgressRecorder
from services.notifier.topic_loops import (
    AppliedHook,
    BatchHandler,
    parse_inbound,
    parse_status,
    run_batches,
    status_handler,
    window_handler,
)

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


def delivery_config(settings: NotifierSettings, owner: str) -> DeliveryConfig:
    return DeliveryConfig(
        owner=owner,
        lease_s=settings.lease_s,
        http_timeout_s=settings.http_timeout_s,
        max_attempts=settings.max_attempts,
        backoff=Backoff(
            base_s=settings.backoff_base_s,
            max_s=settings.backoff_max_s,
            pair_unit_s=settings.pair_backoff_unit_s,
            maintenance_s=settings.maintenance_backoff_s,
        ),
        templates=TemplateNames(
            update=settings.template_update,
            officer_case=settings.template_officer_case,
            rating=settings.template_rating, sign_in=settings.template_sign_in,
            daily_summary=settings.template_daily_summary,
            language=settings.template_language,
        ),
        default_line=settings.default_phone_number_id,
        graph_phone_number_id=settings.graph_phone_number_id,
        window_margin=timedelta(seconds=settings.window_margin_s),
        window_catch_up_s=settings.window_catch_up_s,
        sealing_key=settings.sealing_key.get_secret_value(),
    )


class NotifierRuntime:
    def __init__(self, settings: NotifierSettings) -> None:
        self.settings = settings
        register_secret(settings.access_token.get_secret_value())
        register_secret(settings.database_url.get_secret_value())
        self.owner = settings.instance_id or f"{socket.gethostname()}:{os.getpid()}"
        self.pool: asyncpg.Pool | None = None
        self.critical_pool: asyncpg.Pool | None = None
        self.producer: AIOKafkaProducer | None = None
        self.graph: GraphClient | None = None
        self.consumers: list[AIOKafkaConsumer] = []
        self.directory_feed: DirectoryFeed | None = None
        self.requests: RequestConsumer | None = None
        self.dispatcher = KeyedDispatcher()
        self.tasks: list[asyncio.Task[None]] = []
        self.ready = False
        self._stopping = False

    # --- start and stop -----------------------------------------------------------------

    async def start(self) -> None:
        """Connect (waiting for PostgreSQL and Kafka while they are down) and run."""
        s = self.settings
        while not self._stopping:
            try:
                await self._connect()
                break
            except Exception as exc:
                log.warning("notifier not started yet; retrying", extra={"error": repr(exc)})
                await self._close_clients()
                await asyncio.sleep(s.reconnect_interval_s)
        if self._stopping:
            return
        self.ready = True
        log.info("notifier running", extra={"owner": self.owner})

    async def _connect(self) -> None:
        """Open the links, then wire the delivery and start the loops (no request is
        handled before the officer directory is read)."""
        s = self.settings
        officers = await self._open_links()
        assert self.pool is not None and self.producer is not None and self.graph is not None
        store = SendsStore(self.pool, self.critical_pool)
        windows = WindowStore(self.pool)
        publisher = Publisher(self.producer, s.topic_prefix)
        deliverer = Deliverer(
            delivery_config(s, self.owner),
            store,
            windows,
            self.graph,
            publisher,
            RecipientPacer(s.recipient_interval_s),
            LineBuckets(s.line_rate_per_s, s.line_burst or None),
            max_concurrent_calls=s.max_concurrent_sends,
        )
        requests_consumer, window_consumer, status_consumer = self._open_consumers()
        in_doubt = in_doubt_sweep(s, self.pool, store, publisher, status_consumer)
        await in_doubt.at_start(self.owner)
        self.requests = RequestConsumer(
            requests_consumer,
            NOTIFICATIONS_REQUESTS.full_name(s.topic_prefix),
            deliverer,
            self.dispatcher,
            officers,
            max_in_flight=s.max_in_flight,
            commit_interval_s=s.commit_interval_s,
            retry_pause_s=s.reconnect_interval_s,
        )
        self.requests.subscribe()
        for consumer in self.consumers:
            await consumer.start()
        join = StatusJoin(store, publisher, self.requests.resubmit)
        self.tasks = [
            asyncio.create_task(self._guard("requests", self.requests.run)),
            asyncio.create_task(self._guard(
                "windows", self._batches(window_consumer, parse_inbound, window_handler(windows))
            )),
            asyncio.create_task(self._guard("statuses", self._batches(
                status_consumer, parse_status, status_handler(join),
                ProgressRecorder(in_doubt.marks),
            ))),
            asyncio.create_task(self._guard("sweeper", lambda: self._sweep(store, in_doubt))),
        ]

    async def _open_links(self) -> OfficerDirectory:
        """PostgreSQL (migrated), the producer, the Graph API client, and the officer
        directory, read up to its end."""
        s = self.settings
        self.pool = await create_pool(s.database_url.get_secret_value(), max_size=s.db_pool_max)
        async with self.pool.acquire() as conn:
            await apply_migrations(conn, MIGRATIONS, "notifier")  # type: ignore[arg-type]
        self.critical_pool = await create_pool(
            s.database_url.get_secret_value(), max_size=s.db_critical_pool_max
        )
        self.producer = durable_producer(s.kafka_bootstrap_servers, f"notifier-{self.owner}")
        await self.producer.start()
        officers = OfficerDirectory()
        self.directory_feed = DirectoryFeed(
            s.kafka_bootstrap_servers, s.topic_prefix, f"notifier-directory-{self.owner}",
            retry_s=s.reconnect_interval_s,
        )
        self.directory_feed.subscribe(officers.apply)
        await self.directory_feed.start()
        self.graph = GraphClient(
            s.api_base_url, s.api_version, s.access_token.get_secret_value(), s.http_timeout_s
        )
        return officers

    def _open_consumers(self) -> tuple[AIOKafkaConsumer, AIOKafkaConsumer, AIOKafkaConsumer]:
        """The requests, inbound-window and status consumers, each in its own group."""
        s = self.settings
        requests_consumer = committed_consumer(s.kafka_bootstrap_servers, s.group(s.group_id))
        window_consumer = committed_consumer(
            s.kafka_bootstrap_servers,
            s.group(s.window_group_id or f"{s.group_id}-window"),
            WHATSAPP_INBOUND.full_name(s.topic_prefix),
        )
        status_consumer = committed_consumer(
            s.kafka_bootstrap_servers,
            s.group(s.status_group_id or f"{s.group_id}-status"),
            WHATSAPP_STATUSES.full_name(s.topic_prefix),
        )
        self.consumers = [requests_consumer, window_consumer, status_consumer]
        return requests_consumer, window_consumer, status_consumer

    def _batches(
        self, consumer: AIOKafkaConsumer, parse: Callable[[bytes], Any], handle: BatchHandler,
        applied: AppliedHook | None = None,
    ) -> Callable[[], Awaitable[None]]:
        """A topic loop: batches of `consumer`'s records, parsed, handled, committed."""
        return lambda: run_batches(
            consumer, parse, handle, self.settings.reconnect_interval_s, self._is_stopping,
            applied,
        )

    def _is_stopping(self) -> bool:
        return self._stopping

    async def _guard(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        """Keep a loop running through unexpected errors (logged)."""
        while not self._stopping:
            try:
                await loop()
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("notifier loop failed; restarting it", extra={"loop": name})
                await asyncio.sleep(self.settings.reconnect_interval_s)

    async def _sweep(self, store: SendsStore, in_doubt: InDoubtSweep) -> None:
        """Every NOTIFIER_LEASE_S: sends in doubt decided by the statuses (`in_doubt.py`);
        calls whose owner died become `unknown` (never resent blindly); pending claims whose
        owner died (between attempts) are picked up again."""
        assert self.requests is not None
        while not self._stopping:
            await asyncio.sleep(self.settings.lease_s)
            await in_doubt.once()
            for row in await store.expire_stale_calls():
                metrics.OUTCOME_UNKNOWN.inc()
                log.warning(
                    "send outcome unknown: its sender stopped during the API call",
                    extra={"notification_id": row.notification_id},
                )
            for row in await store.orphans():
                self.requests.resubmit(row.to_request())

    async def stop(self) -> None:
        self._stopping = True
        self.ready = False
        if self.requests is not None:
            self.requests.stop()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.dispatcher.drain(timeout_s=self.settings.http_timeout_s)
        if self.requests is not None and self.consumers:
            try:
                await self.requests.commit(force=True)
            except Exception:
                log.exception("final commit failed")
        await self._close_clients()

    async def _close_clients(self) -> None:
        if self.directory_feed is not None:
            await self.directory_feed.stop()
            self.directory_feed = None
        for consumer in self.consumers:
            try:
                await consumer.stop()
            except Exception:
                log.exception("consumer stop failed")
        self.consumers = []
        if self.producer is not None:
            await self.producer.stop()
            self.producer = None
        if self.graph is not None:
            await self.graph.close()
            self.graph = None
        for pool in (self.pool, self.critical_pool):
            if pool is not None:
                await pool.close()
        self.pool = self.critical_pool = None

    # --- readiness ------------------------------------------------------------------------

    async def readiness(self) -> dict[str, bool]:
        checks = {"started": self.ready, "postgres": False, "kafka": False}
        if self.pool is not None:
            try:
                async with self.pool.acquire(timeout=2) as conn:
                    await conn.fetchval("SELECT 1")
                checks["postgres"] = True
            except Exception:
                checks["postgres"] = False
        checks["kafka"] = self.producer is not None and bool(self.consumers)
        checks["loops"] = bool(self.tasks) and not any(t.done() for t in self.tasks)
        return checks
