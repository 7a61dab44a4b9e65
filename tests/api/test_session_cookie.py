"""The console's session: the sign-in code exchanged for an HttpOnly, SameSite=Strict
cookie (Secure over https), accepted by every endpoint as a bearer token is, with a
change needing the console's header; logout forgets it; dashboards sign in by token."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from tests.api.conftest import RunningApi
from tests.api.test_sign_in import _code_sent_to
from tests.conftest import Infra

COOKIE = "matur_session"


async def _session(client: httpx.AsyncClient, infra: Infra, officer_id: str,
                   headers: dict[str, str] | None = None) -> httpx.Response:
    asked_at = datetime.now(UTC)
    r = await client.post("/auth/request-code", json={"officer_id": officer_id})
    assert r.status_code == 202, r.text
    code = await _code_sent_to(infra, officer_id, asked_at)
    return await client.post("/auth/session", json={"officer_id": officer_id, "code": code},
                             headers=headers or {})


def _set_cookie(response: httpx.Response) -> str:
    return "; ".join(v for k, v in response.headers.multi_items() if k == "set-cookie")


async def test_code_opens_a_cookie_session_that_reads_scoped_and_changes_only_with_header(
    api: RunningApi, infra: Infra
) -> None:
    async with httpx.AsyncClient(base_url=api.base_url, timeout=10) as browser:
        r = await _session(browser, infra, "bhb-a")
        assert r.status_code == 200, r.text
        assert r.json()["role"] == "bhabin" and "token" not in r.json()
        cookie = _set_cookie(r)
        assert cookie.startswith(f"{COOKIE}=mtr_")
        lowered = cookie.lower()
        assert "httponly" in lowered and "samesite=strict" in lowered and "path=/" in lowered
        assert "secure" not in lowered  # plain http here

        me = await browser.get("/auth/me")
        assert me.status_code == 200 and me.json()["scope"] == ["35.22.01.2001", "35.22.01.2002"]
        assert (await browser.get("/cases")).status_code == 200

        unguarded = await browser.post("/cases/case_nowhere/notes", json={"note": "x"})
        assert unguarded.status_code == 403
        guarded = await browser.post("/cases/case_nowhere/notes", json={"note": "x"},
                                     headers={"X-Matur-Console": "1"})
        assert guarded.status_code == 404  # through authentication, then scoped

        assert (await browser.post("/auth/logout")).status_code == 403
        out = await browser.post("/auth/logout", headers={"X-Matur-Console": "1"})
        assert out.status_code == 204
        assert "max-age=0" in _set_cookie(out).lower()
        assert (await browser.get("/auth/me")).status_code == 401


async def test_cookie_is_secure_when_the_request_came_over_https(
    api: RunningApi, infra: Infra
) -> None:
    async with httpx.AsyncClient(base_url=api.base_url, timeout=10) as browser:
        # The API trusts X-Forwarded-Proto from 127.0.0.1 here (MATUR_API_TRUSTED_PROXIES:
        # a local TLS proxy).
        r = await _session(browser, infra, "ksk-a", {"X-Forwarded-Proto": "https"})
        assert r.status_code == 200, r.text
        assert "secure" in _set_cookie(r).lower()


async def test_a_wrong_code_opens_no_session(api: RunningApi, client: httpx.AsyncClient) -> None:
    r = await client.post("/auth/session", json={"officer_id": "bhb-b", "code": "000000"})
    assert r.status_code == 401
    assert "set-cookie" not in r.headers


async def test_dashboard_token_opens_a_session_other_tokens_do_not(
    api: RunningApi, client: httpx.AsyncClient
) -> None:
    r = await client.post("/auth/session/token", json={"token": api.tokens["dashboard"]})
    assert r.status_code == 200, r.text
    assert r.json()["role"] == "dashboard" and "httponly" in _set_cookie(r).lower()
    for other in ("kapolres", "system_a", "admin"):
        r = await client.post("/auth/session/token", json={"token": api.tokens[other]})
        assert r.status_code == 401, other
    r = await client.post("/auth/session/token", json={"token": "mtr_nonsense"})
    assert r.status_code == 401
