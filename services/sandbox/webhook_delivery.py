"""POSTs signed webhooks to the ingest URL as Meta does: retried quickly on anything but 200.

Meta retries non-200 answers "immediately, then a few more times with decreasing frequency"
for up to 7 days; the sandbox keeps the shape (an immediate retry, then doubling delays) but
gives up after `attempts` tries so a stopped receiver never piles up work.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import httpx
from prometheus_client import Counter

from services.sandbox.signing import SIGNATURE_HEADER, meta_json_bytes, signature

log = logging.getLogger(__name__)

WEBHOOKS = Counter(
    "sandbox_webhooks_total", "Webhook deliveries by kind and final outcome", ["kind", "outcome"]
)
WEBHOOK_ATTEMPTS = Counter("sandbox_webhook_attempts_total", "Webhook POST attempts")


@dataclass(frozen=True)
class DeliveryResult:
    status_code: int | None  # of the last attempt; None when no answer came at all
    attempts: int
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code == 200


class WebhookSender:
    def __init__(
        self,
        url: str,
        app_secret: str,
        *,
        attempts: int = 4,
        retry_delay: float = 0.2,
        timeout: float = 10.0,
    ) -> None:
        self.url = url
        self._secret = app_secret
        self.attempts = attempts
        self.retry_delay = retry_delay
        self._client = httpx.AsyncClient(timeout=timeout)

    async def aclose(self) -> None:
        await self._client.aclose()

    def _delays(self, attempts: int) -> list[float]:
        """Pause before each retry: 0 (immediate), then retry_delay, doubling."""
        return [0.0] + [self.retry_delay * 2**i for i in range(max(0, attempts - 2))]

    async def deliver(
        self, payload: Any, *, kind: str = "message", attempts: int | None = None
    ) -> DeliveryResult:
        raw = meta_json_bytes(payload)
        return await self.deliver_raw(raw, kind=kind, attempts=attempts)

    async def deliver_raw(
        self, raw: bytes, *, kind: str = "message", attempts: int | None = None
    ) -> DeliveryResult:
        tries = attempts or self.attempts
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(raw, self._secret),
            "User-Agent": "facebookexternalua",
        }
        delays = self._delays(tries)
        status: int | None = None
        error: str | None = None
        for attempt in range(1, tries + 1):
            WEBHOOK_ATTEMPTS.inc()
            try:
                response = await self._client.post(self.url, content=raw, headers=headers)
                status, error = response.status_code, None
            except httpx.HTTPError as exc:
                status, error = None, f"{type(exc).__name__}: {exc}"
            if status == 200:
                WEBHOOKS.labels(kind, "delivered").inc()
                return DeliveryResult(status, attempt)
            if attempt < tries:
                await asyncio.sleep(delays[attempt - 1])
        WEBHOOKS.labels(kind, "gave_up").inc()
        log.warning(
            "webhook not delivered",
            extra={"kind": kind, "status_code": status, "attempts": tries, "error": error},
        )
        return DeliveryResult(status, tries, error)
