"""Who a message goes to, in the form the Cloud API expects."""

from __future__ import annotations

import re
from typing import Any

from contracts.notifications import Recipient

_NON_DIGITS = re.compile(r"\D")


def to_e164(phone: str, country_code: str = "62") -> str:
    """`081234567890`, `6281234567890`, `+62 812-3456-7890` -> `+6281234567890`.

    Meta prepends the *line's* country code to a number without `+`, so every number is
    sent with its `+` and country code; an Indonesian local number (leading 0) gets 62.
    """
    digits = _NON_DIGITS.sub("", phone)
    if not digits:
        raise ValueError("a phone number needs digits")
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("0"):
        digits = country_code + digits.lstrip("0")
    elif digits.startswith("8") and len(digits) <= 12:
        digits = country_code + digits  # 812...: an Indonesian mobile without its 0
    return "+" + digits


def address(recipient: Recipient) -> dict[str, Any]:
    """The addressing fields of a send: `to` (E.164) when a phone number is known, else the
    business-scoped user id in `recipient` (users who adopted a username may have no number)."""
    if recipient.wa_id:
        return {"recipient_type": "individual", "to": to_e164(recipient.wa_id)}
    if recipient.user_id:
        return {"recipient_type": "individual", "recipient": recipient.user_id}
    raise ValueError("the recipient has neither a phone number nor a business-scoped user id")
