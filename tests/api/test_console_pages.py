"""The console's pages over HTTP (the browser test is tests/console): each viewer sees
exactly what the API lets him read, dashboards counts without texts, nothing is loaded
from outside, and /docs works offline."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.api.conftest import RunningApi
from tests.api.scoped_cases import ALL_NAMES, VISIBLE, ScopedCases


@pytest.fixture
async def as_viewer(api: RunningApi) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """A browser-like client per role, signed in by the session cookie."""
    clients = {
        who: httpx.AsyncClient(base_url=api.base_url, timeout=10,
                               cookies={"matur_session": api.tokens[who]})
        for who in ("bhabin_a", "bhabin_b", "kapolsek_a", "kapolres", "dashboard")
    }  # fmt: skip
    yield clients
    for client in clients.values():
        await client.aclose()


async def test_pages_without_a_session_send_to_the_sign_in_page(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/console/papan", "/console/kasus/x", "/console/cari?q=x", "/console/statistik"):
        r = await client.get(path)
        assert r.status_code == 303 and r.headers["location"] == "/console/masuk", path
    r = await client.get("/console/masuk")
    assert r.status_code == 200 and 'lang="id"' in r.text and "Kirim kode" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("who", ["bhabin_a", "bhabin_b", "kapolsek_a", "kapolres"])
async def test_board_and_case_pages_show_exactly_the_callers_cases(
    who: str, as_viewer: dict[str, httpx.AsyncClient], scoped: ScopedCases
) -> None:
    browser = as_viewer[who]
    board = await browser.get("/console/papan")
    assert board.status_code == 200 and board.headers["cache-control"] == "no-store"
    for name in ALL_NAMES:
        case = getattr(scoped, name).case
        visible = name in VISIBLE[who]
        assert (case.reference in board.text) is visible, (who, name)
        page = await browser.get(f"/console/kasus/{case.reference.lower()}")
        assert page.status_code == (200 if visible else 404), (who, name)
        if visible:
            assert case.summary in page.text
    assert "Kec. Ngraho" in board.text or who == "bhabin_b"  # names, not codes


async def test_live_cards_answer_gone_for_cases_outside_the_board(
    as_viewer: dict[str, httpx.AsyncClient], scoped: ScopedCases
) -> None:
    mine, foreign = scoped.a1.case.case_id, scoped.b1.case.case_id
    r = await as_viewer["bhabin_a"].get("/console/papan/kartu",
                                        params=[("id", mine), ("id", foreign)])  # fmt: skip
    assert r.status_code == 200
    assert f'id="kasus-{mine}"' in r.text
    assert f'<template data-case-id="{foreign}" data-gone="1">' in r.text
    assert scoped.b1.case.summary not in r.text


async def test_dashboard_sees_counts_but_no_texts(
    as_viewer: dict[str, httpx.AsyncClient], scoped: ScopedCases
) -> None:
    dashboard = as_viewer["dashboard"]
    board = await dashboard.get("/console/papan")
    assert board.status_code == 200 and "Jumlah kasus terbuka" in board.text
    assert scoped.word not in board.text
    for event in scoped.all:
        assert event.case.reference not in board.text
    assert "Ngraho" in board.text
    assert (await dashboard.get(f"/console/kasus/{scoped.a1.case.case_id}")).status_code == 403
    assert (await dashboard.get("/console/papan/kartu",
                                params={"id": scoped.a1.case.case_id})).status_code == 403
    counts = await dashboard.get("/console/papan/jumlah")
    assert counts.status_code == 200 and scoped.word not in counts.text


async def test_search_opens_the_case_of_a_reference_or_lists_matches(
    as_viewer: dict[str, httpx.AsyncClient], scoped: ScopedCases
) -> None:
    browser = as_viewer["kapolsek_a"]
    reference = scoped.a1.case.reference
    r = await browser.get("/console/cari", params={"q": reference.replace("-", " ")})
    assert r.status_code == 303
    assert r.headers["location"] == f"/console/kasus/{scoped.a1.case.case_id}"
    r = await browser.get("/console/cari", params={"q": scoped.word})
    assert r.status_code == 200 and reference in r.text
    assert scoped.b1.case.reference not in r.text


async def test_assets_and_docs_are_served_here(client: httpx.AsyncClient) -> None:
    for asset in ("console.css", "live.js", "board.js", "case.js", "signin.js"):
        assert (await client.get(f"/console/static/{asset}")).status_code == 200, asset
    docs = await client.get("/docs")
    assert docs.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert (await client.get(f"/docs-assets/{asset}")).status_code == 200, asset
    assert (await client.get("/redoc")).status_code == 404
