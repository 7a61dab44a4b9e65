"""What the router keeps per reporter (one Faust table row, keyed by citizen key)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from contracts.case_events import Case
from contracts.hierarchy import CaseStatus

SEEN_LIMIT = 200  # recent wamids / command ids remembered for deduplication
CLOSED_KEPT = 10  # closed cases kept per reporter (status questions, rating, reopen)

OPEN_STATUSES = frozenset({CaseStatus.AWAITING_VILLAGE, CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED})


class CaseRecord(BaseModel):
    """One case and what only the router needs about it."""

    model_config = ConfigDict(frozen=True)

    case: Case
    sla_policy: dict[str, Any] = Field(
        default_factory=dict, description="The SLA policy in force when the case opened"
    )
    village_options: list[str] = Field(
        default_factory=list, description="Village codes offered in the choice list"
    )
    reminders: int = 0
    rating_asked: bool = False

    @property
    def is_open(self) -> bool:
        return self.case.status in OPEN_STATUSES


class OutboxItem(BaseModel):
    """One output of the last transition, kept until Kafka has it (crash recovery)."""

    model_config = ConfigDict(frozen=True)

    topic: str
    key: str
    value: str


class ReporterState(BaseModel):
    """A reporter's cases (open and recently closed) and dialogue memory."""

    model_config = ConfigDict(frozen=True)

    key: str
    partition: int | None = Field(default=None, description="Kafka partition the key lives on")
    cases: dict[str, CaseRecord] = Field(default_factory=dict)
    last_village_code: str | None = None
    seen: list[str] = Field(default_factory=list)
    outbox: list[OutboxItem] = Field(
        default_factory=list,
        description="Outputs of the last transition until they are acknowledged by Kafka",
    )

    @classmethod
    def empty(cls, key: str) -> ReporterState:
        return cls(key=key)

    def to_bytes(self) -> bytes:
        return self.model_dump_json(exclude_defaults=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes | str) -> ReporterState:
        return cls.model_validate_json(data)

    def has_seen(self, message_id: str) -> bool:
        return message_id in self.seen

    def remember(self, message_id: str) -> ReporterState:
        seen = [*self.seen, message_id][-SEEN_LIMIT:]
        return self.model_copy(update={"seen": seen})

    def with_case(self, record: CaseRecord) -> ReporterState:
        cases = dict(self.cases)
        cases[record.case.case_id] = record
        update: dict[str, object] = {"cases": cases}
        if record.case.village_code:
            update["last_village_code"] = record.case.village_code
        return self.model_copy(update=update)

    def open_cases(self) -> list[CaseRecord]:
        return sorted(
            (r for r in self.cases.values() if r.is_open), key=lambda r: r.case.opened_at
        )

    def latest_open(self) -> CaseRecord | None:
        open_cases = self.open_cases()
        return open_cases[-1] if open_cases else None

    def awaiting_village(self) -> CaseRecord | None:
        for record in reversed(self.open_cases()):
            if record.case.status == CaseStatus.AWAITING_VILLAGE:
                return record
        return None

    def awaiting_rating(self) -> CaseRecord | None:
        rated = [
            r
            for r in self.cases.values()
            if r.case.status == CaseStatus.RESOLVED and r.rating_asked and r.case.rating is None
        ]
        return max(rated, key=lambda r: r.case.updated_at) if rated else None

    def by_reference(self, reference: str) -> CaseRecord | None:
        for record in self.cases.values():
            if record.case.reference == reference:
                return record
        return None

    def pruned(self, now: datetime, keep_closed_for: timedelta) -> ReporterState:
        """Drop closed cases past the reopen window, keeping at most CLOSED_KEPT."""
        closed = sorted(
            (r for r in self.cases.values() if not r.is_open),
            key=lambda r: r.case.updated_at,
            reverse=True,
        )
        drop = {
            r.case.case_id
            for i, r in enumerate(closed)
            if i >= CLOSED_KEPT or now - r.case.updated_at > keep_closed_for
        }
        if not drop:
            return self
        cases = {k: v for k, v in self.cases.items() if k not in drop}
        return self.model_copy(update={"cases": cases})

    def deadlines(self) -> list[tuple[datetime, str, int]]:
        """(due_at, case_id, version) of every open case with a running SLA clock."""
        return [
            (r.case.due_at, r.case.case_id, r.case.version)
            for r in self.cases.values()
            if r.is_open and r.case.due_at is not None
        ]
