"""Templates: what is sent outside the 24-hour window, where only approved (paid) templates
may go. Each is an approved utility template in language `id` with named body parameters
on one line, and quick-reply buttons whose payloads are the same ids as the interactive
replies (`ack:<case_id>`, `esc:<case_id>`, `rate:<case_id>:<n>`); the sign-in code uses
an authentication template. The bodies to register with Meta are in the notifier README.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contracts.notifications import NotificationKind, NotificationRequest
from services.notifier.catalogue.limits import one_line, shorten
from services.notifier.catalogue.officer_texts import officer_case_heading, reporter
from services.notifier.catalogue.params import case_id, param, reference
from services.notifier.catalogue.phrases import format_time, place
from services.notifier.catalogue.summary_texts import summary_fields
from services.notifier.catalogue.texts import update_summary
from services.notifier.catalogue.words import CATEGORY_LABEL, UNKNOWN, URGENCY_LABEL, label

Body = dict[str, Any]


@dataclass(frozen=True)
class TemplateNames:
    """Approved templates (category utility, except the sign-in code: authentication)."""

    update: str = "matur_update"  # body {{nomor}} {{pesan}}
    officer_case: str = "matur_kasus_baru"  # body params below + 2 quick replies
    rating: str = "matur_penilaian"  # body {{nomor}} + 5 quick replies
    sign_in: str = "matur_kode_masuk"  # authentication: {{1}} + copy-code button
    daily_summary: str = "matur_ringkasan_harian"  # body params of summary_fields
    language: str = "id"


def _named(name: str, value: str) -> dict[str, str]:
    return {"type": "text", "parameter_name": name, "text": one_line(value)}


def _quick_replies(payloads: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "type": "button",
            "sub_type": "quick_reply",
            "index": str(i),
            "parameters": [{"type": "payload", "payload": payload}],
        }
        for i, payload in enumerate(payloads)
    ]


def _template(name: str, language: str, components: list[dict[str, Any]]) -> Body:
    return {
        "type": "template",
        "template": {"name": name, "language": {"code": language}, "components": components},
    }


def _sign_in(req: NotificationRequest, names: TemplateNames) -> Body:
    code = one_line(param(req, "code", UNKNOWN), 15)
    return _template(
        names.sign_in,
        names.language,
        [
            {"type": "body", "parameters": [{"type": "text", "text": code}]},
            {
                "type": "button",
                "sub_type": "url",
                "index": "0",
                "parameters": [{"type": "text", "text": code}],
            },
        ],
    )


def _officer_case(req: NotificationRequest, names: TemplateNames) -> Body:
    case = case_id(req)
    due = param(req, "due_at")
    body = [
        _named("keterangan", officer_case_heading(req)),
        _named("jenis", label(CATEGORY_LABEL, param(req, "category"), UNKNOWN)),
        _named("urgensi", label(URGENCY_LABEL, param(req, "urgency"), UNKNOWN)),
        _named("lokasi", place(req) or UNKNOWN),
        _named("pelapor", reporter(req)),
        _named("ringkasan", shorten(param(req, "summary", UNKNOWN), 400)),
        _named("batas", format_time(due) if due else UNKNOWN),
    ]
    return _template(
        names.officer_case,
        names.language,
        [
            {"type": "body", "parameters": body},
            *_quick_replies([f"ack:{case}", f"esc:{case}"]),
        ],
    )


def _rating(req: NotificationRequest, names: TemplateNames) -> Body:
    case = case_id(req)
    return _template(
        names.rating,
        names.language,
        [
            {"type": "body", "parameters": [_named("nomor", reference(req))]},
            *_quick_replies([f"rate:{case}:{n}" for n in range(1, 6)]),
        ],
    )


def _daily_summary(req: NotificationRequest, names: TemplateNames) -> Body:
    parameters = [_named(name, value) for name, value in summary_fields(req)]
    return _template(
        names.daily_summary, names.language, [{"type": "body", "parameters": parameters}]
    )


def _update(req: NotificationRequest, names: TemplateNames) -> Body:
    """`matur_update`: every other kind, its free-form text folded onto one line."""
    parameters = [_named("nomor", reference(req)), _named("pesan", update_summary(req))]
    return _template(names.update, names.language, [{"type": "body", "parameters": parameters}])


def template(req: NotificationRequest, names: TemplateNames) -> Body:
    """The message part to send outside the window: an approved template."""
    kind = req.kind
    if kind == NotificationKind.SIGN_IN_CODE:
        return _sign_in(req, names)
    if kind in (NotificationKind.OFFICER_NEW_CASE, NotificationKind.OFFICER_ESCALATED_CASE):
        return _officer_case(req, names)
    if kind == NotificationKind.RATING_QUESTION:
        return _rating(req, names)
    if kind == NotificationKind.DAILY_SUMMARY:
        return _daily_summary(req, names)
    return _update(req, names)
