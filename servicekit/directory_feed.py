"""The officer directory, followed live: the one reader of the directory topics that every
service needing who serves where (router, notifier, ingest, API) uses.

A `DirectoryFeed` reads `directory.polres`, `directory.lines` and `directory.officers`
(`contracts/directory.py`) from the beginning, with an aiokafka consumer assigned to their
partitions (no consumer group: every process reads everything and commits nothing).

- `await feed.start()` returns once it has read up to the end offsets it saw when it
  started, with the first snapshot. A service is not ready, and routes or sends nothing,
  before that (ingest, which must answer while Kafka is away, uses `start_in_background`
  and `caught_up`).
- Afterwards a background task keeps applying records and calls each listener with a new
  immutable `DirectorySnapshot` (roster-shaped: regency_code, lines, officers) after every
  batch that changed something. `wait_applied` lets a writer answer only once its own
  record is applied (read-your-writes).
- A record that cannot be read is logged with the reason (never its value), counted in
  `matur_directory_records_skipped_total` and skipped: it never stops the feed.
- The consumer reconnects by itself when the broker goes away; if it fails altogether, a
  new one starts after a pause from where the last one stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from prometheus_client import Counter

from contracts.directory import DirectorySnapshot
from contracts.directory_state import BadRecord, DirectoryState
from contracts.topics import DIRECTORY_TOPICS, Topic
from servicekit.kafka_clients import unmanaged_consumer

log = logging.getLogger(__name__)

APPLIED = Counter(
    "matur_directory_records_applied", "Directory records applied", ["topic"]
)
SKIPPED = Counter(
    "matur_directory_records_skipped", "Directory records that could not be read", ["topic"]
)

Listener = Callable[[DirectorySnapshot], Awaitable[None] | None]
Batch = dict[TopicPartition, list[ConsumerRecord]]


class DirectoryTopicsMissing(RuntimeError):
    """The directory topics do not exist (yet) on the cluster."""


class DirectoryFeed:
    def __init__(
        self,
        bootstrap_servers: str,
        topic_prefix: str = "",
        client_id: str = "matur-directory",
        retry_s: float | None = 1.0,
        warn_after_s: float = 15.0,
    ) -> None:
        """`retry_s`: pause before a new consumer after a failure; None: fail instead (the
        error is raised by `start`), for one-shot readers."""
        self._bootstrap = bootstrap_servers
        self._prefix = topic_prefix
        self._client_id = client_id
        self._retry_s = retry_s
        self._warn_after_s = warn_after_s
        self._names = {topic.full_name(topic_prefix): topic.name for topic in DIRECTORY_TOPICS}
        self._partitions = [
            TopicPartition(topic.full_name(topic_prefix), partition)
            for topic in DIRECTORY_TOPICS
            for partition in range(topic.partitions)
        ]
        self._state = DirectoryState()
        self.snapshot: DirectorySnapshot = self._state.snapshot()
        self._next: dict[TopicPartition, int] = {}  # next offset to read, per partition
        self._listeners: list[Listener] = []
        self._caught_up = asyncio.Event()
        self._progress = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None

    # --- the services' side -------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener(snapshot)` when the feed has caught up, then after each change."""
        self._listeners.append(listener)

    @property
    def caught_up(self) -> bool:
        return self._caught_up.is_set()

    def start_in_background(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="directory-feed")

    async def start(self) -> DirectorySnapshot:
        """Start following, and return once caught up (the first snapshot)."""
        self.start_in_background()
        await self.wait_caught_up()
        return self.snapshot

    async def wait_caught_up(self) -> None:
        """Return once caught up; raise what stopped the feed, if it stopped."""
        assert self._task is not None, "start the feed first"
        waiting = asyncio.ensure_future(self._caught_up.wait())
        try:
            while not self.caught_up:
                await asyncio.wait(
                    [waiting, self._task], timeout=self._warn_after_s,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                if self._task.done():
                    self._task.result()  # raises what stopped it
                    raise RuntimeError("the directory feed stopped")
                if not self.caught_up:
                    log.warning("directory topics not read to their end yet (is Kafka up?)",
                                extra={"topics": sorted(self._names)})
        finally:
            waiting.cancel()

    async def wait_applied(self, topic: Topic, partition: int, offset: int,
                           timeout_s: float = 10.0) -> None:
        """Return once the record at `offset` has been applied and the listeners ran."""
        tp = TopicPartition(topic.full_name(self._prefix), partition)
        async with self._progress:
            await asyncio.wait_for(
                self._progress.wait_for(lambda: self._next.get(tp, 0) > offset), timeout_s
            )

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task  # (an error that stopped it was raised by `start`)
            self._task = None

    # --- reading ------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            try:
                await self._follow()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self._retry_s is None:
                    raise
                log.warning(
                    "directory feed interrupted; reconnecting",
                    extra={"error": repr(exc), "in_s": self._retry_s},
                )
                await asyncio.sleep(self._retry_s)

    async def _follow(self) -> None:
        consumer = unmanaged_consumer(self._bootstrap, self._client_id)
        await consumer.start()
        try:
            await self._check_topics(consumer)
            consumer.assign(self._partitions)
            for tp in self._partitions:
                if tp in self._next:
                    consumer.seek(tp, self._next[tp])
                else:
                    await consumer.seek_to_beginning(tp)
            # (end offsets after the seeks: asked first, aiokafka delivered nothing)
            ends = {} if self.caught_up else await consumer.end_offsets(self._partitions)
            while True:
                batch = await consumer.getmany(timeout_ms=500, max_records=1000)
                changed, read_to = self._apply(batch)
                if not self.caught_up and await _reached(consumer, ends):
                    self._caught_up.set()
                    changed = True
                    log.info("directory read", extra=_counts(self._state))
                if changed and self.caught_up:
                    self.snapshot = self._state.snapshot()
                    await self._notify()
                self._next.update(read_to)  # (after the listeners: see wait_applied)
                async with self._progress:
                    self._progress.notify_all()
        finally:
            await consumer.stop()

    async def _check_topics(self, consumer: AIOKafkaConsumer, within_s: float = 5.0) -> None:
        """Raise DirectoryTopicsMissing unless the topics exist (aiokafka would wait for
        them forever, logging errors); topics just created may take a moment to show."""
        deadline = asyncio.get_running_loop().time() + within_s
        while missing := set(self._names) - await consumer.topics():
            if asyncio.get_running_loop().time() > deadline:
                raise DirectoryTopicsMissing(
                    f"directory topics not found: {', '.join(sorted(missing))} (they are "
                    "created with the others at start: make run, matur-stack infra)"
                )
            await asyncio.sleep(0.5)

    def _apply(self, batch: Batch) -> tuple[bool, dict[TopicPartition, int]]:
        """Apply a batch to the state: whether it changed, and the next offsets."""
        changed = False
        read_to: dict[TopicPartition, int] = {}
        for tp, records in batch.items():
            name = self._names[tp.topic]
            for record in records:
                try:
                    self._state.apply(name, record.key, record.value)
                except BadRecord as exc:
                    SKIPPED.labels(name).inc()
                    log.error(
                        "directory record skipped",
                        extra={"topic": name, "offset": record.offset, "reason": str(exc)},
                    )
                else:
                    APPLIED.labels(name).inc()
                    changed = True
            if records:
                read_to[tp] = records[-1].offset + 1
        return changed, read_to

    async def _notify(self) -> None:
        snapshot = self.snapshot
        for listener in list(self._listeners):
            try:
                result = listener(snapshot)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("a directory listener failed", extra={"listener": repr(listener)})


async def read_directory(
    bootstrap_servers: str, topic_prefix: str = "", client_id: str = "matur-directory-read"
) -> DirectorySnapshot:
    """The directory as it is now: the topics read once to their end (for a command-line
    tool or a start-up step; a service follows it with a DirectoryFeed instead)."""
    feed = DirectoryFeed(bootstrap_servers, topic_prefix, client_id, retry_s=None)
    try:
        return await feed.start()
    finally:
        await feed.stop()


async def _reached(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    for tp, end in ends.items():
        if await consumer.position(tp) < end:
            return False
    return True


def _counts(state: DirectoryState) -> dict[str, int]:
    return {"polres": len(state.polres), "lines": len(state.lines),
            "officers": len(state.officers)}
