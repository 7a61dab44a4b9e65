"""The console's session: the token from `POST /auth/session`, kept in a cookie the page's
scripts cannot read (HttpOnly), that the browser sends to this origin only and never from
another site (SameSite=Strict), over https only when the request came over https
(directly, or through a proxy in MATUR_API_TRUSTED_PROXIES) or when
MATUR_API_COOKIE_SECURE says so. The token never appears in a URL.

A change made with the cookie (any method but GET/HEAD/OPTIONS) must also carry the
header `X-Matur-Console: 1`: a form another page posts cannot set it, so even a request
from a sibling site (which SameSite lets through) is refused.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "matur_session"
CONSOLE_HEADER = "X-Matur-Console"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_TOKEN_CHARS = 200


def cookie_token(request: Request) -> str | None:
    token = request.cookies.get(SESSION_COOKIE)
    return token if token and len(token) <= MAX_TOKEN_CHARS and token.isascii() else None


def unguarded_change(request: Request) -> bool:
    """A cookie-authenticated change without the console's header."""
    return request.method not in SAFE_METHODS and request.headers.get(CONSOLE_HEADER) != "1"


def _secure(request: Request, always_secure: bool) -> bool:
    return always_secure or request.url.scheme == "https"


def set_session_cookie(
    response: Response, request: Request, token: str, max_age_s: int, always_secure: bool
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_age_s,
        path="/",
        httponly=True,
        samesite="strict",
        secure=_secure(request, always_secure),
    )


def clear_session_cookie(response: Response, request: Request, always_secure: bool) -> None:
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="strict",
        secure=_secure(request, always_secure),
    )
