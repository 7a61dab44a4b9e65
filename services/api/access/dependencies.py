"""FastAPI dependencies: authenticate the bearer token (or the console's session cookie,
`session_cookie.py`), rate-limit it, check the role.

A route names the caller it accepts by the type of one parameter:

| alias | who gets through (others: 401 without a valid token, 403 for the wrong role) |
| --- | --- |
| `CurrentPrincipal` | anyone signed in |
| `CaseReader` | roles that read cases (officers, dashboards, systems) |
| `CaseActor` | roles that act on cases (officers, systems) |
| `AdminOnly` | admins |
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.api.access.roles import Principal
from services.api.access.secrets import token_hash
from services.api.access.session_cookie import CONSOLE_HEADER, cookie_token, unguarded_change
from services.api.access.store import principal_for_token
from services.api.context import ApiContext, Ctx

_bearer = HTTPBearer(auto_error=False, description="Token from /auth/verify or the tokens CLI")


def unauthorized(message: str = "Sign in first (Authorization: Bearer <token>)") -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def too_many(wait_s: float) -> HTTPException:
    return HTTPException(
        429, "Too many requests, try again later", headers={"Retry-After": str(int(wait_s) + 1)}
    )


async def principal_of(token: str, ctx: ApiContext) -> Principal | None:
    """The caller a token stands for (None: unknown, expired or revoked), rate-limited."""
    if len(token) > 200 or not token.isascii():
        return None
    key = token_hash(token)
    principal = ctx.principals.get(key)
    if principal is None:
        async with ctx.pool.acquire() as conn:
            principal = await principal_for_token(conn, token, ctx.officers.officer)
        if principal is not None:
            ctx.principals.put(key, principal)
    if principal is None:
        return None
    wait = ctx.limiters.per_token.check(principal.token_id)
    if wait:
        raise too_many(wait)
    return principal


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ctx: Ctx,
) -> Principal:
    """From the bearer token, else from the console's session cookie."""
    token = credentials.credentials if credentials is not None else None
    if not token:
        token = cookie_token(request)
        if token and unguarded_change(request):
            raise HTTPException(403, f"A change signed in by cookie needs {CONSOLE_HEADER}: 1")
    if not token:
        raise unauthorized()
    principal = await principal_of(token, ctx)
    if principal is None:
        raise unauthorized("Invalid or expired token")
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


async def case_reader(principal: CurrentPrincipal) -> Principal:
    if not principal.can_read_cases:
        raise HTTPException(403, "This role has no access to cases")
    return principal


async def case_actor(principal: CurrentPrincipal) -> Principal:
    if not principal.can_act:
        raise HTTPException(403, "This role may not act on cases")
    return principal


async def admin_only(principal: CurrentPrincipal) -> Principal:
    if not principal.is_admin:
        raise HTTPException(403, "Only an admin may do this")
    return principal


CaseReader = Annotated[Principal, Depends(case_reader)]
CaseActor = Annotated[Principal, Depends(case_actor)]
AdminOnly = Annotated[Principal, Depends(admin_only)]
