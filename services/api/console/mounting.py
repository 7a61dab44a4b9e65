"""Everything the console adds to the API app: its pages, its static files, the
redirect to the sign-in page, and the offline /docs."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from services.api.console import board_routes, case_routes, signin_routes, stats_routes
from services.api.console.rendering import STATIC_DIR
from services.api.console.session import SIGN_IN_PATH, SignInRequired
from services.api.console.swagger import add_offline_docs


async def _to_sign_in(request: Request, exc: Exception) -> Response:
    return RedirectResponse(SIGN_IN_PATH, status_code=303)


def mount_console(app: FastAPI) -> None:
    for routes in (signin_routes, board_routes, case_routes, stats_routes):
        app.include_router(routes.router)
    app.mount("/console/static", StaticFiles(directory=STATIC_DIR), name="console-static")
    app.add_exception_handler(SignInRequired, _to_sign_in)
    add_offline_docs(app)
