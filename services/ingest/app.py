"""The ingest service's HTTP app: Meta's webhook in, Kafka events out.

GET /webhook answers the verification handshake; POST /webhook checks size, content type
and signature, normalises the body into contracts events, and answers 200 only once they
are durably published (see webhook_receive.py and durable_publish.py), 503 otherwise so
Meta retries.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from servicekit.health import health_router
from services.ingest.metrics import REQUESTS
from services.ingest.runtime import IngestRuntime
from services.ingest.settings import IngestSettings
from services.ingest.signature import verify_token_matches
from services.ingest.webhook_receive import receive_webhook

log = logging.getLogger(__name__)


def create_app(settings: IngestSettings | None = None) -> FastAPI:
    runtime = IngestRuntime(settings or IngestSettings())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await runtime.start()
        yield
        await runtime.stop()

    app = FastAPI(title="Matur ingest", lifespan=lifespan)
    app.include_router(health_router("ingest", runtime.readiness))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, err: Exception) -> JSONResponse:
        log.error("unexpected error", extra={"error": type(err).__name__})
        return JSONResponse({"error": "internal error"}, status_code=500)

    @app.get("/webhook")
    async def verify(request: Request) -> Response:
        """Meta's handshake: echo `hub.challenge` when the verify token matches."""
        query = request.query_params
        challenge = query.get("hub.challenge")
        if (
            query.get("hub.mode") == "subscribe"
            and challenge is not None
            and verify_token_matches(query.get("hub.verify_token"), runtime.verify_token)
        ):
            REQUESTS.labels("GET", "verified").inc()
            return PlainTextResponse(challenge)
        REQUESTS.labels("GET", "refused").inc()
        log.warning("webhook verification refused")
        return JSONResponse({"error": "verification failed"}, status_code=403)

    @app.post("/webhook")
    async def receive(request: Request) -> Response:
        return await receive_webhook(request, runtime)

    return app
