"""A benchmark's own scratch space on the shared Kafka and PostgreSQL: a topic prefix with
every Matur topic (the directory's holding the sample roster), optionally a database,
both removed again at the end (with the topics the services created under the prefix,
e.g. the router's changelogs)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient

from servicekit.topic_admin import ensure_topics
from services.api.directory.importer import import_roster_file

REPO = Path(__file__).resolve().parents[1]
LOGS = REPO / ".local" / "bench"
SAMPLE_ROSTER = REPO / "deploy/sample-data/roster.bojonegoro.sample.json"
AREA_DATA = REPO.parent / "shared/data/idn-area"


@dataclass(frozen=True)
class Scratch:
    bootstrap: str
    prefix: str
    database_url: str | None
    run_id: str

    def env(self) -> dict[str, str]:
        env = {"KAFKA_BOOTSTRAP_SERVERS": self.bootstrap, "MATUR_TOPIC_PREFIX": self.prefix}
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env


def bootstrap_servers() -> str:
    return os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")


def server_dsn() -> str:
    return os.environ.get("DATABASE_URL", "postgresql://matur@127.0.0.1:5432/matur")


@asynccontextmanager
async def scratch(name: str, database: bool) -> AsyncIterator[Scratch]:
    run_id = uuid.uuid4().hex[:8]
    prefix = f"bench-{name}-{run_id}."
    bootstrap = bootstrap_servers()
    await ensure_topics(bootstrap, prefix=prefix)
    await import_roster_file(bootstrap, prefix, SAMPLE_ROSTER, AREA_DATA)  # the officers
    db_url: str | None = None
    db_name = f"matur_bench_{name}_{run_id}"
    if database:
        conn = await asyncpg.connect(server_dsn())
        await conn.execute(f'CREATE DATABASE "{db_name}"')
        await conn.close()
        db_url = server_dsn().rsplit("/", 1)[0] + "/" + db_name
    LOGS.mkdir(parents=True, exist_ok=True)
    try:
        yield Scratch(bootstrap, prefix, db_url, run_id)
    finally:
        if database:
            conn = await asyncpg.connect(server_dsn())
            await conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
            await conn.close()
        await delete_prefixed_topics(bootstrap, prefix)


async def delete_prefixed_topics(bootstrap: str, prefix: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="matur-bench")
    await admin.start()
    try:
        mine = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if mine:
            await admin.delete_topics(mine)
    finally:
        await admin.close()

