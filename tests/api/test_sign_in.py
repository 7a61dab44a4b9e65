"""Officers sign in with a one-time code sent through the notifier; tokens are revocable."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from contracts.notifications import NotificationKind, NotificationRequest
from contracts.topics import NOTIFICATIONS_REQUESTS
from servicekit.sealed_params import DEV_SEALING_KEY, open_sealed
from services.api.access.ratelimit import RateLimiter
from tests.api.conftest import RunningApi
from tests.api.kafka_reading import find_published
from tests.conftest import Infra


async def _code_sent_to(infra: Infra, officer_id: str, since: datetime) -> str:
    """The code of the latest sign-in request for the officer made after `since`."""
    request, record = await find_published(
        infra.kafka_bootstrap_servers,
        NOTIFICATIONS_REQUESTS.full_name(infra.topic_prefix),
        NotificationRequest,
        lambda n: n.kind is NotificationKind.SIGN_IN_CODE
        and n.recipient.key == officer_id
        and n.occurred_at >= since,
    )
    assert record.key == officer_id.encode()
    assert request.line_phone_number_id == "103522000000000"
    assert request.message_id.startswith(f"otp:{officer_id}:")
    # The topic carries the code sealed for the notifier only, never in clear; the test
    # opens it with the key as the notifier does.
    assert "code" not in request.params
    sealed = str(request.params["sealed_code"])
    code = open_sealed(sealed, DEV_SEALING_KEY, bound_to=request.message_id)
    return code


async def test_code_flow_gives_a_token_that_logout_revokes(
    api: RunningApi, client: httpx.AsyncClient, infra: Infra
) -> None:
    asked_at = datetime.now(UTC)
    r = await client.post("/auth/request-code", json={"wa_id": "6281100000002"})
    assert r.status_code == 202, r.text
    code = await _code_sent_to(infra, "bhb-b", asked_at)
    wrong = "000000" if code != "000000" else "111111"
    r = await client.post("/auth/verify", json={"officer_id": "bhb-b", "code": wrong})
    assert r.status_code == 401
    r = await client.post("/auth/verify", json={"officer_id": "bhb-b", "code": code})
    assert r.status_code == 200, r.text
    token = r.json()["token"]
    assert r.json()["role"] == "bhabin"
    h = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/auth/me", headers=h)).json()["scope"] == ["35.22.02.2001"]
    # A code works once.
    r = await client.post("/auth/verify", json={"officer_id": "bhb-b", "code": code})
    assert r.status_code == 401
    assert (await client.post("/auth/logout", headers=h)).status_code == 204
    assert (await client.get("/cases", headers=h)).status_code == 401


async def test_code_dies_after_too_many_wrong_attempts(
    api: RunningApi, client: httpx.AsyncClient, infra: Infra
) -> None:
    asked_at = datetime.now(UTC)
    r = await client.post("/auth/request-code", json={"officer_id": "ksk-b"})
    assert r.status_code == 202
    code = await _code_sent_to(infra, "ksk-b", asked_at)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(api.settings.sign_in_max_attempts):
        r = await client.post("/auth/verify", json={"officer_id": "ksk-b", "code": wrong})
        assert r.status_code == 401
    r = await client.post("/auth/verify", json={"officer_id": "ksk-b", "code": code})
    assert r.status_code == 401


async def test_unknown_officer_gets_the_same_answer_and_no_code(client: httpx.AsyncClient) -> None:
    r = await client.post("/auth/request-code", json={"officer_id": "nobody"})
    assert r.status_code == 202
    assert (await client.post("/auth/request-code", json={})).status_code == 422


async def test_requests_for_one_officer_are_rate_limited(
    api: RunningApi, client: httpx.AsyncClient
) -> None:
    statuses = [
        (await client.post("/auth/request-code", json={"officer_id": "kpr"})).status_code
        for _ in range(api.settings.sign_in_officer_burst + 1)
    ]
    assert statuses[-1] == 429 and statuses[0] == 202


async def test_admin_revokes_a_token(api: RunningApi, client: httpx.AsyncClient) -> None:
    from tests.api.conftest import issue_role_tokens

    tokens = await issue_role_tokens(api.settings)
    h = {"Authorization": f"Bearer {tokens['kapolsek_a']}"}
    token_id = (await client.get("/auth/me", headers=h)).json()["token_id"]
    r = await client.post(f"/admin/tokens/{token_id}/revoke", headers=api.headers("kapolres"))
    assert r.status_code == 403
    listed = (await client.get("/admin/tokens", headers=api.headers("admin"))).json()
    assert token_id in {t["token_id"] for t in listed}
    assert "mtr_" not in str(listed)
    r = await client.post(f"/admin/tokens/{token_id}/revoke", headers=api.headers("admin"))
    assert r.status_code == 204
    assert (await client.get("/auth/me", headers=h)).status_code == 401


def test_token_bucket() -> None:
    limiter = RateLimiter(capacity=2, per_second=1.0)
    assert limiter.check("t", now=0.0) == 0 and limiter.check("t", now=0.0) == 0
    assert limiter.check("t", now=0.0) > 0
    assert limiter.check("other", now=0.0) == 0
    assert limiter.check("t", now=1.0) == 0


async def test_admin_issues_a_scoped_system_token(
    api: RunningApi, client: httpx.AsyncClient
) -> None:
    body = {"role": "system", "name": "sispolri", "scope": ["35.22.02"], "days": 1}
    r = await client.post("/admin/tokens", json=body, headers=api.headers("kapolres"))
    assert r.status_code == 403
    r = await client.post("/admin/tokens", json=body, headers=api.headers("admin"))
    assert r.status_code == 201, r.text
    h = {"Authorization": f"Bearer {r.json()['token']}"}
    me = (await client.get("/auth/me", headers=h)).json()
    assert me["role"] == "system" and me["scope"] == ["35.22.02"]
    bad = {**body, "role": "kapolres"}  # officer tokens come only from a sign-in
    r = await client.post("/admin/tokens", json=bad, headers=api.headers("admin"))
    assert r.status_code == 422

