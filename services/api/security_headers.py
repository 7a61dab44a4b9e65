"""The security headers of every API response (JSON, CSV, the console's pages, /docs),
set in one place: a pure ASGI middleware, so that streamed answers (the SSE stream, CSV)
pass through untouched. A response that sets one of them itself keeps its own.

- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (a case's address
  never leaves with a link), `X-Frame-Options: DENY` and `frame-ancestors 'none'` (no
  page of the API inside another site's frame);
- a Content-Security-Policy: for HTML (the console, /docs) scripts, styles, images and
  connections from this origin only (no inline script: the console's scripts and the
  docs' start-up are files under /console/static and /docs-assets); for everything else
  nothing at all may load (`default-src 'none'`).
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HTML_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; media-src 'self' data:; font-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'"

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def add_security_headers(headers: MutableHeaders) -> None:
    for name, value in COMMON_HEADERS.items():
        headers.setdefault(name, value)
    html = headers.get("content-type", "").startswith("text/html")
    headers.setdefault("Content-Security-Policy", HTML_POLICY if html else OTHER_POLICY)


def _adding_headers(send: Send) -> Send:
    """`send`, adding the headers to the start of the response."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            add_security_headers(MutableHeaders(scope=message))
        await send(message)

    return send_with_headers


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, _adding_headers(send) if scope["type"] == "http" else send)
