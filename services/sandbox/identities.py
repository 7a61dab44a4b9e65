"""Identifiers the way Meta mints them: message ids (wamid) and business-scoped user ids."""

from __future__ import annotations

import base64
import hashlib
import secrets


def new_wamid(phone: str | None = None) -> str:
    """`wamid.` + base64 of a protobuf-like blob holding the phone and a random id, as in
    `wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=`. Unique per call."""
    who = (phone or "0").encode()[:60]
    blob = (
        b"\x1c\x18" + bytes([len(who)]) + who + b"\x15\x02\x00\x12\x18\x14"
        + secrets.token_hex(10).upper().encode() + b"\x00"
    )
    return "wamid." + base64.b64encode(blob).decode()


def bsuid_for_phone(phone: str) -> str:
    """A stable business-scoped user id for a phone, e.g. `ID.13491208655302741918`.

    Deterministic, so the same simulated citizen keeps one BSUID across sandbox restarts.
    """
    digits = phone.lstrip("+")
    country = "ID" if digits.startswith("62") else "US"
    number = int(hashlib.sha256(f"bsuid:{digits}".encode()).hexdigest()[:16], 16)
    return f"{country}.{number:020d}"[:23]


def recipient_key(to: str) -> str:
    """How the sandbox files a recipient: a BSUID (`ID.…`) as is, a phone as its digits."""
    to = to.strip()
    if "." in to:
        return to
    return "".join(ch for ch in to if ch.isdigit())
