"""Response models of GET /stats."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class Durations(BaseModel):
    count: int
    median_s: float | None = None
    p90_s: float | None = None


class DurationsBy(BaseModel):
    by_tier: dict[str, Durations]
    by_district: dict[str, Durations]


class Escalations(BaseModel):
    total: int = Field(description="Escalations of all cases")
    cases_escalated: int
    by_district: dict[str, int]


class Ratings(BaseModel):
    count: int
    average: float | None = None
    distribution: dict[str, int] = Field(description="Rating 1-5 -> how many")


class StatsOut(BaseModel):
    period_from: datetime
    period_to: datetime
    cases_opened: int
    open_by_tier: dict[str, int]
    open_by_district: dict[str, int]
    open_by_category: dict[str, int]
    overdue: int
    time_to_acknowledge: DurationsBy
    time_to_resolve: DurationsBy
    escalations: Escalations
    ratings: Ratings
