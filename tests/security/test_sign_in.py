"""Sign-in as an attacker tries it: forged forwarded headers, a new code after each five
wrong ones (from ever new addresses), and telling known officers from unknown ones by
the answer or its time."""

from __future__ import annotations

import statistics
import time

import asyncpg
import httpx

from services.api.access.store import store_code
from tests.security.conftest import TRUSTED_PROXY, Target

ANSWER_S = 0.3  # MATUR_API_SIGNIN_ANSWER_S, default
IP_BURST = 10  # MATUR_API_SIGNIN_IP_BURST, default
PER_CODE, PER_DAY = 5, 10  # MATUR_API_CODE_ATTEMPTS, MATUR_API_SIGNIN_MAX_ATTEMPTS_PER_DAY


async def _ask(client: httpx.AsyncClient, n: int, headers: dict[str, str]) -> int:
    r = await client.post("/auth/request-code", json={"officer_id": f"nobody-{n}"},
                          headers=headers)  # fmt: skip
    return r.status_code


async def test_rotating_forwarded_headers_do_not_bypass_the_address_limit(
    target: Target,
) -> None:
    # From 127.0.0.1: the address uvicorn used to trust forwarded headers from.
    async with target.client_from("127.0.0.1") as attacker:
        statuses = []
        for n in range(IP_BURST + 3):
            forged = f"10.9.{n}.1"
            statuses.append(await _ask(attacker, n, {
                "X-Forwarded-For": forged, "X-Real-IP": forged, "Forwarded": f"for={forged}",
            }))  # fmt: skip
    assert statuses[:IP_BURST] == [202] * IP_BURST
    assert statuses[IP_BURST:] == [429] * 3, statuses


async def test_behind_a_trusted_proxy_each_client_counts_on_its_own(target: Target) -> None:
    """MATUR_API_TRUSTED_PROXIES: the proxy's X-Forwarded-For names the client (the right-
    most address the proxy added); what a client wrote to the left of it changes nothing."""
    async with target.client_from(TRUSTED_PROXY) as proxy:
        one = {"X-Forwarded-For": "203.0.113.5"}
        statuses = [await _ask(proxy, 100 + n, one) for n in range(IP_BURST + 1)]
        assert statuses[-1] == 429 and statuses[:IP_BURST] == [202] * IP_BURST
        forged = {"X-Forwarded-For": "198.51.100.7, 203.0.113.5"}
        assert await _ask(proxy, 200, forged) == 429
        assert await _ask(proxy, 201, {"X-Forwarded-For": "203.0.113.6"}) == 202


async def test_a_new_code_does_not_reset_the_wrong_attempts_of_the_day(target: Target) -> None:
    """Each batch of wrong codes comes from a new address against a new code: once the
    day's wrong codes are used up, even the right code of a fresh one is refused, and an
    unknown officer is refused alike (429 does not tell who exists)."""
    conn = await asyncpg.connect(target.api.settings.database_url.get_secret_value())
    address = iter(f"127.0.1.{n}" for n in range(1, 100))
    try:
        for batch in range(PER_DAY // PER_CODE):
            await store_code(conn, "bhb-c", f"55555{batch}", 300)  # as /auth/request-code
            async with target.client_from(next(address)) as attacker:
                for _ in range(PER_CODE):
                    r = await attacker.post("/auth/verify",
                                            json={"officer_id": "bhb-c", "code": "000000"})
                    assert r.status_code == 401  # fmt: skip
        await store_code(conn, "bhb-c", "123456", 300)
    finally:
        await conn.close()
    async with target.client_from(next(address)) as officer:
        r = await officer.post("/auth/verify", json={"officer_id": "bhb-c", "code": "123456"})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    statuses = []
    for _ in range(PER_DAY // PER_CODE + 1):
        async with target.client_from(next(address)) as attacker:
            for _ in range(PER_CODE):
                r = await attacker.post("/auth/verify",
                                        json={"officer_id": "ghost-1", "code": "000000"})
                statuses.append(r.status_code)  # fmt: skip
    assert statuses[:PER_DAY] == [401] * PER_DAY and set(statuses[PER_DAY:]) == {429}


Answer = tuple[int, str, float]  # status, body, seconds


async def _timed(client: httpx.AsyncClient, path: str, body: dict[str, str]) -> Answer:
    started = time.monotonic()
    r = await client.post(path, json=body)
    return r.status_code, r.text, time.monotonic() - started


async def test_unknown_and_known_officers_answer_alike(target: Target) -> None:
    known, unknown = "6281100000002", "6289999999999"  # bhb-b; nobody
    async with target.client_from("127.0.0.6") as attacker:
        for path, extra in (("/auth/request-code", {}), ("/auth/verify", {"code": "000000"})):
            answers: dict[str, list[Answer]] = {known: [], unknown: []}
            for _ in range(2):
                for number in (known, unknown):
                    answers[number].append(
                        await _timed(attacker, path, {"wa_id": number, **extra})
                    )
            shapes = {(status, text) for a in answers.values() for status, text, _ in a}
            assert len(shapes) == 1, (path, shapes)  # one status, one body
            times = {n: statistics.median(t for _, _, t in a) for n, a in answers.items()}
            assert min(times.values()) >= ANSWER_S * 0.95, (path, times)
            assert abs(times[known] - times[unknown]) < 0.15, (path, times)
