"""The API answers, documents itself, and refuses callers without a token."""

from __future__ import annotations

import httpx

from tests.api.conftest import RunningApi


async def test_health_and_openapi(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json()["status"] == "ok"
    ready = await client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["checks"] == {"database": True, "kafka_producer": True, "projection": True}
    spec = (await client.get("/openapi.json")).json()
    assert "/cases" in spec["paths"] and "/events/stream" in spec["paths"]
    assert "matur_api_request_seconds" in (await client.get("/metrics")).text


async def test_every_case_endpoint_needs_a_token(client: httpx.AsyncClient) -> None:
    for path in ("/cases", "/cases/x", "/stats", "/directory/officers", "/cases/export.csv"):
        r = await client.get(path)
        assert r.status_code == 401, path
    r = await client.get("/cases", headers={"Authorization": "Bearer mtr_nope"})
    assert r.status_code == 401


async def test_admin_has_no_case_access(client: httpx.AsyncClient, api: RunningApi) -> None:
    assert (await client.get("/cases", headers=api.headers("admin"))).status_code == 403
    me = (await client.get("/auth/me", headers=api.headers("bhabin_a"))).json()
    assert me["role"] == "bhabin" and me["officer_id"] == "bhb-a"
