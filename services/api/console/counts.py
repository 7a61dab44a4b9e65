"""The dashboard's view: open cases counted by district and tier (pure shaping of
`queries.open_counts`), with district names; no case texts at all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import asyncpg

from contracts.hierarchy import Tier
from services.api.directory.areas import AreaDirectory

NO_DISTRICT = "Belum diketahui"


@dataclass
class CountRow:
    name: str
    code: str | None
    by_tier: dict[str, int] = field(default_factory=dict)  # tier value or "" (no tier yet)
    total: int = 0
    overdue: int = 0
    emergencies: int = 0

    def add(self, tier: str | None, n: int, overdue: int, emergencies: int) -> None:
        key = tier or ""
        self.by_tier[key] = self.by_tier.get(key, 0) + n
        self.total += n
        self.overdue += overdue
        self.emergencies += emergencies

    def tier(self, tier: Tier | str) -> int:
        return self.by_tier.get(str(tier), 0)


def count_rows(
    rows: Iterable[asyncpg.Record], areas: AreaDirectory
) -> tuple[list[CountRow], CountRow]:
    """(one row per district, by name; the total)."""
    by_district: dict[str | None, CountRow] = {}
    total = CountRow("Jumlah", None)
    for r in rows:
        code: str | None = r["district_code"]
        row = by_district.get(code)
        if row is None:
            row = by_district[code] = CountRow(areas.name(code) or code or NO_DISTRICT, code)
        values = (r["n"], r["overdue"], r["emergencies"])
        row.add(r["tier"], *values)
        total.add(r["tier"], *values)
    return sorted(by_district.values(), key=lambda row: (row.code is None, row.name)), total
