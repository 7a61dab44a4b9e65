"""One row per figure: the figure, its baseline from the same run, their ratio, the target."""

from __future__ import annotations

import json
import platform
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "results"


@dataclass(frozen=True)
class Row:
    name: str
    figure: float
    baseline_name: str
    baseline: float
    unit: str
    target: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        return self.figure / self.baseline if self.baseline else float("nan")


def percentile(samples: list[float], p: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def render(rows: list[Row]) -> str:
    head = f"{'figure':<44} {'value':>12} {'baseline':<30} {'value':>12} {'ratio':>8}  target"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r.name:<44} {r.figure:>10.2f}{r.unit:>2} {r.baseline_name:<30} "
            f"{r.baseline:>10.2f}{r.unit:>2} {r.ratio:>8.2f}  {r.target}"
        )
    return "\n".join(lines)


def write_json(rows: list[Row], name: str = "bench") -> Path:
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"{name}-{stamp}.json"
    path.write_text(json.dumps({
        "when": stamp,
        "machine": {"host": socket.gethostname(), "platform": platform.platform(),
                    "cpus": __import__("os").cpu_count()},
        "rows": [{**asdict(r), "ratio": r.ratio} for r in rows],
    }, indent=2))
    return path


def show(rows: list[Row], name: str, title: str = "") -> None:
    """Print the rows as a table (under `title`) and write them to results/<name>-<time>.json."""
    print(f"\n{title}" if title else "")
    print(render(rows))
    print(f"results: {write_json(rows, name)}")
