"""Per-key queues: in order for one recipient, never waiting on another recipient."""

from __future__ import annotations

import asyncio

from services.notifier.keyed_dispatch import Job, KeyedDispatcher


async def test_jobs_of_one_key_run_in_order_and_other_keys_do_not_wait() -> None:
    dispatcher = KeyedDispatcher()
    done: list[str] = []
    alice_may_finish = asyncio.Event()

    def job(name: str, gate: asyncio.Event | None = None) -> Job:
        async def run() -> None:
            if gate is not None:
                await gate.wait()
            done.append(name)

        return run

    dispatcher.submit("alice", job("alice-1", alice_may_finish))
    dispatcher.submit("alice", job("alice-2"))
    dispatcher.submit("bob", job("bob-1"))
    for _ in range(50):
        if "bob-1" in done:
            break
        await asyncio.sleep(0.01)
    assert done == ["bob-1"]  # Bob went while Alice's first job was still waiting
    alice_may_finish.set()
    for _ in range(50):
        if len(done) == 3:
            break
        await asyncio.sleep(0.01)
    assert done == ["bob-1", "alice-1", "alice-2"]
    assert dispatcher.busy_keys() == 0


async def test_drain_drops_jobs_not_started() -> None:
    dispatcher = KeyedDispatcher()
    done: list[str] = []
    started = asyncio.Event()

    async def slow() -> None:
        started.set()
        await asyncio.sleep(0.05)
        done.append("slow")

    async def queued() -> None:
        done.append("queued")

    dispatcher.submit("k", slow)
    dispatcher.submit("k", queued)
    await started.wait()
    await dispatcher.drain(timeout_s=5)
    assert done == ["slow"]
