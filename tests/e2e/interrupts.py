"""Tear the stack down even when pytest is stopped with SIGTERM (e.g. by `timeout`):
the signal becomes a KeyboardInterrupt, so fixtures' finalisers still stop every process
they started instead of leaving them running."""

from __future__ import annotations

import signal
from types import FrameType


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def finish_on_sigterm() -> None:
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _interrupt)
