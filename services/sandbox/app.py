"""The sandbox Graph API: Meta's `/messages` and media endpoints, plus `/sandbox/*` controls."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import Counter

from servicekit.health import health_router
from servicekit.logging_setup import register_secret
from services.sandbox.citizens import CitizenDirectory
from services.sandbox.failure_plan import FailurePlan, FailureRule
from services.sandbox.graph_errors import GraphError, token_error
from services.sandbox.identities import bsuid_for_phone, new_wamid, recipient_key
from services.sandbox.inbound_request import FailureRequest, InboundRequest
from services.sandbox.lines import display_numbers, fallback_display_number
from services.sandbox.media_store import MediaStore, tiny_png
from services.sandbox.send_log import SendLog, SendRecord
from services.sandbox.send_validation import SendRequest, parse_send
from services.sandbox.settings import SandboxSettings
from services.sandbox.status_plan import PlannedStatus, plan_statuses
from services.sandbox.webhook_bodies import (
    Citizen,
    InboundSpec,
    Line,
    inbound_body,
    status_body,
    status_item,
)
from services.sandbox.webhook_delivery import WEBHOOKS, DeliveryResult, WebhookSender

log = logging.getLogger(__name__)

GRAPH_REQUESTS = Counter(
    "sandbox_graph_requests_total", "Graph API /messages calls by outcome and error code",
    ["outcome", "code"],
)
# Status deliveries waiting or running; beyond this (a stopped receiver under load) new
# messages get no status webhooks rather than unbounded memory.
MAX_PENDING_STATUS_DELIVERIES = 10_000
_VERSION = re.compile(r"^v\d+\.\d+$")


class Sandbox:
    """The sandbox's state: what it received, what it must fail, who wrote to it."""

    def __init__(self, settings: SandboxSettings) -> None:
        self.settings = settings
        self.sends = SendLog(settings.record_limit)
        self.failures = FailurePlan()
        self.citizens = CitizenDirectory()
        self.media = MediaStore()
        self.webhooks: deque[dict[str, Any]] = deque(maxlen=10_000)
        self._display = display_numbers(settings.roster_path())
        self._sender: WebhookSender | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._status_slots = asyncio.Semaphore(64)

    # lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        s = self.settings
        self._sender = WebhookSender(
            s.webhook_url, s.app_secret.get_secret_value(), attempts=s.webhook_attempts,
            retry_delay=s.webhook_retry_delay, timeout=s.webhook_timeout,
        )

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._sender is not None:
            await self._sender.aclose()

    @property
    def sender(self) -> WebhookSender:
        if self._sender is None:
            raise RuntimeError("sandbox not started")
        return self._sender

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def line(self, phone_number_id: str) -> Line:
        display = self._display.get(phone_number_id) or fallback_display_number(phone_number_id)
        return Line(phone_number_id, display, self.settings.waba_id)

    def check_token(self, request: Request) -> None:
        given = request.headers.get("authorization", "")
        token = given[7:].strip() if given.lower().startswith("bearer ") else ""
        token = token or request.query_params.get("access_token", "")
        expected = self.settings.access_token.get_secret_value()
        if not token or not hmac.compare_digest(token.encode(), expected.encode()):
            raise token_error()

    # Graph API ---------------------------------------------------------------------------
    async def handle_send(self, version: str, phone_number_id: str, raw: bytes,
                          request: Request) -> tuple[int, dict[str, Any]]:
        body: Any = None
        req: SendRequest | None = None
        wamid: str | None = None
        try:
            self.check_token(request)
            if not _VERSION.match(version):
                raise GraphError(100, f"Unknown path components: /{version}/{phone_number_id}"
                                      "/messages", message="(#100) Unknown path components")
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                raise GraphError(100, "Request body is not valid JSON.",
                                 message="(#100) Invalid parameter") from None
            req = parse_send(body, self.settings.country_code)
            if req.kind == "read":
                status, response = 200, {"success": True}
            else:
                wamid, response = self._accept(version, phone_number_id, req, body)
                status = 200
            GRAPH_REQUESTS.labels("accepted", "").inc()
        except GraphError as error:
            status, response = error.http_status, error.body()
            GRAPH_REQUESTS.labels("refused", str(error.code)).inc()
        self.sends.add(SendRecord(
            seq=self.sends.next_seq(), time=time.time(), phone_number_id=phone_number_id,
            version=version, body=body, http_status=status, response=response, wamid=wamid,
            to=(req.wa_id or req.user_id) if req else None,
            type=("read" if req.kind == "read" else req.type) if req else None,
            accepted=status == 200,
        ))
        return status, response

    def _accept(self, version: str, phone_number_id: str, req: SendRequest,
                body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        line = self.line(phone_number_id)
        if req.wa_id and req.wa_id == line.display_phone_number:
            raise GraphError(131021)
        rule = self.failures.take(phone_number_id, req.wa_id or req.user_id)
        if rule is not None and not rule.is_async:
            raise GraphError(rule.code, rule.details)
        recipient = self.citizens.recipient(req.wa_id, req.user_id)
        window_open = self.citizens.window_open(phone_number_id, recipient)
        failure: tuple[int, str | None] | None = (rule.code, rule.details) if rule else None
        if (failure is None and self.settings.enforce_window and req.is_free_form
                and not window_open):
            if not self.settings.window_error_async:
                raise GraphError(131047)
            failure = (131047, None)
        wamid = new_wamid(req.wa_id or req.user_id)
        contact: dict[str, Any] = {"input": req.to_input}
        if req.wa_id:
            contact["wa_id"] = req.wa_id
        else:
            contact["user_id"] = req.user_id
        message: dict[str, Any] = {"id": wamid}
        if req.is_template:
            message["message_status"] = "accepted"
        response = {"messaging_product": "whatsapp", "contacts": [contact],
                    "messages": [message]}
        if failure is not None or self.settings.auto_statuses:
            planned = plan_statuses(
                req.type, version, wamid, window_open=window_open,
                auto_read=self.settings.auto_read,
                failure_code=failure[0] if failure else None,
                failure_details=failure[1] if failure else None,
            )
            callback = body.get("biz_opaque_callback_data")
            if self.pending >= MAX_PENDING_STATUS_DELIVERIES:
                WEBHOOKS.labels("status", "dropped").inc()
                return wamid, response
            self._spawn(self._deliver_statuses(
                line, recipient, wamid, planned,
                callback if isinstance(callback, str) else None,
            ))
        return wamid, response

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver_statuses(self, line: Line, recipient: Citizen, wamid: str,
                                planned: list[PlannedStatus], callback: str | None) -> None:
        async with self._status_slots:
            for index, plan in enumerate(planned):
                if index and self.settings.status_delay:
                    await asyncio.sleep(self.settings.status_delay)
                item = status_item(
                    wamid, plan.status, recipient, pricing=plan.pricing,
                    conversation=plan.conversation, error_code=plan.error_code,
                    error_details=plan.error_details, biz_opaque_callback_data=callback,
                )
                result = await self.sender.deliver(status_body(line, recipient, item),
                                                   kind="status")
                self._note_webhook("status", wamid, plan.status, result)

    def _note_webhook(self, kind: str, wamid: str | None, status: str | None,
                      result: DeliveryResult) -> None:
        self.webhooks.append({
            "time": time.time(), "kind": kind, "wamid": wamid, "status": status,
            "status_code": result.status_code, "attempts": result.attempts,
            "error": result.error,
        })

    # simulated citizens ----------------------------------------------------------------
    async def handle_inbound(self, req: InboundRequest, base_url: str) -> dict[str, Any]:
        phone = req.from_
        user_id = req.user_id or (bsuid_for_phone(phone) if phone else None)
        citizen = Citizen(
            wa_id=None if req.hide_phone else phone, user_id=user_id,
            profile_name=req.profile_name or (f"Warga {phone[-4:]}" if phone else "Warga"),
            username=req.username,
        )
        line = self.line(req.to_phone_number_id)
        spec = self._spec(req, line, citizen, base_url)
        wamid = new_wamid(phone or user_id)
        sent_at = float(req.timestamp) if req.timestamp else time.time()
        payload = inbound_body(spec, citizen, line, wamid, str(int(sent_at)))
        self.citizens.saw_inbound(citizen, line.phone_number_id, sent_at)
        result = await self.sender.deliver(payload, kind="message", attempts=req.attempts)
        self._note_webhook("message", wamid, None, result)
        return {
            "wamid": wamid, "status_code": result.status_code, "attempts": result.attempts,
            "delivered": result.delivered, "error": result.error, "time": time.time(),
            "user_id": user_id, "wa_id": citizen.wa_id, "webhook": payload,
        }

    def _spec(self, req: InboundRequest, line: Line, citizen: Citizen,
              base_url: str) -> InboundSpec:
        context = req.context_id
        if context is None and req.type in ("interactive", "button"):
            who = citizen.wa_id or citizen.user_id or ""
            context = self.sends.last_wamid_to(who, line.phone_number_id) or new_wamid(
                line.display_phone_number)
        if req.type == "image":
            media = self.media.add(tiny_png((req.caption or "") .encode() + str(time.time())
                                            .encode()), "image/png")
            return InboundSpec(
                type="image", media_id=media.id, mime_type=media.mime_type,
                sha256=media.sha256, caption=req.caption, context_wamid=context,
                media_url=f"{base_url.rstrip('/')}/sandbox/media/{media.id}",
            )
        return InboundSpec(
            type=req.type, text=req.text, latitude=req.latitude, longitude=req.longitude,
            location_name=req.name, location_address=req.address, reply_id=req.reply_id,
            reply_title=req.reply_title, reply_description=req.reply_description,
            interactive_type=req.interactive_type, context_wamid=context,
        )

    def clear(self) -> None:
        self.sends.clear()
        self.failures.clear()


def _graph_error(error: GraphError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.http_status)


def _control_router(sandbox: Sandbox) -> APIRouter:
    router = APIRouter(prefix="/sandbox", tags=["sandbox controls"])

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

    @router.post("/inbound")
    async def inbound(req: InboundRequest, request: Request) -> dict[str, Any]:
        return await sandbox.handle_inbound(req, str(request.base_url))

    @router.post("/deliver")
    async def deliver(request: Request, attempts: int | None = None) -> dict[str, Any]:
        """Sign and POST any webhook body (e.g. a sample file) as Meta would."""
        payload = json.loads(await request.body())
        result = await sandbox.sender.deliver(payload, kind="raw", attempts=attempts)
        sandbox._note_webhook("raw", None, None, result)
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
            return _graph_error(error)
        media = sandbox.media.get(media_id)
        if media is None:
            return Response(status_code=404)
        return Response(media.data, media_type=media.mime_type)

    return router


def _graph_router(sandbox: Sandbox) -> APIRouter:
    router = APIRouter(tags=["graph api"])

    @router.post("/{version}/{phone_number_id}/messages")
    async def messages(version: str, phone_number_id: str, request: Request) -> JSONResponse:
        status, response = await sandbox.handle_send(
            version, phone_number_id, await request.body(), request
        )
        return JSONResponse(response, status_code=status)

    @router.get("/{version}/{media_id}")
    async def media_url(version: str, media_id: str, request: Request) -> JSONResponse:
        try:
            sandbox.check_token(request)
            media = sandbox.media.get(media_id)
            if media is None:
                raise GraphError(
                    100, message=(
                        f"Unsupported get request. Object with ID '{media_id}' does not "
                        "exist, cannot be loaded due to missing permissions, or does not "
                        "support this operation."
                    ),
                )
        except GraphError as error:
            return _graph_error(error)
        return JSONResponse({
            "url": f"{str(request.base_url).rstrip('/')}/sandbox/media/{media.id}",
            "mime_type": media.mime_type,
            "sha256": media.sha256,
            "file_size": len(media.data),
            "id": media.id,
            "messaging_product": "whatsapp",
        })

    return router


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
        return {"webhook_sender": sandbox._sender is not None}

    app = FastAPI(title="Matur sandbox WhatsApp Graph API", lifespan=lifespan)
    app.state.sandbox = sandbox
    app.include_router(health_router("sandbox", ready))
    app.include_router(_control_router(sandbox))
    app.include_router(_graph_router(sandbox))
    return app
