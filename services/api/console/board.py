"""The live board's rules (pure): which open cases it shows under which filters, in which
column, in which order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from contracts.hierarchy import CaseStatus, Category, Tier
from services.api.cases.listing import CaseFilters
from services.api.cases.models import CaseSummaryOut
from services.api.directory.areas import AreaDirectory

OPEN_STATUSES = (CaseStatus.AWAITING_VILLAGE, CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED)
WAITING_COLUMN = "menunggu"  # cases without a tier yet (awaiting their village)
COLUMNS: tuple[str, ...] = (Tier.BHABIN, Tier.KAPOLSEK, Tier.KAPOLRES, WAITING_COLUMN)
BOARD_LIMIT = 500


@dataclass(frozen=True)
class BoardFilters:
    """The board's filter form; empty fields filter nothing (every open status)."""

    district: str = ""
    category: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], areas: AreaDirectory) -> BoardFilters:
        """Unknown values are dropped, not refused: a stale bookmark still opens the board."""
        district = query.get("district", "")
        category = query.get("category", "")
        status = query.get("status", "")
        return cls(
            district=district if district.count(".") == 2 and areas.knows(district) else "",
            category=category if category in Category.__members__.values() else "",
            status=status if status in OPEN_STATUSES else "",
        )

    def case_filters(self, text: str | None = None) -> CaseFilters:
        return CaseFilters(
            statuses=(CaseStatus(self.status),) if self.status else OPEN_STATUSES,
            districts=(self.district,) if self.district else (),
            categories=(Category(self.category),) if self.category else (),
            text=text,
        )

    def query_string(self) -> str:
        return urlencode({k: v for k, v in vars(self).items() if v})

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def column_of(case: CaseSummaryOut) -> str:
    return case.tier.value if case.tier else WAITING_COLUMN


def urgency_key(case: CaseSummaryOut, now: datetime) -> tuple[int, int, float, float]:
    """Emergencies first, then overdue cases, then the nearest deadline (none last), then
    the newest. The board's script sorts by the same rule (static/board.js, `compare`)."""
    overdue = case.overdue or bool(
        case.due_at and case.due_at <= now and case.status in (CaseStatus.OPEN,
                                                               CaseStatus.AWAITING_VILLAGE)
    )
    due = case.due_at.timestamp() if case.due_at else float("inf")
    return (0 if case.emergency else 1, 0 if overdue else 1, due, -case.opened_at.timestamp())


def by_column(cases: Iterable[CaseSummaryOut], now: datetime) -> dict[str, list[CaseSummaryOut]]:
    """Every column (empty ones too), each in board order."""
    columns: dict[str, list[CaseSummaryOut]] = {c: [] for c in COLUMNS}
    for case in cases:
        columns[column_of(case)].append(case)
    for cards in columns.values():
        cards.sort(key=lambda c: urgency_key(c, now))
    return columns
