"""What guards sign-in besides the code itself:

- **the client's address** for the per-address limit: the connection's peer, or what
  `X-Forwarded-For` says only when the peer is one of MATUR_API_TRUSTED_PROXIES (none by
  default). `trust_forwarded_headers` gives the app uvicorn's own proxy-headers middleware
  with that list; the server must not apply its own (`servicekit.serve` does not), so a
  client can never choose the address it is counted under;
- **wrong codes per officer per day** across codes (`api.sign_in_failures`): asking for a
  new code does not reset the count;
- **alike answers**: the same status and body for unknown officers as for known ones, and
  no answer sooner than MATUR_API_SIGNIN_ANSWER_S, so that the time does not tell either.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Protocol

from fastapi import FastAPI, Request
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

LOCKED_RETRY_S = 3600  # Retry-After once an officer's wrong codes of the day are used up


class SignInIdentity(Protocol):
    officer_id: str | None
    wa_id: str | None


def trust_forwarded_headers(app: FastAPI, trusted_proxies: list[str]) -> None:
    """`app` reads X-Forwarded-For/-Proto only from `trusted_proxies` (addresses or CIDR
    networks; an empty list trusts no one): the client's address and scheme (https for
    the session cookie's Secure flag) come from the peer otherwise."""
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=trusted_proxies)


def client_ip(request: Request) -> str:
    """The address a sign-in is counted under (see the module's docstring)."""
    return request.client.host if request.client else "unknown"


def subject_of(officer_id: str | None, who: SignInIdentity) -> str:
    """What sign-in limits count under: the officer, however he is named; for an unknown
    officer, what was asked for (so that unknown ones are limited alike)."""
    return officer_id if officer_id else f"?{who.officer_id}:{who.wa_id}"


@contextlib.asynccontextmanager
async def even_answer_time(at_least_s: float) -> AsyncIterator[None]:
    """The block's answer (or exception) leaves no sooner than `at_least_s` after it
    began."""
    started = time.monotonic()
    try:
        yield
    finally:
        rest = at_least_s - (time.monotonic() - started)
        if rest > 0:
            await asyncio.sleep(rest)
