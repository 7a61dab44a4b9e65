"""The api service's PostgreSQL: pool, migrations of both schemas."""

from __future__ import annotations

import re
from pathlib import Path

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from servicekit.postgres import apply_migrations

# A plain connection or one borrowed from the pool.
Conn = asyncpg.Connection | PoolConnectionProxy

MIGRATIONS = Path(__file__).parent / "migrations"
PROJECTION_MIGRATIONS = MIGRATIONS / "projection"
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def checked_schema(name: str) -> str:
    """A schema name safe to put into SQL text."""
    if not _IDENT.match(name):
        raise ValueError(f"not a plain schema name: {name!r}")
    return name


async def migrate(conn: asyncpg.Connection, projection_schema: str) -> None:
    """Apply the durable migrations (component `api`) and the projection migrations into
    `projection_schema` (component `api_projection`, recorded inside that schema)."""
    await apply_migrations(conn, MIGRATIONS, "api")
    await migrate_projection(conn, projection_schema)


async def migrate_projection(conn: asyncpg.Connection, schema: str) -> None:
    schema = checked_schema(schema)
    await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    await conn.execute(f"SET search_path TO {schema}")
    try:
        await apply_migrations(conn, PROJECTION_MIGRATIONS, "api_projection")
    finally:
        await conn.execute("RESET search_path")


async def create_pool(
    dsn: str, projection_schema: str, min_size: int, max_size: int
) -> asyncpg.Pool:
    """A pool whose unqualified names resolve in the projection schema."""
    schema = checked_schema(projection_schema)
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        timeout=10,
        server_settings={"search_path": f"{schema},public", "application_name": "matur-api"},
    )
    assert pool is not None
    return pool

