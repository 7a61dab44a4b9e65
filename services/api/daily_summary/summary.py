"""One Kapolres's daily summary from plain rows (pure): the regency's cases counted per
district and per officer a complaint is about (`queries.tally_rows`), so that a Kapolres's
figures leave out complaints about himself, as every view of his does."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from contracts.notifications import SummaryDistrict

WORST_DISTRICTS = 3


@dataclass(frozen=True)
class Tally:
    """Counts of the cases of one district (None: no village yet) whose complaint is about
    one officer (None: not a complaint about an officer)."""

    district_code: str | None
    about_officer_id: str | None
    reports: int  # opened on the summarized day
    emergencies: int  # of those, emergencies
    open: int  # open now (awaiting a village, open or acknowledged)
    overdue: int  # waiting past their deadline now


@dataclass(frozen=True)
class DistrictFigures:
    code: str
    name: str
    open: int
    overdue: int


@dataclass(frozen=True)
class DailySummary:
    day: date
    reports: int
    emergencies: int
    open: int
    overdue: int
    worst: tuple[DistrictFigures, ...]

    def params(self) -> dict[str, object]:
        """The `daily_summary` request's catalogue parameters (data, never words)."""
        districts: list[SummaryDistrict] = [
            {"name": d.name, "open": d.open, "overdue": d.overdue} for d in self.worst
        ]
        return {
            "date": self.day.isoformat(), "reports": self.reports,
            "emergencies": self.emergencies, "open": self.open, "overdue": self.overdue,
            "districts": districts,
        }  # fmt: skip


def summarize(
    day: date,
    rows: Iterable[Tally],
    officer_id: str,
    district_name: Callable[[str], str | None],
    worst: int = WORST_DISTRICTS,
) -> DailySummary:
    """The summary `officer_id` receives: every row but complaints about him; the `worst`
    districts with open cases, most overdue first, then most open, then by name."""
    mine = [r for r in rows if r.about_officer_id != officer_id]
    per_district: dict[str, tuple[int, int]] = {}
    for r in mine:
        if r.district_code is not None:
            open_, overdue = per_district.get(r.district_code, (0, 0))
            per_district[r.district_code] = (open_ + r.open, overdue + r.overdue)
    figures = [
        DistrictFigures(code, district_name(code) or code, open_, overdue)
        for code, (open_, overdue) in per_district.items()
        if open_ or overdue
    ]
    figures.sort(key=lambda d: (-d.overdue, -d.open, d.name))
    return DailySummary(
        day=day,
        reports=sum(r.reports for r in mine),
        emergencies=sum(r.emergencies for r in mine),
        open=sum(r.open for r in mine),
        overdue=sum(r.overdue for r in mine),
        worst=tuple(figures[:worst]),
    )
