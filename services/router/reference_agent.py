"""The `references` agent: `cases.references` (keyed by reference) and the `references`
table (reference -> cases), turning officers' `terima BJN-...` texts into commands on
the reporter's key, and answering unknown references.

Per record, one at a time: admitted by the source ledger (next offset only), handled
(`cases/references.py`), its outputs sent and awaited, then the table row written and
the offset marked handled. A record the handler raises on is sent to `router.deadletter`
instead (awaited too). If sending fails, the record is read again a second later.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import EventT

from contracts.case_references import CaseReferenceMessage
from services.router import metrics
from services.router.cases.outputs import Outputs
from services.router.cases.references import ReferenceEntry, handle_reference
from services.router.cases.state import OutboxItem
from services.router.dead_letters import dead_letter_of
from services.router.faust_edge import SourceOffsets
from services.router.publishing import OutputTopics, Producer, send_all

log = logging.getLogger(__name__)

SOURCE = "references"


class ReferenceAgent:
    def __init__(
        self, *, table: Any, offsets: SourceOffsets, producer: Producer, topics: OutputTopics
    ) -> None:
        self.table = table  # the Faust table, written through its public API
        self.offsets = offsets
        self.producer = producer
        self.topics = topics

    async def run(self, stream: faust.StreamT) -> None:
        async for event in stream.events():
            if not await self.offsets.admit(event):
                continue
            tp = event.message.tp
            try:
                items, row = self._handle(event)
                outcome = "ok"
            except Exception as exc:
                items, row, outcome = [self._dead_letter(event, exc)], None, "error"
            try:
                await send_all(self.producer, items)
            except Exception:
                log.exception("reference outputs not published; reading it again")
                await self.offsets.failed([tp])
                await asyncio.sleep(1.0)
                continue
            if row is not None:
                self.table[row[0]] = row[1]
            self.offsets.handled([tp])
            metrics.MESSAGES.labels(SOURCE, outcome).inc()
            if outcome == "error":
                metrics.DEAD_LETTERS.labels(SOURCE).inc()

    def _handle(self, event: EventT) -> tuple[list[OutboxItem], tuple[bytes, bytes] | None]:
        """The outputs of a reference message, and the table row to write after them
        (None: unchanged)."""
        msg = CaseReferenceMessage.model_validate_json(event.value)
        key = event.key or msg.reference.encode()
        raw = self.table.get(key)
        entry = ReferenceEntry.from_bytes(raw) if raw is not None else None
        new_entry, commands, notes = handle_reference(entry, msg, datetime.now(UTC))
        items = self.topics.items(Outputs(commands=commands, notifications=notes))
        if new_entry is None or new_entry == entry:
            return items, None
        return items, (key, new_entry.to_bytes())

    def _dead_letter(self, event: EventT, exc: Exception) -> OutboxItem:
        return dead_letter_of(self.topics.dead_letters, event.message, exc, "reference message")
