"""The Faust edge of the source ledger: starts each source partition at its committed
offset, reads a partition again when records were skipped, and makes Faust's commits
follow the ledger's durable offsets instead of its own acks.

Faust internals touched (faust-streaming 0.15.3, checked by tests/router):
`Consumer._new_offset` (replaced for source partitions), the consumer thread's aiokafka
consumer (committed offsets) and `seek_wait` (which also resets Faust's read offset so
the re-read records are not dropped as old).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

import faust
from faust.types import TP

from services.router.source_ledger import SourceLedger, Verdict

log = logging.getLogger(__name__)

# A skipped range is read again at most this often per partition: records fetched
# before the seek keep arriving (ahead) until the re-read ones come.
RESEEK_AFTER_S = 1.0
# A partition whose log holds records past the next offset, yet admitted nothing for this
# long, is read again from the next offset (records dropped with nothing after them).
STALL_AFTER_S = 5.0


class SourceOffsets:
    """Guards the source topics of one Faust app."""

    def __init__(self, app: faust.App, topics: Iterable[str]) -> None:
        self.app = app
        self.topics = frozenset(topics)
        self.ledger: SourceLedger[TP] = SourceLedger()
        self._last_seek: dict[TP, float] = {}
        self._reread_from: dict[TP, int] = {}
        self._installed = False
        self.rereads = 0
        app.on_partitions_assigned.connect(self._on_assigned)  # type: ignore[arg-type]
        app.on_partitions_revoked.connect(self._on_revoked)  # type: ignore[arg-type]

    # --- wiring ---------------------------------------------------------------------------

    async def _on_assigned(self, sender: Any, *args: Any, **kwargs: Any) -> None:
        """Start every newly assigned source partition before the streams run: one
        round trip to the consumer's thread for all of them (each call there can wait
        for the thread's fetch poll, about 1.5 s; once per partition on the agent's path
        it delayed the first deadline commands by ~8 s in the benchmark)."""
        self.install()
        assigned: set[TP] = set(args[0] if args else kwargs.get("assigned", ()))
        new = [tp for tp in assigned if tp.topic in self.topics and not self.ledger.knows(tp)]
        if not new:
            return
        try:
            offsets = await self._starting_offsets(new)
        except Exception:
            log.exception("starting offsets not read at assignment; read per partition later")
            return
        now = time.monotonic()
        for tp, offset in offsets.items():
            if not self.ledger.knows(tp):
                self.ledger.start(tp, offset, now)

    async def _on_revoked(self, sender: Any, *args: Any, **kwargs: Any) -> None:
        revoked: set[TP] = set(args[0] if args else kwargs.get("revoked", ()))
        self.ledger.forget(revoked)
        for tp in revoked:
            self._last_seek.pop(tp, None)
            self._reread_from.pop(tp, None)

    def install(self) -> None:
        """Make the consumer commit source partitions up to the ledger's durable offset
        only (Faust still trims its own ack lists)."""
        if self._installed:
            return
        consumer: Any = self.app.consumer
        faust_new_offset = consumer._new_offset
        topics = self.topics
        ledger = self.ledger

        def new_offset(tp: TP) -> int | None:
            proposed = faust_new_offset(tp)
            if tp.topic in topics:
                return ledger.durable_offset(tp)
            return proposed

        consumer._new_offset = new_offset
        self._installed = True

    # --- per record -----------------------------------------------------------------------

    async def admit(self, tp: TP, offset: int) -> bool:
        """True when this record is the next one to handle on its partition."""
        if not self.ledger.knows(tp):  # assigned before the signal handler was connected
            self.install()
            self.ledger.start(tp, (await self._starting_offsets([tp]))[tp], time.monotonic())
        verdict = self.ledger.admit(tp, offset, time.monotonic())
        if verdict is Verdict.AHEAD:
            await self._read_again(tp, offset)
        return verdict is Verdict.HANDLE

    async def read_stalled(self) -> None:
        """Read again any partition with records waiting past the next offset but no
        progress for STALL_AFTER_S (run from a timer while the worker is not
        rebalancing): catches records the consumer dropped when no later record came to
        reveal the gap."""
        consumer: Any = self.app.consumer
        highwaters = {tp: consumer.highwater(tp) for tp in self.ledger.partitions()}
        for tp, end in self.ledger.stalled(highwaters, time.monotonic(), STALL_AFTER_S):
            await self._read_again(tp, end)

    def handled(self, tps: Iterable[TP]) -> None:
        """The effects of everything admitted on these partitions are durable."""
        self.ledger.made_durable(tps)

    async def failed(self, tps: Iterable[TP]) -> None:
        """Handling failed before its effects were durable: read those records again."""
        restart = self.ledger.roll_back(set(tps))
        if restart:
            consumer: Any = self.app.consumer
            await consumer.seek_wait(restart)

    # --- Kafka ----------------------------------------------------------------------------

    async def _starting_offsets(self, tps: list[TP]) -> dict[TP, int]:
        """Committed offset of each partition, else the earliest offset in its log."""
        consumer: Any = self.app.consumer
        thread = consumer._thread
        kafka = thread._ensure_consumer()

        async def read() -> dict[TP, int]:
            committed = {tp: await kafka.committed(tp) for tp in tps}
            missing = [tp for tp, offset in committed.items() if offset is None or offset < 0]
            earliest = await kafka.beginning_offsets(missing) if missing else {}
            return {
                tp: int(earliest.get(tp) or 0) if tp in missing else int(offset)
                for tp, offset in committed.items()
            }

        result: dict[TP, int] = await thread.call_thread(read)
        return result

    async def _read_again(self, tp: TP, seen: int) -> None:
        now = time.monotonic()
        if now - self._last_seek.get(tp, 0.0) < RESEEK_AFTER_S:
            return
        self._last_seek[tp] = now
        consumer: Any = self.app.consumer
        expected = self.ledger.next_offset(tp)
        if self._reread_from.get(tp) == expected:
            # Read again from here once already and still ahead: are those records gone?
            # (Asked only then: every call into the consumer's thread stalls the agent.)
            earliest = int((await consumer.earliest_offsets(tp)).get(tp) or 0)
            if earliest > expected:
                skipped = self.ledger.skip_to(tp, earliest)
                log.error(
                    "source records deleted by retention before they were handled",
                    extra={"topic": tp.topic, "partition": tp.partition, "records": skipped},
                )
                expected = earliest
        self._reread_from[tp] = expected
        self.rereads += 1
        log.warning(
            "records skipped by the consumer; reading the partition again",
            extra={
                "topic": tp.topic,
                "partition": tp.partition,
                "from_offset": expected,
                "seen_offset": seen,
            },
        )
        await consumer.seek_wait({tp: expected})
