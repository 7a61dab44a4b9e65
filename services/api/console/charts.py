"""Statistics as the console shows them (pure): one row per district or officer, sorted
by the busiest, and horizontal bar charts drawn as SVG shapes the template writes out
(no script, no external chart library)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import asyncpg

from services.api.console.stats_queries import Grouping
from services.api.directory.areas import AreaDirectory

NO_KEY = {Grouping.DISTRICT: "Belum diketahui", Grouping.OFFICER: "Belum ada petugas"}
CHART_WIDTH = 520
LABEL_WIDTH = 170
ROW_HEIGHT = 30
BAR_HEIGHT = 11


@dataclass(frozen=True)
class GroupStats:
    key: str | None
    name: str
    opened: int
    open: int
    overdue: int
    acknowledge_p50: float | None
    acknowledge_p90: float | None
    resolve_p50: float | None
    resolve_p90: float | None
    escalations: int
    rated: int
    rating: float | None


def group_stats(
    rows: Iterable[asyncpg.Record], grouping: Grouping, areas: AreaDirectory
) -> list[GroupStats]:
    out = []
    for r in rows:
        key = r["key"]
        if grouping is Grouping.DISTRICT:
            name = areas.name(key) or key or NO_KEY[grouping]
        else:
            name = r["name"] or key or NO_KEY[grouping]
        out.append(GroupStats(
            key, name, r["opened"], r["open"], r["overdue"], r["acknowledge_p50"],
            r["acknowledge_p90"], r["resolve_p50"], r["resolve_p90"], int(r["escalations"]),
            r["rated"], r["rating"],
        ))  # fmt: skip
    return sorted(out, key=lambda g: (-g.opened, g.name))


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    value_text: str
    colour: str  # a CSS class: bar-1, bar-2


@dataclass(frozen=True)
class ChartRow:
    label: str
    y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    legend: tuple[str, ...]  # one name per bar of a row
    rows: tuple[ChartRow, ...]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = CHART_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def empty(self) -> bool:
        return not any(bar.width for row in self.rows for bar in row.bars)


def bar_chart(
    title: str,
    legend: Sequence[str],
    items: Sequence[tuple[str, Sequence[float | None]]],
    text: Callable[[float | None], str],
) -> Chart:
    """Horizontal bars: per item (label, one value per legend entry), scaled to the
    largest value; a missing value draws no bar and reads `-`."""
    values = [v for _, vs in items for v in vs if v is not None]
    top = max(values, default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 64
    rows = []
    for i, (label, vs) in enumerate(items):
        y = 8 + i * ROW_HEIGHT
        bars = tuple(
            Bar(y + j * (BAR_HEIGHT + 1), max(1.0, v / top * span) if v else 0.0, text(v),
                f"bar-{j + 1}")
            for j, v in enumerate(vs)
        )  # fmt: skip
        rows.append(ChartRow(label, y, bars))
    return Chart(title, tuple(legend), tuple(rows), 16 + len(items) * ROW_HEIGHT)
