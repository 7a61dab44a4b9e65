"""Fixtures of the ingest tests: a real ingest process and a reader of its topics."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from contracts.roster import Roster
from tests.conftest import Infra, suite_infra
from tests.ingest.ingest_process import IngestProcess
from tests.ingest.kafka_collector import KafkaCollector
from tests.ingest.webhooks import ROSTER


@pytest.fixture(scope="session")
def ingest_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ingest")


@pytest.fixture(scope="session")
def infra(infra: Infra) -> Infra:
    """Ingest's tests get topics of their own (under the session's prefix), whose
    directory holds the test roster's lines."""
    return suite_infra(infra, "ingest", Roster.model_validate(ROSTER))


@pytest.fixture(scope="session")
def ingest_env(infra: Infra) -> dict[str, str]:
    return infra.env()


@pytest.fixture(scope="session")
async def collector(infra: Infra) -> AsyncIterator[KafkaCollector]:
    reader = KafkaCollector(infra.kafka_bootstrap_servers, infra.topic_prefix)
    await reader.start()
    yield reader
    await reader.stop()


@pytest.fixture(scope="session")
async def ingest(ingest_env: dict[str, str], ingest_workdir: Path) -> AsyncIterator[IngestProcess]:
    """The ingest most tests talk to; its log is checked for secrets at the end."""
    process = IngestProcess(ingest_env, ingest_workdir / "ingest-main.log")
    process.start()
    try:
        await process.wait_serving()
        yield process
    finally:
        process.stop()


Spawn = Callable[..., IngestProcess]


@pytest.fixture
def spawn(ingest_env: dict[str, str], ingest_workdir: Path) -> Iterator[Spawn]:
    """Starts extra ingest processes (env overrides on top of the session's), stopped at the
    end of the test."""
    started: list[IngestProcess] = []

    def start(name: str, **env: str) -> IngestProcess:
        process = IngestProcess({**ingest_env, **env}, ingest_workdir / f"ingest-{name}.log")
        process.start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
