"""In-process token buckets (per API process: with N processes the real limit is N times
the configured one, which is acceptable for abuse protection)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class Bucket:
    capacity: float
    per_second: float
    tokens: float
    updated: float

    def take(self, now: float) -> float:
        """Take one token; 0 when allowed, else the seconds until one is available."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.per_second)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.per_second if self.per_second > 0 else 3600.0


@dataclass
class RateLimiter:
    capacity: float
    per_second: float
    max_keys: int = 100_000
    _buckets: dict[str, Bucket] = field(default_factory=dict)

    def check(self, key: str, now: float | None = None) -> float:
        """0 when the call may go ahead, else the seconds to wait (Retry-After)."""
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._buckets.clear()  # crude, bounded memory; buckets refill quickly anyway
            bucket = self._buckets[key] = Bucket(self.capacity, self.per_second, self.capacity, now)
        return bucket.take(now)
