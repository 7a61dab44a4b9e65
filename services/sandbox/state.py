"""The sandbox's state: what it received, what it must fail, who wrote to it, the webhooks
it sent; its webhook sender and the background deliveries it runs."""

from __future__ import annotations

import asyncio
import hmac
import time
from collections import deque
from typing import Any

from fastapi import Request

from services.sandbox.citizens import CitizenDirectory
from services.sandbox.failure_plan import FailurePlan
from services.sandbox.graph_errors import token_error
from services.sandbox.lines import display_numbers, fallback_display_number
from services.sandbox.media_store import MediaStore
from services.sandbox.send_log import SendLog
from services.sandbox.settings import SandboxSettings
from services.sandbox.webhook_bodies import Line
from services.sandbox.webhook_delivery import DeliveryResult, WebhookSender


class Sandbox:
    """The sandbox's state: what it received, what it must fail, who wrote to it.
    The Graph API sends are handled in `graph_sends.py`, simulated citizens' messages in
    `simulated_inbound.py`."""

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
        self.status_slots = asyncio.Semaphore(64)  # status deliveries running at once

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
    def started(self) -> bool:
        return self._sender is not None

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

    def spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def note_webhook(self, kind: str, wamid: str | None, status: str | None,
                     result: DeliveryResult) -> None:
        self.webhooks.append({
            "time": time.time(), "kind": kind, "wamid": wamid, "status": status,
            "status_code": result.status_code, "attempts": result.attempts,
            "error": result.error,
        })

    def clear(self) -> None:
        self.sends.clear()
        self.failures.clear()
