"""Forget dedupe keys long after Meta stopped retrying (it retries for up to 7 days)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import asyncpg

log = logging.getLogger(__name__)

DELETE_OLD_KEYS = """
DELETE FROM ingest_seen_events
WHERE message_id IN (
    SELECT message_id FROM ingest_seen_events
    WHERE first_seen_at < now() - make_interval(days => $1)
    LIMIT $2)
"""


async def prune_old_keys(pool: asyncpg.Pool, retention_days: int, batch: int = 10_000) -> int:
    """Delete keys first seen more than `retention_days` ago, in small batches."""
    total = 0
    while True:
        status = await pool.execute(DELETE_OLD_KEYS, retention_days, batch)
        deleted = int(status.split()[-1])
        total += deleted
        if deleted < batch:
            return total


async def prune_periodically(
    get_pool: Callable[[], asyncpg.Pool | None], retention_days: int, interval_s: float = 3600
) -> None:
    """Runs until cancelled; `get_pool()` returns the pool, or None while not connected."""
    while True:
        pool = get_pool()
        if pool is not None:
            try:
                deleted = await prune_old_keys(pool, retention_days)
                if deleted:
                    log.info("old dedupe keys deleted", extra={"deleted": deleted})
            except Exception as err:
                log.warning("dedupe key pruning failed", extra={"error": type(err).__name__})
        await asyncio.sleep(interval_s)
