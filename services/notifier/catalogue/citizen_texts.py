"""What Matur says to citizens, in Bahasa Indonesia: one function per kind (the table of
kinds is `texts.TEXTS`; the names of things are in `words.py`)."""

from __future__ import annotations

from contracts.hierarchy import CaseStatus, Category, Tier
from contracts.notifications import DangerKind, NotificationRequest
from services.notifier.catalogue.params import param, reference
from services.notifier.catalogue.phrases import (
    PICK_VILLAGE,
    TYPE_VILLAGE,
    VILLAGE_QUESTION,
    district_line,
    format_time,
    place,
)
from services.notifier.catalogue.words import (
    CATEGORY_LABEL,
    DANGER_CALL,
    GENERAL_EMERGENCY_NUMBER,
    HANDLER_LABEL,
    LINE_LABEL,
    STATUS_LABEL,
    TIER_LABEL,
    label,
)

CONFIDENTIAL_NEXT_STEP = (
    "Pengaduan ini kami teruskan langsung kepada Kapolres Bojonegoro dan ditangani secara "
    "rahasia. Petugas yang Anda adukan tidak menerima pengaduan ini dan tidak diberi tahu "
    "identitas Anda."
)


def receipt(req: NotificationRequest) -> str:
    """The reporter's receipt; a complaint about police says it goes to the Kapolres in
    confidence, not to the officer concerned."""
    about_police = param(req, "category") == Category.OFFICER_CONDUCT
    lines = [
        "Terima kasih, pengaduan Anda sudah kami terima."
        if about_police
        else "Terima kasih, laporan Anda sudah kami terima.",
        f"Nomor laporan: *{reference(req)}*",
    ]
    category = param(req, "category")
    if category:
        lines.append(f"Jenis: {label(CATEGORY_LABEL, category)}")
    where = place(req)
    if where:
        lines.append(f"Lokasi: {where}")
    handler = param(req, "handler_tier")
    next_step = (
        CONFIDENTIAL_NEXT_STEP
        if about_police
        else f"Laporan ini diteruskan kepada {label(HANDLER_LABEL, handler)}."
        if handler
        else "Laporan ini segera kami teruskan kepada petugas yang berwenang."
    )
    lines += [
        "",
        next_step,
        "Kabar selanjutnya akan kami kirim di sini. Ketik *status* untuk melihat perkembangan.",
        "Dalam keadaan darurat, hubungi 110.",
    ]
    return "\n".join(lines)


def ask_village(req: NotificationRequest) -> str:
    return f"Laporan *{reference(req)}* sudah kami catat. {VILLAGE_QUESTION} {TYPE_VILLAGE}"


def choose_village(req: NotificationRequest) -> str:
    return f"Laporan *{reference(req)}* sudah kami catat. {VILLAGE_QUESTION} {PICK_VILLAGE}"


def assigned(req: NotificationRequest) -> str:
    tier = label(TIER_LABEL, param(req, "tier"))
    officer = param(req, "officer_name")
    who = f"{officer} ({tier})" if officer and tier else officer or tier or "petugas kami"
    return f"Laporan *{reference(req)}* kini ditangani oleh {who}."


def escalated(req: NotificationRequest) -> str:
    tier = label(TIER_LABEL, param(req, "tier"), "pimpinan")
    return (
        f"Laporan *{reference(req)}* kami teruskan kepada {tier} "
        "agar segera mendapat tanggapan. Mohon maaf atas waktu tunggunya."
    )


def message_added(req: NotificationRequest) -> str:
    return (
        f"Tambahan informasi untuk laporan *{reference(req)}* sudah kami terima "
        "dan kami teruskan kepada petugas."
    )


def emergency_advice(req: NotificationRequest) -> str:
    """Whom to call for the kind of danger (`danger`), always with 112."""
    call = DANGER_CALL.get(param(req, "danger"), DANGER_CALL[DangerKind.CRIME])
    bpbd = param(req, "bpbd_number") or GENERAL_EMERGENCY_NUMBER
    return (
        f"Jika ada bahaya atau keadaan darurat, segera telepon {call.format(bpbd=bpbd)}. "
        f"Nomor darurat umum: *{GENERAL_EMERGENCY_NUMBER}* (gratis, 24 jam). "
        f"Laporan *{reference(req)}* juga sudah kami teruskan ke petugas terdekat."
    )


def status_answer(req: NotificationRequest) -> str:
    cases = req.params.get("cases") or []
    if not cases:
        return (
            "Saat ini tidak ada laporan aktif atas nomor Anda. "
            "Silakan ceritakan kejadian yang ingin Anda laporkan."
        )
    lines = ["Perkembangan laporan Anda:"]
    for case in cases[:20]:
        ref = str(case.get("reference") or "-")
        status = label(STATUS_LABEL, str(case.get("status") or ""), "-")
        line = f"• *{ref}*: {status}"
        tier = str(case.get("tier") or "")
        if tier and case.get("status") not in (CaseStatus.RESOLVED, CaseStatus.CANCELLED):
            line += f", oleh {label(TIER_LABEL, tier)}"
        updated = case.get("updated_at")
        if updated:
            line += f" (diperbarui {format_time(str(updated))})"
        lines.append(line)
    return "\n".join(lines)


def cancelled(req: NotificationRequest) -> str:
    return f"Laporan *{reference(req)}* telah dibatalkan sesuai permintaan Anda. Terima kasih."


def resolved(req: NotificationRequest) -> str:
    officer = param(req, "officer_name")
    by = f" oleh {officer}" if officer else ""
    lines = [f"Laporan *{reference(req)}* telah selesai ditangani{by}."]
    note = param(req, "note")
    if note:
        lines.append(f"Catatan petugas: {note}")
    lines.append("Terima kasih telah melapor.")
    return "\n".join(lines)


def rating_question(req: NotificationRequest) -> str:
    return (
        f"Bagaimana pelayanan kami untuk laporan *{reference(req)}*? "
        "Mohon beri nilai 1 (sangat kurang) sampai 5 (sangat baik)."
    )


def rating_thanks(req: NotificationRequest) -> str:
    rating = param(req, "rating")
    given = f" ({rating}/5)" if rating else ""
    return (
        f"Terima kasih atas penilaian Anda{given} untuk laporan *{reference(req)}*. "
        "Masukan Anda membantu kami melayani lebih baik."
    )


def help_text(req: NotificationRequest) -> str:
    return "\n".join(
        [
            "Selamat datang di layanan pengaduan Polres Bojonegoro.",
            "• Ceritakan kejadiannya: apa, di mana (desa) dan kapan.",
            "• Ketik *status* untuk melihat perkembangan laporan Anda.",
            "• Ketik *siapa bhabin desa <nama desa>* untuk mengenal Bhabinkamtibmas desa Anda.",
            "Dalam keadaan darurat, segera telepon 110.",
        ]
    )


def bhabin_contact(req: NotificationRequest) -> str:
    """Kenalan: who serves the village (rank, name) and the line to write to."""
    where = place(req) or "yang Anda tanyakan"
    tier = param(req, "tier")
    officer = " ".join(p for p in (param(req, "officer_rank"), param(req, "officer_name")) if p)
    if tier == Tier.BHABIN and officer:
        lines = [f"Bhabinkamtibmas {where}:", f"*{officer}*"]
    elif officer:
        lines = [
            f"{where} belum memiliki Bhabinkamtibmas yang terdaftar di layanan ini. "
            f"Wilayah ini dilayani oleh {label(TIER_LABEL, tier)}:",
            f"*{officer}*",
        ]
    else:
        lines = [f"Petugas untuk {where} belum terdaftar di layanan ini."]
    number = param(req, "line")
    if number:
        digits = "".join(ch for ch in number if ch.isdigit())
        line_name = label(LINE_LABEL, param(req, "line_tier"), "Nomor WhatsApp layanan")
        lines.append(f"{line_name}: +{digits} (wa.me/{digits})")
        lines.append("Silakan sampaikan laporan atau pertanyaan melalui nomor tersebut.")
    else:
        lines.append("Silakan sampaikan laporan atau pertanyaan Anda melalui nomor ini.")
    lines.append("Dalam keadaan darurat, segera telepon 110.")
    return "\n".join(lines)


def ask_bhabin_village(req: NotificationRequest) -> str:
    """Which village's Bhabinkamtibmas? The candidates when the name is shared."""
    options = req.params.get("options") or []
    named = [
        f"{o.get('title')} ({district_line(str(o['district']))})"
        if o.get("district")
        else str(o.get("title"))
        for o in options
        if o.get("title")
    ]
    example = named[0].replace(" (", " ").rstrip(")") if named else "Sukorejo Kec. Malo"
    lines = ["Bhabinkamtibmas desa mana yang ingin Anda ketahui?"]
    if named:
        lines.append("Ada beberapa desa dengan nama itu: " + ", ".join(named) + ".")
    lines.append(
        "Mohon tulis nama desa dan kecamatannya, misalnya: "
        f"*siapa bhabin desa {example}*"
    )
    return "\n".join(lines)
