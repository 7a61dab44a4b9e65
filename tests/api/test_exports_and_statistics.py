"""The case list exported as CSV and XLSX in local time (WIB) with the resolution note, and
the console's statistics per district and per officer, each within the caller's areas."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import httpx
import openpyxl

from contracts.case_events import CaseEventKind, TimelineEntry
from contracts.hierarchy import CaseStatus
from tests.api.conftest import VILLAGE_A1, Publish, RunningApi, wait_projected
from tests.api.factories import acknowledged, next_event, opened
from tests.conftest import Infra

NOTE = "Pelaku sudah diamankan, motor kembali"


async def resolved_case(publish: Publish, infra: Infra, word: str) -> str:
    start = datetime.now(UTC) - timedelta(hours=3)
    first = opened(VILLAGE_A1, f"Motor hilang {word}", at=start)
    taken = acknowledged(first, "bhb-a", "Bripka Adi")
    done = next_event(taken, CaseEventKind.RESOLVED, TimelineEntry(text=NOTE),
                      status=CaseStatus.RESOLVED, resolved_at=start + timedelta(hours=1),
                      resolution_note=NOTE, rating=4)  # fmt: skip
    await publish([first, taken, done])
    await wait_projected(infra, first.case.case_id, 3)
    return first.case.case_id


async def test_exports_are_in_wib_with_the_resolution_note(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    word = "ekspor" + datetime.now(UTC).strftime("%H%M%S%f")
    case_id = await resolved_case(publish, infra, word)
    r = await client.get("/cases/export.csv", params={"q": word}, headers=api.headers("bhabin_a"))
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["case_id"] for row in rows] == [case_id]
    assert rows[0]["resolution_note"] == NOTE
    assert rows[0]["opened_at"].endswith("+07:00") and rows[0]["resolved_at"].endswith("+07:00")

    r = await client.get("/cases/export.xlsx", params={"q": word},
                         headers=api.headers("bhabin_a"))  # fmt: skip
    assert r.status_code == 200 and r.headers["content-type"].startswith(
        "application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
    header, *data = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "opened_at (WIB)" in header
    got = dict(zip(header, data[0], strict=True))
    assert got["case_id"] == case_id and got["resolution_note"] == NOTE
    opened_utc = datetime.fromisoformat(rows[0]["opened_at"]).astimezone(UTC)
    assert got["opened_at (WIB)"] == (opened_utc + timedelta(hours=7)).replace(
        tzinfo=None, microsecond=got["opened_at (WIB)"].microsecond)

    for who in ("bhabin_b", "kapolsek_b"):  # another area: nothing
        r = await client.get("/cases/export.xlsx", params={"q": word}, headers=api.headers(who))
        assert len(list(openpyxl.load_workbook(io.BytesIO(r.content)).active.iter_rows())) == 1
    r = await client.get("/cases/export.csv", params={"q": word}, headers=api.headers("dashboard"))
    assert NOTE not in r.text  # officers' words are texts too


async def test_console_statistics_per_district_and_officer(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    await resolved_case(publish, infra, "statistik")
    kapolsek = {"matur_session": api.tokens["kapolsek_a"]}
    async with httpx.AsyncClient(base_url=api.base_url, cookies=kapolsek) as browser:
        by_district = await browser.get("/console/statistik", params={"hari": 7})
        assert by_district.status_code == 200
        assert "Ngraho" in by_district.text and "Tambakrejo" not in by_district.text
        assert "<svg" in by_district.text and "Kepuasan pelapor" in by_district.text
        by_officer = await browser.get("/console/statistik", params={"per": "petugas"})
        assert "Bripka Adi" in by_officer.text
    async with httpx.AsyncClient(base_url=api.base_url,
                                 cookies={"matur_session": api.tokens["dashboard"]}) as dash:
        r = await dash.get("/console/statistik")
        assert r.status_code == 200 and "Motor hilang" not in r.text
