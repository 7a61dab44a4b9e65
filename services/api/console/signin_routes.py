"""GET /console (to the board) and GET /console/masuk, the sign-in page; the sign-in
itself is the API's (`/auth/request-code`, `/auth/session`), called by static/signin.js."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from services.api.console.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/console")
async def console_home() -> RedirectResponse:
    return RedirectResponse("/console/papan", status_code=303)


@router.get("/console/masuk", response_class=HTMLResponse)
async def sign_in_page(request: Request) -> HTMLResponse:
    return page(request, "signin.html", None)
