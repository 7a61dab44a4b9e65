"""The case list as CSV text, in chunks, with cells a spreadsheet will not run."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import AsyncGenerator, AsyncIterator

import asyncpg

from services.api.access.roles import Principal
from services.api.cases.models import CaseSummaryOut, case_summary
from services.api.directory.areas import AreaDirectory

CSV_COLUMNS = (
    "reference", "case_id", "status", "tier", "category", "urgency", "emergency",
    "district_code", "district_name", "village_code", "village_name", "assignee_id",
    "assignee_name", "opened_at", "updated_at", "acknowledged_at", "resolved_at", "due_at",
    "overdue", "escalations", "rating", "summary", "reporter_name", "reporter_wa_id",
)  # fmt: skip
CHUNK_CHARS = 32_000


def cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_row(s: CaseSummaryOut) -> list[str]:
    """One case as the caller may see it (masking already applied to the summary)."""
    values = s.model_dump()
    values["assignee_id"] = s.assignee.officer_id if s.assignee else None
    values["assignee_name"] = s.assignee.name if s.assignee else None
    values["reporter_name"] = s.reporter.name if s.reporter else None
    values["reporter_wa_id"] = s.reporter.wa_id if s.reporter else None
    return [cell(values.get(c)) for c in CSV_COLUMNS]


async def csv_chunks(
    rows: AsyncGenerator[asyncpg.Record, None], principal: Principal, areas: AreaDirectory
) -> AsyncIterator[str]:
    """The header line, then the rows, in chunks of about CHUNK_CHARS. Closing this (the
    client went away) closes `rows` at once, so that its connection goes back to the pool."""
    buf = io.StringIO()
    out = csv.writer(buf)
    out.writerow(CSV_COLUMNS)
    async with contextlib.aclosing(rows):
        async for row in rows:
            out.writerow(csv_row(case_summary(row, principal, areas)))
            if buf.tell() > CHUNK_CHARS:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
    yield buf.getvalue()
