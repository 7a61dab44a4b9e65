"""The case list's filters, sort orders and opaque cursors (pure)."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from contracts.hierarchy import CaseStatus, Category, Tier, Urgency


class CaseSort(StrEnum):
    UPDATED_DESC = "-updated_at"
    UPDATED_ASC = "updated_at"
    OPENED_DESC = "-opened_at"
    OPENED_ASC = "opened_at"

    @property
    def column(self) -> str:
        return self.value.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")


@dataclass(frozen=True)
class CaseFilters:
    statuses: tuple[CaseStatus, ...] = ()
    tiers: tuple[Tier, ...] = ()
    categories: tuple[Category, ...] = ()
    urgencies: tuple[Urgency, ...] = ()
    districts: tuple[str, ...] = ()
    villages: tuple[str, ...] = ()
    assignee: str | None = None
    opened_from: datetime | None = None
    opened_to: datetime | None = None
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    overdue: bool | None = None
    text: str | None = None


@dataclass(frozen=True)
class Cursor:
    sort: CaseSort
    value: datetime
    case_id: str


class BadCursor(ValueError):
    pass


def encode_cursor(cursor: Cursor) -> str:
    raw = json.dumps(
        {"s": cursor.sort.value, "v": cursor.value.isoformat(), "id": cursor.case_id},
        separators=(",", ":"),
    ).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str, sort: CaseSort) -> Cursor:
    """The position a cursor names; BadCursor when it is not one we made for this sort."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw)
        cursor = Cursor(CaseSort(data["s"]), datetime.fromisoformat(data["v"]), str(data["id"]))
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise BadCursor("malformed cursor: pass next_cursor of a previous page unchanged") from exc
    if cursor.value.tzinfo is None:
        raise BadCursor("malformed cursor: pass next_cursor of a previous page unchanged")
    if cursor.sort is not sort:
        raise BadCursor(f"this cursor belongs to sort={cursor.sort.value}, not sort={sort.value}")
    return cursor
