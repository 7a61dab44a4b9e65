"""Checks a `POST /{phone_number_id}/messages` body the way the Cloud API does.

Plain functions over the parsed JSON: a valid body becomes a `SendRequest`, an invalid one
raises `GraphError` with Meta's code (100 for a missing or malformed parameter, 131009 for
a value outside WhatsApp's limits) and a `details` text in Meta's wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from services.sandbox.graph_errors import GraphError

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


def _missing(param: str) -> GraphError:
    return GraphError(100, f"The parameter {param} is required.",
                      message=f"(#100) The parameter {param} is required.")


def _too_long(param: str, limit: int) -> GraphError:
    return GraphError(100, f"Param {param} must be at most {limit} characters long.",
                      message=f"(#100) Param {param} must be at most {limit} characters long.")


def _invalid(details: str) -> GraphError:
    return GraphError(131009, details)


def _length(value: object, what: str, limit: int, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str) or not (1 <= len(value) <= limit):
        raise _invalid(f"{what} length invalid. Min length: 1, Max length: {limit}")


def _object(body: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    value = body.get(key)
    name = f"{where}[{key!r}]" if where else key
    if value is None:
        raise _missing(name)
    if not isinstance(value, dict):
        raise GraphError(100, f"Param {name} must be a JSON object.")
    return value


def normalize_phone(to: str, country_code: str) -> str:
    """What Meta makes of `to`: `+ - ( )` and spaces dropped; without a leading `+` the
    line's country calling code is prepended unless the number already starts with it
    (so a local `0812…` becomes `620812…`, misdelivered exactly as Meta warns)."""
    cleaned = _PHONE_PUNCTUATION.sub("", to.strip())
    plus = cleaned.startswith("+")
    digits = cleaned.lstrip("+")
    if not digits.isdigit() or not 5 <= len(digits) <= 20:
        raise GraphError(100, f"Param to is not a valid phone number: {to!r}",
                         message="(#100) Invalid parameter")
    if not plus and not digits.startswith(country_code):
        digits = country_code + digits
    return digits


def parse_send(body: object, country_code: str = "62") -> SendRequest:
    if not isinstance(body, dict):
        raise GraphError(100, "Request body must be a JSON object.",
                         message="(#100) Invalid parameter")
    product = body.get("messaging_product")
    if product is None:
        raise _missing("messaging_product")
    if product != "whatsapp":
        raise GraphError(100, f"Param messaging_product must be one of {{WHATSAPP}} - got "
                              f"\"{product}\".",
                         message="(#100) Invalid parameter")
    if "status" in body:
        return _parse_mark_as_read(body)

    to = body.get("to")
    recipient = body.get("recipient")
    if not to and not recipient:
        raise _missing("to")
    if to is not None and not isinstance(to, str):
        raise GraphError(100, "Param to must be a string.", message="(#100) Invalid parameter")
    recipient_type = body.get("recipient_type", "individual")
    if recipient_type not in ("individual", "group"):
        raise GraphError(100, "Param recipient_type must be one of {INDIVIDUAL, GROUP} - got "
                              f"\"{recipient_type}\".", message="(#100) Invalid parameter")
    msg_type = body.get("type", "text")
    if msg_type not in MESSAGE_TYPES:
        allowed = ", ".join(t.upper() for t in MESSAGE_TYPES)
        raise GraphError(100, f"Param type must be one of {{{allowed}}} - got \"{msg_type}\".",
                         message="(#100) Invalid parameter")
    content = body.get(msg_type) if msg_type == "contacts" else _object(body, msg_type)
    _CHECKS[msg_type](content)
    if "context" in body:
        context = body["context"]
        if not isinstance(context, dict) or not isinstance(context.get("message_id"), str):
            raise _missing("context['message_id']")
    if to:
        return SendRequest(kind="message", type=msg_type, to_input=to,
                           wa_id=normalize_phone(to, country_code))
    if not isinstance(recipient, str):
        raise GraphError(100, "Param recipient must be a string.",
                         message="(#100) Invalid parameter")
    return SendRequest(kind="message", type=msg_type, to_input=recipient, user_id=recipient)


def _parse_mark_as_read(body: dict[str, Any]) -> SendRequest:
    if body.get("status") != "read":
        raise GraphError(100, f"Param status must be one of {{READ}} - got "
                              f"\"{body.get('status')}\".", message="(#100) Invalid parameter")
    message_id = body.get("message_id")
    if not message_id:
        raise _missing("message_id")
    if not isinstance(message_id, str) or not message_id.startswith("wamid."):
        raise GraphError(100, "Invalid parameter message_id: not a WhatsApp message id.",
                         message="(#100) Invalid parameter")
    indicator = body.get("typing_indicator")
    if indicator is not None and (not isinstance(indicator, dict)
                                  or indicator.get("type") != "text"):
        raise GraphError(100, "Param typing_indicator['type'] must be one of {TEXT}.",
                         message="(#100) Invalid parameter")
    return SendRequest(kind="read", message_id=message_id)


def _check_text(text: dict[str, Any]) -> None:
    body = text.get("body")
    if body is None or body == "":
        raise _missing("text['body']")
    if not isinstance(body, str):
        raise GraphError(100, "Param text['body'] must be a string.",
                         message="(#100) Invalid parameter")
    if len(body) > 4096:
        raise _too_long("text['body']", 4096)
    if "preview_url" in text and not isinstance(text["preview_url"], bool):
        raise GraphError(100, "Param text['preview_url'] must be a boolean.",
                         message="(#100) Invalid parameter")


def _check_media(media: dict[str, Any]) -> None:
    if not media.get("id") and not media.get("link"):
        raise GraphError(131008, "Media requires either an id or a link.")
    caption = media.get("caption")
    if caption is not None and (not isinstance(caption, str) or len(caption) > 1024):
        raise _too_long("caption", 1024)


def _check_location(location: dict[str, Any]) -> None:
    for key in ("latitude", "longitude"):
        if location.get(key) is None:
            raise _missing(f"location['{key}']")
        try:
            float(location[key])
        except (TypeError, ValueError):
            raise GraphError(100, f"Param location['{key}'] must be a number.",
                             message="(#100) Invalid parameter") from None


def _check_reaction(reaction: dict[str, Any]) -> None:
    if not reaction.get("message_id"):
        raise _missing("reaction['message_id']")
    if "emoji" not in reaction:
        raise _missing("reaction['emoji']")


def _check_contacts(contacts: Any) -> None:
    if not isinstance(contacts, list | dict) or not contacts:
        raise _missing("contacts")


def _check_template(template: dict[str, Any]) -> None:
    name = template.get("name")
    if not name:
        raise _missing("template['name']")
    if not isinstance(name, str) or len(name) > 512:
        raise GraphError(100, "Param template['name'] must be a string of at most 512 "
                              "characters.", message="(#100) Invalid parameter")
    language = template.get("language")
    if not isinstance(language, dict) or not language.get("code"):
        raise _missing("template['language']['code']")
    components = template.get("components", [])
    if not isinstance(components, list):
        raise GraphError(100, "Param template['components'] must be an array.",
                         message="(#100) Invalid parameter")
    for index, component in enumerate(components):
        where = f"template['components'][{index}]"
        if not isinstance(component, dict) or not component.get("type"):
            raise _missing(f"{where}['type']")
        if component["type"] not in ("header", "body", "button", "footer"):
            raise GraphError(100, f"Param {where}['type'] must be one of {{HEADER, BODY, "
                                  f"BUTTON, FOOTER}} - got \"{component['type']}\".",
                             message="(#100) Invalid parameter")
        if component["type"] == "button":
            if not component.get("sub_type"):
                raise _missing(f"{where}['sub_type']")
            if "index" not in component:
                raise _missing(f"{where}['index']")
        parameters = component.get("parameters", [])
        if not isinstance(parameters, list):
            raise GraphError(100, f"Param {where}['parameters'] must be an array.",
                             message="(#100) Invalid parameter")
        for p_index, parameter in enumerate(parameters):
            p_where = f"{where}['parameters'][{p_index}]"
            if not isinstance(parameter, dict) or not parameter.get("type"):
                raise _missing(f"{p_where}['type']")
            ptype = parameter["type"]
            if ptype not in parameter:
                raise _missing(f"{p_where}['{ptype}']")
            if ptype == "text" and (not isinstance(parameter["text"], str)
                                    or not parameter["text"].strip()):
                raise _invalid(f"{p_where}['text'] must be a non-empty string.")


def _check_interactive(interactive: dict[str, Any]) -> None:
    kind = interactive.get("type")
    if not kind:
        raise _missing("interactive['type']")
    body = interactive.get("body")
    footer = interactive.get("footer")
    if footer is not None:
        _length(footer.get("text") if isinstance(footer, dict) else None, "Footer text", 60)
    action = interactive.get("action")
    if kind == "list":
        _check_list(interactive, body, action)
    elif kind == "button":
        _check_buttons(interactive, body, action)
    else:
        if kind not in ("cta_url", "location_request_message", "flow", "product",
                        "product_list", "catalog_message", "address_message",
                        "call_permission_request", "voice_call"):
            raise GraphError(100, f"Param interactive['type'] must be one of {{BUTTON, LIST, "
                                  f"CTA_URL, FLOW, LOCATION_REQUEST_MESSAGE, PRODUCT, "
                                  f"PRODUCT_LIST}} - got \"{kind}\".",
                             message="(#100) Invalid parameter")
        if action is None:
            raise _missing("interactive['action']")


def _body_text(body: object, limit: int) -> None:
    if not isinstance(body, dict) or body.get("text") in (None, ""):
        raise _missing("interactive['body']['text']")
    if not isinstance(body["text"], str):
        raise GraphError(100, "Param interactive['body']['text'] must be a string.",
                         message="(#100) Invalid parameter")
    if len(body["text"]) > limit:
        raise _too_long("interactive['body']['text']", limit)


def _check_list(interactive: dict[str, Any], body: object, action: object) -> None:
    _body_text(body, 4096)
    header = interactive.get("header")
    if header is not None:
        if not isinstance(header, dict) or header.get("type") != "text":
            raise _invalid("Header type must be text for list messages.")
        _length(header.get("text"), "Header text", 60)
    if not isinstance(action, dict):
        raise _missing("interactive['action']")
    _length(action.get("button"), "Button title", 20)
    sections = action.get("sections")
    if not isinstance(sections, list) or not sections:
        raise _missing("interactive['action']['sections']")
    if len(sections) > 10:
        raise _invalid(f"Too many sections. Min sections: 1, Max sections: 10, "
                       f"got: {len(sections)}")
    total_rows = 0
    row_ids: set[str] = set()
    for section in sections:
        if not isinstance(section, dict):
            raise _missing("interactive['action']['sections'][...]")
        if len(sections) > 1 or "title" in section:
            _length(section.get("title"), "Section title", 24)
        rows = section.get("rows")
        if not isinstance(rows, list) or not rows:
            raise _missing("interactive['action']['sections'][...]['rows']")
        for row in rows:
            if not isinstance(row, dict):
                raise _missing("interactive['action']['sections'][...]['rows'][...]")
            _length(row.get("id"), "Row id", 200)
            _length(row.get("title"), "Row title", 24)
            _length(row.get("description"), "Row description", 72, required=False)
            if row["id"] in row_ids:
                raise _invalid(f"Row ids must be unique: duplicate {row['id']!r}")
            row_ids.add(row["id"])
        total_rows += len(rows)
    if total_rows > 10:
        raise _invalid(f"Total row count exceed max allowed count: 10, got: {total_rows}")


def _check_buttons(interactive: dict[str, Any], body: object, action: object) -> None:
    _body_text(body, 1024)
    header = interactive.get("header")
    if isinstance(header, dict) and header.get("type") == "text":
        _length(header.get("text"), "Header text", 60)
    if not isinstance(action, dict):
        raise _missing("interactive['action']")
    buttons = action.get("buttons")
    if not isinstance(buttons, list) or not buttons:
        raise _missing("interactive['action']['buttons']")
    if len(buttons) > 3:
        raise _invalid(f"Too many buttons. Min buttons: 1, Max buttons: 3, got: {len(buttons)}")
    titles: set[str] = set()
    ids: set[str] = set()
    for button in buttons:
        if not isinstance(button, dict) or button.get("type") != "reply":
            raise _invalid("Button type must be reply.")
        reply = button.get("reply")
        if not isinstance(reply, dict):
            raise _missing("interactive['action']['buttons'][...]['reply']")
        _length(reply.get("id"), "Button id", 256)
        _length(reply.get("title"), "Button title", 20)
        if reply["title"] in titles:
            raise _invalid("Button title is not unique.")
        if reply["id"] in ids:
            raise _invalid("Button id is not unique.")
        titles.add(reply["title"])
        ids.add(reply["id"])


_CHECKS: dict[str, Callable[[Any], None]] = {
    "text": _check_text,
    "template": _check_template,
    "interactive": _check_interactive,
    "location": _check_location,
    "reaction": _check_reaction,
    "contacts": _check_contacts,
    **dict.fromkeys(MEDIA_TYPES, _check_media),
}
