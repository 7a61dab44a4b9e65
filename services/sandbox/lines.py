"""The display numbers of the business lines, from the roster file when there is one."""

from __future__ import annotations

import logging
from pathlib import Path

from contracts.roster import load_roster
from services.sandbox.settings import KAPOLRES_LINE

log = logging.getLogger(__name__)

_KNOWN = {KAPOLRES_LINE: "6285335220000"}


def display_numbers(roster_path: Path) -> dict[str, str]:
    """phone_number_id -> display_phone_number (no '+'), for every line the roster names."""
    numbers = dict(_KNOWN)
    if not roster_path.is_file():
        return numbers
    try:
        roster = load_roster(roster_path)
    except Exception:
        log.warning("roster file unreadable; using default line numbers",
                    extra={"path": str(roster_path)}, exc_info=True)
        return numbers
    for line in roster.lines:
        if line.display_phone_number:
            numbers[line.phone_number_id] = line.display_phone_number.lstrip("+")
    return numbers


def fallback_display_number(phone_number_id: str) -> str:
    """A stable Indonesian-looking number for a line the roster does not name."""
    return "6285" + phone_number_id[-9:].rjust(9, "0")
