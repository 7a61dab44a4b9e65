"""Shared fixtures: the real Kafka and PostgreSQL every integration test talks to.

With a reachable Docker engine, testcontainers starts them. Otherwise the tests use the
locally started ones (`make test` starts them), named by `KAFKA_BOOTSTRAP_SERVERS` and
`DATABASE_URL`. Each test session gets its own topic prefix and its own database, so that
sessions sharing one broker or server never see each other's messages or rows. The
session's directory topics hold the sample roster (`seed_directory`), as `make run`
imports it; suites that need other officers seed their own prefix.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest

from contracts.areas import DEFAULT_AREA_DATA_DIR
from contracts.roster import Roster
from servicekit.settings import repo_path
from servicekit.topic_admin import ensure_topics
from services.api.directory.importer import import_roster, import_roster_file

SAMPLE_ROSTER = repo_path("deploy/sample-data/roster.bojonegoro.sample.json")


@dataclass(frozen=True)
class Infra:
    kafka_bootstrap_servers: str
    database_url: str  # this session's own database
    topic_prefix: str

    def env(self) -> dict[str, str]:
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.kafka_bootstrap_servers,
            "DATABASE_URL": self.database_url,
            "MATUR_TOPIC_PREFIX": self.topic_prefix,
        }


def _docker_reachable() -> bool:
    if os.environ.get("MATUR_TESTS_USE_DOCKER", "auto") == "no":
        return False
    try:
        import docker

        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def base_infra() -> Iterator[tuple[str, str]]:
    """(bootstrap servers, server-level database URL)."""
    if _docker_reachable():
        from testcontainers.kafka import KafkaContainer
        from testcontainers.postgres import PostgresContainer

        with KafkaContainer("apache/kafka:4.1.1").with_kraft() as kafka_c, PostgresContainer(
            "postgres:18", driver=None
        ) as pg_c:
            yield kafka_c.get_bootstrap_server(), pg_c.get_connection_url()
        return
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    dsn = os.environ.get("DATABASE_URL", "postgresql://matur@127.0.0.1:5432/matur")
    yield bootstrap, dsn


async def _create_session_database(dsn: str) -> str:
    name = f"matur_test_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    except asyncpg.InsufficientPrivilegeError:
        return dsn  # a server we may not create databases on: share the given one
    finally:
        await conn.close()
    return dsn.rsplit("/", 1)[0] + "/" + name


async def _drop_database(server_dsn: str, session_dsn: str) -> None:
    if session_dsn == server_dsn:
        return
    name = session_dsn.rsplit("/", 1)[1]
    conn = await asyncpg.connect(server_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def _delete_topics(bootstrap: str, prefix: str) -> None:
    """Remove this session's topics (ours and the ones Faust created under our prefix)."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        mine = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if mine:
            await admin.delete_topics(mine)
    finally:
        await admin.close()


async def seed_directory(
    bootstrap: str, prefix: str, roster: Path | Roster = SAMPLE_ROSTER
) -> None:
    """Create the topics under `prefix` and import a roster (file or model) into its
    directory topics, as `make run` does."""
    await ensure_topics(bootstrap, prefix=prefix)
    areas = repo_path(DEFAULT_AREA_DATA_DIR)
    if isinstance(roster, Path):
        await import_roster_file(bootstrap, prefix, roster, areas)
    else:
        await import_roster(bootstrap, prefix, roster, areas)


def suite_infra(infra: Infra, name: str, roster: Roster) -> Infra:
    """`infra` with topics of a suite's own (`<session prefix><name>.`, removed with the
    session's), whose directory holds `roster` instead of the sample."""
    own = Infra(infra.kafka_bootstrap_servers, infra.database_url, f"{infra.topic_prefix}{name}.")
    asyncio.run(seed_directory(own.kafka_bootstrap_servers, own.topic_prefix, roster))
    return own


@pytest.fixture(scope="session")
def infra(base_infra: tuple[str, str]) -> Iterator[Infra]:
    bootstrap, server_dsn = base_infra
    prefix = f"t{uuid.uuid4().hex[:8]}."
    asyncio.run(seed_directory(bootstrap, prefix))
    db = asyncio.run(_create_session_database(server_dsn))
    yield Infra(bootstrap, db, prefix)
    asyncio.run(_drop_database(server_dsn, db))
    if os.environ.get("MATUR_TESTS_KEEP_TOPICS") != "1":
        asyncio.run(_delete_topics(bootstrap, prefix))


@pytest.fixture
async def pg(infra: Infra) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(infra.database_url)
    yield conn
    await conn.close()
