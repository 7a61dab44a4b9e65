"""Which status webhooks Meta would send after accepting a message (plain rules)."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from typing import Any

from services.sandbox.webhook_bodies import Pricing


@dataclass(frozen=True)
class PlannedStatus:
    status: str
    pricing: Pricing | None = None
    conversation: dict[str, Any] | None = None
    error_code: int | None = None
    error_details: str | None = None


def pricing_for(message_type: str | None, window_open: bool) -> Pricing:
    """Service messages and utility templates inside the window are free; a template
    outside it is a billable utility message (the sandbox treats every template as utility)."""
    if message_type == "template":
        if window_open:
            return Pricing(category="utility", type="free_customer_service", billable=False)
        return Pricing(category="utility", type="regular", billable=True)
    return Pricing(category="service", type="free_customer_service", billable=False)


def _major(version: str) -> int:
    match = re.match(r"v(\d+)", version)
    return int(match.group(1)) if match else 0


def conversation_for(
    version: str, wamid: str, pricing: Pricing, *, with_expiry: bool
) -> dict[str, Any] | None:
    """`conversation` is omitted from v24.0 on (but for free entry points)."""
    if _major(version) >= 24:
        return None
    conversation: dict[str, Any] = {"id": hashlib.md5(wamid.encode()).hexdigest()[:30]}  # noqa: S324
    if with_expiry:
        conversation["expiration_timestamp"] = str(int(time.time()) + 24 * 3600)
    conversation["origin"] = {"type": pricing.category}
    return conversation


def plan_statuses(
    message_type: str | None,
    version: str,
    wamid: str,
    *,
    window_open: bool,
    auto_read: bool,
    failure_code: int | None = None,
    failure_details: str | None = None,
) -> list[PlannedStatus]:
    """sent, delivered (and read when asked); a reaction only ever gets `sent`; an
    asynchronous failure is a single `failed` carrying the error."""
    if failure_code is not None:
        return [PlannedStatus("failed", error_code=failure_code, error_details=failure_details)]
    pricing = pricing_for(message_type, window_open)
    sent = PlannedStatus(
        "sent", pricing, conversation_for(version, wamid, pricing, with_expiry=True)
    )
    if message_type == "reaction":
        return [sent]
    later = conversation_for(version, wamid, pricing, with_expiry=False)
    planned = [sent, PlannedStatus("delivered", pricing, later)]
    if auto_read:
        planned.append(PlannedStatus("read", None, later))
    return planned
