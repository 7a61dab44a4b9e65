"""The sandbox Graph API: Meta's `/messages` and media endpoints (`graph_routes.py`,
`graph_sends.py`), plus `/sandbox/*` controls (`control_routes.py`), over one `Sandbox`
state (`state.py`)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from servicekit.health import health_router
from servicekit.logging_setup import register_secret
from services.sandbox.control_routes import control_router
from services.sandbox.graph_routes import graph_router
from services.sandbox.settings import SandboxSettings
from services.sandbox.state import Sandbox

log = logging.getLogger(__name__)


def create_app(settings: SandboxSettings | None = None) -> FastAPI:
    settings = settings or SandboxSettings()
    register_secret(settings.access_token.get_secret_value())
    register_secret(settings.app_secret.get_secret_value())
    sandbox = Sandbox(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await sandbox.start()
        log.info("sandbox graph api ready", extra={"webhook_url": settings.webhook_url})
        try:
            yield
        finally:
            await sandbox.stop()

    async def ready() -> dict[str, bool]:
        return {"webhook_sender": sandbox.started}

    app = FastAPI(title="Matur sandbox WhatsApp Graph API", lifespan=lifespan)
    app.state.sandbox = sandbox
    app.include_router(health_router("sandbox", ready))
    app.include_router(control_router(sandbox))
    app.include_router(graph_router(sandbox))
    return app
