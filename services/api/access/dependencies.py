"""FastAPI dependencies: authenticate the bearer token, rate-limit it, check the role."""

from __future__ import annotations

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.api.access.roles import Principal
from services.api.access.secrets import token_hash
from services.api.access.store import principal_for_token
from services.api.context import ApiContext, api_context

_bearer = HTTPBearer(auto_error=False, description="Token from /auth/verify or the tokens CLI")


def unauthorized(message: str = "Sign in first (Authorization: Bearer <token>)") -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def too_many(wait_s: float) -> HTTPException:
    return HTTPException(
        429, "Too many requests, try again later", headers={"Retry-After": str(int(wait_s) + 1)}
    )


async def current_principal(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    ctx: ApiContext = Depends(api_context),
) -> Principal:
    if credentials is None or not credentials.credentials:
        raise unauthorized()
    token = credentials.credentials
    if len(token) > 200 or not token.isascii():
        raise unauthorized("Invalid or expired token")
    key = token_hash(token)
    principal = ctx.principals.get(key)
    if principal is None:
        async with ctx.pool.acquire() as conn:
            principal = await principal_for_token(conn, token)
        if principal is not None:
            ctx.principals.put(key, principal)
    if principal is None:
        raise unauthorized("Invalid or expired token")
    wait = ctx.limiters.per_token.check(principal.token_id)
    if wait:
        raise too_many(wait)
    return principal


async def case_reader(principal: Principal = Depends(current_principal)) -> Principal:
    if not principal.can_read_cases:
        raise HTTPException(403, "This role has no access to cases")
    return principal


async def case_actor(principal: Principal = Depends(current_principal)) -> Principal:
    if not principal.can_act:
        raise HTTPException(403, "This role may not act on cases")
    return principal


async def admin_only(principal: Principal = Depends(current_principal)) -> Principal:
    if not principal.is_admin:
        raise HTTPException(403, "Only an admin may do this")
    return principal
