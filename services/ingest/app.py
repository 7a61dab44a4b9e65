"""The ingest service's HTTP app: Meta's webhook in, Kafka events out.

GET /webhook answers the verification handshake; POST /webhook checks size, content type
and signature, normalises the body into contracts events, and answers 200 only once they
are durably published (see durable_publish.py), 503 otherwise so Meta retries.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from servicekit.health import health_router
from services.ingest.metrics import (
    BATCH_SECONDS,
    EVENT_TYPES,
    EVENTS_PUBLISHED,
    REQUESTS,
    SIGNATURE_FAILURES,
)
from services.ingest.normalise import normalise_body
from services.ingest.runtime import IngestRuntime
from services.ingest.settings import IngestSettings
from services.ingest.signature import SignatureCheck, check_signature, verify_token_matches

log = logging.getLogger(__name__)

JSON_TYPES = ("application/json",)


def _error(status: int, outcome: str, message: str) -> JSONResponse:
    REQUESTS.labels("POST", outcome).inc()
    return JSONResponse({"error": message}, status_code=status)


class BodyTooLarge(Exception):
    pass


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused as soon as it grows past `limit` (whatever Content-Length said)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(settings: IngestSettings | None = None) -> FastAPI:
    runtime = IngestRuntime(settings or IngestSettings())
    settings = runtime.settings

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
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() not in JSON_TYPES:
            return _error(415, "unsupported_media_type", "Content-Type must be application/json")
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return _error(400, "bad_request", "invalid Content-Length")
            if int(declared) > settings.max_body_bytes:
                return _error(413, "too_large", f"body over {settings.max_body_bytes} bytes")
        try:
            body = await read_body(request, settings.max_body_bytes)
        except BodyTooLarge:
            return _error(413, "too_large", f"body over {settings.max_body_bytes} bytes")

        check = check_signature(
            body, request.headers.get("x-hub-signature-256"), runtime.app_secrets
        )
        if check is not SignatureCheck.VALID:
            SIGNATURE_FAILURES.labels(check.value).inc()
            log.warning("webhook signature refused", extra={"reason": check.value})
            if check is SignatureCheck.MISSING:
                return _error(401, "signature_missing", "X-Hub-Signature-256 missing")
            return _error(403, "signature_invalid", "X-Hub-Signature-256 does not match")

        received_at = datetime.now(UTC)
        normalised = normalise_body(
            body, runtime.lines, received_at, settings.deadletter_body_max_bytes
        )
        if normalised.dead_letter_reason or normalised.rejected:
            log.warning(
                "authentic webhook not (fully) understood: dead-lettered",
                extra={
                    "reason": normalised.dead_letter_reason
                    or [r.reason for r in normalised.rejected[:5]],
                    "rejected_items": len(normalised.rejected),
                    "body_bytes": len(body),
                },
            )
        if not normalised.events:
            REQUESTS.labels("POST", "empty").inc()
            return JSONResponse({"status": "ok", "published": 0, "duplicates": 0})

        down = runtime.not_connected()
        if down:
            log.warning("webhook refused: dependency not connected", extra={"down": down})
            return _error(503, "unavailable", f"not connected to {', '.join(down)}; retry")
        if runtime.in_doubt.any_of(e.message_id for e in normalised.events):
            log.info("webhook refused: an earlier attempt is still in flight to Kafka")
            return _error(503, "in_doubt", "an earlier delivery is still being confirmed; retry")
        started = time.perf_counter()
        try:
            result = await runtime.publish(normalised.events)
        except Exception as err:
            log.warning(
                "webhook not published: answering 503 so Meta retries",
                extra={"error": type(err).__name__, "events": len(normalised.events)},
            )
            return _error(503, "unavailable", "could not publish durably; retry")
        BATCH_SECONDS.observe(time.perf_counter() - started)
        for event in result.published:
            EVENTS_PUBLISHED.labels(EVENT_TYPES.get(event.topic.name, event.topic.name)).inc()
        outcome = "deadlettered" if normalised.dead_letter_reason else "accepted"
        if not result.published and result.duplicates:
            outcome = "duplicate"
        REQUESTS.labels("POST", outcome).inc()
        log.debug(
            "webhook published",
            extra={"published": len(result.published), "duplicates": len(result.duplicates)},
        )
        return JSONResponse(
            {
                "status": "ok",
                "published": len(result.published),
                "duplicates": len(result.duplicates),
            }
        )

    return app
