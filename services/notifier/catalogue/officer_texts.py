"""What Matur says to officers, in Bahasa Indonesia: one function per kind (the table of
kinds is `texts.TEXTS`; the names of things are in `words.py`)."""

from __future__ import annotations

from contracts.notifications import NotificationKind, NotificationRequest, OfficerUpdate
from services.notifier.catalogue.limits import shorten
from services.notifier.catalogue.params import can_escalate, param, reference
from services.notifier.catalogue.phrases import format_time, place
from services.notifier.catalogue.words import (
    ACCEPT_BUTTON,
    ACTION_LABEL,
    ATTACHMENT_LABEL,
    CATEGORY_LABEL,
    ESCALATE_BUTTON,
    STATUS_LABEL,
    TIER_LABEL,
    URGENCY_LABEL,
    label,
)

NEWS = "ada perkembangan baru."


def reporter(req: NotificationRequest) -> str:
    """Who reported, as far as the officer may know (the router leaves him out otherwise)."""
    name, phone = param(req, "reporter_name"), param(req, "reporter_phone")
    if not name and not phone:
        return "dirahasiakan"
    if name and phone:
        return f"{name} ({phone})"
    return name or phone


def officer_case_heading(req: NotificationRequest) -> str:
    if req.kind == NotificationKind.OFFICER_ESCALATED_CASE:
        from_tier = param(req, "from_tier")
        source = f" dari {label(TIER_LABEL, from_tier)}" if from_tier else ""
        return f"Laporan *{reference(req)}* dinaikkan kepada Anda{source}."
    if req.params.get("handed_over"):
        from_tier = param(req, "from_tier")
        source = f" (sebelumnya di {label(TIER_LABEL, from_tier)})" if from_tier else ""
        return f"Laporan *{reference(req)}* dialihkan kepada Anda{source}."
    return f"Laporan baru *{reference(req)}* untuk Anda."


def case_facts(req: NotificationRequest, summary_limit: int = 500) -> list[tuple[str, str]]:
    """(what, value) of the case alert, those the request has: category, urgency, place,
    reporter, summary."""
    facts = [
        ("Jenis", label(CATEGORY_LABEL, param(req, "category"))),
        ("Urgensi", label(URGENCY_LABEL, param(req, "urgency"))),
        ("Lokasi", place(req)),
        ("Pelapor", reporter(req)),
        ("Ringkasan", shorten(param(req, "summary"), summary_limit)),
    ]
    return [(what, value) for what, value in facts if value]


def officer_case(req: NotificationRequest) -> str:
    lines = [officer_case_heading(req)]
    lines += [f"{what}: {value}" for what, value in case_facts(req)]
    due = param(req, "due_at")
    if due:
        lines.append(f"Mohon ditanggapi sebelum {format_time(due)}.")
    if can_escalate(req):
        lines.append(
            f"Tekan *{ACCEPT_BUTTON}* untuk menangani, "
            f"atau *{ESCALATE_BUTTON}* untuk meneruskan ke atasan."
        )
    else:
        lines.append(f"Tekan *{ACCEPT_BUTTON}* untuk menangani.")
    lines.append(f"Jika sudah selesai, balas: selesai {reference(req)} <catatan singkat>")
    return "\n".join(lines)


def _citizen_message(req: NotificationRequest) -> str:
    """What the reporter added: his words, a location pin, an attachment."""
    text = param(req, "text")
    if text:
        return text
    latitude, longitude = param(req, "latitude"), param(req, "longitude")
    if latitude and longitude:
        return f"Lokasi: {latitude}, {longitude}"
    attachment = param(req, "attachment")
    if attachment:
        return f"Lampiran: {label(ATTACHMENT_LABEL, attachment)}"
    message_type = param(req, "message_type")
    return f"Pesan ({message_type})" if message_type else NEWS


def officer_update(req: NotificationRequest) -> str:
    """`officer_case_update`, by its `update` parameter (`OfficerUpdate`)."""
    ref = reference(req)
    update = param(req, "update")
    if update == OfficerUpdate.CLOSED:
        status = label(STATUS_LABEL, param(req, "status"))
        return f"Laporan *{ref}* ditutup ({status})." if status else f"Laporan *{ref}* ditutup."
    if update == OfficerUpdate.REMINDER:
        return f"Pengingat ke-{param(req, 'reminder', '1')}: laporan *{ref}* belum ditangani."
    if update in (OfficerUpdate.ESCALATED, OfficerUpdate.REASSIGNED):
        return _handed_over(req, ref, update)
    if update == OfficerUpdate.CITIZEN_MESSAGE:
        return f"Laporan *{ref}*: {_citizen_message(req)}"
    return f"Laporan *{ref}*: {param(req, 'text', NEWS)}"  # an older producer's own text


def _handed_over(req: NotificationRequest, ref: str, update: str) -> str:
    """The case left the officer: up the ladder (he may still take it) or to another."""
    tier = label(TIER_LABEL, param(req, "to_tier"))
    name = param(req, "to_officer_name")
    whom = " ".join(part for part in (tier, name) if part) or "petugas lain"
    if update == OfficerUpdate.REASSIGNED:
        return f"Laporan *{ref}* dialihkan kepada {whom}. Anda tidak perlu menindaklanjutinya."
    text = f"Laporan *{ref}* sudah dinaikkan kepada {whom}."
    if req.params.get("may_acknowledge"):
        text += f" Anda masih dapat menanganinya: balas *terima {ref}*."
    return text


def officer_action_done(req: NotificationRequest) -> str:
    action = param(req, "action")
    ref = reference(req)
    if action == "unknown_command":
        return (
            "Maaf, perintah tidak dikenali. Balas *terima <nomor laporan>* untuk menangani, "
            "atau *selesai <nomor laporan> <catatan>* bila sudah selesai."
        )
    if action == "not_found":
        return f"Laporan *{ref}* tidak ditemukan. Mohon periksa kembali nomor laporannya."
    if action == "not_allowed":
        return (
            f"Maaf, laporan *{ref}* tidak dapat Anda tindak lanjuti: "
            "laporan ini berada di wilayah atau tingkat petugas lain."
        )
    done = ACTION_LABEL.get(action, "dicatat")
    return f"Laporan *{ref}* sudah {done}. Terima kasih."


def sign_in_code(req: NotificationRequest) -> str:
    return (
        f"Kode masuk Matur Anda: *{param(req, 'code', '-')}*\n"
        "Jangan berikan kode ini kepada siapa pun, termasuk petugas."
    )
