"""The case list as CSV text, in chunks, with cells a spreadsheet will not run (columns and
local times: `export_rows.py`)."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import AsyncGenerator, AsyncIterator

import asyncpg

from services.api.access.roles import Principal
from services.api.cases.export_rows import EXPORT_COLUMNS, export_values
from services.api.directory.areas import AreaDirectory

CHUNK_CHARS = 32_000


def cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def csv_chunks(
    rows: AsyncGenerator[asyncpg.Record, None], principal: Principal, areas: AreaDirectory
) -> AsyncIterator[str]:
    """The header line, then the rows, in chunks of about CHUNK_CHARS. Closing this (the
    client went away) closes `rows` at once, so that its connection goes back to the pool."""
    buf = io.StringIO()
    out = csv.writer(buf)
    out.writerow(EXPORT_COLUMNS)
    async with contextlib.aclosing(rows):
        async for row in rows:
            out.writerow([cell(v) for v in export_values(row, principal, areas)])
            if buf.tell() > CHUNK_CHARS:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
    yield buf.getvalue()
