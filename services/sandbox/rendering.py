"""Recorded sends as plain text a person can read in a terminal (the `matur` CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def render_record(record: dict[str, Any]) -> str:
    """One recorded `/messages` call: a header line, then the content indented."""
    when = datetime.fromtimestamp(record["time"]).strftime("%H:%M:%S")
    body = record.get("body") if isinstance(record.get("body"), dict) else {}
    kind = record.get("type") or "?"
    head = f"[{when}] line {record['phone_number_id']} -> {record.get('to') or '?'} ({kind})"
    if not record.get("accepted"):
        error = record.get("response", {}).get("error", {})
        head += f"  REFUSED {record.get('http_status')}: {error.get('message', '')}"
    lines = [head] + ["  " + line for line in render_body(body or {})]
    return "\n".join(lines)


def render_body(body: dict[str, Any]) -> list[str]:
    msg_type = body.get("type", "text")
    content = body.get(msg_type)
    if body.get("status") == "read":
        return [f"(marked {body.get('message_id')} as read)"]
    if msg_type == "text" and isinstance(content, dict):
        return str(content.get("body", "")).splitlines() or [""]
    if msg_type == "interactive" and isinstance(content, dict):
        return _interactive(content)
    if msg_type == "template" and isinstance(content, dict):
        return _template(content)
    if msg_type == "location" and isinstance(content, dict):
        return [f"location {content.get('latitude')}, {content.get('longitude')} "
                f"{content.get('name') or ''}".rstrip()]
    if msg_type == "reaction" and isinstance(content, dict):
        return [f"reaction {content.get('emoji')} to {content.get('message_id')}"]
    if isinstance(content, dict) and ("id" in content or "link" in content):
        lines = [f"[{msg_type}] {content.get('link') or content.get('id')}"]
        if content.get("caption"):
            lines.append(str(content["caption"]))
        return lines
    return [f"[{msg_type}] {content!r}"]


def _text_of(part: object) -> str | None:
    if isinstance(part, dict):
        text = part.get("text")
        return str(text) if text else None
    return None


def _interactive(content: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    header = _text_of(content.get("header"))
    if header:
        lines.append(f"*{header}*")
    body = _text_of(content.get("body"))
    if body:
        lines.extend(body.splitlines())
    footer = _text_of(content.get("footer"))
    if footer:
        lines.append(f"_{footer}_")
    action = content.get("action") or {}
    if content.get("type") == "list":
        lines.append(f"[list button: {action.get('button')}]")
        for section in action.get("sections") or []:
            if section.get("title"):
                lines.append(f"  {section['title']}")
            for row in section.get("rows") or []:
                line = f"    ({row.get('id')}) {row.get('title')}"
                if row.get("description"):
                    line += f" - {row['description']}"
                lines.append(line)
    elif content.get("type") == "button":
        for button in action.get("buttons") or []:
            reply = button.get("reply") or {}
            lines.append(f"  [button ({reply.get('id')}) {reply.get('title')}]")
    else:
        lines.append(f"[interactive {content.get('type')}]")
    return lines


def _parameter(parameter: dict[str, Any]) -> str:
    ptype = parameter.get("type", "text")
    value = parameter.get(ptype)
    if ptype == "text":
        shown = str(value)
    elif ptype == "payload":
        shown = f"payload={value}"
    elif isinstance(value, dict):
        shown = f"{ptype}:{value.get('id') or value.get('link') or value}"
    else:
        shown = f"{ptype}:{value}"
    name = parameter.get("parameter_name")
    return f"{name}={shown}" if name else shown


def _template(content: dict[str, Any]) -> list[str]:
    language = (content.get("language") or {}).get("code")
    lines = [f"template {content.get('name')} ({language})"]
    for component in content.get("components") or []:
        params = [_parameter(p) for p in component.get("parameters") or []]
        label = component.get("type", "?")
        if label == "button":
            label += f" {component.get('index')} {component.get('sub_type')}"
        lines.append(f"  {label}: " + " | ".join(params))
    return lines
