"""What a caller may see of a case (pure rules), in one place for every channel (list,
detail, CSV/XLSX, stream, console): the person who reported, and the texts (dashboards
get counts and categories only)."""

from __future__ import annotations

from typing import Any

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
    """Dashboards get counts and categories, never what a person wrote (the reporter's
    messages and the case's summary of them, officers' notes and resolution notes, free
    escalation reasons), nor media, locations or the reporter."""
    return principal.role is not Role.DASHBOARD


# What a case holds that someone wrote, or where: withheld from roles that do not read
# message contents, in every channel (list, detail, CSV/XLSX, stream, console).
CASE_TEXT_FIELDS = ("summary", "resolution_note", "location")
ENTRY_TEXT_FIELDS = ("text", "media", "location")
# Escalation reasons the router writes itself; any other reason is an officer's words.
REASON_CODES = frozenset({"sla", "resolve_sla", "reminder", "manual", "emergency"})


def case_fields_for(principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    """A case's fields as this caller may see them: without texts and location for a
    caller who may not read message contents (the reporter is decided by
    `visible_reporter`)."""
    if sees_message_contents(principal):
        return fields
    return {**fields, **{k: None for k in CASE_TEXT_FIELDS if k in fields}}


def entry_fields_for(principal: Principal, entry: dict[str, Any]) -> dict[str, Any]:
    """A timeline entry as this caller may see it: without text, media, location and a
    free-text reason for a caller who may not read message contents."""
    if sees_message_contents(principal):
        return entry
    shown = {k: v for k, v in entry.items() if k not in ENTRY_TEXT_FIELDS}
    if shown.get("reason") not in REASON_CODES:
        shown["reason"] = None
    return shown


def searches_texts(principal: Principal) -> bool:
    """Whether `q` may search the cases' texts (else only references): a text search
    would tell a dashboard which cases contain a word."""
    return sees_message_contents(principal)
