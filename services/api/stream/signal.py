"""Wakes stream readers when the projection applied something new."""

from __future__ import annotations

import asyncio
import contextlib


class ChangeSignal:
    def __init__(self) -> None:
        self._event = asyncio.Event()
        self.latest_seq = 0

    def notify(self, seq: int) -> None:
        if seq > self.latest_seq:
            self.latest_seq = seq
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, at_most_s: float) -> None:
        event = self._event
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), at_most_s)
