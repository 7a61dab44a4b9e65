"""In-process token buckets (`servicekit.token_bucket`), one per key (per API process: with
N processes the real limit is N times the configured one, which is acceptable for abuse
protection)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from servicekit.token_bucket import TokenBucket


@dataclass
class RateLimiter:
    capacity: float
    per_second: float
    max_keys: int = 100_000
    _buckets: dict[str, TokenBucket] = field(default_factory=dict)

    def check(self, key: str, now: float | None = None) -> float:
        """0 when the call may go ahead, else the seconds to wait (Retry-After)."""
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._buckets.clear()  # crude, bounded memory; buckets refill quickly anyway
            bucket = self._buckets[key] = TokenBucket(self.per_second, self.capacity, started=now)
        return bucket.try_take(now)
