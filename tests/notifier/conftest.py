"""Fixtures: one sandbox Graph API subprocess per session, one notifier subprocess per
module, a Kafka producer/reader. Every test uses its own recipients, so nothing is reset."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from servicekit.topic_admin import ensure_topics
from services.sandbox.client import SandboxClient
from tests.conftest import Infra, _create_session_database, _drop_database
from tests.notifier.harness import Kafka, ServiceProcess, running_notifier, sandbox_process


@pytest.fixture(scope="session")
def infra(base_infra: tuple[str, str]) -> Iterator[Infra]:
    """The notifier's tests get their own topics and database: notifiers under test read
    `notifications.requests` from the beginning, and must neither send other suites'
    requests nor leave rows in the sends table another suite's notifier would trust."""
    bootstrap, server_dsn = base_infra
    prefix = f"n{uuid.uuid4().hex[:8]}."
    asyncio.run(ensure_topics(bootstrap, prefix=prefix))
    db = asyncio.run(_create_session_database(server_dsn))
    yield Infra(bootstrap, db, prefix)
    asyncio.run(_drop_database(server_dsn, db))


@pytest.fixture(scope="session")
def log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("notifier-logs")


@pytest.fixture(scope="session")
async def sandbox_url(log_dir: Path) -> AsyncIterator[str]:
    process = sandbox_process(log_dir)
    process.start()
    try:
        await process.wait_ready()
        yield process.url
    finally:
        process.stop()


@pytest.fixture
async def sandbox(sandbox_url: str) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox_url) as client:
        yield client


@pytest.fixture(scope="session")
async def kafka(infra: Infra) -> AsyncIterator[Kafka]:
    client = Kafka(infra.kafka_bootstrap_servers, infra.topic_prefix)
    await client.start()
    yield client
    await client.stop()


@pytest.fixture(scope="module")
async def notifier(infra: Infra, sandbox_url: str, log_dir: Path) -> AsyncIterator[ServiceProcess]:
    """A notifier subprocess (`python -m services.notifier`) with short waits. Recipients
    wait 6 s between two messages, so pacing is visible (and another recipient's message
    has time to go in between, even on a busy machine)."""
    group = f"notifier-{uuid.uuid4().hex[:8]}"
    async with running_notifier(
        infra.env(), sandbox_url, log_dir, group, NOTIFIER_RECIPIENT_INTERVAL_S="6"
    ) as process:
        yield process
