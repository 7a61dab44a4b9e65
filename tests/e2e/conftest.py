"""The whole stack for the end-to-end scenarios, started once for tests/e2e as `make run`
does (`python -m services.<name>` for the sandbox, ingest, router, notifier and API), on
free ports, with topics (`<session prefix>e2e.`) and a database of its own.

Each process logs to `<pytest tmp>/e2e-stack*/stack-logs/<name>.log`. When a test fails,
the tails of every log are appended to its report; a process that died fails the next
test with its log.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from devstack.stack_runner import Stack
from services.sandbox.client import SandboxClient
from tests.conftest import (
    Infra,
    _create_session_database,
    _delete_topics,
    _drop_database,
    seed_directory,
)
from tests.e2e.api_session import OfficerApi, sign_in
from tests.e2e.interrupts import finish_on_sigterm
from tests.e2e.people import officer
from tests.e2e.stack_settings import stack_env
from tests.e2e.whatsapp import Outbox

ACTIVE_STACKS: list[Stack] = []


def pytest_configure(config: pytest.Config) -> None:
    finish_on_sigterm()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.failed and ACTIVE_STACKS:
        report.sections.append(("stack logs (last lines of each)", ACTIVE_STACKS[-1].tails(50)))


@pytest.fixture(scope="package")
async def stack(infra: Infra, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    """The stack gets topics and a database of its own, under the session's prefix and on
    its server, and lives only while tests/e2e runs: the other suites' messages and rows
    never meet its processes, and its processes never consume theirs."""
    work = tmp_path_factory.mktemp("e2e-stack")
    prefix = f"{infra.topic_prefix}e2e."
    await seed_directory(infra.kafka_bootstrap_servers, prefix)  # as make run: sample roster
    database = await _create_session_database(infra.database_url)
    env = Infra(infra.kafka_bootstrap_servers, database, prefix).env()
    running = Stack(stack_env(env, prefix, work), work / "stack-logs")
    try:
        await running.up()
        ACTIVE_STACKS.append(running)
        yield running
    finally:
        if running in ACTIVE_STACKS:
            ACTIVE_STACKS.remove(running)
        running.stop()
        await _drop_database(infra.database_url, database)
        await _delete_topics(infra.kafka_bootstrap_servers, prefix)


@pytest.fixture(autouse=True)
def _stack_alive(request: pytest.FixtureRequest) -> Iterator[None]:
    """A process that died fails the test that would depend on it, with its log."""
    if "stack" not in request.fixturenames:
        yield
        return
    running: Stack = request.getfixturevalue("stack")
    dead = running.dead()
    if dead:
        pytest.fail("stack processes died: " + ", ".join(p.name for p in dead) + "\n"
                    + running.tails(80, [p.name for p in dead]))
    yield
    dead = running.dead()
    if dead:
        pytest.fail("stack processes died during the test:\n"
                    + running.tails(80, [p.name for p in dead]))


@pytest.fixture(scope="package")
async def sandbox(stack: Stack) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(stack.url("sandbox")) as client:
        yield client


@pytest.fixture(scope="package")
def outbox(sandbox: SandboxClient) -> Outbox:
    return Outbox(sandbox)


class SignedInOfficers:
    """Officers signed in once (through their WhatsApp code)."""

    def __init__(self, base_url: str, outbox: Outbox) -> None:
        self.base_url = base_url
        self.outbox = outbox
        self.signed_in: dict[str, OfficerApi] = {}

    async def __call__(self, officer_id: str) -> OfficerApi:
        if officer_id not in self.signed_in:
            self.signed_in[officer_id] = await sign_in(self.base_url, self.outbox,
                                                       officer(officer_id))
        return self.signed_in[officer_id]

    async def aclose(self) -> None:
        for api in self.signed_in.values():
            await api.aclose()


@pytest.fixture(scope="package")
async def officers(stack: Stack, outbox: Outbox) -> AsyncIterator[SignedInOfficers]:
    signed = SignedInOfficers(stack.url("api"), outbox)
    yield signed
    await signed.aclose()
