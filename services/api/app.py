"""The api service's HTTP app (placeholder until its issue lands: health only)."""

from __future__ import annotations

from fastapi import FastAPI

from servicekit.health import health_router


async def _ready() -> dict[str, bool]:
    return {"placeholder": True}


def create_app() -> FastAPI:
    app = FastAPI(title="Matur api")
    app.include_router(health_router("api", _ready))
    return app
