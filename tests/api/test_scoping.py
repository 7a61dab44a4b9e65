"""Every endpoint shows each role only its own areas, and masks reporters as it must."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.api.conftest import RunningApi
from tests.api.scoped_cases import ALL_NAMES, VISIBLE, WINDOW, WINDOW_START, ScopedCases

ROLES = sorted(VISIBLE)


@pytest.mark.parametrize("who", ROLES)
async def test_list_shows_only_the_callers_areas(
    who: str, api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    params: dict[str, str | int] = {**WINDOW, "limit": 200}
    r = await client.get("/cases", params=params, headers=api.headers(who))
    assert r.status_code == 200, r.text
    assert {c["case_id"] for c in r.json()["items"]} == scoped.ids(*VISIBLE[who])


@pytest.mark.parametrize("who", ROLES)
async def test_detail_of_another_area_is_404(
    who: str, api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    for name in ALL_NAMES:
        case_id = getattr(scoped, name).case.case_id
        r = await client.get(f"/cases/{case_id}", headers=api.headers(who))
        assert r.status_code == (200 if name in VISIBLE[who] else 404), (name, r.text)


@pytest.mark.parametrize("who", ROLES)
async def test_export_and_stats_cover_only_the_callers_areas(
    who: str, api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    r = await client.get("/cases/export.csv", params=WINDOW, headers=api.headers(who))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["case_id"] for row in rows} == scoped.ids(*VISIBLE[who])

    window = {"from": WINDOW_START.isoformat(), "to": "2031-03-02T00:00:00+00:00"}
    stats = (await client.get("/stats", params=window, headers=api.headers(who))).json()
    assert stats["cases_opened"] == len(VISIBLE[who])
    assert sum(stats["open_by_tier"].values()) == len(VISIBLE[who])


@pytest.mark.parametrize("who", [r for r in ROLES if r != "dashboard"])
async def test_actions_only_on_cases_in_scope(
    who: str, api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    for name in ALL_NAMES:
        event = getattr(scoped, name)
        r = await client.post(
            f"/cases/{event.case.case_id}/notes", json={"note": "dicek"}, headers=api.headers(who)
        )
        assert r.status_code == (202 if name in VISIBLE[who] else 404), (name, r.text)


async def test_dashboard_and_admin_may_not_act(
    api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    case_id = scoped.a1.case.case_id
    for who in ("dashboard", "admin"):
        r = await client.post(f"/cases/{case_id}/acknowledge", headers=api.headers(who))
        assert r.status_code == 403


def _reporter(body: dict[str, object]) -> dict[str, object] | None:
    rep = body["reporter"]
    assert rep is None or isinstance(rep, dict)
    return rep


async def test_reporter_masking(
    api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    async def reporter(who: str, name: str) -> dict[str, object] | None:
        case_id = getattr(scoped, name).case.case_id
        r = await client.get(f"/cases/{case_id}", headers=api.headers(who))
        assert r.status_code == 200
        return _reporter(r.json())

    assert await reporter("bhabin_a", "a1") == {
        "key": scoped.a1.case.reporter.key, "name": "Warga Satu", "wa_id": "6281200000001",
        "masked": False,
    }  # fmt: skip
    # The officer a complaint is about does not see it at all, nor does his Kapolsek (a
    # complaint about the police is the Kapolres's only); the Kapolres sees it without
    # the reporter.
    about_him = f"/cases/{scoped.a2_about_bhb_a.case.case_id}"
    assert (await client.get(about_him, headers=api.headers("bhabin_a"))).status_code == 404
    assert (await client.get(about_him, headers=api.headers("kapolsek_a"))).status_code == 404
    assert await reporter("kapolres", "a2_about_bhb_a") is None
    # A confidential reporter is hidden from everyone; dashboards see no personal data.
    for who in ("kapolres", "system_reveal"):
        assert await reporter(who, "b1_confidential") is None
    assert await reporter("dashboard", "a1") is None
    masked = await reporter("system_a", "a1")
    assert masked == {
        "key": scoped.a1.case.reporter.key, "name": "W*** S***", "wa_id": "62812******01",
        "masked": True,
    }  # fmt: skip
    assert (await reporter("system_reveal", "a1") or {})["wa_id"] == "6281200000001"

    a1 = f"/cases/{scoped.a1.case.case_id}"
    detail = await client.get(a1, headers=api.headers("dashboard"))
    assert detail.json()["timeline"][0]["text"] is None  # no message contents either
    officer = await client.get(a1, headers=api.headers("bhabin_a"))
    assert officer.json()["timeline"][0]["text"].startswith("Maling ayam")
    r = await client.get("/cases/export.csv", params=WINDOW,
                         headers=api.headers("dashboard"))  # fmt: skip
    assert "62812000000" not in r.text and "Warga" not in r.text


async def test_officer_directory_is_scoped(api: RunningApi, client: httpx.AsyncClient) -> None:
    async def ids(who: str) -> set[str]:
        r = await client.get("/directory/officers", headers=api.headers(who))
        assert r.status_code == 200
        return {o["officer_id"] for o in r.json()}

    assert {"bhb-a", "ksk-a", "kpr"} <= await ids("bhabin_a")
    assert not {"bhb-b", "ksk-b"} & await ids("bhabin_a")
    assert not {"bhb-a", "ksk-a"} & await ids("kapolsek_b")
    everyone = {"bhb-a", "bhb-b", "ksk-a", "ksk-b", "kpr"}
    assert everyone <= await ids("kapolres")
    assert everyone <= await ids("admin")
    dash = (await client.get("/directory/officers", headers=api.headers("dashboard"))).json()
    assert all("*" in o["wa_id"] for o in dash)
