"""Events whose produce outlived their POST: neither known delivered nor known lost.

When a POST fails after its events were handed to the producer (the broker went away, the
time bound fired, the COMMIT failed after the acks), the dedupe keys are rolled back and
Meta gets 503. The idempotent producer still holds unacknowledged records and retries them
until the broker is back, so they may well be appended later; acknowledged ones are in
Kafka already. Until that is settled, a retry of the same event must not be
produced again (it would be a second copy): POSTs carrying an in-doubt key get 503. When the
late acknowledgement arrives the key is written to the dedupe table (Meta's next retry is
then a duplicate); when the record fails for good the key is simply forgotten (the next
retry publishes it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

log = logging.getLogger(__name__)

RecordKeys = Callable[[list[str]], Awaitable[None]]


class InDoubtKeys:
    def __init__(self, record_delivered: RecordKeys, retry_s: float = 1.0) -> None:
        self._keys: set[str] = set()
        self._record_delivered = record_delivered
        self._retry_s = retry_s
        self._tasks: set[asyncio.Task[None]] = set()

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def any_of(self, keys: Iterable[str]) -> bool:
        return any(k in self._keys for k in keys)

    def watch(self, key: str, ack: asyncio.Future[object]) -> None:
        """`ack` is the producer's future for the record published under `key`."""
        self._keys.add(key)
        task = asyncio.create_task(self._settle(key, ack))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _settle(self, key: str, ack: asyncio.Future[object]) -> None:
        try:
            await asyncio.shield(ack)
        except asyncio.CancelledError:
            raise
        except Exception as err:
            log.info("in-doubt record failed for good", extra={"error": type(err).__name__})
            self._keys.discard(key)
            return
        while True:  # delivered late: remember it so Meta's retry is a duplicate
            try:
                await self._record_delivered([key])
                break
            except asyncio.CancelledError:
                raise
            except Exception as err:
                log.warning(
                    "could not record a late-delivered key yet",
                    extra={"error": type(err).__name__},
                )
                await asyncio.sleep(self._retry_s)
        self._keys.discard(key)
        log.info("in-doubt record delivered late; key recorded")

    async def drain(self, timeout_s: float) -> None:
        """Give records settled just now (e.g. by the producer's flush) time to be recorded."""
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=timeout_s)

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
