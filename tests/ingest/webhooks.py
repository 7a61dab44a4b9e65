"""Builders of Meta-shaped webhook bodies for the tests."""

from __future__ import annotations

import json
from typing import Any

LINE_ID = "103522000000000"  # the Kapolres line of the test roster
LINE_DISPLAY = "6285335220000"
POLSEK_LINE_ID = "103522070000000"
UNKNOWN_LINE_ID = "999999999999999"


def text_message(
    wamid: str,
    body: str = "Ada pencurian motor di depan balai desa",
    wa_id: str | None = "6281234567890",
    user_id: str | None = None,
    timestamp: str = "1764460800",
) -> dict[str, Any]:
    msg: dict[str, Any] = {"id": wamid, "timestamp": timestamp, "type": "text",
                           "text": {"body": body}}
    if wa_id:
        msg["from"] = wa_id
    if user_id:
        msg["from_user_id"] = user_id
    return msg


def contact(wa_id: str | None, user_id: str | None = None, name: str = "Warga") -> dict[str, Any]:
    out: dict[str, Any] = {"profile": {"name": name}}
    if wa_id:
        out["wa_id"] = wa_id
    if user_id:
        out["user_id"] = user_id
    return out


def status(wamid: str, state: str = "delivered", wa_id: str = "6281234567890") -> dict[str, Any]:
    return {"id": wamid, "status": state, "timestamp": "1764460801", "recipient_id": wa_id}


def change(
    messages: list[Any] | None = None,
    statuses: list[dict[str, Any]] | None = None,
    errors: list[dict[str, Any]] | None = None,
    contacts: list[dict[str, Any]] | None = None,
    line_id: str = LINE_ID,
    display: str = LINE_DISPLAY,
    field: str = "messages",
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": display, "phone_number_id": line_id},
    }
    if contacts is not None:
        value["contacts"] = contacts
    if messages is not None:
        value["messages"] = messages
    if statuses is not None:
        value["statuses"] = statuses
    if errors is not None:
        value["errors"] = errors
    return {"field": field, "value": value}


def webhook(*entries: list[dict[str, Any]], waba_id: str = "102290129340398") -> dict[str, Any]:
    """Each argument is the list of changes of one entry."""
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": waba_id, "changes": changes} for changes in entries],
    }


def single_text(wamid: str, **kwargs: Any) -> dict[str, Any]:
    wa_id = kwargs.get("wa_id", "6281234567890")
    user_id = kwargs.get("user_id")
    return webhook([change(messages=[text_message(wamid, **kwargs)],
                          contacts=[contact(wa_id, user_id)])])


def encode(body: dict[str, Any]) -> bytes:
    """As Meta sends it: compact, non-ASCII escaped as \\uXXXX and '/' as '\\/'."""
    return json.dumps(body, separators=(",", ":")).replace("/", "\\/").encode()


ROSTER = {
    "regency_code": "35.22",
    "sample": True,
    "lines": [
        {"phone_number_id": LINE_ID, "display_phone_number": LINE_DISPLAY,
         "tier": "kapolres", "area_codes": ["35.22"], "label": "Polres Bojonegoro"},
        {"phone_number_id": POLSEK_LINE_ID, "tier": "kapolsek",
         "area_codes": ["35.22.07"], "label": "Polsek Kapas"},
    ],
    "officers": [],
}
