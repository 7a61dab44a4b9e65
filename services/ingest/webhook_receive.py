"""POST /webhook, step by step: an authentic JSON body of bounded size (else 4xx), its
events (`normalise.py`), and their durable publication (200 only once they are published,
see `durable_publish.py`; 503 otherwise, so that Meta retries)."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from services.ingest.metrics import (
    BATCH_SECONDS,
    EVENT_TYPES,
    EVENTS_PUBLISHED,
    REQUESTS,
    SIGNATURE_FAILURES,
)
from services.ingest.normalise import NormalisedBody, normalise_body
from services.ingest.runtime import IngestRuntime
from services.ingest.signature import SignatureCheck, check_signature

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


async def authentic_body(request: Request, runtime: IngestRuntime) -> bytes | JSONResponse:
    """The body, when it is JSON, small enough and signed with one of our app secrets;
    otherwise the answer that says why not (415, 400, 413, 401, 403)."""
    limit = runtime.settings.max_body_bytes
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() not in JSON_TYPES:
        return _error(415, "unsupported_media_type", "Content-Type must be application/json")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            return _error(400, "bad_request", "invalid Content-Length")
        if int(declared) > limit:
            return _error(413, "too_large", f"body over {limit} bytes")
    try:
        body = await read_body(request, limit)
    except BodyTooLarge:
        return _error(413, "too_large", f"body over {limit} bytes")
    check = check_signature(body, request.headers.get("x-hub-signature-256"), runtime.app_secrets)
    if check is not SignatureCheck.VALID:
        SIGNATURE_FAILURES.labels(check.value).inc()
        log.warning("webhook signature refused", extra={"reason": check.value})
        if check is SignatureCheck.MISSING:
            return _error(401, "signature_missing", "X-Hub-Signature-256 missing")
        return _error(403, "signature_invalid", "X-Hub-Signature-256 does not match")
    return body


def note_not_understood(normalised: NormalisedBody, body_bytes: int) -> None:
    if normalised.dead_letter_reason or normalised.rejected:
        log.warning(
            "authentic webhook not (fully) understood: dead-lettered",
            extra={
                "reason": normalised.dead_letter_reason
                or [r.reason for r in normalised.rejected[:5]],
                "rejected_items": len(normalised.rejected),
                "body_bytes": body_bytes,
            },
        )


def refusal(runtime: IngestRuntime, normalised: NormalisedBody) -> JSONResponse | None:
    """503 when publishing cannot work now: a link is down, or an earlier delivery of one of
    these events is still unconfirmed (in_doubt.py)."""
    down = runtime.not_connected()
    if down:
        log.warning("webhook refused: dependency not connected", extra={"down": down})
        return _error(503, "unavailable", f"not connected to {', '.join(down)}; retry")
    if runtime.in_doubt.any_of(e.message_id for e in normalised.events):
        log.info("webhook refused: an earlier attempt is still in flight to Kafka")
        return _error(503, "in_doubt", "an earlier delivery is still being confirmed; retry")
    return None


async def publish(runtime: IngestRuntime, normalised: NormalisedBody) -> JSONResponse:
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
        {"status": "ok", "published": len(result.published), "duplicates": len(result.duplicates)}
    )


async def receive_webhook(request: Request, runtime: IngestRuntime) -> Response:
    body = await authentic_body(request, runtime)
    if isinstance(body, Response):
        return body
    normalised = normalise_body(
        body, runtime.lines, datetime.now(UTC), runtime.settings.deadletter_body_max_bytes
    )
    note_not_understood(normalised, len(body))
    if not normalised.events:
        REQUESTS.labels("POST", "empty").inc()
        return JSONResponse({"status": "ok", "published": 0, "duplicates": 0})
    return refusal(runtime, normalised) or await publish(runtime, normalised)
