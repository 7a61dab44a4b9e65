"""The checks of the richer message types a send may carry: templates (name, language,
components and their parameters) and interactive messages (lists and reply buttons within
WhatsApp's limits; the other interactive types by name)."""

from __future__ import annotations

from typing import Any

from services.sandbox.send_errors import invalid, length, malformed, missing, too_long


def check_template(template: dict[str, Any]) -> None:
    name = template.get("name")
    if not name:
        raise missing("template['name']")
    if not isinstance(name, str) or len(name) > 512:
        raise malformed("Param template['name'] must be a string of at most 512 "
                        "characters.")
    language = template.get("language")
    if not isinstance(language, dict) or not language.get("code"):
        raise missing("template['language']['code']")
    components = template.get("components", [])
    if not isinstance(components, list):
        raise malformed("Param template['components'] must be an array.")
    for index, component in enumerate(components):
        where = f"template['components'][{index}]"
        if not isinstance(component, dict) or not component.get("type"):
            raise missing(f"{where}['type']")
        if component["type"] not in ("header", "body", "button", "footer"):
            raise malformed(f"Param {where}['type'] must be one of {{HEADER, BODY, "
                            f"BUTTON, FOOTER}} - got \"{component['type']}\".")
        if component["type"] == "button":
            if not component.get("sub_type"):
                raise missing(f"{where}['sub_type']")
            if "index" not in component:
                raise missing(f"{where}['index']")
        parameters = component.get("parameters", [])
        if not isinstance(parameters, list):
            raise malformed(f"Param {where}['parameters'] must be an array.")
        for p_index, parameter in enumerate(parameters):
            p_where = f"{where}['parameters'][{p_index}]"
            if not isinstance(parameter, dict) or not parameter.get("type"):
                raise missing(f"{p_where}['type']")
            ptype = parameter["type"]
            if ptype not in parameter:
                raise missing(f"{p_where}['{ptype}']")
            if ptype == "text" and (not isinstance(parameter["text"], str)
                                    or not parameter["text"].strip()):
                raise invalid(f"{p_where}['text'] must be a non-empty string.")


def check_interactive(interactive: dict[str, Any]) -> None:
    kind = interactive.get("type")
    if not kind:
        raise missing("interactive['type']")
    body = interactive.get("body")
    footer = interactive.get("footer")
    if footer is not None:
        length(footer.get("text") if isinstance(footer, dict) else None, "Footer text", 60)
    action = interactive.get("action")
    if kind == "list":
        _check_list(interactive, body, action)
    elif kind == "button":
        _check_buttons(interactive, body, action)
    else:
        if kind not in ("cta_url", "location_request_message", "flow", "product",
                        "product_list", "catalog_message", "address_message",
                        "call_permission_request", "voice_call"):
            raise malformed(f"Param interactive['type'] must be one of {{BUTTON, LIST, "
                            f"CTA_URL, FLOW, LOCATION_REQUEST_MESSAGE, PRODUCT, "
                            f"PRODUCT_LIST}} - got \"{kind}\".")
        if action is None:
            raise missing("interactive['action']")


def _body_text(body: object, limit: int) -> None:
    if not isinstance(body, dict) or body.get("text") in (None, ""):
        raise missing("interactive['body']['text']")
    if not isinstance(body["text"], str):
        raise malformed("Param interactive['body']['text'] must be a string.")
    if len(body["text"]) > limit:
        raise too_long("interactive['body']['text']", limit)


def _check_list(interactive: dict[str, Any], body: object, action: object) -> None:
    _body_text(body, 4096)
    header = interactive.get("header")
    if header is not None:
        if not isinstance(header, dict) or header.get("type") != "text":
            raise invalid("Header type must be text for list messages.")
        length(header.get("text"), "Header text", 60)
    if not isinstance(action, dict):
        raise missing("interactive['action']")
    length(action.get("button"), "Button title", 20)
    sections = action.get("sections")
    if not isinstance(sections, list) or not sections:
        raise missing("interactive['action']['sections']")
    if len(sections) > 10:
        raise invalid(f"Too many sections. Min sections: 1, Max sections: 10, "
                       f"got: {len(sections)}")
    total_rows = 0
    row_ids: set[str] = set()
    for section in sections:
        if not isinstance(section, dict):
            raise missing("interactive['action']['sections'][...]")
        if len(sections) > 1 or "title" in section:
            length(section.get("title"), "Section title", 24)
        rows = section.get("rows")
        if not isinstance(rows, list) or not rows:
            raise missing("interactive['action']['sections'][...]['rows']")
        for row in rows:
            if not isinstance(row, dict):
                raise missing("interactive['action']['sections'][...]['rows'][...]")
            length(row.get("id"), "Row id", 200)
            length(row.get("title"), "Row title", 24)
            length(row.get("description"), "Row description", 72, required=False)
            if row["id"] in row_ids:
                raise invalid(f"Row ids must be unique: duplicate {row['id']!r}")
            row_ids.add(row["id"])
        total_rows += len(rows)
    if total_rows > 10:
        raise invalid(f"Total row count exceed max allowed count: 10, got: {total_rows}")


def _check_buttons(interactive: dict[str, Any], body: object, action: object) -> None:
    _body_text(body, 1024)
    header = interactive.get("header")
    if isinstance(header, dict) and header.get("type") == "text":
        length(header.get("text"), "Header text", 60)
    if not isinstance(action, dict):
        raise missing("interactive['action']")
    buttons = action.get("buttons")
    if not isinstance(buttons, list) or not buttons:
        raise missing("interactive['action']['buttons']")
    if len(buttons) > 3:
        raise invalid(f"Too many buttons. Min buttons: 1, Max buttons: 3, got: {len(buttons)}")
    titles: set[str] = set()
    ids: set[str] = set()
    for button in buttons:
        if not isinstance(button, dict) or button.get("type") != "reply":
            raise invalid("Button type must be reply.")
        reply = button.get("reply")
        if not isinstance(reply, dict):
            raise missing("interactive['action']['buttons'][...]['reply']")
        length(reply.get("id"), "Button id", 256)
        length(reply.get("title"), "Button title", 20)
        if reply["title"] in titles:
            raise invalid("Button title is not unique.")
        if reply["id"] in ids:
            raise invalid("Button id is not unique.")
        titles.add(reply["title"])
        ids.add(reply["id"])
