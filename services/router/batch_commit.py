"""The commit sequence of a batch of the route agent: state first, then effects (outbox).

A batch holds the rows its messages changed (each with the state it found, its new
state and the outputs its transitions produced) and outputs that belong to no row
(officers' messages, dead letters). `BatchCommit.commit` then:
1. writes every row that has outputs WITH them as its outbox, and every other changed
   row as it is, and awaits the changelog records of the rows with an outbox (Kafka
   has them, acks=all);
2. sends every output (the outboxes, then the outputs without a row) and awaits them;
3. writes the rows with an outbox again without it, and hands the batch to
   `on_committed` (the deadline timer takes the new deadlines);
4. only then marks the batch's source offsets durable (`handled`): a commit may pass
   them from now on.
Rows written without being awaited (step 1 without outputs, step 3) are in Kafka before
any commit passes their records: Faust flushes the producer before every offset commit.

If step 1, 2 or 3 fails, the rows go back in memory to what the batch found (a state
already in the changelog is overwritten by the replay's), the partitions are read again
from their durable offsets (`failed`) and nothing is marked. A crash before the states
are durable replays the batch with nothing published yet; a crash after finds the
messages in the rows' `seen`, and recovery re-sends the outboxes (`finish_outboxes`,
same ids). So no output is ever out while the state that produced it is not durable, and
a replay can never redo a transition differently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from services.router.cases.state import OutboxItem, ReporterState
from services.router.publishing import Producer, send_all

log = logging.getLogger(__name__)


class Rows(Protocol):
    """The reporters table, written straight through (`faust_edge.TableRows`)."""

    def items(self) -> list[tuple[bytes, bytes | None]]: ...

    async def write(self, key: bytes, partition: int, value: bytes) -> Awaitable[Any]: ...

    def put_back(self, key: bytes, value: bytes | None) -> None: ...


class Progress(Protocol):
    """The source ledger (`faust_edge.SourceOffsets`)."""

    def handled(self, tps: Iterable[Any]) -> None: ...

    async def failed(self, tps: Iterable[Any]) -> None: ...


@dataclass
class Row:
    partition: int
    before: ReporterState
    state: ReporterState
    outbox: list[OutboxItem] = field(default_factory=list)


@dataclass
class Batch:
    rows: dict[bytes, Row] = field(default_factory=dict)
    direct: list[OutboxItem] = field(default_factory=list)  # officers' messages, dead letters

    def row(self, key: bytes, partition: int, load: Callable[[bytes], ReporterState]) -> Row:
        """The key's row in this batch, loaded on first use."""
        found = self.rows.get(key)
        if found is None:
            state = load(key)
            found = self.rows[key] = Row(partition, state, state)
        return found


@dataclass
class BatchCommit:
    rows: Rows
    producer: Producer
    progress: Progress
    on_committed: Callable[[Batch], None]  # the batch is durable: take its deadlines

    async def commit(self, batch: Batch, tps: set[Hashable]) -> bool:
        """Make the batch durable, then mark its partitions `tps` handled (True); or
        roll it back and have them read again (False)."""
        try:
            await self._states_then_outputs(batch)
            for key, row in batch.rows.items():
                if row.outbox:
                    await self.rows.write(key, row.partition, row.state.to_bytes())
            self.on_committed(batch)
        except Exception:
            log.exception("batch not handled; its records will be read again")
            await self.progress.failed(tps)
            return False
        self.progress.handled(tps)
        return True

    async def _states_then_outputs(self, batch: Batch) -> None:
        try:
            staged = []
            for key, row in batch.rows.items():
                if row.outbox:
                    with_outbox = row.state.model_copy(update={"outbox": row.outbox})
                    staged.append(
                        await self.rows.write(key, row.partition, with_outbox.to_bytes())
                    )
                elif row.state != row.before:
                    await self.rows.write(key, row.partition, row.state.to_bytes())
            if staged:
                await asyncio.gather(*staged)  # the states (and their outboxes) are in Kafka
            outputs = [item for row in batch.rows.values() for item in row.outbox]
            await send_all(self.producer, outputs + batch.direct)
        except BaseException:
            for key, row in batch.rows.items():
                empty = row.before == ReporterState.empty(key.decode())
                self.rows.put_back(key, None if empty else row.before.to_bytes())
            raise

    async def finish_outboxes(self, active: set[int]) -> list[tuple[bytes, ReporterState]]:
        """After a recovery: every row of the `active` partitions, its pending outbox (a
        crash came between steps 1 and 3) re-sent with the same ids, awaited, and
        cleared. Returns the rows, for the deadline timer."""
        found: list[tuple[bytes, ReporterState]] = []
        for key, raw in self.rows.items():
            if raw is None:
                continue
            state = ReporterState.from_bytes(raw)
            partition = state.partition
            if partition is None or partition not in active:
                continue
            if state.outbox:
                await send_all(self.producer, state.outbox)
                log.info("outbox re-sent after recovery", extra={"outputs": len(state.outbox)})
                state = state.model_copy(update={"outbox": []})
                await self.rows.write(key, partition, state.to_bytes())
            found.append((key, state))
        return found
