"""The sandbox's own controls under `/sandbox/*`: what it recorded, failures to answer,
simulated citizens writing in, webhooks on request, media, reset."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from services.sandbox.failure_plan import FailureRule
from services.sandbox.graph_errors import GraphError
from services.sandbox.identities import recipient_key
from services.sandbox.inbound_request import FailureRequest, InboundRequest
from services.sandbox.simulated_inbound import handle_inbound
from services.sandbox.state import Sandbox


def graph_error(error: GraphError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.http_status)


def control_router(sandbox: Sandbox) -> APIRouter:
    router = APIRouter(prefix="/sandbox", tags=["sandbox controls"])
    _send_log_and_failures(router, sandbox)
    _citizens_and_webhooks(router, sandbox)
    return router


def _send_log_and_failures(router: APIRouter, sandbox: Sandbox) -> None:
    """What the sandbox recorded of the Graph API calls, and the failures it must answer."""

    @router.get("/messages")
    async def list_messages(
        to: str | None = None,
        phone_number_id: str | None = None,
        since: float | None = Query(default=None, description="Unix seconds"),
        accepted: bool | None = None,
    ) -> dict[str, Any]:
        records = sandbox.sends.query(
            to=to, phone_number_id=phone_number_id, since=since, accepted=accepted
        )
        return {"messages": [r.as_dict() for r in records], "count": len(records)}

    @router.delete("/messages")
    async def clear_messages() -> dict[str, Any]:
        return {"cleared": sandbox.sends.clear()}

    @router.post("/failures")
    async def add_failure(req: FailureRequest) -> dict[str, Any]:
        rule = FailureRule(
            code=req.code, remaining=req.count, phone_number_id=req.phone_number_id,
            to=recipient_key(req.to) if req.to else None, is_async=req.is_async,
            details=req.details,
        )
        sandbox.failures.add(rule)
        return {"failures": [r.as_dict() for r in sandbox.failures.rules()]}

    @router.get("/failures")
    async def list_failures() -> dict[str, Any]:
        return {"failures": [r.as_dict() for r in sandbox.failures.rules()]}

    @router.delete("/failures")
    async def clear_failures() -> dict[str, Any]:
        sandbox.failures.clear()
        return {"failures": []}


def _citizens_and_webhooks(router: APIRouter, sandbox: Sandbox) -> None:
    """Simulated citizens' messages, any webhook delivered on request, what was delivered,
    media bytes, and a reset of everything."""

    @router.post("/inbound")
    async def inbound(req: InboundRequest, request: Request) -> dict[str, Any]:
        return await handle_inbound(sandbox, req, str(request.base_url))

    @router.post("/deliver")
    async def deliver(request: Request, attempts: int | None = None) -> dict[str, Any]:
        """Sign and POST any webhook body (e.g. a sample file) as Meta would."""
        payload = json.loads(await request.body())
        result = await sandbox.sender.deliver(payload, kind="raw", attempts=attempts)
        sandbox.note_webhook("raw", None, None, result)
        return {"status_code": result.status_code, "attempts": result.attempts,
                "delivered": result.delivered, "error": result.error}

    @router.get("/webhooks")
    async def webhooks(since: float | None = None) -> dict[str, Any]:
        items = [w for w in list(sandbox.webhooks) if since is None or w["time"] >= since]
        return {"webhooks": items, "pending": sandbox.pending}

    @router.post("/reset")
    async def reset() -> dict[str, Any]:
        sandbox.clear()
        sandbox.citizens.clear()
        sandbox.webhooks.clear()
        return {"reset": True}

    @router.get("/media/{media_id}")
    async def media_bytes(media_id: str, request: Request) -> Response:
        try:
            sandbox.check_token(request)
        except GraphError as error:
            return graph_error(error)
        media = sandbox.media.get(media_id)
        if media is None:
            return Response(status_code=404)
        return Response(media.data, media_type=media.mime_type)
