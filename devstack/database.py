"""Matur's own database on the local server: role `matur`, database `matur`."""

from __future__ import annotations

import asyncio
import time

import asyncpg

# A server restarted after a crash opens its port before it accepts connections (it
# replays its WAL first: "the database system is not yet accepting connections").
READY_TIMEOUT_S = 120.0


async def connect_when_ready(
    port: int, user: str, database: str, timeout_s: float = READY_TIMEOUT_S
) -> asyncpg.Connection:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return await asyncpg.connect(
                host="127.0.0.1", port=port, user=user, database=database, timeout=10
            )
        except (asyncpg.CannotConnectNowError, ConnectionError, OSError):
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.25)


async def ensure_database(port: int = 5432, name: str = "matur", owner: str = "matur") -> str:
    """Create the role and database on the local trust-auth server; return its URL."""
    conn = await connect_when_ready(port, "postgres", "postgres")
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", owner):
            await conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEDB')
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    finally:
        await conn.close()
    return f"postgresql://{owner}@127.0.0.1:{port}/{name}"
