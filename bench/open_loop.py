"""An open-loop POST stream: request i leaves at its scheduled time, start + i / rate,
whether or not earlier requests have been answered, so a slow server cannot slow the
offered load down (no coordinated omission). Latencies are taken from the scheduled time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp


@dataclass
class Stream:
    """What happened to each request: scheduled wall time (Unix s), HTTP status (0 = error)."""

    scheduled: list[float] = field(default_factory=list)
    status: list[int] = field(default_factory=list)
    answered: list[float] = field(default_factory=list)  # wall time of the answer
    max_send_lag_s: float = 0.0  # how late the client itself was against its schedule

    @property
    def ok(self) -> int:
        return sum(1 for s in self.status if s == 200)

    @property
    def failed(self) -> int:
        return len(self.status) - self.ok


async def post_stream(url: str, bodies: Sequence[bytes], headers: Sequence[dict[str, str]],
                      rate: float) -> Stream:
    count = len(bodies)
    stream = Stream(status=[0] * count, answered=[0.0] * count)
    connector = aiohttp.TCPConnector(limit=1024)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def one(i: int) -> None:
            try:
                async with session.post(url, data=bodies[i], headers=headers[i]) as response:
                    await response.read()
                    stream.status[i] = response.status
            except (aiohttp.ClientError, TimeoutError):
                stream.status[i] = 0
            stream.answered[i] = time.time()

        # Wall clock and monotonic clock tied once: the sandbox stamps records with time.time().
        start_mono = time.perf_counter() + 0.2
        start_wall = time.time() + (start_mono - time.perf_counter())
        stream.scheduled = [start_wall + i / rate for i in range(count)]
        tasks = []
        for i in range(count):
            due = start_mono + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                stream.max_send_lag_s = max(stream.max_send_lag_s, -delay)
            tasks.append(asyncio.create_task(one(i)))
        await asyncio.gather(*tasks)
    return stream
