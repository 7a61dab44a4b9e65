"""Every answer carries the security headers (JSON, CSV, the stream, errors, the console's
pages, /docs and its files); HTML gets the one Content-Security-Policy that keeps the
console and /docs working (tests/console drives them in a browser), and /docs loads
nothing from another origin."""

from __future__ import annotations

import re

import pytest

from services.api.security_headers import HTML_POLICY, OTHER_POLICY
from tests.security.conftest import Target

COMMON = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
          "x-frame-options": "DENY"}  # fmt: skip
PATHS = {
    "/cases": OTHER_POLICY, "/cases/export.csv": OTHER_POLICY, "/cases/nope": OTHER_POLICY,
    "/stats": OTHER_POLICY, "/openapi.json": OTHER_POLICY, "/healthz": OTHER_POLICY,
    "/console/papan": HTML_POLICY, "/console/masuk": HTML_POLICY, "/docs": HTML_POLICY,
    "/docs-assets/swagger-ui-bundle.js": OTHER_POLICY, "/console/static/docs.js": OTHER_POLICY,
}  # fmt: skip


@pytest.mark.parametrize("path", sorted(PATHS))
async def test_every_answer_carries_the_security_headers(path: str, target: Target) -> None:
    async with target.client_from(cookies={"matur_session": target.tokens["kapolres"]}) as c:
        r = await c.get(path, headers=target.headers("kapolres"))
    assert r.status_code in (200, 404), (path, r.status_code)
    for name, value in COMMON.items():
        assert r.headers.get(name) == value, (path, name)
    assert r.headers["content-security-policy"] == PATHS[path]
    assert "frame-ancestors 'none'" in PATHS[path]


async def test_the_stream_and_refusals_carry_them_too(target: Target) -> None:
    async with target.client_from() as client:
        refused = await client.get("/cases")
        assert refused.status_code == 401
        assert refused.headers["x-content-type-options"] == "nosniff"
        async with client.stream("GET", "/events/stream",
                                 headers=target.headers("kapolres")) as r:  # fmt: skip
            assert r.headers["x-frame-options"] == "DENY"
            assert r.headers["content-security-policy"] == OTHER_POLICY


async def test_docs_load_nothing_from_another_origin(target: Target) -> None:
    async with target.client_from() as client:
        docs = (await client.get("/docs")).text
        sources = re.findall(r'(?:src|href)="([^"]+)"', docs)
        assert sources and all(s.startswith("/") for s in sources), sources
        assert "<script>" not in docs  # no inline script: the CSP allows files only
        for source in sources:
            assert (await client.get(source)).status_code == 200, source
    assert "script-src 'self'" in HTML_POLICY and "http" not in HTML_POLICY
