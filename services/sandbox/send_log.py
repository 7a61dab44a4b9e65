"""Every Graph API request the sandbox received, in memory, bounded and thread-safe."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any

from services.sandbox.identities import recipient_key


@dataclass(frozen=True)
class SendRecord:
    seq: int
    time: float  # Unix seconds (float) when the sandbox answered
    phone_number_id: str
    version: str
    body: Any  # the request JSON as parsed (None when it was not JSON)
    http_status: int
    response: dict[str, Any]
    wamid: str | None  # None unless accepted
    to: str | None  # normalised wa_id, or the BSUID of a `recipient`-only send
    type: str | None  # message type, "read" for mark-as-read, None when refused early
    accepted: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class SendLog:
    def __init__(self, limit: int) -> None:
        self._records: deque[SendRecord] = deque(maxlen=limit)
        self._lock = threading.Lock()
        self._seq = 0

    def next_seq(self) -> int:
        with self._lock:
            self._seq += 1
            return self._seq

    def add(self, record: SendRecord) -> None:
        with self._lock:
            self._records.append(record)

    def clear(self) -> int:
        with self._lock:
            count = len(self._records)
            self._records.clear()
            return count

    def query(
        self,
        *,
        to: str | None = None,
        phone_number_id: str | None = None,
        since: float | None = None,
        accepted: bool | None = None,
    ) -> list[SendRecord]:
        with self._lock:
            records = list(self._records)
        wanted_to = recipient_key(to) if to else None
        return [
            r
            for r in records
            if (wanted_to is None or r.to == wanted_to)
            and (phone_number_id is None or r.phone_number_id == phone_number_id)
            and (since is None or r.time >= since)
            and (accepted is None or r.accepted == accepted)
        ]

    def last_wamid_to(self, to: str, phone_number_id: str) -> str | None:
        """The newest message the business sent this user from this line (for `context`)."""
        with self._lock:
            for record in reversed(self._records):
                if (record.accepted and record.wamid and record.to == to
                        and record.phone_number_id == phone_number_id and record.type != "read"):
                    return record.wamid
        return None
