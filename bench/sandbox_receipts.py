"""When each citizen's receipt reached the sandbox WhatsApp API: read from the sandbox's own
send log (`GET /sandbox/messages`, each record stamped with the sandbox's `time.time()` when
it answered the send), joined by recipient `to`. The log is read incrementally (`since`)
only after the offered stream has ended, so reading it does not load the measured run."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping

import httpx


def is_receipt(record: Mapping[str, object]) -> bool:
    body = record.get("body")
    callback = body.get("biz_opaque_callback_data") if isinstance(body, dict) else None
    return isinstance(callback, str) and ":receipt:" in callback


async def wait_receipts(sandbox_url: str, phones: set[str], since: float,
                        idle_timeout_s: float = 60, total_timeout_s: float = 900
                        ) -> dict[str, float]:
    """{phone: time its first receipt was recorded} for the phones that got one, waiting
    until all did, or none arrived for `idle_timeout_s`, or `total_timeout_s` passed."""
    arrived: dict[str, float] = {}
    seen: set[int] = set()
    cursor = since
    deadline = time.monotonic() + total_timeout_s
    last_progress = time.monotonic()
    async with httpx.AsyncClient(base_url=sandbox_url, timeout=120) as http:
        while len(arrived) < len(phones):
            response = await http.get("/sandbox/messages",
                                      params={"since": cursor, "accepted": "true"})
            response.raise_for_status()
            before = len(arrived)
            for record in response.json()["messages"]:
                seq = int(record["seq"])
                if seq in seen:
                    continue
                seen.add(seq)
                cursor = max(cursor, float(record["time"]))
                to = str(record.get("to") or "")
                if to in phones and to not in arrived and is_receipt(record):
                    arrived[to] = float(record["time"])
            now = time.monotonic()
            if len(arrived) > before:
                last_progress = now
            if now - last_progress > idle_timeout_s or now > deadline:
                break
            await asyncio.sleep(1.0)
    return arrived
