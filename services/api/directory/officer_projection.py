"""`api.officers`: the officers of the directory as PostgreSQL rows, for the queries that
join or look them up there (sign-in by number, reassignment targets, the console). Kept
in step with each snapshot of the directory feed; the directory topics own the data.

A removed officer's tokens are revoked and his pending sign-in code deleted; an officer
whose tier changed loses his tokens too (a token's role is the tier it was issued for).
Every API process applies every snapshot: the statements are idempotent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import asyncpg

from contracts.roster import Officer
from services.api.access.store import revoke_officer_tokens

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProjectedChange:
    written: int  # officers new or changed
    removed: int
    tier_changed: int


def _row(o: Officer) -> tuple[object, ...]:
    return (o.officer_id, o.name, o.rank, o.tier.value, o.wa_id, list(o.area_codes), o.active)


async def project_officers(pool: asyncpg.Pool, officers: tuple[Officer, ...]) -> ProjectedChange:
    """Make `api.officers` hold exactly these officers (one transaction)."""
    async with pool.acquire() as conn, conn.transaction():
        rows = await conn.fetch(
            "SELECT officer_id, name, rank, tier, wa_id, area_codes, active FROM api.officers"
        )
        stored = {r["officer_id"]: tuple(r.values()) for r in rows}
        wanted = {o.officer_id: o for o in officers}
        changed = [o for o in officers if stored.get(o.officer_id) != _row(o)]
        removed = sorted(set(stored) - set(wanted))
        tier_changed = [o.officer_id for o in changed
                        if o.officer_id in stored and stored[o.officer_id][3] != o.tier.value]
        if changed:
            await conn.executemany(
                """INSERT INTO api.officers (officer_id, name, rank, tier, wa_id, area_codes,
                                             active, updated_at)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, now())
                   ON CONFLICT (officer_id) DO UPDATE SET name = EXCLUDED.name,
                       rank = EXCLUDED.rank, tier = EXCLUDED.tier, wa_id = EXCLUDED.wa_id,
                       area_codes = EXCLUDED.area_codes, active = EXCLUDED.active,
                       updated_at = now()""",
                [_row(o) for o in changed],
            )
        if removed:
            await conn.execute("DELETE FROM api.officers WHERE officer_id = ANY($1)", removed)
            await conn.execute("DELETE FROM api.sign_in_codes WHERE officer_id = ANY($1)", removed)
        for officer_id in [*removed, *tier_changed]:
            await revoke_officer_tokens(conn, officer_id)
    change = ProjectedChange(len(changed), len(removed), len(tier_changed))
    if changed or removed:
        log.info("officers projected", extra=vars(change))
    return change
