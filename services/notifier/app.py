"""The notifier service's HTTP app: health, readiness and metrics; the runtime runs in its
lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from servicekit.health import health_router
from services.notifier.runtime import NotifierRuntime
from services.notifier.settings import NotifierSettings


def create_app(settings: NotifierSettings | None = None) -> FastAPI:
    runtime = NotifierRuntime(settings or NotifierSettings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        starting = asyncio.create_task(runtime.start())
        try:
            yield
        finally:
            await runtime.stop()
            starting.cancel()
            await asyncio.gather(starting, return_exceptions=True)

    app = FastAPI(title="Matur notifier", lifespan=lifespan)
    app.state.runtime = runtime
    app.include_router(health_router("notifier", runtime.readiness))
    return app
