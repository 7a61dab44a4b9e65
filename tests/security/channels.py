"""What a caller gets of the scoped cases through each channel of the API: the case ids
each one shows him (the checks compare them with what he may see)."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json

import httpx
from openpyxl import load_workbook

from tests.api.scoped_cases import WINDOW, ScopedCases

IDLE_S = 1.5  # the stream is read until nothing came for this long


async def stream_frames(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict]:
    """Every event of /events/stream from its beginning (Last-Event-ID 0), as JSON."""
    frames: list[dict] = []

    async def read() -> None:
        async with client.stream(
            "GET", "/events/stream", headers={**headers, "Last-Event-ID": "0"}
        ) as r:
            assert r.status_code == 200
            async for line in r.aiter_lines():
                if line.startswith("data: "):
                    frames.append(json.loads(line[6:]))

    task = asyncio.create_task(read())
    count = -1
    while count != len(frames) and not task.done():
        count = len(frames)
        await asyncio.sleep(IDLE_S)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return frames


def _csv_ids(text: str) -> set[str]:
    return {row["case_id"] for row in csv.DictReader(io.StringIO(text))}


def _xlsx_ids(content: bytes) -> set[str]:
    rows = list(load_workbook(io.BytesIO(content), read_only=True).active.values)
    column = rows[0].index("case_id")
    return {str(row[column]) for row in rows[1:]}


async def ids_by_channel(
    client: httpx.AsyncClient, headers: dict[str, str], cases: ScopedCases
) -> dict[str, set[str]]:
    """list, csv, xlsx, stream, detail (by id), reference (detail by reference), and the
    number of cases in the statistics as a set of that many placeholders."""
    seen: dict[str, set[str]] = {}
    r = await client.get("/cases", params={**WINDOW, "limit": 200}, headers=headers)
    seen["list"] = {c["case_id"] for c in r.json()["items"]}
    seen["csv"] = _csv_ids((await client.get("/cases/export.csv", params=WINDOW,
                                              headers=headers)).text)  # fmt: skip
    seen["xlsx"] = _xlsx_ids((await client.get("/cases/export.xlsx", params=WINDOW,
                                               headers=headers)).content)  # fmt: skip
    seen["stream"] = {f["case_id"] for f in await stream_frames(client, headers)}
    seen["detail"], seen["reference"] = set(), set()
    for event in cases.all:
        case = event.case
        if (await client.get(f"/cases/{case.case_id}", headers=headers)).status_code == 200:
            seen["detail"].add(case.case_id)
        if (await client.get(f"/cases/{case.reference}", headers=headers)).status_code == 200:
            seen["reference"].add(case.case_id)
    period = {"from": WINDOW["opened_from"], "to": WINDOW["opened_to"]}
    stats = (await client.get("/stats", params=period, headers=headers)).json()
    seen["stats"] = {f"#{n}" for n in range(stats["cases_opened"])}
    return seen
