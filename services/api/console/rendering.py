"""Rendering console pages: the Jinja2 templates (autoescaped), the names and times they
show, and the headers every page carries (no caching of case data, scripts and styles
from this origin only, no referrer leaving with a case's address)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from services.api.access.roles import Principal
from services.api.console import labels
from services.api.console.clock import countdown_text, duration_text, wib_text
from services.api.console.session import is_officer

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; media-src 'self' data:; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'self'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}

templates = Jinja2Templates(directory=TEMPLATE_DIR)
templates.env.globals.update(
    labels=labels,
    label=labels.label,
    wib=wib_text,
    duration=duration_text,
    countdown=countdown_text,
    is_officer=is_officer,
)


def page(
    request: Request,
    name: str,
    viewer: Principal | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    response = templates.TemplateResponse(
        request, name, {"viewer": viewer, **context}, status_code=status_code
    )
    response.headers.update(SECURITY_HEADERS)
    return response


def notice(
    request: Request, viewer: Principal | None, status_code: int, title: str, text: str
) -> HTMLResponse:
    """A page that only says something (not found, not for this role)."""
    return page(request, "notice.html", viewer, status_code, title=title, text=text)
