"""Districts and villages of the regency; admins change the roster in the database."""

from __future__ import annotations

import httpx

from tests.api.conftest import RunningApi


async def test_districts_and_villages(api: RunningApi, client: httpx.AsyncClient) -> None:
    h = api.headers("dashboard")
    districts = (await client.get("/directory/districts", headers=h)).json()
    assert len(districts) == 28 and districts[0] == {
        "code": "35.22.01", "name": "Ngraho", "villages": len(
            (await client.get("/directory/villages", params={"district": "35.22.01"},
                              headers=h)).json()),
    }  # fmt: skip
    villages = (await client.get("/directory/villages", headers=h)).json()
    assert len(villages) == 430
    r = await client.get("/directory/villages", params={"district": "35.23.01"}, headers=h)
    assert r.status_code == 422


async def test_admin_changes_the_roster(api: RunningApi, client: httpx.AsyncClient) -> None:
    body = {
        "name": "Bripka Fajar",
        "tier": "bhabin",
        "wa_id": "6281100000099",
        "area_codes": ["35.22.03.2001"],
    }
    r = await client.put("/directory/officers/bhb-new", json=body, headers=api.headers("kapolres"))
    assert r.status_code == 403
    r = await client.put("/directory/officers/bhb-new", json=body, headers=api.headers("admin"))
    assert r.status_code == 200, r.text
    assert r.json()["areas"][0]["name"]
    wrong = {**body, "area_codes": ["35.22.03"]}  # a district is not a Bhabin's area
    r = await client.put("/directory/officers/bhb-new", json=wrong, headers=api.headers("admin"))
    assert r.status_code == 422
    listed = (await client.get("/directory/officers", headers=api.headers("admin"))).json()
    assert "bhb-new" in {o["officer_id"] for o in listed}
    r = await client.delete("/directory/officers/bhb-new", headers=api.headers("admin"))
    assert r.status_code == 204
    r = await client.delete("/directory/officers/bhb-new", headers=api.headers("admin"))
    assert r.status_code == 404
