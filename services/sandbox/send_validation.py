"""Checks a `POST /{phone_number_id}/messages` body the way the Cloud API does.

Plain functions over the parsed JSON: a valid body becomes a `SendRequest`, an invalid one
raises `GraphError` with Meta's code (100 for a missing or malformed parameter, 131009 for
a value outside WhatsApp's limits) and a `details` text in Meta's wording (`send_errors.py`).
Templates and interactive messages are checked in `rich_message_checks.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from services.sandbox.graph_errors import GraphError
from services.sandbox.rich_message_checks import check_interactive, check_template
from services.sandbox.send_errors import json_object, malformed, missing, too_long

MESSAGE_TYPES = (
    "audio", "contacts", "document", "image", "interactive", "location", "reaction",
    "sticker", "template", "text", "video",
)
MEDIA_TYPES = ("audio", "document", "image", "sticker", "video")
_PHONE_PUNCTUATION = re.compile(r"[\s\-()]")


@dataclass(frozen=True)
class SendRequest:
    kind: str  # "message" or "read" (mark as read)
    type: str | None = None
    to_input: str | None = None  # `to` exactly as given
    wa_id: str | None = None  # `to` normalised to digits (what Meta answers as wa_id)
    user_id: str | None = None  # BSUID given as `recipient` (only when `to` is absent)
    message_id: str | None = None  # the wamid a mark-as-read names

    @property
    def is_template(self) -> bool:
        return self.type == "template"

    @property
    def is_free_form(self) -> bool:
        """Needs an open customer service window (everything but templates)."""
        return self.kind == "message" and not self.is_template


def normalize_phone(to: str, country_code: str) -> str:
    """What Meta makes of `to`: `+ - ( )` and spaces dropped; without a leading `+` the
    line's country calling code is prepended unless the number already starts with it
    (so a local `0812…` becomes `620812…`, misdelivered exactly as Meta warns)."""
    cleaned = _PHONE_PUNCTUATION.sub("", to.strip())
    plus = cleaned.startswith("+")
    digits = cleaned.lstrip("+")
    if not digits.isdigit() or not 5 <= len(digits) <= 20:
        raise malformed(f"Param to is not a valid phone number: {to!r}")
    if not plus and not digits.startswith(country_code):
        digits = country_code + digits
    return digits


def parse_send(body: object, country_code: str = "62") -> SendRequest:
    if not isinstance(body, dict):
        raise malformed("Request body must be a JSON object.")
    product = body.get("messaging_product")
    if product is None:
        raise missing("messaging_product")
    if product != "whatsapp":
        raise malformed(f"Param messaging_product must be one of {{WHATSAPP}} - got "
                        f"\"{product}\".")
    if "status" in body:
        return _parse_mark_as_read(body)

    to = body.get("to")
    recipient = body.get("recipient")
    if not to and not recipient:
        raise missing("to")
    if to is not None and not isinstance(to, str):
        raise malformed("Param to must be a string.")
    recipient_type = body.get("recipient_type", "individual")
    if recipient_type not in ("individual", "group"):
        raise malformed("Param recipient_type must be one of {INDIVIDUAL, GROUP} - got "
                        f"\"{recipient_type}\".")
    msg_type = body.get("type", "text")
    if msg_type not in MESSAGE_TYPES:
        allowed = ", ".join(t.upper() for t in MESSAGE_TYPES)
        raise malformed(f"Param type must be one of {{{allowed}}} - got \"{msg_type}\".")
    content = body.get(msg_type) if msg_type == "contacts" else json_object(body, msg_type)
    _CHECKS[msg_type](content)
    if "context" in body:
        context = body["context"]
        if not isinstance(context, dict) or not isinstance(context.get("message_id"), str):
            raise missing("context['message_id']")
    if to:
        return SendRequest(kind="message", type=msg_type, to_input=to,
                           wa_id=normalize_phone(to, country_code))
    if not isinstance(recipient, str):
        raise malformed("Param recipient must be a string.")
    return SendRequest(kind="message", type=msg_type, to_input=recipient, user_id=recipient)


def _parse_mark_as_read(body: dict[str, Any]) -> SendRequest:
    if body.get("status") != "read":
        raise malformed(f"Param status must be one of {{READ}} - got "
                        f"\"{body.get('status')}\".")
    message_id = body.get("message_id")
    if not message_id:
        raise missing("message_id")
    if not isinstance(message_id, str) or not message_id.startswith("wamid."):
        raise malformed("Invalid parameter message_id: not a WhatsApp message id.")
    indicator = body.get("typing_indicator")
    if indicator is not None and (not isinstance(indicator, dict)
                                  or indicator.get("type") != "text"):
        raise malformed("Param typing_indicator['type'] must be one of {TEXT}.")
    return SendRequest(kind="read", message_id=message_id)


def _check_text(text: dict[str, Any]) -> None:
    body = text.get("body")
    if body is None or body == "":
        raise missing("text['body']")
    if not isinstance(body, str):
        raise malformed("Param text['body'] must be a string.")
    if len(body) > 4096:
        raise too_long("text['body']", 4096)
    if "preview_url" in text and not isinstance(text["preview_url"], bool):
        raise malformed("Param text['preview_url'] must be a boolean.")


def _check_media(media: dict[str, Any]) -> None:
    if not media.get("id") and not media.get("link"):
        raise GraphError(131008, "Media requires either an id or a link.")
    caption = media.get("caption")
    if caption is not None and (not isinstance(caption, str) or len(caption) > 1024):
        raise too_long("caption", 1024)


def _check_location(location: dict[str, Any]) -> None:
    for key in ("latitude", "longitude"):
        if location.get(key) is None:
            raise missing(f"location['{key}']")
        try:
            float(location[key])
        except (TypeError, ValueError):
            raise malformed(f"Param location['{key}'] must be a number.") from None


def _check_reaction(reaction: dict[str, Any]) -> None:
    if not reaction.get("message_id"):
        raise missing("reaction['message_id']")
    if "emoji" not in reaction:
        raise missing("reaction['emoji']")


def _check_contacts(contacts: Any) -> None:
    if not isinstance(contacts, list | dict) or not contacts:
        raise missing("contacts")


_CHECKS: dict[str, Callable[[Any], None]] = {
    "text": _check_text,
    "template": check_template,
    "interactive": check_interactive,
    "location": _check_location,
    "reaction": _check_reaction,
    "contacts": _check_contacts,
    **dict.fromkeys(MEDIA_TYPES, _check_media),
}
