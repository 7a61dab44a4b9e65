"""Crash and outage tests: `make test-chaos` (`pytest tests/chaos`). They start their own
Kafka broker and PostgreSQL server (restarted during the test) and the whole stack, and
take a few minutes, so a plain `pytest` or `make test` leaves them out unless the command
line names this folder (or MATUR_CHAOS=1)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.chaos.private_infra import OwnKafka, OwnPostgres, run_dir
from tests.conftest import seed_directory
from tests.e2e.interrupts import finish_on_sigterm

HERE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    finish_on_sigterm()


def _asked_for(config: pytest.Config) -> bool:
    if os.environ.get("MATUR_CHAOS") == "1":
        return True
    for arg in config.args:
        path = Path(arg.split("::", 1)[0]).resolve()
        if path == HERE or HERE in path.parents:
            return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _asked_for(config):
        return
    mine = [item for item in items if HERE in Path(str(item.path)).parents]
    if mine:
        config.hook.pytest_deselected(items=mine)
        items[:] = [item for item in items if item not in mine]


class OwnInfra:
    def __init__(self, root: Path, kafka: OwnKafka, postgres: OwnPostgres) -> None:
        self.root = root
        self.kafka = kafka
        self.postgres = postgres

    def env(self) -> dict[str, str]:
        return {"KAFKA_BOOTSTRAP_SERVERS": self.kafka.bootstrap,
                "DATABASE_URL": self.postgres.url, "MATUR_TOPIC_PREFIX": ""}


@pytest.fixture(scope="session")
async def own_infra() -> AsyncIterator[OwnInfra]:
    root = run_dir()
    kafka, postgres = OwnKafka(root), OwnPostgres(root)
    try:
        kafka.format()
        kafka.start()
        postgres.init()
        postgres.start()
        await kafka.wait_ready()
        await postgres.wait_ready()
        await postgres.create_database()
        await seed_directory(kafka.bootstrap, "")  # the topics, the sample roster's officers
        yield OwnInfra(root, kafka, postgres)
    finally:
        kafka.stop()
        postgres.stop()
        if os.environ.get("MATUR_CHAOS_KEEP") != "1":
            shutil.rmtree(root, ignore_errors=True)
