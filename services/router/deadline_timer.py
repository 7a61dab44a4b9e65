"""The SLA timer: publishes DEADLINE_REACHED commands for cases whose tier window has
passed, from the in-memory heap (`deadlines.py`) of the partitions this worker serves.

- After every recovery or rebalance the heap is rebuilt from the reporters table
  (`rebuild`, once the pending outboxes are finished), and only then does the timer act.
- After every committed batch the deadlines its transitions set are pushed (`note_batch`).
- Every tick (`fire_due`, skipped by the app while rebalancing or recovering) pops what
  is due, drops entries of partitions this worker no longer serves (their new owner
  rebuilds its own heap) and entries whose case moved on (closed, other version, no
  deadline), publishes one command per remaining entry on `cases.commands` (keyed by the
  citizen key, id `deadline:<case_id>:<version>`, `expected_version`) and waits until
  Kafka has them. If that fails, every popped entry goes back for the next tick. The
  route agent re-checks the case (an acknowledgement may have raced) and escalates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Protocol

from contracts.case_commands import Actor, CaseCommand, CommandKind
from services.router import metrics
from services.router.batch_commit import Batch
from services.router.cases.outputs import Outputs
from services.router.cases.state import ReporterState
from services.router.deadlines import Deadline, DeadlineIndex
from services.router.publishing import OutputTopics, Producer, send_all

log = logging.getLogger(__name__)


class RowReader(Protocol):
    def get(self, key: bytes) -> bytes | None: ...


class DeadlineTimer:
    def __init__(
        self,
        rows: RowReader,
        producer: Producer,
        topics: OutputTopics,
        active: Callable[[], set[int]],
    ) -> None:
        self.rows = rows
        self.producer = producer
        self.topics = topics
        self.active = active  # partitions of the reporters' key this worker serves
        self.index = DeadlineIndex()
        self.ready = False  # rebuilt since the last recovery

    def rebuild(self, rows: Iterable[tuple[bytes, ReporterState]], active: set[int]) -> None:
        entries = [
            Deadline(due.timestamp(), key, case_id, version, state.partition)
            for key, state in rows
            if state.partition is not None
            for due, case_id, version in state.deadlines()
        ]
        self.index.rebuild(entries)
        self.ready = True
        metrics.DEADLINES_PENDING.set(len(self.index))
        log.info(
            "deadline index rebuilt",
            extra={"deadlines": len(entries), "partitions": sorted(active)},
        )

    def note_batch(self, batch: Batch) -> None:
        """The deadlines a committed batch's transitions set."""
        for key, row in batch.rows.items():
            before = set(row.before.deadlines())
            changed = [d for d in row.state.deadlines() if d not in before]
            self.index.push(key, row.partition, changed)
        metrics.DEADLINES_PENDING.set(len(self.index))

    async def fire_due(self, now: float) -> None:
        due = self.index.pop_due(now)
        if not due:
            return
        active = self.active()
        commands = [
            _command(entry)
            for entry in due
            if entry.partition in active and self._still_due(entry)
        ]
        try:
            await send_all(self.producer, self.topics.items(Outputs(commands=commands)))
        except Exception:
            log.exception("deadline commands not published; retrying on the next tick")
            for entry in due:
                when = datetime.fromtimestamp(entry.due_at, UTC)
                self.index.push(entry.key, entry.partition, [(when, entry.case_id, entry.version)])
            return
        metrics.DEADLINES_FIRED.inc(len(commands))
        if commands:
            log.info("deadlines reached", extra={"cases": [c.case_id for c in commands]})
        metrics.DEADLINES_PENDING.set(len(self.index))

    def _still_due(self, entry: Deadline) -> bool:
        raw = self.rows.get(entry.key)
        if raw is None:
            return False
        record = ReporterState.from_bytes(raw).cases.get(entry.case_id)
        return (
            record is not None
            and record.is_open
            and record.case.version == entry.version
            and record.case.due_at is not None
        )


def _command(entry: Deadline) -> CaseCommand:
    return CaseCommand(
        message_id=f"deadline:{entry.case_id}:{entry.version}",
        kind=CommandKind.DEADLINE_REACHED,
        case_id=entry.case_id,
        citizen_key=entry.key.decode(),
        actor=Actor(role="router"),
        expected_version=entry.version,
    )
