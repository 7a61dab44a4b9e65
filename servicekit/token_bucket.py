"""A token bucket: `rate` tokens a second, at most `burst` of them kept (it starts full).
The notifier paces each WhatsApp line with one; the API limits each caller with one.

The clock is injected (`clock`, or `now` on each call) so that tests need no sleeping.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

NEVER_S = 3600.0  # what `try_take` answers when the bucket never refills (rate 0)


class TokenBucket:
    """`try_take()` takes a token now or says how long until one; `take()` waits for it."""

    def __init__(self, rate: float, burst: float | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 started: float | None = None) -> None:
        """`burst` defaults to one second's worth (at least one token); `started` is when
        the bucket was full (default: the clock's now)."""
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate)
        self._clock = clock
        self._tokens = self.burst
        self._stamp = clock() if started is None else started
        self._lock: asyncio.Lock | None = None  # made by the first `take`

    def _refill(self, now: float) -> None:
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def try_take(self, now: float | None = None) -> float:
        """Take a token and return 0, or return the seconds until one is available."""
        self._refill(self._clock() if now is None else now)
        if self._tokens >= 1:
            self._tokens -= 1
            return 0.0
        return (1 - self._tokens) / self.rate if self.rate > 0 else NEVER_S

    async def take(self) -> None:
        """Wait until a token is there and take it; waiters are served in arrival order."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            wait = self.try_take()
            while wait > 0:
                await asyncio.sleep(wait)
                wait = self.try_take()
