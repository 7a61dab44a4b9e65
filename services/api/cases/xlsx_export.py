"""The case list as an XLSX workbook (openpyxl, write-only): the CSV's columns and
values (`export_rows.py`), times in WIB as spreadsheet dates, text never read as a
formula. Built in memory, in a worker thread, after the rows are read."""

from __future__ import annotations

import io
from collections.abc import AsyncGenerator
from datetime import datetime

import asyncpg
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from starlette.concurrency import run_in_threadpool

from services.api.access.roles import Principal
from services.api.cases.export_rows import EXPORT_COLUMNS, export_values
from services.api.directory.areas import AreaDirectory

SHEET_TITLE = "Kasus"
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _cell(sheet: WriteOnlyWorksheet, value: object) -> WriteOnlyCell:
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))  # WIB wall time
        cell.number_format = DATE_FORMAT
        return cell
    if value is not None and not isinstance(value, bool | int | float):
        value = str(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=..." stays text, never a formula
    return cell


def workbook_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    sheet.append([c if not c.endswith("_at") else f"{c} (WIB)" for c in EXPORT_COLUMNS])
    for values in rows:
        sheet.append([_cell(sheet, v) for v in values])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def xlsx_bytes(
    rows: AsyncGenerator[asyncpg.Record, None], principal: Principal, areas: AreaDirectory
) -> bytes:
    values = [export_values(row, principal, areas) async for row in rows]
    return await run_in_threadpool(workbook_bytes, values)
