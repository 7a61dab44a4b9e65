"""Builders of the webhook bodies Meta POSTs: inbound `messages` and outbound `statuses`.

Plain functions returning plain dicts in Meta's exact shape (see the samples in
`shared/data/whatsapp-samples/`). Serialise them with `signing.meta_json_bytes`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from services.sandbox.graph_errors import status_error_item

INBOUND_TYPES = ("text", "location", "interactive", "button", "image")


@dataclass(frozen=True)
class Line:
    """The business number a webhook is about (`value.metadata`)."""

    phone_number_id: str
    display_phone_number: str
    waba_id: str


@dataclass(frozen=True)
class Citizen:
    """The WhatsApp user. `wa_id` is None for a username user whose phone Meta withholds."""

    wa_id: str | None
    user_id: str | None
    profile_name: str | None = None
    username: str | None = None


@dataclass(frozen=True)
class InboundSpec:
    """What a simulated user sends. `type` picks which of the other fields are used."""

    type: str
    text: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    location_name: str | None = None
    location_address: str | None = None
    reply_id: str | None = None
    reply_title: str | None = None
    reply_description: str | None = None
    interactive_type: str = "list_reply"  # or "button_reply"
    context_wamid: str | None = None  # the business message replied to / tapped
    media_id: str | None = None
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    media_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # merged into the message item


def now_ts() -> str:
    return str(int(time.time()))


def envelope(line: Line, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": line.waba_id,
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": line.display_phone_number,
                                "phone_number_id": line.phone_number_id,
                            },
                            **value,
                        },
                        "field": "messages",
                    }
                ],
            }
        ],
    }


def contact_item(citizen: Citizen) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if citizen.profile_name is not None or citizen.username is not None:
        profile: dict[str, Any] = {}
        if citizen.profile_name is not None:
            profile["name"] = citizen.profile_name
        if citizen.username is not None:
            profile["username"] = citizen.username
        item["profile"] = profile
    if citizen.wa_id:
        item["wa_id"] = citizen.wa_id
    if citizen.user_id:
        item["user_id"] = citizen.user_id
    return item


def message_item(
    spec: InboundSpec, citizen: Citizen, line: Line, wamid: str, timestamp: str
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if spec.context_wamid and spec.type in ("interactive", "button", "text"):
        item["context"] = {"from": line.display_phone_number, "id": spec.context_wamid}
    if citizen.wa_id:
        item["from"] = citizen.wa_id
    if citizen.user_id:
        item["from_user_id"] = citizen.user_id
    item["id"] = wamid
    item["timestamp"] = timestamp
    item.update(_content(spec))
    item["type"] = spec.type
    item.update(spec.extra)
    return item


def _content(spec: InboundSpec) -> dict[str, Any]:
    if spec.type == "text":
        return {"text": {"body": spec.text or ""}}
    if spec.type == "location":
        location: dict[str, Any] = {"latitude": spec.latitude, "longitude": spec.longitude}
        if spec.location_name:
            location["name"] = spec.location_name
        if spec.location_address:
            location["address"] = spec.location_address
        return {"location": location}
    if spec.type == "interactive":
        reply: dict[str, Any] = {"id": spec.reply_id, "title": spec.reply_title or spec.reply_id}
        if spec.interactive_type == "list_reply" and spec.reply_description:
            reply["description"] = spec.reply_description
        return {"interactive": {"type": spec.interactive_type, spec.interactive_type: reply}}
    if spec.type == "button":
        return {"button": {"payload": spec.reply_id, "text": spec.reply_title or spec.reply_id}}
    if spec.type == "image":
        image: dict[str, Any] = {}
        if spec.caption:
            image["caption"] = spec.caption
        image.update({"mime_type": spec.mime_type, "sha256": spec.sha256, "id": spec.media_id})
        if spec.media_url:
            image["url"] = spec.media_url
        return {"image": image}
    raise ValueError(f"unsupported inbound type {spec.type!r}")


def inbound_body(
    spec: InboundSpec, citizen: Citizen, line: Line, wamid: str, timestamp: str | None = None
) -> dict[str, Any]:
    """One `messages` webhook: the contact and the message they sent to `line`."""
    return envelope(
        line,
        {
            "contacts": [contact_item(citizen)],
            "messages": [message_item(spec, citizen, line, wamid, timestamp or now_ts())],
        },
    )


@dataclass(frozen=True)
class Pricing:
    category: str  # service, utility, marketing, authentication
    type: str  # free_customer_service, regular, free_entry_point
    billable: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "billable": self.billable,
            "pricing_model": "PMP",
            "category": self.category,
            "type": self.type,
        }


def status_item(
    wamid: str,
    status: str,
    recipient: Citizen,
    *,
    timestamp: str | None = None,
    pricing: Pricing | None = None,
    conversation: dict[str, Any] | None = None,
    error_code: int | None = None,
    error_details: str | None = None,
    biz_opaque_callback_data: str | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": wamid, "status": status, "timestamp": timestamp or now_ts()}
    if recipient.wa_id:
        item["recipient_id"] = recipient.wa_id
    if recipient.user_id:
        item["recipient_user_id"] = recipient.user_id
    if biz_opaque_callback_data is not None:
        item["biz_opaque_callback_data"] = biz_opaque_callback_data
    if conversation is not None:
        item["conversation"] = conversation
    if pricing is not None:
        item["pricing"] = pricing.as_dict()
    if error_code is not None:
        item["errors"] = [status_error_item(error_code, error_details)]
    return item


def status_body(line: Line, recipient: Citizen, item: dict[str, Any]) -> dict[str, Any]:
    """One `statuses` webhook. A `failed` status carries no `contacts` (BSUID era)."""
    value: dict[str, Any] = {}
    if item["status"] != "failed":
        value["contacts"] = [contact_item(recipient)]
    value["statuses"] = [item]
    return envelope(line, value)
