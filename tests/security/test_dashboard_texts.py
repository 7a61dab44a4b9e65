"""Dashboards get counts and categories, never what a person wrote nor who reported:
through the list, every case's detail, the CSV and XLSX exports, the stream, the
statistics and the console. An officer who may see the same case gets those texts (the
check would otherwise prove nothing)."""

from __future__ import annotations

import io

import httpx
from openpyxl import load_workbook

from tests.api.scoped_cases import WINDOW
from tests.security.channels import stream_frames
from tests.security.conftest import Target
from tests.security.texts import NOTE, REASON, RESOLUTION, texts_of

CONSOLE_PAGES = (
    "/console/papan", "/console/papan/jumlah", "/console/statistik?per=kecamatan",
    "/console/statistik?per=petugas&hari=30",
)  # fmt: skip


async def _xlsx_text(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    r = await client.get("/cases/export.xlsx", params=WINDOW, headers=headers)
    sheet = load_workbook(io.BytesIO(r.content), read_only=True).active
    return "\n".join(str(v) for row in sheet.values for v in row if v is not None)


async def everything_received(target: Target, who: str) -> dict[str, str]:
    """Each channel's whole answer to `who`, as text."""
    headers = target.headers(who)
    got: dict[str, str] = {}
    async with target.client_from() as client:
        got["list"] = (await client.get("/cases", params=WINDOW, headers=headers)).text
        for event in target.cases.all:
            r = await client.get(f"/cases/{event.case.case_id}", headers=headers)
            got[f"detail {event.case.case_id}"] = r.text
        got["csv"] = (await client.get("/cases/export.csv", params=WINDOW,
                                       headers=headers)).text  # fmt: skip
        got["xlsx"] = await _xlsx_text(client, headers)
        got["stream"] = str(await stream_frames(client, headers))
        got["stats"] = (await client.get("/stats", headers=headers)).text
    async with target.client_from(cookies={"matur_session": target.tokens[who]}) as browser:
        for path in CONSOLE_PAGES:
            got[path] = (await browser.get(path)).text
    return got


async def test_dashboards_receive_no_text_and_no_reporter(target: Target) -> None:
    received = await everything_received(target, "dashboard")
    for text in texts_of(target.cases):
        for channel, body in received.items():
            assert text not in body, (channel, text)
    assert "628120000" not in "".join(received.values())  # no reporter's number at all


async def test_an_officer_receives_the_same_cases_texts(target: Target) -> None:
    """The control: the Kapolsek of the escalated case reads its note, reason and
    resolution note, and the reporter's words."""
    case = target.cases.a1_escalated.case
    async with target.client_from() as client:
        detail = await client.get(f"/cases/{case.case_id}", headers=target.headers("kapolsek_a"))
    for text in (NOTE, REASON, RESOLUTION, case.summary):
        assert text in detail.text, text


async def test_dashboards_cannot_search_the_texts(target: Target) -> None:
    """A text search would tell which cases contain a word: for a dashboard, `q` finds
    references only."""
    headers = target.headers("dashboard")
    async with target.client_from() as client:
        r = await client.get("/cases", params={"q": target.cases.word}, headers=headers)
        assert r.json()["items"] == []
        reference = target.cases.a1.case.reference
        r = await client.get("/cases", params={"q": reference}, headers=headers)
        assert [c["reference"] for c in r.json()["items"]] == [reference]
        for path in ("/console/kasus/" + target.cases.a1.case.case_id, "/console/cari?q=ayam"):
            page = await client.get(path, cookies={"matur_session": target.tokens["dashboard"]})
            assert page.status_code == 403, path
