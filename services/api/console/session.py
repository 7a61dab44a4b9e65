"""Who is looking at a console page: the holder of the session cookie (`POST
/auth/session`), else the page answers with the sign-in page instead."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.api.access.dependencies import principal_of
from services.api.access.roles import OFFICER_ROLES, Principal
from services.api.access.session_cookie import cookie_token
from services.api.context import Ctx

SIGN_IN_PATH = "/console/masuk"


class SignInRequired(Exception):
    """No valid session: the handler in `mounting.py` redirects to the sign-in page."""


async def console_viewer(request: Request, ctx: Ctx) -> Principal:
    token = cookie_token(request)
    principal = await principal_of(token, ctx) if token else None
    if principal is None or not principal.can_read_cases:
        raise SignInRequired
    return principal


Viewer = Annotated[Principal, Depends(console_viewer)]


def is_officer(principal: Principal) -> bool:
    """Officers see cases and act on them; a dashboard sees counts only."""
    return principal.role in OFFICER_ROLES
