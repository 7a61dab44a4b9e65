"""WhatsApp's rate limits, kept on our side: messages per second per line (a token bucket,
`servicekit.token_bucket`) and at most one message per interval to one recipient (pair
rate limit, 131056).

Waiting for one recipient's turn blocks only that recipient's queue: other recipients'
messages go on (see `keyed_dispatch`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from servicekit.token_bucket import TokenBucket


class LineBuckets:
    """One token bucket per line, made when the line first sends."""

    def __init__(self, rate: float, burst: float | None = None) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, TokenBucket] = {}

    def __getitem__(self, line: str) -> TokenBucket:
        bucket = self._buckets.get(line)
        if bucket is None:
            bucket = self._buckets[line] = TokenBucket(self.rate, self.burst)
        return bucket


class RecipientPacer:
    """Next moment a message may go to each recipient (per line: Meta's pair is business
    number x user)."""

    def __init__(self, interval_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval_s = interval_s
        self._clock = clock
        self._next: dict[tuple[str, str], float] = {}

    def wait_for(self, line: str, recipient: str) -> float:
        """Seconds until `recipient` may get the next message (0: now)."""
        return max(0.0, self._next.get((line, recipient), 0.0) - self._clock())

    def sent(self, line: str, recipient: str) -> None:
        self._next[(line, recipient)] = self._clock() + self.interval_s
        if len(self._next) > 50_000:
            self._forget_old()

    def push_back(self, line: str, recipient: str, seconds: float) -> None:
        """After a 131056, the recipient waits at least `seconds` more."""
        key = (line, recipient)
        self._next[key] = max(self._next.get(key, 0.0), self._clock() + seconds)

    async def wait(self, line: str, recipient: str) -> None:
        delay = self.wait_for(line, recipient)
        while delay > 0:  # push_back() may move the moment while we wait
            await asyncio.sleep(delay)
            delay = self.wait_for(line, recipient)

    def _forget_old(self) -> None:
        now = self._clock()
        for key in [k for k, t in self._next.items() if t <= now]:
            del self._next[key]
