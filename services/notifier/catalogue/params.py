"""What a `NotificationRequest` says: its catalogue parameters, read the same way by the
texts, the free-form bodies and the templates."""

from __future__ import annotations

from contracts.hierarchy import Tier
from contracts.notifications import NotificationRequest


def param(req: NotificationRequest, key: str, default: str = "") -> str:
    """A parameter as text (missing or empty: `default`)."""
    value = req.params.get(key)
    if value is None or value == "":
        return default
    return str(value)


def reference(req: NotificationRequest) -> str:
    return param(req, "reference") or req.reference or "-"


def case_id(req: NotificationRequest) -> str:
    return param(req, "case_id") or req.case_id or ""


def can_escalate(req: NotificationRequest) -> bool:
    """Nobody is above the Kapolres: a case that reached him has no "Naikkan" button."""
    return param(req, "tier") != Tier.KAPOLRES and param(req, "from_tier") != Tier.KAPOLSEK
