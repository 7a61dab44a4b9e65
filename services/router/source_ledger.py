"""Which source offsets the router has really handled, per partition: the only thing
allowed to decide what gets committed.

Faust's own bookkeeping commits from the offsets its streams *acked*, and it fills in
"gaps" between offsets it read. Records that Faust fetched and then dropped (stream
queues cleared when the flow resumes after a recovery, records read below its read
offset after a seek, a fetch made before a rebalance's seek) leave such gaps, and a
commit then jumps over reports nobody handled: lost for good after a crash. The chaos
test and `tests/router/test_worker_outage.py` lost reports this way.

The ledger keeps, for each source partition this worker serves, the next offset it must
handle and the offset up to which handling is durable. A record is handled only when it
is exactly the next one; one below is a replay (already handled), one above means
records were skipped and the partition must be read again from the next offset. Commits
never go past the durable offset. Plain data, no Kafka: tested on its own.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

P = TypeVar("P", bound=Hashable)  # a partition, e.g. Faust's TP


class Verdict(Enum):
    HANDLE = "handle"  # the next record: handle it
    REPLAYED = "replayed"  # already handled (a re-read after a seek or restart)
    AHEAD = "ahead"  # records before this one were skipped: read again from `next`


@dataclass
class _Cursor:
    next: int  # next offset to handle
    durable: int  # every offset below this one is handled and its effects are durable
    progress_at: float = 0.0  # when a record was last taken in order (monotonic seconds)
    read_again_at: float = float("-inf")  # when the partition was last read again
    read_again_from: int | None = None  # the offset it was last read again from


class SourceLedger(Generic[P]):
    """Per source partition (any hashable, e.g. Faust's TP): next and durable offsets."""

    def __init__(self) -> None:
        self._cursors: dict[P, _Cursor] = {}

    def knows(self, tp: P) -> bool:
        return tp in self._cursors

    def partitions(self) -> list[P]:
        return list(self._cursors)

    def start(self, tp: P, offset: int, now: float = 0.0) -> None:
        """Begin serving a partition at `offset` (its committed offset, or the earliest
        offset still in the log when nothing was committed)."""
        self._cursors[tp] = _Cursor(next=offset, durable=offset, progress_at=now)

    def admit(self, tp: P, offset: int, now: float = 0.0) -> Verdict:
        cursor = self._cursors[tp]
        if offset > cursor.next:
            return Verdict.AHEAD
        cursor.progress_at = now
        if offset == cursor.next:
            cursor.next += 1
            return Verdict.HANDLE
        return Verdict.REPLAYED

    def stalled(
        self, highwaters: Mapping[P, int | None], now: float, after_s: float
    ) -> list[tuple[P, int]]:
        """Partitions whose log holds records past the next offset although nothing was
        taken in order for `after_s`: records were dropped with no later one arriving to
        reveal the gap. Each is reported once per `after_s`, with its log end."""
        found = []
        for tp, cursor in self._cursors.items():
            end = highwaters.get(tp)
            if end is None or end <= cursor.next or now - cursor.progress_at < after_s:
                continue
            cursor.progress_at = now
            found.append((tp, end))
        return found

    def may_read_again(self, tp: P, now: float, every_s: float) -> bool:
        """At most one re-read per `every_s` per partition: records fetched before a seek
        keep arriving (ahead) until the re-read ones come. True: read it again now."""
        cursor = self._cursors[tp]
        if now - cursor.read_again_at < every_s:
            return False
        cursor.read_again_at = now
        return True

    def read_again_before(self, tp: P) -> bool:
        """The partition was read again from its next offset already, and is still
        ahead: the records there may be gone (deleted by retention)."""
        cursor = self._cursors[tp]
        return cursor.read_again_from == cursor.next

    def reading_again_from(self, tp: P, offset: int) -> None:
        self._cursors[tp].read_again_from = offset

    def next_offset(self, tp: P) -> int:
        return self._cursors[tp].next

    def durable_offset(self, tp: P) -> int | None:
        cursor = self._cursors.get(tp)
        return None if cursor is None else cursor.durable

    def made_durable(self, tps: Iterable[P]) -> None:
        """Everything admitted so far on these partitions has durable effects."""
        for tp in tps:
            cursor = self._cursors.get(tp)
            if cursor is not None:
                cursor.durable = cursor.next

    def roll_back(self, tps: Iterable[P]) -> dict[P, int]:
        """Handling failed before its effects were durable: forget what was admitted
        since the last durable point. Returns the offsets to read again from."""
        restart: dict[P, int] = {}
        for tp in tps:
            cursor = self._cursors.get(tp)
            if cursor is not None:
                cursor.next = cursor.durable
                restart[tp] = cursor.durable
        return restart

    def skip_to(self, tp: P, offset: int) -> int:
        """The records from `next` up to `offset` no longer exist (deleted by retention):
        continue from `offset`. Returns how many were skipped."""
        cursor = self._cursors[tp]
        skipped = max(0, offset - cursor.next)
        if skipped:
            cursor.next = cursor.durable = offset
        return skipped

    def forget(self, tps: Iterable[P]) -> None:
        """Partitions revoked: another worker (or a later assignment) starts them again
        from the committed offset."""
        for tp in tps:
            self._cursors.pop(tp, None)
