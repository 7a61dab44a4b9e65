"""Matur's own database on the local server: role `matur`, database `matur`."""

from __future__ import annotations

import asyncpg


async def ensure_database(port: int = 5432, name: str = "matur", owner: str = "matur") -> str:
    """Create the role and database on the local trust-auth server; return its URL."""
    conn = await asyncpg.connect(host="127.0.0.1", port=port, user="postgres", database="postgres")
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", owner):
            await conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEDB')
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    finally:
        await conn.close()
    return f"postgresql://{owner}@127.0.0.1:{port}/{name}"
