"""A short-lived in-process cache of token -> caller, so that a request costs no extra
database round trip for authentication. Revocation through this process (logout, admin
revoke, officer removal) clears it at once; another process notices within the TTL."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from services.api.access.roles import Principal


@dataclass
class PrincipalCache:
    ttl_s: float
    max_entries: int = 10_000
    _entries: dict[bytes, tuple[float, Principal]] = field(default_factory=dict)

    def get(self, key: bytes, now: float | None = None) -> Principal | None:
        if self.ttl_s <= 0:
            return None
        hit = self._entries.get(key)
        now = time.monotonic() if now is None else now
        if hit is None or hit[0] < now:
            return None
        return hit[1]

    def put(self, key: bytes, principal: Principal, now: float | None = None) -> None:
        if self.ttl_s <= 0:
            return
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[key] = ((time.monotonic() if now is None else now) + self.ttl_s, principal)

    def clear(self) -> None:
        self._entries.clear()
