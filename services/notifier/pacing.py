"""WhatsApp's rate limits, kept on our side: messages per second per line (token bucket)
and at most one message per interval to one recipient (pair rate limit, 131056).

Waiting for one recipient's turn blocks only that recipient's queue: other recipients'
messages go on (see `keyed_dispatch`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class TokenBucket:
    """`rate` tokens a second, bursts up to `burst`; `take()` waits for a token."""

    def __init__(
        self, rate: float, burst: float | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate)
        self._tokens = self.burst
        self._clock = clock
        self._stamp = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def try_take(self) -> float:
        """Take a token and return 0, or return the seconds until one is available."""
        self._refill()
        if self._tokens >= 1:
            self._tokens -= 1
            return 0.0
        return (1 - self._tokens) / self.rate

    async def take(self) -> None:
        async with self._lock:  # first come, first served
            wait = self.try_take()
            while wait > 0:
                await asyncio.sleep(wait)
                wait = self.try_take()


class LineBuckets:
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
