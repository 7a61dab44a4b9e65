"""Old dedupe keys are forgotten; recent ones (Meta's 7-day retry window) are kept."""

from __future__ import annotations

import asyncpg
import pytest

from servicekit.postgres import apply_migrations
from services.ingest.connections import MIGRATIONS
from services.ingest.dedupe_retention import prune_old_keys
from tests.conftest import Infra

pytestmark = pytest.mark.integration


async def test_old_keys_are_deleted_recent_ones_kept(infra: Infra, pg: asyncpg.Connection) -> None:
    await apply_migrations(pg, MIGRATIONS, "ingest")
    await pg.execute(
        "INSERT INTO ingest_seen_events (message_id, first_seen_at) VALUES "
        "('in:wamid.retention-old', now() - interval '40 days'), "
        "('in:wamid.retention-week', now() - interval '8 days'), "
        "('in:wamid.retention-new', now())"
    )
    pool = await asyncpg.create_pool(infra.database_url, min_size=1, max_size=2)
    assert pool is not None
    try:
        assert await prune_old_keys(pool, 30, batch=1) >= 1
    finally:
        await pool.close()
    kept = {r[0] for r in await pg.fetch(
        "SELECT message_id FROM ingest_seen_events WHERE message_id LIKE 'in:wamid.retention-%'")}
    assert kept == {"in:wamid.retention-week", "in:wamid.retention-new"}
