"""The attacker's view: the API as its own process, served as in production (no proxy
trusted, sign-in limits and answer times as configured by default), on a database and
topics of its own, with tokens for every role and the scoped cases of tests/api (every
area, every tier, complaints about the police) projected.

Clients may come from different loopback addresses (`client_from`): on Linux every
127.x.y.z reaches the API, and the API counts each as its own peer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts.topics import CASES_EVENTS
from tests.api.conftest import issue_role_tokens, wait_for
from tests.api.own_process import ApiProcess, api_process
from tests.api.scoped_cases import VISIBLE, WINDOW, ScopedCases, make_scoped_cases
from tests.conftest import Infra
from tests.security.texts import written_timeline

# A reverse proxy the API is told to trust (MATUR_API_TRUSTED_PROXIES): the sign-in
# checks connect from it, and from other loopback addresses that it does not trust.
TRUSTED_PROXY = "127.0.0.2"


@dataclass(frozen=True)
class Target:
    api: ApiProcess
    tokens: dict[str, str]  # as tests/api: bhabin_a ... kapolres, dashboard, admin, system_*
    cases: ScopedCases

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def client_from(self, address: str = "127.0.0.1", **kw: object) -> httpx.AsyncClient:
        """A client whose connections come from `address` (a loopback address)."""
        transport = httpx.AsyncHTTPTransport(local_address=address)
        return httpx.AsyncClient(
            base_url=self.api.base_url, transport=transport, timeout=15, **kw  # type: ignore[arg-type]
        )


async def _publish_and_wait(target: Target, infra: Infra) -> None:
    """The scoped cases, and a timeline full of written texts for `a1_escalated`."""
    written = written_timeline(target.cases.a1_escalated)
    producer = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers, acks="all")
    await producer.start()
    try:
        topic = CASES_EVENTS.full_name(target.api.topic_prefix)
        for e in (*target.cases.all, *written):
            await producer.send_and_wait(topic, e.to_bytes(), key=e.case.case_id.encode())
    finally:
        await producer.stop()
    async with target.client_from() as client:

        async def all_projected() -> bool:
            r = await client.get("/cases", params=WINDOW, headers=target.headers("dashboard"))
            versions = {c["case_id"]: c["version"] for c in r.json()["items"]}
            last = written[-1].case
            return len(versions) == len(VISIBLE["dashboard"]) and (
                versions.get(last.case_id) == last.version
            )

        await wait_for(all_projected, 30)


@pytest.fixture(scope="session")
async def target(
    infra: Infra, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Target]:
    env = {
        "MATUR_API_TRUSTED_PROXIES": TRUSTED_PROXY,
        "MATUR_API_TOKEN_RATE": "1000",  # the per-token limit is not under test here
        "MATUR_API_TOKEN_BURST": "1000",
    }
    async with api_process(infra, "security", tmp_path_factory.mktemp("security-api"),
                           env) as api:  # fmt: skip
        found = Target(api, await issue_role_tokens(api.settings), make_scoped_cases())
        await _publish_and_wait(found, infra)
        yield found
