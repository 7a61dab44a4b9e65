"""The router's faust-streaming application: one agent per concern, state in tables.

- `route` consumes `whatsapp.inbound` and `cases.commands` (both keyed by the reporter's
  citizen key, equal partition counts) and owns the `reporters` table (citizen key ->
  ReporterState). Effects are published and acknowledged by Kafka BEFORE the table row is
  written, so a crash at any point either replays the message (same outputs, same ids) or
  finds it already in the row's `seen` list.
- `references` consumes `cases.references` and owns the `references` table (reference ->
  cases), turning officers' `terima BJN-...` texts into commands on the reporter's key.
- A timer publishes DEADLINE_REACHED commands from the in-memory deadline index.
- Faust's web server answers /healthz, /readyz and /metrics on ROUTER_PORT.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import EventT
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from contracts.base import Message
from contracts.case_commands import Actor, CaseCommand, CommandKind
from contracts.case_events import CaseEventKind
from contracts.case_references import CaseReferenceMessage
from contracts.topics import (
    CASES_COMMANDS,
    CASES_EVENTS,
    CASES_REFERENCES,
    NOTIFICATIONS_REQUESTS,
    TIER_TOPICS,
    WHATSAPP_INBOUND,
)
from contracts.whatsapp_events import InboundMessage
from services.router import metrics
from services.router.cases.citizen import handle_inbound
from services.router.cases.commands import handle_command
from services.router.cases.context import RouterContext
from services.router.cases.officer_messages import handle_officer_inbound
from services.router.cases.outputs import Outputs
from services.router.cases.references import ReferenceEntry, handle_reference
from services.router.cases.state import OutboxItem, ReporterState
from services.router.deadlines import Deadline, DeadlineIndex
from services.router.domain.reference import MAX_PARTITIONS
from services.router.settings import RouterSettings
from services.router.source_offsets import SourceOffsets
from services.router.wiring import load_context

log = logging.getLogger(__name__)

SERVICE = "router"


class Router:
    """The Faust app and everything its agents share."""

    def __init__(self, settings: RouterSettings, ctx: RouterContext | None = None) -> None:
        if WHATSAPP_INBOUND.partitions != CASES_COMMANDS.partitions:
            raise RuntimeError("whatsapp.inbound and cases.commands must be co-partitioned")
        if WHATSAPP_INBOUND.partitions > MAX_PARTITIONS:
            raise RuntimeError(f"references encode at most {MAX_PARTITIONS} input partitions")
        self.settings = settings
        self.ctx = ctx or load_context(settings)
        self.deadlines = DeadlineIndex()
        self.index_ready = False
        prefix = settings.topic_prefix
        self.inbound_topic = WHATSAPP_INBOUND.full_name(prefix)
        self.commands_topic = CASES_COMMANDS.full_name(prefix)
        self.names = {
            "events": CASES_EVENTS.full_name(prefix),
            "notifications": NOTIFICATIONS_REQUESTS.full_name(prefix),
            "commands": self.commands_topic,
            "references": CASES_REFERENCES.full_name(prefix),
            **{f"tier:{tier.value}": t.full_name(prefix) for tier, t in TIER_TOPICS.items()},
        }
        settings.store_path.mkdir(parents=True, exist_ok=True)
        self.app = faust.App(
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
        raw: dict[str, Any] = {"key_serializer": "raw", "value_serializer": "raw"}
        self.source = self.app.topic(self.inbound_topic, self.commands_topic, **raw)
        self.reference_source = self.app.topic(self.names["references"], **raw)
        # key_type/value_type bytes make Faust use the raw codec for the changelogs too.
        self.reporters = self.app.Table(
            "reporters",
            partitions=WHATSAPP_INBOUND.partitions,
            default=None,
            key_type=bytes,
            value_type=bytes,
        )
        self.references = self.app.Table(
            "references",
            partitions=CASES_REFERENCES.partitions,
            default=None,
            key_type=bytes,
            value_type=bytes,
        )
        self.reporters_changelog = self.reporters.changelog_topic.get_topic_name()
        self.reporters.on_recover(self._rebuild_deadlines)
        self.offsets = SourceOffsets(
            self.app, [self.inbound_topic, self.commands_topic, self.names["references"]]
        )
        self.app.agent(self.source, name="route", concurrency=1)(self._route)
        self.app.agent(self.reference_source, name="references", concurrency=1)(
            self._route_references
        )
        self.app.timer(interval=settings.deadline_tick_seconds)(self._tick)
        self._register_views()

    # --- the route agent ----------------------------------------------------------------

    async def _route(self, stream: faust.StreamT) -> None:
        settings = self.settings
        batches = stream.take_events(settings.batch_max, settings.batch_within_s)  # type: ignore[attr-defined]
        async for events in batches:
            started = time.perf_counter()
            admitted = [e for e in events if await self._admit(e)]
            tps = {e.message.tp for e in events}
            try:
                await self._handle_batch(admitted)
            except Exception:
                log.exception("batch not handled; its records will be read again")
                await self.offsets.failed(tps)
                await asyncio.sleep(1.0)
                continue
            self.offsets.handled(tps)
            elapsed = time.perf_counter() - started
            for _ in admitted:
                metrics.PROCESSING.observe(elapsed)

    async def _admit(self, event: EventT) -> bool:
        message = event.message
        if await self.offsets.admit(message.tp, message.offset):
            return True
        metrics.RECORDS_NOT_HANDLED.inc()
        return False

    async def _handle_batch(self, events: Sequence[EventT]) -> None:
        """Run every message of a batch through the pure handlers (in order, per key on
        the latest state), then commit the batch: states first (with their outputs as an
        outbox) until Kafka has them, then the outputs, then the outboxes cleared.

        A crash before the states are durable replays the batch with nothing published
        yet; a crash after finds the messages in `seen` and recovery re-sends the
        outboxes (same ids). Never is an output out while the state that produced it is
        not durable, so a replay can never redo a transition differently."""
        ctx = self.ctx.at(datetime.now(UTC))
        batch = _Batch()
        for event in events:
            source = "inbound" if event.message.topic == self.inbound_topic else "commands"
            try:
                self._apply(event, source, ctx, batch)
                metrics.MESSAGES.labels(source, "ok").inc()
            except Exception:
                metrics.MESSAGES.labels(source, "error").inc()
                log.exception(
                    "message skipped after an error",
                    extra={
                        "topic": event.message.topic,
                        "offset": event.message.offset,
                        "partition": event.message.partition,
                    },
                )
        try:
            staged = []
            for key, row in batch.rows.items():
                if row.outbox:
                    with_outbox = row.state.model_copy(update={"outbox": row.outbox})
                    staged.append(await self._store(key, row.partition, with_outbox))
                elif row.state != row.before:
                    await self._store(key, row.partition, row.state)
            if staged:
                await asyncio.gather(*staged)  # the states (and their outboxes) are in Kafka
            await self._send(
                [item for row in batch.rows.values() for item in row.outbox] + batch.direct
            )
        except BaseException:
            # Not durable: the batch is read again, so the rows go back to where it found
            # them (a state already in the changelog is overwritten by the replay's).
            for key, row in batch.rows.items():
                if row.before == ReporterState.empty(key.decode()):
                    self.reporters.data.pop(key, None)
                else:
                    self.reporters.data[key] = row.before.to_bytes()
            raise
        for key, row in batch.rows.items():
            if row.outbox:
                await self._store(key, row.partition, row.state)
            self.deadlines.push(key, row.partition, _changed_deadlines(row.before, row.state))
        metrics.DEADLINES_PENDING.set(len(self.deadlines))

    def _apply(self, event: EventT, source: str, ctx: RouterContext, batch: _Batch) -> None:
        partition = event.message.partition
        if source == "inbound":
            msg = InboundMessage.model_validate_json(event.value)
            officer = self.ctx.officers.officer_by_wa_id(msg.sender.wa_id)
            if officer is not None:
                batch.direct.extend(self._items(handle_officer_inbound(msg, officer, ctx.now)))
                return
            key = event.key or msg.sender.key.encode()
            row = batch.row(key, partition, self._load)
            new_state, out = handle_inbound(
                row.state, msg, ctx.at_position(partition, event.message.offset)
            )
        else:
            cmd = CaseCommand.model_validate_json(event.value)
            key = event.key or cmd.citizen_key.encode()
            row = batch.row(key, partition, self._load)
            new_state, out = handle_command(row.state, cmd, ctx)
        row.state = new_state.model_copy(update={"partition": partition, "outbox": []})
        row.outbox.extend(self._items(out))
        for case_event in out.events:
            if case_event.kind == CaseEventKind.OPENED:
                metrics.CASES_OPENED.inc()
            elif case_event.kind == CaseEventKind.ESCALATED:
                metrics.ESCALATIONS.inc()

    def _items(self, out: Outputs) -> list[OutboxItem]:
        return [
            OutboxItem(topic=topic, key=key, value=message.to_bytes().decode())
            for topic, key, message in self._addressed(out)
        ]

    async def _store(self, key: bytes, partition: int, state: ReporterState) -> Awaitable[Any]:
        """Write a row, and its changelog record on the key's own partition, straight to
        the producer (Faust's changelog buffer flushes by polling); returns the delivery
        future. Works inside and outside stream iteration."""
        value = state.to_bytes()
        self.reporters.data[key] = value
        future = await self.app.producer.send(
            self.reporters_changelog, key, value, partition, None, None
        )
        return future

    def _load(self, key: bytes) -> ReporterState:
        raw = self.reporters.get(key)
        if raw is None:
            return ReporterState.empty(key.decode())
        return ReporterState.from_bytes(raw)

    # --- the references agent -----------------------------------------------------------

    async def _route_references(self, stream: faust.StreamT) -> None:
        async for event in stream.events():
            if not await self._admit(event):
                continue
            tp = event.message.tp
            try:
                msg = CaseReferenceMessage.model_validate_json(event.value)
                key = event.key or msg.reference.encode()
                raw = self.references.get(key)
                entry = ReferenceEntry.from_bytes(raw) if raw is not None else None
                new_entry, commands, notes = handle_reference(entry, msg, datetime.now(UTC))
            except Exception:
                metrics.MESSAGES.labels("references", "error").inc()
                log.exception("reference message skipped after an error")
                self.offsets.handled([tp])
                continue
            try:
                await self._publish(Outputs(commands=commands, notifications=notes))
            except Exception:
                log.exception("reference outputs not published; reading it again")
                await self.offsets.failed([tp])
                await asyncio.sleep(1.0)
                continue
            if new_entry is not None and new_entry != entry:
                self.references[key] = new_entry.to_bytes()
            self.offsets.handled([tp])
            metrics.MESSAGES.labels("references", "ok").inc()

    # --- publishing ---------------------------------------------------------------------

    def _addressed(self, out: Outputs) -> Iterable[tuple[str, str, Message]]:
        for event in out.events:
            yield self.names["events"], event.case.case_id, event
        for notice in out.notices:
            yield self.names[f"tier:{notice.tier.value}"], notice.case_id, notice
        for note in out.notifications:
            yield self.names["notifications"], note.recipient.key, note
        for command in out.commands:
            yield self.names["commands"], command.citizen_key, command
        for ref in out.references:
            yield self.names["references"], ref.reference, ref

    async def _publish(self, out: Outputs) -> None:
        """Send every output and wait until Kafka has them all (acks=all)."""
        await self._send(self._items(out))

    async def _send(self, items: list[OutboxItem]) -> None:
        producer = self.app.producer
        futures = [
            await producer.send(
                item.topic, item.key.encode(), item.value.encode(), None, None, None
            )
            for item in items
        ]
        if futures:
            await asyncio.gather(*futures)

    # --- deadlines ----------------------------------------------------------------------

    def _active_partitions(self) -> set[int]:
        return {
            tp.partition
            for tp in self.app.assignor.assigned_actives()
            if tp.topic == self.inbound_topic
        }

    async def _rebuild_deadlines(self) -> None:
        active = self._active_partitions()
        entries: list[Deadline] = []
        for key, raw in list(self.reporters.data.items()):
            if raw is None:
                continue
            state = ReporterState.from_bytes(raw)
            partition = state.partition
            if partition is None or partition not in active:
                continue
            if state.outbox:
                await self._send(state.outbox)
                log.info("outbox re-sent after recovery", extra={"outputs": len(state.outbox)})
                state = state.model_copy(update={"outbox": []})
                await self._store(key, partition, state)
            entries.extend(
                Deadline(due.timestamp(), key, case_id, version, partition)
                for due, case_id, version in state.deadlines()
            )
        self.deadlines.rebuild(entries)
        self.index_ready = True
        metrics.DEADLINES_PENDING.set(len(self.deadlines))
        log.info(
            "deadline index rebuilt",
            extra={"deadlines": len(entries), "partitions": sorted(active)},
        )

    async def _tick(self) -> None:
        app = self.app
        if not self.index_ready or app.rebalancing or app.in_recovery:
            return
        try:
            await self.offsets.read_stalled()
        except Exception:
            log.exception("stalled source partitions not checked; retrying on the next tick")
        due = self.deadlines.pop_due(time.time())
        if not due:
            return
        active = self._active_partitions()
        commands = []
        for entry in due:
            if entry.partition not in active:
                continue  # moved to another worker; it rebuilds its own index
            if not self._still_due(entry):
                continue
            commands.append(
                CaseCommand(
                    message_id=f"deadline:{entry.case_id}:{entry.version}",
                    kind=CommandKind.DEADLINE_REACHED,
                    case_id=entry.case_id,
                    citizen_key=entry.key.decode(),
                    actor=Actor(role="router"),
                    expected_version=entry.version,
                )
            )
        try:
            await self._publish(Outputs(commands=commands))
        except Exception:
            log.exception("deadline commands not published; retrying on the next tick")
            for entry in due:
                self.deadlines.push(
                    entry.key,
                    entry.partition,
                    [(datetime.fromtimestamp(entry.due_at, UTC), entry.case_id, entry.version)],
                )
            return
        metrics.DEADLINES_FIRED.inc(len(commands))
        if commands:
            log.info("deadlines reached", extra={"cases": [c.case_id for c in commands]})
        metrics.DEADLINES_PENDING.set(len(self.deadlines))

    def _still_due(self, entry: Deadline) -> bool:
        raw = self.reporters.get(entry.key)
        if raw is None:
            return False
        record = ReporterState.from_bytes(raw).cases.get(entry.case_id)
        return (
            record is not None
            and record.is_open
            and record.case.version == entry.version
            and record.case.due_at is not None
        )

    # --- health -------------------------------------------------------------------------

    def readiness(self) -> dict[str, bool]:
        app = self.app
        started = bool(app.started) if hasattr(app, "started") else True
        actives = self.app.assignor.assigned_actives()
        inbound = {tp.partition for tp in actives if tp.topic == self.inbound_topic}
        changelog = self.reporters.changelog_topic.get_topic_name()
        logged = {tp.partition for tp in actives if tp.topic == changelog}
        return {
            "worker": started,
            "partitions_assigned": bool(inbound),
            "changelogs_assigned": inbound <= logged,
            "recovered": not app.in_recovery and not app.rebalancing and self.index_ready,
        }

    def _register_views(self) -> None:
        router = self

        @self.app.page("/healthz")
        class Healthz(faust.web.View):
            async def get(self, request: Any) -> Any:
                return self.json({"status": "ok", "service": SERVICE})

        @self.app.page("/readyz")
        class Readyz(faust.web.View):
            async def get(self, request: Any) -> Any:
                try:
                    checks = router.readiness()
                except Exception:
                    checks = {"worker": False}
                ready = all(checks.values())
                body = {"ready": ready, "service": SERVICE, "checks": checks}
                return self.json(body, status=200 if ready else 503)

        @self.app.page("/metrics")
        class Metrics(faust.web.View):
            async def get(self, request: Any) -> Any:
                headers = {"Content-Type": CONTENT_TYPE_LATEST}
                return self.bytes(generate_latest(), headers=headers)


@dataclass
class _Row:
    partition: int
    before: ReporterState
    state: ReporterState
    outbox: list[OutboxItem] = field(default_factory=list)


@dataclass
class _Batch:
    rows: dict[bytes, _Row] = field(default_factory=dict)
    direct: list[OutboxItem] = field(default_factory=list)  # stateless (officers' messages)

    def row(self, key: bytes, partition: int, load: Callable[[bytes], ReporterState]) -> _Row:
        found = self.rows.get(key)
        if found is None:
            state = load(key)
            found = self.rows[key] = _Row(partition, state, state)
        return found


def _changed_deadlines(old: ReporterState, new: ReporterState) -> list[tuple[datetime, str, int]]:
    before = set(old.deadlines())
    return [d for d in new.deadlines() if d not in before]


def create_router(settings: RouterSettings | None = None) -> Router:
    return Router(settings or RouterSettings())
