"""The WhatsApp business numbers ("lines") Matur answers, and who a sender is."""

from __future__ import annotations

import hashlib

from pydantic import Field

from contracts.base import ContractModel
from contracts.hierarchy import Tier


class Line(ContractModel):
    """One WhatsApp business phone number and the area it serves.

    A Bhabin line names its villages, a Polsek line its district, the Kapolres line the
    regency (area codes from the official idn-area codes, e.g. `35.22.07.2001`).
    """

    phone_number_id: str
    display_phone_number: str | None = None
    tier: Tier | None = Field(default=None, description="None when the line is not configured")
    area_codes: tuple[str, ...] = ()
    label: str | None = None


def citizen_key(user_id: str | None, wa_id: str | None) -> str:
    """The pseudonymous key of a WhatsApp user, used as the Kafka key of everything they send.

    The business-scoped user id (BSUID) wins when present, because from 2026 a username user
    may arrive without a phone number; otherwise the phone-number id. The value is hashed so
    that topic keys never carry a phone number.
    """
    if user_id:
        basis = f"bsuid:{user_id}"
    elif wa_id:
        basis = f"wa:{wa_id}"
    else:
        raise ValueError("a WhatsApp user needs a user_id or a wa_id")
    return "c_" + hashlib.sha256(basis.encode()).hexdigest()[:24]


def mask_phone(phone: str | None) -> str | None:
    """`6281234567890` -> `62812******90`: enough for a person to recognise, not to dial."""
    if not phone:
        return phone
    digits = phone.lstrip("+")
    if len(digits) <= 6:
        return "*" * len(digits)
    return digits[:5] + "*" * (len(digits) - 7) + digits[-2:]


class Sender(ContractModel):
    """A citizen (or officer) who wrote to a line."""

    key: str = Field(description="citizen_key(user_id, wa_id): the Kafka key")
    user_id: str | None = Field(default=None, description="Business-scoped user id (BSUID)")
    wa_id: str | None = Field(default=None, description="Phone number, no '+'; may be absent")
    profile_name: str | None = None
    username: str | None = None
    parent_user_id: str | None = Field(
        default=None, description="Parent business-scoped user id (`US.ENT.…`), if sent"
    )
