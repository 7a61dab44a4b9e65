"""The Graph API's `/messages` as the sandbox answers it: check the token, the path and
the body (`send_validation.py`), refuse what Meta would refuse (or what a test asked to
fail, `failure_plan.py`), record every call (`send_log.py`), answer with a wamid, and
deliver the statuses Meta would send after it (`status_plan.py`) in the background."""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

from fastapi import Request
from prometheus_client import Counter

from services.sandbox.graph_errors import GraphError
from services.sandbox.identities import new_wamid
from services.sandbox.send_errors import malformed
from services.sandbox.send_log import SendRecord
from services.sandbox.send_validation import SendRequest, parse_send
from services.sandbox.state import Sandbox
from services.sandbox.status_plan import PlannedStatus, plan_statuses
from services.sandbox.webhook_bodies import Citizen, Line, status_body, status_item
from services.sandbox.webhook_delivery import WEBHOOKS

GRAPH_REQUESTS = Counter(
    "sandbox_graph_requests_total", "Graph API /messages calls by outcome and error code",
    ["outcome", "code"],
)
# Status deliveries waiting or running; beyond this (a stopped receiver under load) new
# messages get no status webhooks rather than unbounded memory.
MAX_PENDING_STATUS_DELIVERIES = 10_000
_VERSION = re.compile(r"^v\d+\.\d+$")


async def handle_send(sandbox: Sandbox, version: str, phone_number_id: str, raw: bytes,
                      request: Request) -> tuple[int, dict[str, Any]]:
    body: Any = None
    req: SendRequest | None = None
    wamid: str | None = None
    try:
        sandbox.check_token(request)
        if not _VERSION.match(version):
            raise GraphError(100, f"Unknown path components: /{version}/{phone_number_id}"
                                  "/messages", message="(#100) Unknown path components")
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            raise malformed("Request body is not valid JSON.") from None
        req = parse_send(body, sandbox.settings.country_code)
        if req.kind == "read":
            status, response = 200, {"success": True}
        else:
            wamid, response = _accept(sandbox, version, phone_number_id, req, body)
            status = 200
        GRAPH_REQUESTS.labels("accepted", "").inc()
    except GraphError as error:
        status, response = error.http_status, error.body()
        GRAPH_REQUESTS.labels("refused", str(error.code)).inc()
    sandbox.sends.add(SendRecord(
        seq=sandbox.sends.next_seq(), time=time.time(), phone_number_id=phone_number_id,
        version=version, body=body, http_status=status, response=response, wamid=wamid,
        to=(req.wa_id or req.user_id) if req else None,
        type=("read" if req.kind == "read" else req.type) if req else None,
        accepted=status == 200,
    ))
    return status, response


def _accept(sandbox: Sandbox, version: str, phone_number_id: str, req: SendRequest,
            body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    line = sandbox.line(phone_number_id)
    if req.wa_id and req.wa_id == line.display_phone_number:
        raise GraphError(131021)
    rule = sandbox.failures.take(phone_number_id, req.wa_id or req.user_id)
    if rule is not None and not rule.is_async:
        raise GraphError(rule.code, rule.details)
    recipient = sandbox.citizens.recipient(req.wa_id, req.user_id)
    window_open = sandbox.citizens.window_open(phone_number_id, recipient)
    failure: tuple[int, str | None] | None = (rule.code, rule.details) if rule else None
    if (failure is None and sandbox.settings.enforce_window and req.is_free_form
            and not window_open):
        if not sandbox.settings.window_error_async:
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
    if failure is not None or sandbox.settings.auto_statuses:
        planned = plan_statuses(
            req.type, version, wamid, window_open=window_open,
            auto_read=sandbox.settings.auto_read,
            failure_code=failure[0] if failure else None,
            failure_details=failure[1] if failure else None,
        )
        callback = body.get("biz_opaque_callback_data")
        if sandbox.pending >= MAX_PENDING_STATUS_DELIVERIES:
            WEBHOOKS.labels("status", "dropped").inc()
            return wamid, response
        sandbox.spawn(_deliver_statuses(
            sandbox, line, recipient, wamid, planned,
            callback if isinstance(callback, str) else None,
        ))
    return wamid, response


async def _deliver_statuses(sandbox: Sandbox, line: Line, recipient: Citizen, wamid: str,
                            planned: list[PlannedStatus], callback: str | None) -> None:
    async with sandbox.status_slots:
        for index, plan in enumerate(planned):
            if index and sandbox.settings.status_delay:
                await asyncio.sleep(sandbox.settings.status_delay)
            item = status_item(
                wamid, plan.status, recipient, pricing=plan.pricing,
                conversation=plan.conversation, error_code=plan.error_code,
                error_details=plan.error_details, biz_opaque_callback_data=callback,
            )
            result = await sandbox.sender.deliver(status_body(line, recipient, item),
                                                  kind="status")
            sandbox.note_webhook("status", wamid, plan.status, result)
