"""WhatsApp's limits on what a message may hold, and the shortening that keeps within them
(rather than letting the Cloud API refuse the message).

Interactive list: <= 10 rows, row title <= 24, description <= 72, button label <= 20,
header/footer <= 60, body <= 4096; reply buttons: <= 3, title <= 20, body <= 1024;
template parameters: one line, no tabs, no runs of more than 4 spaces [M-list, M-buttons].
"""

from __future__ import annotations

import re

LIST_MAX_ROWS = 10
LIST_ROW_TITLE_MAX = 24
LIST_ROW_DESCRIPTION_MAX = 72
LIST_ROW_ID_MAX = 200
LIST_BUTTON_MAX = 20
LIST_SECTION_TITLE_MAX = 24
HEADER_MAX = 60
FOOTER_MAX = 60
TEXT_BODY_MAX = 4096
LIST_BODY_MAX = 4096
BUTTONS_MAX = 3
BUTTON_TITLE_MAX = 20
BUTTON_ID_MAX = 256
BUTTONS_BODY_MAX = 1024
TEMPLATE_PARAM_MAX = 700  # keeps a whole template body well inside 1024 characters
CALLBACK_DATA_MAX = 512

_SPACES = re.compile(r"\s+")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters; a cut ends with `…`, at a word boundary when one is near."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + "…"


def one_line(text: str, limit: int = TEMPLATE_PARAM_MAX) -> str:
    """A template parameter: no newlines or tabs, no long runs of spaces, no bold marks."""
    lines = [ln.strip().removeprefix("• ").strip() for ln in text.replace("*", "").splitlines()]
    lines = [ln for ln in lines if ln]
    sentences = [ln if ln[-1] in ".!?:;…" else ln + "." for ln in lines[:-1]] + lines[-1:]
    flat = _SPACES.sub(" ", " ".join(sentences)).strip()
    return shorten(flat, limit) or "-"
