"""The API running for real (uvicorn on a free port, real PostgreSQL and Kafka), tokens for
every role, and helpers to publish events and wait for the projection."""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest
import uvicorn
from aiokafka import AIOKafkaProducer

from contracts.base import Message
from contracts.case_events import CaseEvent
from contracts.notifications import NotificationEvent
from contracts.roster import Roster
from contracts.topics import CASES_EVENTS, NOTIFICATIONS_EVENTS
from services.api.access.roles import Role
from services.api.access.store import issue_token
from services.api.app import create_app
from services.api.settings import ApiSettings
from tests.conftest import Infra, suite_infra

T = TypeVar("T")

VILLAGE_A1 = "35.22.01.2001"  # Luwihaji, district Ngraho
VILLAGE_A2 = "35.22.01.2002"  # Sugihwaras, Ngraho
VILLAGE_B1 = "35.22.02.2001"  # Napis, district Tambakrejo
VILLAGE_C1 = "35.22.03.2001"  # Nglampin, district Ngambon (bhb-c: tests/security's sign-in)
DISTRICT_A = "35.22.01"
DISTRICT_B = "35.22.02"

ROSTER = {
    "regency_code": "35.22",
    "sample": True,
    "note": "test roster: fictitious officers",
    "officers": [
        {"officer_id": "bhb-a", "name": "Bripka Adi", "tier": "bhabin",
         "wa_id": "6281100000001", "area_codes": [VILLAGE_A1, VILLAGE_A2]},
        {"officer_id": "bhb-b", "name": "Bripka Budi", "tier": "bhabin",
         "wa_id": "6281100000002", "area_codes": [VILLAGE_B1]},
        {"officer_id": "ksk-a", "name": "AKP Candra", "tier": "kapolsek",
         "wa_id": "6281100000003", "area_codes": [DISTRICT_A]},
        {"officer_id": "ksk-b", "name": "AKP Dewi", "tier": "kapolsek",
         "wa_id": "6281100000004", "area_codes": [DISTRICT_B]},
        {"officer_id": "kpr", "name": "AKBP Eko", "tier": "kapolres",
         "wa_id": "6281100000005", "area_codes": ["35.22"]},
        {"officer_id": "bhb-c", "name": "Brigpol Citra", "tier": "bhabin",
         "wa_id": "6281100000006", "area_codes": [VILLAGE_C1]},
    ],
}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api_settings(infra: Infra, **overrides: Any) -> ApiSettings:
    values: dict[str, Any] = {
        "kafka_bootstrap_servers": infra.kafka_bootstrap_servers,
        "database_url": infra.database_url,
        "topic_prefix": infra.topic_prefix,
        "projection_group": f"api-test-{uuid.uuid4().hex[:8]}",
        "port": free_port(),
        "token_rate_per_s": 1000.0,
        "token_burst": 1000,
        "sign_in_ip_burst": 200,
        "stream_poll_s": 0.2,
        "sign_in_answer_s": 0.0,  # the alike answer time is tests/security's
        "trusted_proxies": "127.0.0.1",  # a local TLS proxy (tests/security: none)
        "log_format": "console",
    }
    values.update(overrides)
    return ApiSettings(**values)


@dataclass
class RunningApi:
    settings: ApiSettings
    base_url: str
    tokens: dict[str, str]  # bhabin_a, bhabin_b, kapolsek_a, kapolsek_b, kapolres, dashboard, ...

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}


@pytest.fixture(scope="session")
def infra(infra: Infra) -> Infra:
    """The API's tests get topics of their own (under the session's prefix), whose
    directory holds the test roster's officers."""
    return suite_infra(infra, "api", Roster.model_validate(ROSTER))


async def issue_role_tokens(settings: ApiSettings) -> dict[str, str]:
    conn = await asyncpg.connect(settings.database_url.get_secret_value())
    day = timedelta(days=1)
    try:
        out = {}
        for who, role, officer in (
            ("bhabin_a", Role.BHABIN, "bhb-a"),
            ("bhabin_b", Role.BHABIN, "bhb-b"),
            ("kapolsek_a", Role.KAPOLSEK, "ksk-a"),
            ("kapolsek_b", Role.KAPOLSEK, "ksk-b"),
            ("kapolres", Role.KAPOLRES, "kpr"),
        ):
            out[who] = (await issue_token(conn, role, who, day, officer_id=officer)).token
        out["dashboard"] = (
            await issue_token(conn, Role.DASHBOARD, "dash", day, scope=("35.22",))
        ).token
        out["admin"] = (await issue_token(conn, Role.ADMIN, "admin", day)).token
        out["system_a"] = (
            await issue_token(conn, Role.SYSTEM, "sys-a", day, scope=(DISTRICT_A,))
        ).token
        out["system_reveal"] = (
            await issue_token(
                conn, Role.SYSTEM, "sys-r", day, scope=("35.22",), reveal_reporter=True
            )
        ).token
        return out
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def api(infra: Infra) -> AsyncIterator[RunningApi]:
    settings = api_settings(infra)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=settings.port, log_config=None,
            proxy_headers=False,  # as servicekit.serve: the app decides whom to trust
        )
    )
    task = asyncio.create_task(server.serve())
    base_url = f"http://127.0.0.1:{settings.port}"
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(300):
            if task.done():
                task.result()
            try:
                if (await client.get("/readyz")).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
        else:
            raise RuntimeError("the API did not become ready")
    tokens = await issue_role_tokens(settings)
    yield RunningApi(settings, base_url, tokens)
    server.should_exit = True
    await task


@pytest.fixture
async def client(api: RunningApi) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=api.base_url, timeout=10) as c:
        yield c


@pytest.fixture(scope="session")
async def producer(infra: Infra) -> AsyncIterator[AIOKafkaProducer]:
    p = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers, acks="all")
    await p.start()
    yield p
    await p.stop()


Publish = Callable[[Iterable[Message]], Awaitable[None]]


@pytest.fixture
def publish(infra: Infra, producer: AIOKafkaProducer) -> Publish:
    async def _publish(messages: Iterable[Message]) -> None:
        for m in messages:
            if isinstance(m, CaseEvent):
                topic, key = CASES_EVENTS.full_name(infra.topic_prefix), m.case.case_id
            elif isinstance(m, NotificationEvent):
                topic, key = NOTIFICATIONS_EVENTS.full_name(infra.topic_prefix), m.notification_id
            else:
                raise TypeError(type(m))
            await producer.send_and_wait(topic, m.to_bytes(), key=key.encode())

    return _publish


async def wait_for(check: Callable[[], Awaitable[T | None]], timeout_s: float = 15.0) -> T:
    """Poll `check` until it returns something truthy."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout_s}s")
        await asyncio.sleep(0.05)


async def projected_version(infra: Infra, case_id: str) -> int | None:
    conn = await asyncpg.connect(infra.database_url)
    try:
        v: int | None = await conn.fetchval(
            "SELECT version FROM projection.cases WHERE case_id = $1", case_id
        )
        return v
    finally:
        await conn.close()


async def wait_projected(infra: Infra, case_id: str, version: int) -> None:
    async def reached() -> bool:
        v = await projected_version(infra, case_id)
        return v is not None and v >= version

    await wait_for(reached)


@pytest.fixture(scope="session")
async def scoped(api: RunningApi, producer: AIOKafkaProducer, infra: Infra) -> Any:
    from tests.api.scoped_cases import make_scoped_cases

    cases = make_scoped_cases()
    topic = CASES_EVENTS.full_name(infra.topic_prefix)
    for e in cases.all:
        await producer.send_and_wait(topic, e.to_bytes(), key=e.case.case_id.encode())
    for e in cases.all:
        await wait_projected(infra, e.case.case_id, 1)
    return cases
