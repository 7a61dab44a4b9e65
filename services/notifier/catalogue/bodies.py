"""Free-form message bodies (inside the 24-hour customer service window): text, an
interactive list or reply buttons, each kept within WhatsApp's limits (`limits.py`).

Interactive ids follow the agreed conventions: village rows `village:<code>`, rating rows
`rate:<case_id>:<n>`, officer buttons `ack:<case_id>` and `esc:<case_id>`.
"""

from __future__ import annotations

from typing import Any

from contracts.notifications import NotificationKind, NotificationRequest
from services.notifier.catalogue import citizen_texts
from services.notifier.catalogue import limits as L
from services.notifier.catalogue.limits import shorten
from services.notifier.catalogue.params import can_escalate, case_id
from services.notifier.catalogue.phrases import (
    district_line,
    rating_row_title,
    village_list_header,
)
from services.notifier.catalogue.texts import text_of
from services.notifier.catalogue.words import (
    ACCEPT_BUTTON,
    ESCALATE_BUTTON,
    OFFICER_FOOTER,
    RATING_LABELS,
    RATING_LIST_BUTTON,
    RATING_LIST_HEADER,
    RATING_LIST_SECTION,
    VILLAGE_LIST_BUTTON,
    VILLAGE_LIST_SECTION,
)

Body = dict[str, Any]
VILLAGE_ID_PREFIX = "village:"


def text_message(body: str) -> Body:
    return {"type": "text", "text": {"preview_url": False, "body": shorten(body, L.TEXT_BODY_MAX)}}


def list_message(
    body: str,
    button: str,
    rows: list[dict[str, str]],
    header: str | None = None,
    footer: str | None = None,
    section_title: str | None = None,
) -> Body:
    section: dict[str, Any] = {"rows": rows[: L.LIST_MAX_ROWS]}
    if section_title:
        section = {"title": shorten(section_title, L.LIST_SECTION_TITLE_MAX), **section}
    interactive: dict[str, Any] = {"type": "list"}
    if header:
        interactive["header"] = {"type": "text", "text": shorten(header, L.HEADER_MAX)}
    interactive["body"] = {"text": shorten(body, L.LIST_BODY_MAX)}
    if footer:
        interactive["footer"] = {"text": shorten(footer, L.FOOTER_MAX)}
    interactive["action"] = {"button": shorten(button, L.LIST_BUTTON_MAX), "sections": [section]}
    return {"type": "interactive", "interactive": interactive}


def list_row(row_id: str, title: str, description: str | None = None) -> dict[str, str]:
    row = {"id": row_id[: L.LIST_ROW_ID_MAX], "title": shorten(title, L.LIST_ROW_TITLE_MAX)}
    if description:
        row["description"] = shorten(description, L.LIST_ROW_DESCRIPTION_MAX)
    return row


def buttons_message(body: str, buttons: list[tuple[str, str]], footer: str | None = None) -> Body:
    """Reply buttons: (id, title) pairs, at most three, titles unique and short."""
    seen: set[str] = set()
    items = []
    for button_id, title in buttons[: L.BUTTONS_MAX]:
        short = shorten(title, L.BUTTON_TITLE_MAX)
        if short in seen:
            continue
        seen.add(short)
        items.append(
            {"type": "reply", "reply": {"id": button_id[: L.BUTTON_ID_MAX], "title": short}}
        )
    interactive: dict[str, Any] = {
        "type": "button",
        "body": {"text": shorten(body, L.BUTTONS_BODY_MAX)},
        "action": {"buttons": items},
    }
    if footer:
        interactive["footer"] = {"text": shorten(footer, L.FOOTER_MAX)}
    return {"type": "interactive", "interactive": interactive}


def _row_description(option: dict[str, Any]) -> str | None:
    """The option's district (`Kec. <name>`), or its `description` as an older producer
    wrote it (a bare district name gets `Kec.` too)."""
    district = option.get("district")
    if district:
        return district_line(str(district))
    description = option.get("description")
    if not description:
        return None
    text = str(description)
    if text[0].isalpha() and not text.lower().startswith("kec"):
        return district_line(text)  # a bare district name
    return text


def _village_rows(req: NotificationRequest) -> list[dict[str, str]]:
    rows = []
    for option in (req.params.get("options") or [])[: L.LIST_MAX_ROWS]:
        option_id = str(option.get("id") or "")
        if not option_id:
            continue
        if not option_id.startswith(VILLAGE_ID_PREFIX):
            option_id = f"{VILLAGE_ID_PREFIX}{option_id}"
        title = str(option.get("title") or option_id.removeprefix(VILLAGE_ID_PREFIX))
        rows.append(list_row(option_id, title, _row_description(option)))
    return rows


def _rating_rows(req: NotificationRequest) -> list[dict[str, str]]:
    case = case_id(req)
    return [
        list_row(f"rate:{case}:{n}", rating_row_title(n)) for n in range(1, len(RATING_LABELS) + 1)
    ]


def _village_choice(req: NotificationRequest) -> Body:
    rows = _village_rows(req)
    if not rows:
        return text_message(citizen_texts.ask_village(req))
    return list_message(
        text_of(req),
        button=VILLAGE_LIST_BUTTON,
        rows=rows,
        header=village_list_header(req),
        section_title=VILLAGE_LIST_SECTION,
    )


def _rating_question(req: NotificationRequest) -> Body:
    return list_message(
        text_of(req),
        button=RATING_LIST_BUTTON,
        rows=_rating_rows(req),
        header=RATING_LIST_HEADER,
        section_title=RATING_LIST_SECTION,
    )


def _officer_case(req: NotificationRequest) -> Body:
    case = case_id(req)
    buttons = [(f"ack:{case}", ACCEPT_BUTTON)]
    if can_escalate(req):
        buttons.append((f"esc:{case}", ESCALATE_BUTTON))
    return buttons_message(text_of(req), buttons, footer=OFFICER_FOOTER)


def free_form(req: NotificationRequest) -> Body:
    """The message part (`type` and its object) to send inside the 24-hour window."""
    kind = req.kind
    if kind == NotificationKind.CHOOSE_VILLAGE:
        return _village_choice(req)
    if kind == NotificationKind.RATING_QUESTION:
        return _rating_question(req)
    if kind in (NotificationKind.OFFICER_NEW_CASE, NotificationKind.OFFICER_ESCALATED_CASE):
        return _officer_case(req)
    return text_message(text_of(req))
