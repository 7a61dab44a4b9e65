"""Everything the router does with Faust beyond its documented API, in one place: commits
that follow the router's own ledger of durably handled source records
(`source_ledger.py`) instead of the offsets Faust's streams acked (which jump over
records Faust fetched and dropped), table rows written with their changelog records sent
at once (to be awaited, not buffered until the next poll), and events in batches.

Faust internals relied on (faust-streaming 0.15.3), listed in `ON_CLASSES` and
`ON_LIVE_APP`: tests/router/test_faust_edge.py checks them on the installed classes and
on a real worker, naming what an upgrade removed or renamed, and the worker checks its
live app before it takes over the commits.
- `Consumer._new_offset(tp)`: Faust's commit (`_filter_committable_offsets`) asks it
  which offset to commit; replaced on the app's consumer for the source topics.
- `consumer._thread._ensure_consumer()`: the aiokafka consumer inside Faust's consumer
  thread, asked there (`call_thread`) for committed and earliest offsets.
- `consumer.seek_wait` also resets Faust's `_read_offset`, so records read again are not
  dropped as already seen; `consumer.highwater`, `consumer.earliest_offsets`.
- `table.data`: the store, written directly and put back after a failed batch.
- `Stream.take_events` (not in Faust's `StreamT` type), `app.assignor.assigned_actives()`,
  `app.rebalancing`, `app.in_recovery`.
"""
from __future__ import annotations

import importlib
import inspect
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Iterable, Sequence
from importlib.metadata import version
from typing import Any, cast

import faust
from faust.types import TP, EventT

from services.router import metrics
from services.router.source_ledger import SourceLedger, Verdict

log = logging.getLogger(__name__)

FAUST_VERSION = version("faust-streaming")
RESEEK_AFTER_S = 1.0  # read a partition again at most this often (older fetches still come)
STALL_AFTER_S = 5.0  # records waiting but no progress for this long: read the partition again

_CONSUMER = "faust.transport.consumer:Consumer"
_DELEGATE = "faust.transport.consumer:ThreadDelegateConsumer"
_THREAD = "faust.transport.drivers.aiokafka:AIOKafkaConsumerThread"
# "module:Class.attribute" on the installed classes, or "app.…"/"table.…" on a live app
# and table ("()" calls); "… uses <name>": that function's source must still use it.
ON_CLASSES: tuple[str, ...] = (
    f"{_CONSUMER}._new_offset", f"{_CONSUMER}._filter_committable_offsets uses _new_offset",
    f"{_THREAD}._ensure_consumer", f"{_THREAD}.call_thread",
    f"{_THREAD}._seek_wait uses _read_offset", f"{_DELEGATE}.seek_wait",
    f"{_DELEGATE}.highwater", f"{_DELEGATE}.earliest_offsets",
    "faust.streams:Stream.take_events", "faust.tables.base:Collection.data",
)
ON_LIVE_APP: tuple[str, ...] = (
    "app.consumer._new_offset", "app.consumer._read_offset",
    "app.consumer._thread.call_thread", "app.consumer._thread._ensure_consumer().committed",
    "app.consumer._thread._ensure_consumer().beginning_offsets",
    "app.consumer.seek_wait", "app.consumer.highwater", "app.consumer.earliest_offsets",
    "app.assignor.assigned_actives", "app.rebalancing", "app.in_recovery",
    "table.data.items", "table.data.pop", "table.changelog_topic.get_topic_name",
)


def _lacks(root: Any, path: str, uses: str = "") -> bool:
    try:
        found = importlib.import_module(root) if isinstance(root, str) else root
        for part in path.split("."):
            found = getattr(found, part.removesuffix("()"))
            found = found() if part.endswith("()") else found
        return bool(uses) and uses not in inspect.getsource(found)
    except Exception:
        return True


def _problem(where: str) -> str:
    return (
        f"faust-streaming {FAUST_VERSION}: {where} is missing or changed (the router "
        "relies on it: services/router/faust_edge.py)"
    )


def missing_on_classes() -> list[str]:
    """What the installed faust-streaming classes no longer have (empty: all there)."""
    found = []
    for where in ON_CLASSES:
        path, _, uses = where.partition(" uses ")
        module, _, attribute = path.partition(":")
        if _lacks(module, attribute, uses):
            found.append(_problem(where))
    return found


def missing_on_live_app(app: faust.App, *tables: Any) -> list[str]:
    """What a started app (its consumer thread running) and these tables lack."""
    roots = {"app": [app], "table": list(tables)}
    return [
        _problem(where)
        for where in ON_LIVE_APP
        for root in roots[where.split(".", 1)[0]]
        if _lacks(root, where.split(".", 1)[1])
    ]


def batches(stream: faust.StreamT, max_: int, within: float) -> AsyncIterator[Sequence[EventT]]:
    """Events in batches of up to `max_`, waiting at most `within` seconds to fill one."""
    result: AsyncIterator[Sequence[EventT]] = cast(Any, stream).take_events(max_, within)
    return result


def assigned_partitions(app: faust.App, topic: str) -> set[int]:
    """Partitions of `topic` this worker actively serves (standbys excluded)."""
    return {tp.partition for tp in app.assignor.assigned_actives() if tp.topic == topic}


def settling(app: faust.App) -> bool:
    """Rebalancing or recovering tables: timers must not act."""
    return bool(app.rebalancing or app.in_recovery)


class Producer:
    """The app's producer (acks=all), sending records as they are, to any partition."""

    def __init__(self, app: faust.App) -> None:
        self._app = app

    async def send(self, topic: str, key: bytes, value: bytes, partition: int | None = None) -> Any:
        """Hand the record to the producer; returns its delivery future."""
        return await self._app.producer.send(topic, key, value, partition, None, None)


class TableRows:
    """A table written straight through: the row into `table.data` and its changelog
    record, on the key's own partition, to the producer at once (Faust's changelog
    buffer flushes by polling). Works inside and outside stream iteration."""

    def __init__(self, app: faust.App, table: Any) -> None:
        self._table = table
        self._producer = Producer(app)
        self.changelog: str = table.changelog_topic.get_topic_name()

    def get(self, key: bytes) -> bytes | None:
        return cast(bytes | None, self._table.get(key))

    def items(self) -> list[tuple[bytes, bytes | None]]:
        return list(self._table.data.items())

    async def write(self, key: bytes, partition: int, value: bytes) -> Awaitable[Any]:
        """Write a row and send its changelog record; returns the delivery future."""
        self._table.data[key] = value
        return await self._producer.send(self.changelog, key, value, partition)

    def put_back(self, key: bytes, value: bytes | None) -> None:
        """In memory only (None: absent); the replay overwrites what reached the changelog."""
        if value is None:
            self._table.data.pop(key, None)
        else:
            self._table.data[key] = value


class SourceOffsets:
    """The source ledger of one app's source topics, at Faust's edge: starts each source
    partition at its committed offset, reads a partition again when records were
    skipped, and makes Faust's commits follow the ledger's durable offsets."""

    def __init__(self, app: faust.App, topics: Iterable[str]) -> None:
        self.app = app
        self.topics = frozenset(topics)
        self.ledger: SourceLedger[TP] = SourceLedger()
        self._installed = False
        app.on_partitions_assigned.connect(self._on_assigned)  # type: ignore[arg-type]
        app.on_partitions_revoked.connect(self._on_revoked)  # type: ignore[arg-type]

    async def _on_assigned(self, sender: Any, *args: Any, **kwargs: Any) -> None:
        """Start the newly assigned source partitions before the streams run, in one call
        into the consumer's thread (each waits for its fetch poll, ~1.5 s: per partition
        on the agent's path it delayed the first deadline commands by ~8 s)."""
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
        self.ledger.forget(set(args[0] if args else kwargs.get("revoked", ())))

    def install(self) -> None:
        """Make the consumer commit source partitions up to the ledger's durable offset
        only (Faust still trims its own ack lists). Raises when Faust lacks what this
        relies on: a worker that cannot guard its commits must not run."""
        if self._installed:
            return
        missing = missing_on_live_app(self.app)
        if missing:
            raise RuntimeError("; ".join(missing))
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

    async def admit(self, event: EventT) -> bool:
        """True when this record is the next one to handle on its partition."""
        tp, offset = event.message.tp, event.message.offset
        if not self.ledger.knows(tp):  # assigned before the signal handler was connected
            self.install()
            self.ledger.start(tp, (await self._starting_offsets([tp]))[tp], time.monotonic())
        verdict = self.ledger.admit(tp, offset, time.monotonic())
        if verdict is Verdict.AHEAD:
            await self._read_again(tp, offset)
        if verdict is not Verdict.HANDLE:
            metrics.RECORDS_NOT_HANDLED.inc()
        return verdict is Verdict.HANDLE

    async def read_stalled(self) -> None:
        """Read again any partition with records past the next offset but no progress for
        STALL_AFTER_S: records dropped with no later one to reveal the gap (from the
        timer, not while rebalancing; an error is logged, the next tick tries again)."""
        try:
            consumer: Any = self.app.consumer
            highwaters = {tp: consumer.highwater(tp) for tp in self.ledger.partitions()}
            for tp, end in self.ledger.stalled(highwaters, time.monotonic(), STALL_AFTER_S):
                await self._read_again(tp, end)
        except Exception:
            log.exception("stalled source partitions not checked; retrying on the next tick")

    def handled(self, tps: Iterable[TP]) -> None:
        """The effects of everything admitted on these partitions are durable."""
        self.ledger.made_durable(tps)

    async def failed(self, tps: Iterable[TP]) -> None:
        """Handling failed before its effects were durable: read those records again."""
        restart = self.ledger.roll_back(set(tps))
        if restart:
            consumer: Any = self.app.consumer
            await consumer.seek_wait(restart)

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
        if not self.ledger.may_read_again(tp, time.monotonic(), RESEEK_AFTER_S):
            return
        consumer: Any = self.app.consumer
        expected = self.ledger.next_offset(tp)
        if self.ledger.read_again_before(tp):
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
        self.ledger.reading_again_from(tp, expected)
        log.warning(
            "records skipped by the consumer; reading the partition again",
            extra={"topic": tp.topic, "partition": tp.partition,
                   "from_offset": expected, "seen_offset": seen},
        )
        await consumer.seek_wait({tp: expected})
