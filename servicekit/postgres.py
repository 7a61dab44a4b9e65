"""PostgreSQL: the pool, and the schema migrations kept in `migrations/` beside each owner.

Migrations are plain SQL files named `NNNN_description.sql`, applied once each in order,
inside a transaction, under an advisory lock so that services starting together do not race.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import asyncpg

log = logging.getLogger(__name__)

_LOCK_ID = 0x6D61_7475  # "matu"


def read_migrations(directory: Path) -> list[tuple[str, str]]:
    """(file name, SQL) of every migration in `directory`, in order."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.sql"))]


async def apply_migrations(conn: asyncpg.Connection, directory: Path, component: str) -> list[str]:
    """Apply the SQL files of `directory` not yet applied for `component`."""
    await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_ID)
    try:
        await conn.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                   component text NOT NULL,
                   name text NOT NULL,
                   checksum text NOT NULL,
                   applied_at timestamptz NOT NULL DEFAULT now(),
                   PRIMARY KEY (component, name))"""
        )
        done = {
            r["name"]: r["checksum"]
            for r in await conn.fetch(
                "SELECT name, checksum FROM schema_migrations WHERE component = $1", component
            )
        }
        applied = []
        for name, sql in read_migrations(directory):
            checksum = hashlib.sha256(sql.encode()).hexdigest()
            if name in done:
                if done[name] != checksum:
                    log.warning("applied migration changed since", extra={"migration": name})
                continue
            async with conn.transaction():
                await conn.execute(sql)
                await conn.execute(
                    "INSERT INTO schema_migrations (component, name, checksum) VALUES ($1,$2,$3)",
                    component,
                    name,
                    checksum,
                )
            applied.append(name)
            log.info("migration applied", extra={"component": component, "migration": name})
        return applied
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_ID)


async def create_pool(dsn: str, min_size: int = 1, max_size: int = 10) -> asyncpg.Pool:
    pool = await asyncpg.create_pool(dsn, min_size=min_size, max_size=max_size, timeout=10)
    assert pool is not None
    return pool
