"""Where end-to-end time went, per message: the Kafka timestamps (CreateTime, set by the
producing service) of the report on `whatsapp.inbound` (ingest) and of its receipt request on
`notifications.requests` (router), joined by the citizen key both are keyed by. Read once,
after the run."""

from __future__ import annotations

import time
from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer

from bench.report import percentile
from contracts.lines import citizen_key
from contracts.topics import NOTIFICATIONS_REQUESTS, WHATSAPP_INBOUND


async def first_stamps(bootstrap: str, topic: str, keys: set[str], receipts_only: bool,
                       group: str, idle_s: float = 3.0) -> dict[str, float]:
    """{key: Unix seconds of its first (receipt) record on `topic`}, reading to the end."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    found: dict[str, float] = {}
    last = time.monotonic()
    try:
        while len(found) < len(keys) and time.monotonic() - last < idle_s:
            batch = await consumer.getmany(timeout_ms=500, max_records=5000)
            for records in batch.values():
                last = time.monotonic()
                for r in records:
                    key = (r.key or b"").decode()
                    if key not in keys or key in found:
                        continue
                    if receipts_only and b'"kind":"receipt"' not in (r.value or b""):
                        continue
                    found[key] = r.timestamp / 1000
    finally:
        await consumer.stop()
    return found


async def breakdown(bootstrap: str, prefix: str, phones: Sequence[str],
                    scheduled: Sequence[float], arrived: dict[str, float]) -> str:
    keys = [citizen_key(None, p) for p in phones]
    wanted = set(keys)
    inbound = await first_stamps(bootstrap, WHATSAPP_INBOUND.full_name(prefix), wanted,
                                 False, f"{prefix}bench-stages-in")
    receipts = await first_stamps(bootstrap, NOTIFICATIONS_REQUESTS.full_name(prefix), wanted,
                                  True, f"{prefix}bench-stages-out")
    ingest, router, notifier = [], [], []
    for phone, key, due in zip(phones, keys, scheduled, strict=True):
        if key in inbound:
            ingest.append((inbound[key] - due) * 1000)
            if key in receipts:
                router.append((receipts[key] - inbound[key]) * 1000)
                if phone in arrived:
                    notifier.append((arrived[phone] - receipts[key]) * 1000)

    def fmt(name: str, xs: list[float]) -> str:
        return (f"  {name:<44} n={len(xs):>6}  p50 {percentile(xs, 50):>8.0f} ms  "
                f"p99 {percentile(xs, 99):>8.0f} ms")

    return "\n".join([
        "where the time went (Kafka CreateTime stamps, joined by citizen key):",
        fmt("scheduled POST -> ingest published inbound", ingest),
        fmt("inbound -> router published receipt request", router),
        fmt("receipt request -> sandbox recorded the send", notifier),
    ])
