"""What a caller may see of the person who reported (pure rules)."""

from __future__ import annotations

from contracts.case_events import Reporter
from contracts.lines import mask_phone
from services.api.access.roles import Principal, Role


def reporter_hidden(principal: Principal, about_officer_id: str | None, confidential: bool) -> bool:
    """Hidden entirely: from the officer the complaint is about, for a confidential
    reporter, and from dashboards (no personal data)."""
    if confidential or principal.role is Role.DASHBOARD:
        return True
    return principal.officer_id is not None and principal.officer_id == about_officer_id


def reporter_masked(principal: Principal) -> bool:
    """Masked (recognisable, not usable): systems not configured to see reporters, admins."""
    if principal.role is Role.SYSTEM:
        return not principal.reveal_reporter
    return principal.role is Role.ADMIN


def mask_name(name: str | None) -> str | None:
    """`Siti Aminah` -> `S*** A***`."""
    if not name:
        return name
    return " ".join(w[0] + "***" for w in name.split())


def visible_reporter(
    principal: Principal, reporter: Reporter, about_officer_id: str | None
) -> tuple[Reporter | None, bool]:
    """(the reporter as this caller may see him or None, whether it was masked)."""
    if reporter_hidden(principal, about_officer_id, reporter.confidential):
        return None, False
    if reporter_masked(principal):
        return (
            Reporter(
                key=reporter.key,
                wa_id=mask_phone(reporter.wa_id),
                name=mask_name(reporter.name),
                confidential=reporter.confidential,
            ),
            True,
        )
    return reporter, False


def sees_message_contents(principal: Principal) -> bool:
    """Dashboards get no personal data: no message texts, media or locations of a case
    (its summary, category and areas remain)."""
    return principal.role is not Role.DASHBOARD
