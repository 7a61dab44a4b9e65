"""The router's Faust app: its topics, tables and agents wired together. Each job lives
in its own module:

| module | job |
| --- | --- |
| `route_agent.py` | `route`: `whatsapp.inbound`, `cases.commands` -> handlers, in batches |
| `batch_commit.py` | a batch's commit: states with their outbox, outputs, states, offsets |
| `reference_agent.py` | `references`: `cases.references` and the `references` table |
| `reply_agent.py` | `replies`: `notifications.events` -> officer messages' wamids as references |
| `deadline_timer.py` | due SLA deadlines -> DEADLINE_REACHED commands |
| `health_views.py` | /healthz, /readyz, /metrics |
| `faust_edge.py` | every use of Faust internals, and the source offsets |

State and the order of effects:
- `reporters` (citizen key -> ReporterState; memory store restored from its compacted
  changelog at start) is written only by the route agent, row and changelog record
  together (`faust_edge.TableRows`). Per batch: the changed states, each with its
  outputs as an outbox, are in Kafka; then the outputs and dead letters; then the
  states without outbox; then the ledger marks the source offsets durable, and Faust
  commits no further than that. A crash replays the records (same outputs, same ids)
  or finds them in a row's `seen` list, and recovery re-sends pending outboxes.
- `references` (reference -> cases) is written by the references agent through Faust's
  table API, after the record's outputs are in Kafka and before its offset is marked.
- After every recovery or rebalance: pending outboxes of the active partitions are
  re-sent, then the deadline heap is rebuilt; until then /readyz says not recovered
  and the timer does nothing.
- Every ROUTER_DEADLINE_TICK_SECONDS, unless rebalancing or recovering: stalled source
  partitions are read again, then due deadlines are published on `cases.commands`.
- Faust's web server answers /healthz, /readyz and /metrics on ROUTER_PORT.
"""

from __future__ import annotations

import time
from typing import Any

import faust

from contracts.topics import (
    CASES_COMMANDS,
    CASES_REFERENCES,
    NOTIFICATIONS_EVENTS,
    WHATSAPP_INBOUND,
)
from services.router.batch_commit import BatchCommit
from services.router.cases.context import RouterContext
from services.router.deadline_timer import DeadlineTimer
from services.router.domain.reference import MAX_PARTITIONS
from services.router.faust_edge import (
    Producer,
    SourceOffsets,
    TableRows,
    assigned_partitions,
    settling,
)
from services.router.health_views import readiness, register_views
from services.router.live_directory import LiveDirectory
from services.router.publishing import OutputTopics
from services.router.reference_agent import ReferenceAgent
from services.router.reply_agent import ReplyAgent
from services.router.route_agent import RouteAgent
from services.router.settings import RouterSettings
from services.router.wiring import load_context


def faust_app(settings: RouterSettings) -> faust.App:
    """at_least_once (never exactly_once: faust#323/#517/#606), memory store, web on."""
    settings.store_path.mkdir(parents=True, exist_ok=True)
    return faust.App(
        settings.faust_app_id,
        broker=settings.broker_url,
        store="memory://",
        processing_guarantee="at_least_once",
        topic_partitions=WHATSAPP_INBOUND.partitions,
        topic_replication_factor=settings.replication_factor,
        topic_disable_leader=True,
        broker_session_timeout=settings.broker_session_timeout_s,
        broker_heartbeat_interval=min(3.0, settings.broker_session_timeout_s / 3),
        broker_commit_interval=settings.commit_interval_s,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_linger=0.005,
        producer_max_batch_size=512 * 1024,
        producer_max_request_size=4 * 1024 * 1024,
        table_standby_replicas=0,
        web_enabled=True,
        web_port=settings.port,
        web_bind=settings.host,
        web_host=settings.host,
        # Faust's own pages would show table rows (reporters' numbers): off.
        web_router_enabled=False,
        web_tables_enabled=False,
        web_graph_enabled=False,
        web_stats_enabled=False,
        datadir=str(settings.store_path / settings.faust_app_id),
        autodiscover=False,
    )


class Router:
    """The Faust app and what its agents share. `ctx` (directory, roster, SLA policy) is
    read once per batch: assigning a new one changes them while the worker runs."""

    def __init__(self, settings: RouterSettings, ctx: RouterContext | None = None) -> None:
        if WHATSAPP_INBOUND.partitions != CASES_COMMANDS.partitions:
            raise RuntimeError("whatsapp.inbound and cases.commands must be co-partitioned")
        if WHATSAPP_INBOUND.partitions > MAX_PARTITIONS:
            raise RuntimeError(f"references encode at most {MAX_PARTITIONS} input partitions")
        self.settings = settings
        self.ctx = ctx or load_context(settings)
        prefix = settings.topic_prefix
        self.inbound_topic = WHATSAPP_INBOUND.full_name(prefix)
        self.commands_topic = CASES_COMMANDS.full_name(prefix)
        self.topics = OutputTopics(prefix)
        self.app = faust_app(settings)
        self._declare_tables()
        self._declare_agents()
        self._start_with_the_app()

    def _declare_tables(self) -> None:
        raw: dict[str, Any] = {"key_serializer": "raw", "value_serializer": "raw"}
        self.source = self.app.topic(self.inbound_topic, self.commands_topic, **raw)
        self.reference_source = self.app.topic(self.topics.references, **raw)
        self.notification_events = self.app.topic(
            NOTIFICATIONS_EVENTS.full_name(self.settings.topic_prefix), **raw
        )
        # key_type/value_type bytes make Faust use the raw codec for the changelogs too.
        self.reporters = self.app.Table(
            "reporters", partitions=WHATSAPP_INBOUND.partitions,
            default=None, key_type=bytes, value_type=bytes,
        )
        self.references = self.app.Table(
            "references", partitions=CASES_REFERENCES.partitions,
            default=None, key_type=bytes, value_type=bytes,
        )
        self.reporters.on_recover(self._recovered)
        self.rows = TableRows(self.app, self.reporters)

    def _declare_agents(self) -> None:
        sources = [self.inbound_topic, self.commands_topic, self.topics.references]
        self.offsets = SourceOffsets(self.app, sources)
        producer = Producer(self.app)
        self.timer = DeadlineTimer(self.rows, producer, self.topics, self._active_partitions)
        self.commit = BatchCommit(self.rows, producer, self.offsets, self.timer.note_batch)
        route = RouteAgent(
            context=lambda: self.ctx,
            offsets=self.offsets,
            rows=self.rows,
            commit=self.commit,
            topics=self.topics,
            inbound_topic=self.inbound_topic,
            batch=(self.settings.batch_max, self.settings.batch_within_s),
        )
        references = ReferenceAgent(
            table=self.references, offsets=self.offsets, producer=producer, topics=self.topics
        )
        self.app.agent(self.source, name="route", concurrency=1)(route.run)
        self.app.agent(self.reference_source, name="references", concurrency=1)(references.run)
        replies = ReplyAgent(producer=producer, topics=self.topics)
        self.app.agent(self.notification_events, name="replies", concurrency=1)(replies.run)

    def _start_with_the_app(self) -> None:
        """What runs beside the agents for the worker's lifetime, started and stopped
        with it: the deadline timer and the web views. Anything else to start with the
        app (a `self.app.task(...)`, `self.app.service(...)`) is added here."""
        self.app.timer(interval=self.settings.deadline_tick_seconds)(self._tick)
        register_views(self.app, self.readiness)
        self.app.task(LiveDirectory(self.settings, self).follow)  # officers applied live

    def _active_partitions(self) -> set[int]:
        return assigned_partitions(self.app, self.inbound_topic)

    async def _recovered(self) -> None:
        """Tables restored (start, rebalance): finish pending outboxes, then rebuild
        the deadline heap."""
        active = self._active_partitions()
        rows = await self.commit.finish_outboxes(active)
        self.timer.rebuild(rows, active)

    async def _tick(self) -> None:
        if not self.timer.ready or settling(self.app):
            return
        await self.offsets.read_stalled()
        await self.timer.fire_due(time.time())

    def readiness(self) -> dict[str, bool]:
        return readiness(self.app, self.inbound_topic, self.rows.changelog, self.timer.ready)


def create_router(settings: RouterSettings | None = None) -> Router:
    return Router(settings or RouterSettings())
