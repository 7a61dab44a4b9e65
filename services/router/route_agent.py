"""The `route` agent: citizens' and officers' WhatsApp messages (`whatsapp.inbound`) and
case commands (`cases.commands`), both keyed by the reporter's citizen key, through the
pure handlers, in batches.

Per batch (up to ROUTER_BATCH_MAX records, waiting at most ROUTER_BATCH_WITHIN_S):
1. the source ledger admits a record only when it is the next offset of its partition
   (replays are dropped; a record read ahead of skipped ones makes the partition be
   read again);
2. each admitted message runs through its handler in order, on its key's latest state
   in the batch: a citizen's message or a command changes the reporter's row and adds
   outputs to it; an officer's message only yields outputs. A message the handlers
   raise on becomes a dead letter for `router.deadletter` (`dead_letters.py`), sent
   with the outputs; the batch goes on with the next message;
3. `batch_commit.BatchCommit` makes the batch durable (states with their outbox, then
   outputs and dead letters, then states without outbox) and only then marks the
   offsets handled; if that fails the rows are put back, the partitions are read again
   and the agent waits a second.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import faust
from faust.types import EventT

from contracts.case_commands import CaseCommand
from contracts.case_events import CaseEventKind
from contracts.whatsapp_events import InboundMessage
from services.router import metrics
from services.router.batch_commit import Batch, BatchCommit
from services.router.cases.citizen import handle_inbound
from services.router.cases.commands import handle_command
from services.router.cases.context import RouterContext
from services.router.cases.officer_messages import handle_officer_inbound
from services.router.cases.state import ReporterState
from services.router.dead_letters import dead_letter_of
from services.router.faust_edge import SourceOffsets, TableRows, batches
from services.router.publishing import OutputTopics

log = logging.getLogger(__name__)


class RouteAgent:
    def __init__(
        self,
        *,
        context: Callable[[], RouterContext],
        offsets: SourceOffsets,
        rows: TableRows,
        commit: BatchCommit,
        topics: OutputTopics,
        inbound_topic: str,
        batch: tuple[int, float],
    ) -> None:
        self.context = context  # read once per batch: the directory may change live
        self.offsets = offsets
        self.rows = rows
        self.commit = commit
        self.topics = topics
        self.inbound_topic = inbound_topic
        self.batch_max, self.batch_within_s = batch

    async def run(self, stream: faust.StreamT) -> None:
        async for events in batches(stream, self.batch_max, self.batch_within_s):
            started = time.perf_counter()
            admitted = [e for e in events if await self.offsets.admit(e)]
            batch = self._handle(admitted, self.context().at(datetime.now(UTC)))
            if not await self.commit.commit(batch, {e.message.tp for e in events}):
                await asyncio.sleep(1.0)
                continue
            if admitted:  # the batch's time, shared by its messages
                per_message = (time.perf_counter() - started) / len(admitted)
                for _ in admitted:
                    metrics.PROCESSING.observe(per_message)

    def _handle(self, events: Sequence[EventT], ctx: RouterContext) -> Batch:
        batch = Batch()
        for event in events:
            message = event.message
            source = "inbound" if message.topic == self.inbound_topic else "commands"
            try:
                self._apply(event, source, ctx, batch)
                metrics.MESSAGES.labels(source, "ok").inc()
            except Exception as exc:
                metrics.MESSAGES.labels(source, "error").inc()
                metrics.DEAD_LETTERS.labels(source).inc()
                batch.direct.append(
                    dead_letter_of(self.topics.dead_letters, message, exc, "message")
                )
        return batch

    def _apply(self, event: EventT, source: str, ctx: RouterContext, batch: Batch) -> None:
        partition = event.message.partition
        if source == "inbound":
            msg = InboundMessage.model_validate_json(event.value)
            officer = ctx.officers.officer_by_wa_id(msg.sender.wa_id)
            if officer is not None:
                out = handle_officer_inbound(msg, officer, ctx.now)
                batch.direct.extend(self.topics.items(out))
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
        items = self.topics.items(out)
        row.state = new_state.model_copy(update={"partition": partition, "outbox": []})
        row.outbox.extend(items)
        for case_event in out.events:
            if case_event.kind == CaseEventKind.OPENED:
                metrics.CASES_OPENED.inc()
            elif case_event.kind == CaseEventKind.ESCALATED:
                metrics.ESCALATIONS.inc()

    def _load(self, key: bytes) -> ReporterState:
        raw = self.rows.get(key)
        if raw is None:
            return ReporterState.empty(key.decode())
        return ReporterState.from_bytes(raw)
