"""CPU seconds each stack process used during a step (Linux /proc), to see where the
machine's cores went per 1,000 reports."""

from __future__ import annotations

import os
from collections.abc import Mapping

_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int | None) -> float:
    """user + system CPU seconds of a process so far (0 when it is gone or unknown)."""
    if pid is None:
        return 0.0
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime (fields 14, 15)


def snapshot(pids: Mapping[str, int | None]) -> dict[str, float]:
    return {name: cpu_seconds(pid) for name, pid in pids.items()}


def per_thousand(before: Mapping[str, float], after: Mapping[str, float], reports: int,
                 wall_s: float) -> str:
    used = {name: after[name] - before.get(name, 0.0) for name in after}
    total = sum(used.values())
    parts = "  ".join(f"{name} {1000 * s / reports:.1f}" for name, s in
                      sorted(used.items(), key=lambda kv: -kv[1]))
    return (f"CPU s per 1,000 reports: {parts}  (all {1000 * total / reports:.1f}; "
            f"{total / wall_s:.2f} cores busy on average over {wall_s:.0f} s)")
