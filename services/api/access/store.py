"""SQL of tokens, sign-in codes and the officers (schema `api`).

`api.officers` is a projection of the officer directory (`directory.officers`), written
only by `services/api/directory/officer_projection.py`; the caller's scope is read from
the directory itself (`principal_for_token`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import asyncpg

from contracts.roster import Officer
from services.api.access.roles import OFFICER_ROLES, Principal, Role
from services.api.access.secrets import (
    code_hash,
    code_matches,
    new_salt,
    new_token,
    new_token_id,
    token_hash,
)
from services.api.database import Conn


@dataclass(frozen=True)
class IssuedToken:
    token: str
    token_id: str
    role: Role
    expires_at: datetime


@dataclass(frozen=True)
class OfficerRecord:
    officer_id: str
    name: str
    rank: str | None
    tier: str
    wa_id: str
    area_codes: tuple[str, ...]
    active: bool


def _officer(row: asyncpg.Record) -> OfficerRecord:
    return OfficerRecord(
        row["officer_id"],
        row["name"],
        row["rank"],
        row["tier"],
        row["wa_id"],
        tuple(row["area_codes"]),
        row["active"],
    )


async def issue_token(
    conn: Conn,
    role: Role,
    name: str,
    ttl: timedelta,
    officer_id: str | None = None,
    scope: tuple[str, ...] = (),
    reveal_reporter: bool = False,
) -> IssuedToken:
    token, token_id = new_token(), new_token_id()
    expires_at = datetime.now(UTC) + ttl
    await conn.execute(
        """INSERT INTO api.tokens (token_id, token_hash, role, name, officer_id, scope,
                                   reveal_reporter, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
        token_id,
        token_hash(token),
        role.value,
        name,
        officer_id,
        list(scope),
        reveal_reporter,
        expires_at,
    )
    return IssuedToken(token, token_id, role, expires_at)


async def principal_for_token(
    conn: Conn, token: str, officer: Callable[[str], Officer | None]
) -> Principal | None:
    """The caller a live token stands for. An officer's scope is his current areas in the
    officer directory (`officer(id)`: its latest snapshot), so a change applies at once;
    an inactive or removed officer has no access."""
    row = await conn.fetchrow(
        """SELECT token_id, role, name, officer_id, scope, reveal_reporter FROM api.tokens
            WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()""",
        token_hash(token),
    )
    if row is None:
        return None
    role = Role(row["role"])
    if role in OFFICER_ROLES:
        found = officer(row["officer_id"]) if row["officer_id"] else None
        if found is None or not found.active:
            return None
        scope, name = found.area_codes, found.name
    else:
        scope, name = tuple(row["scope"]), row["name"]
    return Principal(
        token_id=row["token_id"],
        role=role,
        name=name,
        officer_id=row["officer_id"],
        scope=scope,
        reveal_reporter=row["reveal_reporter"],
    )


async def revoke_token(conn: Conn, token_id: str) -> bool:
    status = await conn.execute(
        "UPDATE api.tokens SET revoked_at = now() WHERE token_id = $1 AND revoked_at IS NULL",
        token_id,
    )
    return status != "UPDATE 0"


async def revoke_officer_tokens(conn: Conn, officer_id: str) -> int:
    status = await conn.execute(
        "UPDATE api.tokens SET revoked_at = now() WHERE officer_id = $1 AND revoked_at IS NULL",
        officer_id,
    )
    return int(status.rsplit(" ", 1)[-1])


async def find_officer(
    conn: Conn, officer_id: str | None = None, wa_id: str | None = None
) -> OfficerRecord | None:
    if officer_id:
        row = await conn.fetchrow("SELECT * FROM api.officers WHERE officer_id = $1", officer_id)
    elif wa_id:
        row = await conn.fetchrow(
            "SELECT * FROM api.officers WHERE wa_id = $1 ORDER BY officer_id LIMIT 1",
            wa_id.lstrip("+"),
        )
    else:
        return None
    return _officer(row) if row else None


async def list_officers(conn: Conn) -> list[OfficerRecord]:
    return [_officer(r) for r in await conn.fetch("SELECT * FROM api.officers ORDER BY officer_id")]


async def store_code(conn: Conn, officer_id: str, code: str, ttl_s: int) -> None:
    """Replace the officer's pending code (only its salted hash is kept)."""
    salt = new_salt()
    await conn.execute(
        """INSERT INTO api.sign_in_codes (officer_id, salt, code_hash, expires_at)
           VALUES ($1, $2, $3, now() + make_interval(secs => $4))
           ON CONFLICT (officer_id) DO UPDATE SET salt = EXCLUDED.salt,
               code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
               attempts = 0, created_at = now()""",
        officer_id,
        salt,
        code_hash(salt, officer_id, code),
        float(ttl_s),
    )


async def consume_code(
    conn: Conn, officer_id: str, code: str, max_attempts: int
) -> bool:
    """Whether `code` is the officer's live code. A right code is used up; a wrong one
    counts an attempt, and the code dies after `max_attempts` wrong ones."""
    async with conn.transaction():
        row = await conn.fetchrow(
            """SELECT salt, code_hash, attempts, expires_at > now() AS live
                 FROM api.sign_in_codes WHERE officer_id = $1 FOR UPDATE""",
            officer_id,
        )
        if row is None or not row["live"] or row["attempts"] >= max_attempts:
            return False
        if code_matches(bytes(row["salt"]), officer_id, code, bytes(row["code_hash"])):
            await conn.execute("DELETE FROM api.sign_in_codes WHERE officer_id = $1", officer_id)
            return True
        await conn.execute(
            "UPDATE api.sign_in_codes SET attempts = attempts + 1 WHERE officer_id = $1",
            officer_id,
        )
        return False


async def live_tokens(conn: Conn) -> list[asyncpg.Record]:
    """Tokens not revoked nor expired (never the token itself: only its id)."""
    return await conn.fetch(
        """SELECT token_id, role, name, officer_id, scope, reveal_reporter, issued_at,
                  expires_at
             FROM api.tokens WHERE revoked_at IS NULL AND expires_at > now()
            ORDER BY issued_at DESC LIMIT 1000"""
    )


async def recent_failures(conn: Conn, subject: str) -> int:
    """Wrong codes tried for `subject` (an officer id) in the last 24 hours."""
    return int(
        await conn.fetchval(
            """SELECT count(*) FROM api.sign_in_failures
                WHERE subject = $1 AND at > now() - interval '1 day'""",
            subject,
        )
    )


async def record_failure(conn: Conn, subject: str) -> None:
    """One more wrong code for `subject`; rows older than a day go."""
    await conn.execute("DELETE FROM api.sign_in_failures WHERE at <= now() - interval '1 day'")
    await conn.execute("INSERT INTO api.sign_in_failures (subject) VALUES ($1)", subject)
