"""Admin CLI for tokens of systems, dashboards and the first admin.

    python -m services.api.tokens issue --role system --scope 35.22.01 --name sispolri
    python -m services.api.tokens issue --role admin --name first-admin
    python -m services.api.tokens revoke tok_0123456789abcdef

The token is printed once, on stdout; only its hash is stored.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import timedelta

import asyncpg

from services.api.access.roles import OFFICER_ROLES, Role, area_level
from services.api.access.store import IssuedToken, issue_token, revoke_token
from services.api.database import migrate
from services.api.settings import ApiSettings

CLI_ROLES = [r.value for r in Role if r not in OFFICER_ROLES]


async def issue(
    settings: ApiSettings,
    role: Role,
    name: str,
    scope: tuple[str, ...],
    days: float,
    reveal_reporter: bool = False,
) -> IssuedToken:
    conn = await asyncpg.connect(settings.database_url.get_secret_value())
    try:
        await migrate(conn, settings.projection_schema)
        return await issue_token(
            conn, role, name, timedelta(days=days), scope=scope, reveal_reporter=reveal_reporter
        )
    finally:
        await conn.close()


async def revoke(settings: ApiSettings, token_id: str) -> bool:
    conn = await asyncpg.connect(settings.database_url.get_secret_value())
    try:
        return await revoke_token(conn, token_id)
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.api.tokens")
    sub = parser.add_subparsers(dest="command", required=True)
    p_issue = sub.add_parser("issue", help="issue a token and print it")
    p_issue.add_argument("--role", required=True, choices=CLI_ROLES)
    p_issue.add_argument("--name", required=True, help="who holds it, e.g. sispolri")
    p_issue.add_argument(
        "--scope", action="append", default=[], help="area code (repeatable), e.g. 35.22.01"
    )
    p_issue.add_argument("--days", type=float, default=90.0, help="lifetime in days")
    p_issue.add_argument(
        "--reveal-reporter", action="store_true", help="system only: show reporters unmasked"
    )
    p_revoke = sub.add_parser("revoke", help="revoke a token by its id")
    p_revoke.add_argument("token_id")
    args = parser.parse_args(argv)
    settings = ApiSettings()
    if args.command == "revoke":
        ok = asyncio.run(revoke(settings, args.token_id))
        print("revoked" if ok else "no such live token", file=sys.stderr)
        return 0 if ok else 1
    role = Role(args.role)
    scope = tuple(args.scope)
    for code in scope:
        try:
            area_level(code)
        except ValueError as exc:
            parser.error(str(exc))
    if role in (Role.SYSTEM, Role.DASHBOARD) and not scope:
        scope = (settings.regency_code,)
    issued = asyncio.run(
        issue(settings, role, args.name, scope, args.days, args.reveal_reporter)
    )
    print(
        f"token_id={issued.token_id} role={issued.role.value} scope={','.join(scope) or '-'} "
        f"expires_at={issued.expires_at.isoformat()}",
        file=sys.stderr,
    )
    print(issued.token)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
