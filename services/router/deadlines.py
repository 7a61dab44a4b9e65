"""The SLA timer index: a heap of (due time, reporter key, case id, version) per worker,
holding only cases of the partitions this worker actively owns.

Nothing runs per open case while idle: a tick looks at the heap's head only. Entries are
never updated in place: a case that moves on pushes a new entry and the old one is dropped
when it reaches the head (its version no longer matches). The heap is rebuilt from the
table after every rebalance/recovery, so timers survive restarts and moves.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(order=True, frozen=True)
class Deadline:
    due_at: float  # epoch seconds
    key: bytes = field(compare=False)
    case_id: str = field(compare=False)
    version: int = field(compare=False)
    partition: int = field(compare=False)


class DeadlineIndex:
    def __init__(self) -> None:
        self._heap: list[Deadline] = []

    def __len__(self) -> int:
        return len(self._heap)

    def push(
        self, key: bytes, partition: int, deadlines: Iterable[tuple[datetime, str, int]]
    ) -> None:
        for due_at, case_id, version in deadlines:
            heapq.heappush(
                self._heap, Deadline(due_at.timestamp(), key, case_id, version, partition)
            )

    def rebuild(self, entries: Iterable[Deadline]) -> None:
        self._heap = list(entries)
        heapq.heapify(self._heap)

    def next_due(self) -> float | None:
        return self._heap[0].due_at if self._heap else None

    def pop_due(self, now: float, limit: int = 1000) -> list[Deadline]:
        due: list[Deadline] = []
        while self._heap and self._heap[0].due_at <= now and len(due) < limit:
            due.append(heapq.heappop(self._heap))
        return due
