"""Run jobs in order per key and concurrently across keys: one recipient waiting (for the
6-second pair limit, a backoff, another instance's lease) never holds up the others."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable

Job = Callable[[], Awaitable[None]]


class KeyedDispatcher:
    def __init__(self) -> None:
        self._queues: dict[str, deque[Job]] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def submit(self, key: str, job: Job) -> None:
        self._queues.setdefault(key, deque()).append(job)
        if key not in self._tasks:
            self._tasks[key] = asyncio.create_task(self._run(key), name=f"notify:{key}")

    async def _run(self, key: str) -> None:
        queue = self._queues[key]
        try:
            while queue:
                job = queue.popleft()
                await job()  # jobs handle their own errors
        finally:
            del self._tasks[key]
            if not queue:
                self._queues.pop(key, None)

    def busy_keys(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout_s: float) -> None:
        """Drop jobs not started, let running ones finish (up to `timeout_s`), then cancel
        what is left. Dropped jobs' offsets stay uncommitted: they are read again."""
        for queue in self._queues.values():
            queue.clear()
        tasks = list(self._tasks.values())
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout_s)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
        self._queues.clear()
