"""The console's sign-in, the token kept in a session cookie (`session_cookie.py`):
POST /auth/session (an officer's WhatsApp code), POST /auth/session/token (a dashboard's
token, issued by an admin)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel

from contracts.clean_text import CleanText
from services.api.access.dependencies import principal_of, too_many
from services.api.access.roles import Role
from services.api.access.routes import VERIFY_RESPONSES, VerifyIn, exchange_code
from services.api.access.session_cookie import set_session_cookie
from services.api.access.sign_in_guard import client_ip
from services.api.context import ApiContext, api_context

router = APIRouter(tags=["auth"])


class SessionOut(BaseModel):
    role: Role
    officer_id: str | None
    expires_at: datetime | None = None


class TokenIn(BaseModel):
    token: Annotated[str, CleanText(max_length=200, strip=None)]


@router.post("/auth/session", response_model=SessionOut, responses=VERIFY_RESPONSES)
async def open_session(
    body: VerifyIn, request: Request, response: Response, ctx: ApiContext = Depends(api_context)
) -> SessionOut:
    """As /auth/verify, for the console (same origin): the token goes into an HttpOnly,
    SameSite=Strict session cookie and is not shown. Changes made with the cookie must
    carry the header `X-Matur-Console: 1`."""
    issued = await exchange_code(body, request, ctx)
    set_session_cookie(
        response,
        request,
        issued.token,
        int(ctx.settings.token_ttl_hours * 3600),
        ctx.settings.cookie_secure,
    )
    return SessionOut(
        role=issued.role, officer_id=issued.officer_id, expires_at=issued.expires_at
    )


@router.post("/auth/session/token", response_model=SessionOut, responses=VERIFY_RESPONSES)
async def open_dashboard_session(
    body: TokenIn, request: Request, response: Response, ctx: ApiContext = Depends(api_context)
) -> SessionOut:
    """A dashboard token (from an admin) kept in the console's session cookie: the console
    shows it counts only. Other tokens are refused here (401)."""
    wait = ctx.limiters.sign_in_ip.check(client_ip(request))
    if wait:
        raise too_many(wait)
    principal = await principal_of(body.token, ctx)
    if principal is None or principal.role is not Role.DASHBOARD:
        raise HTTPException(401, "Not a live dashboard token")
    set_session_cookie(
        response,
        request,
        body.token,
        int(ctx.settings.token_ttl_hours * 3600),
        ctx.settings.cookie_secure,
    )
    return SessionOut(role=principal.role, officer_id=None)
