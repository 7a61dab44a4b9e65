"""Districts and villages of the regency; admins change the officer directory (the
`directory.officers` topic every service follows), and the API reads its own writes."""

from __future__ import annotations

import asyncpg
import httpx
from aiokafka import AIOKafkaProducer

from contracts.hierarchy import Tier
from contracts.roster import Officer
from contracts.topics import DIRECTORY_OFFICERS
from servicekit.directory_feed import read_directory
from tests.api.conftest import VILLAGE_A1, VILLAGE_B1, RunningApi, wait_for
from tests.conftest import Infra


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


async def test_an_edit_is_written_to_the_directory_and_read_back_at_once(
    api: RunningApi, client: httpx.AsyncClient, infra: Infra
) -> None:
    """The answer comes once the change is applied: the next GET, the caller's scope and
    the PostgreSQL projection show it; the topic every service follows holds it."""
    admin = api.headers("admin")
    body = {"name": "Bripka Budi", "tier": "bhabin", "wa_id": "6281100000002",
            "area_codes": [VILLAGE_B1, VILLAGE_A1]}
    try:
        r = await client.put("/directory/officers/bhb-b", json=body, headers=admin)
        assert r.status_code == 200, r.text
        listed = (await client.get("/directory/officers", headers=admin)).json()
        assert next(o for o in listed if o["officer_id"] == "bhb-b")["area_codes"] == [
            VILLAGE_B1, VILLAGE_A1]
        me = (await client.get("/auth/me", headers=api.headers("bhabin_b"))).json()
        assert me["scope"] == [VILLAGE_B1, VILLAGE_A1]
        conn = await asyncpg.connect(infra.database_url)
        try:
            stored = await conn.fetchval(
                "SELECT area_codes FROM api.officers WHERE officer_id = 'bhb-b'")
        finally:
            await conn.close()
        assert stored == [VILLAGE_B1, VILLAGE_A1]
        directory = await read_directory(infra.kafka_bootstrap_servers, infra.topic_prefix)
        officer = next(o for o in directory.officers if o.officer_id == "bhb-b")
        assert officer.area_codes == (VILLAGE_B1, VILLAGE_A1)
    finally:
        body["area_codes"] = [VILLAGE_B1]
        r = await client.put("/directory/officers/bhb-b", json=body, headers=admin)
        assert r.status_code == 200, r.text
    me = (await client.get("/auth/me", headers=api.headers("bhabin_b"))).json()
    assert me["scope"] == [VILLAGE_B1]


async def test_a_change_written_elsewhere_applies_too(
    api: RunningApi, client: httpx.AsyncClient, infra: Infra
) -> None:
    """A record another writer (the roster import, another API process) puts on the
    topic reaches this API without a restart; a tombstone removes the officer."""
    officer = Officer(officer_id="bhb-elsewhere", name="Brigadir Gani", tier=Tier.BHABIN,
                      wa_id="6281100000077", area_codes=(VILLAGE_B1,))
    topic = DIRECTORY_OFFICERS.full_name(infra.topic_prefix)
    producer = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers, acks="all")
    await producer.start()
    admin = api.headers("admin")

    async def listed(present: bool) -> bool:
        r = await client.get("/directory/officers", headers=admin)
        return ("bhb-elsewhere" in {o["officer_id"] for o in r.json()}) == present

    try:
        await producer.send_and_wait(topic, officer.to_bytes(), key=b"bhb-elsewhere")
        await wait_for(lambda: listed(True))
        await producer.send_and_wait(topic, None, key=b"bhb-elsewhere")
        await wait_for(lambda: listed(False))
    finally:
        await producer.stop()
