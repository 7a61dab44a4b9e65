"""Which offsets may be committed while requests finish out of order.

Requests of different recipients run concurrently, so a later offset may finish before an
earlier one. Only offsets below the lowest unfinished one are committed: after a crash
every unfinished request is read again (and the sends table stops it from going twice).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Ticket:
    partition: Hashable
    offset: int
    generation: int


class OffsetTracker:
    def __init__(self) -> None:
        self._open: dict[Hashable, set[int]] = {}
        self._next: dict[Hashable, int] = {}
        self._generation: dict[Hashable, int] = {}

    def started(self, partition: Hashable, offset: int) -> Ticket:
        self._open.setdefault(partition, set()).add(offset)
        self._next[partition] = max(self._next.get(partition, 0), offset + 1)
        return Ticket(partition, offset, self._generation.get(partition, 0))

    def finished(self, ticket: Ticket) -> None:
        if self._generation.get(ticket.partition, 0) != ticket.generation:
            return  # the partition was revoked (and maybe given back) since
        self._open.get(ticket.partition, set()).discard(ticket.offset)

    def committable(self) -> dict[Hashable, int]:
        """Per partition, the offset to commit (the next one to read after a restart)."""
        out = {}
        for partition, next_offset in self._next.items():
            unfinished = self._open.get(partition)
            out[partition] = min(unfinished) if unfinished else next_offset
        return out

    def forget(self, partitions: Iterable[Hashable]) -> None:
        for partition in partitions:
            self._open.pop(partition, None)
            self._next.pop(partition, None)
            self._generation[partition] = self._generation.get(partition, 0) + 1

    def in_flight(self) -> int:
        return sum(len(s) for s in self._open.values())
