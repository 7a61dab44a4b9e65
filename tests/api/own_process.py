"""The API as its own process (`python -m services.api`, served by servicekit.serve as in
production) on a database and topics of its own, whose officer directory holds the test
roster: the contract run and the attacker's view (tests/security) use it."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from contracts.roster import Roster
from devstack.launcher import HttpProcess
from services.api.settings import ApiSettings
from tests.api.conftest import ROSTER, api_settings
from tests.conftest import Infra, seed_directory


@dataclass(frozen=True)
class ApiProcess:
    base_url: str
    settings: ApiSettings  # its database (tokens are issued there) and port
    topic_prefix: str


@contextlib.asynccontextmanager
async def api_process(
    infra: Infra, name: str, log_dir: Path, env: Mapping[str, str] | None = None
) -> AsyncIterator[ApiProcess]:
    """Its database is `<session database>_<name>`, its topics `<session prefix><name>.`;
    `env` adds to (or overrides) its environment."""
    db_name = infra.database_url.rsplit("/", 1)[1] + f"_{name}"
    server_conn = await asyncpg.connect(infra.database_url)
    await server_conn.execute(f'CREATE DATABASE "{db_name}"')
    database_url = infra.database_url.rsplit("/", 1)[0] + "/" + db_name
    prefix = f"{infra.topic_prefix}{name}."
    await seed_directory(infra.kafka_bootstrap_servers, prefix, Roster.model_validate(ROSTER))
    settings = api_settings(infra, database_url=database_url, topic_prefix=prefix)
    api = HttpProcess.service("services.api", "API_PORT", port=settings.port,
                              log_path=log_dir / "api.log")  # fmt: skip
    try:
        api.start({
            **infra.env(),
            "MATUR_TOPIC_PREFIX": prefix,
            "DATABASE_URL": database_url,
            "API_PORT": str(settings.port),
            "MATUR_API_PROJECTION_GROUP": settings.projection_group,
            "MATUR_LOG_LEVEL": "WARNING",
            **(env or {}),
        })  # fmt: skip
        await api.wait_ready(30)
        yield ApiProcess(api.url, settings, prefix)
    finally:
        api.stop()
        await server_conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        await server_conn.close()
