"""Rendering console pages: the Jinja2 templates (autoescaped), the names and times they
show, and no caching of case data (the Content-Security-Policy and the other security
headers are set for every response by `services/api/security_headers.py`)."""

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

# The security headers (Content-Security-Policy and the others) are every response's:
# services/api/security_headers.py. A page with case data is never cached.
PAGE_HEADERS = {"Cache-Control": "no-store"}

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
    response.headers.update(PAGE_HEADERS)
    return response


def notice(
    request: Request, viewer: Principal | None, status_code: int, title: str, text: str
) -> HTMLResponse:
    """A page that only says something (not found, not for this role)."""
    return page(request, "notice.html", viewer, status_code, title=title, text=text)
