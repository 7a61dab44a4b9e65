"""A record whose POST failed but which the producer still holds is settled, not re-sent."""

from __future__ import annotations

import asyncio

from services.ingest.in_doubt import InDoubtKeys


async def settled(keys: InDoubtKeys, key: str) -> None:
    for _ in range(200):
        if key not in keys:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{key} still in doubt")


async def test_late_delivery_records_the_key_then_forgets_the_doubt() -> None:
    recorded: list[list[str]] = []

    async def record(keys: list[str]) -> None:
        recorded.append(keys)

    keys = InDoubtKeys(record, retry_s=0.01)
    ack: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    keys.watch("in:wamid.late", ack)
    assert "in:wamid.late" in keys and keys.any_of(["x", "in:wamid.late"])
    await asyncio.sleep(0.02)
    assert recorded == []  # still unknown: a retry must wait
    ack.set_result(object())
    await settled(keys, "in:wamid.late")
    assert recorded == [["in:wamid.late"]]


async def test_failed_record_is_forgotten_without_recording() -> None:
    recorded: list[list[str]] = []

    async def record(keys: list[str]) -> None:
        recorded.append(keys)

    keys = InDoubtKeys(record, retry_s=0.01)
    ack: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    keys.watch("in:wamid.lost", ack)
    ack.set_exception(RuntimeError("broker said no"))
    await settled(keys, "in:wamid.lost")
    assert recorded == []


async def test_recording_is_retried_while_the_database_is_down() -> None:
    attempts = 0

    async def record(keys: list[str]) -> None:
        nonlocal attempts
        attempts += 1
        if attempts < 3:
            raise OSError("database down")

    keys = InDoubtKeys(record, retry_s=0.01)
    ack: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    keys.watch("st:wamid.x:read", ack)
    ack.set_result(None)
    await settled(keys, "st:wamid.x:read")
    assert attempts == 3
    await keys.stop()
