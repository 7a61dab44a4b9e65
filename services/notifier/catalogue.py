"""Every message Matur sends, in Bahasa Indonesia: the one place to review wording and tone.

Rendering is pure: a `NotificationRequest` in, the Cloud API request body out
(`POST /{version}/{phone_number_id}/messages`). Two forms per kind:

- free-form (inside the 24-hour customer service window): text, interactive list or
  reply buttons;
- template (outside the window): an approved utility template in language `id` with named
  body parameters, and quick-reply buttons whose payloads are the same ids as the
  interactive replies (`ack:<case_id>`, `esc:<case_id>`, `rate:<case_id>:<n>`).

WhatsApp's limits (interactive list: <= 10 rows, row title <= 24, description <= 72,
button label <= 20, header/footer <= 60, body <= 4096; reply buttons: <= 3, title <= 20,
body <= 1024; template parameters: one line, no tabs, no runs of more than 4 spaces) are
enforced here, by shortening text sensibly rather than letting the API refuse it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.notifications import NotificationKind, NotificationRequest
from services.notifier.addressing import address

Body = dict[str, Any]

# WhatsApp limits [M-list, M-buttons]
LIST_MAX_ROWS = 10
LIST_ROW_TITLE_MAX = 24
LIST_ROW_DESCRIPTION_MAX = 72
LIST_ROW_ID_MAX = 200
LIST_BUTTON_MAX = 20
LIST_SECTION_TITLE_MAX = 24
HEADER_MAX = 60
FOOTER_MAX = 60
TEXT_BODY_MAX = 4096
LIST_BODY_MAX = 4096
BUTTONS_MAX = 3
BUTTON_TITLE_MAX = 20
BUTTON_ID_MAX = 256
BUTTONS_BODY_MAX = 1024
TEMPLATE_PARAM_MAX = 700  # keeps a whole template body well inside 1024 characters
CALLBACK_DATA_MAX = 512

WIB = timezone(timedelta(hours=7), "WIB")


@dataclass(frozen=True)
class TemplateNames:
    """Approved templates (category utility, except the sign-in code: authentication)."""

    update: str = "matur_update"  # body {{nomor}} {{pesan}}
    officer_case: str = "matur_kasus_baru"  # body params below + 2 quick replies
    rating: str = "matur_penilaian"  # body {{nomor}} + 5 quick replies
    sign_in: str = "matur_kode_masuk"  # authentication: {{1}} + copy-code button
    language: str = "id"


# --- words ------------------------------------------------------------------------------

TIER_LABEL: Mapping[str, str] = {
    Tier.BHABIN: "Bhabinkamtibmas",
    Tier.KAPOLSEK: "Kapolsek",
    Tier.KAPOLRES: "Kapolres Bojonegoro",
}

HANDLER_LABEL: Mapping[str, str] = {
    Tier.BHABIN: "Bhabinkamtibmas (polisi desa) di wilayah Anda",
    Tier.KAPOLSEK: "Polsek di wilayah Anda",
    Tier.KAPOLRES: "Polres Bojonegoro",
}

CATEGORY_LABEL: Mapping[str, str] = {
    Category.THEFT: "Pencurian",
    Category.ROBBERY: "Perampokan/begal",
    Category.VEHICLE_THEFT: "Pencurian kendaraan",
    Category.TRAFFIC_ACCIDENT: "Kecelakaan lalu lintas",
    Category.DRUGS: "Narkoba",
    Category.DOMESTIC_VIOLENCE: "Kekerasan dalam rumah tangga",
    Category.BRAWL: "Tawuran/pengeroyokan",
    Category.GAMBLING: "Perjudian",
    Category.ALCOHOL: "Minuman keras",
    Category.ILLEGAL_RACING: "Balap liar",
    Category.FLOOD: "Banjir",
    Category.FIRE: "Kebakaran",
    Category.EXTORTION: "Pungutan liar",
    Category.FRAUD: "Penipuan",
    Category.VIOLENCE: "Penganiayaan",
    Category.MISSING_PERSON: "Orang hilang",
    Category.PUBLIC_ORDER: "Gangguan ketertiban",
    Category.OFFICER_CONDUCT: "Pengaduan tentang petugas",
    Category.SERVICE_SKCK: "Layanan SKCK",
    Category.SERVICE_SIM: "Layanan SIM",
    Category.SERVICE_OTHER: "Layanan kepolisian",
    Category.INFORMATION: "Permintaan informasi",
    Category.OTHER: "Lainnya",
}

URGENCY_LABEL: Mapping[str, str] = {
    Urgency.LOW: "Rendah",
    Urgency.NORMAL: "Biasa",
    Urgency.HIGH: "Tinggi",
    Urgency.EMERGENCY: "DARURAT",
}

STATUS_LABEL: Mapping[str, str] = {
    CaseStatus.AWAITING_VILLAGE: "menunggu nama desa",
    CaseStatus.OPEN: "menunggu tanggapan petugas",
    CaseStatus.ACKNOWLEDGED: "sedang ditangani",
    CaseStatus.RESOLVED: "selesai",
    CaseStatus.CANCELLED: "dibatalkan",
}

ACTION_LABEL: Mapping[str, str] = {
    "acknowledge": "Anda terima",
    "resolve": "Anda nyatakan selesai",
    "add_note": "diberi catatan",
    "reassign": "dialihkan",
    "escalate": "dinaikkan ke atasan",
    "reopen": "dibuka kembali",
}

RATING_LABELS: tuple[str, ...] = (
    "Sangat kurang",
    "Kurang",
    "Cukup",
    "Baik",
    "Sangat baik",
)


# --- text helpers -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters; a cut ends with `…`, at a word boundary when one is near."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + "…"


def one_line(text: str, limit: int = TEMPLATE_PARAM_MAX) -> str:
    """A template parameter: no newlines or tabs, no long runs of spaces, no bold marks."""
    lines = [ln.strip().removeprefix("• ").strip() for ln in text.replace("*", "").splitlines()]
    lines = [ln for ln in lines if ln]
    sentences = [ln if ln[-1] in ".!?:;…" else ln + "." for ln in lines[:-1]] + lines[-1:]
    flat = _SPACES.sub(" ", " ".join(sentences)).strip()
    return shorten(flat, limit) or "-"


def _p(req: NotificationRequest, key: str, default: str = "") -> str:
    value = req.params.get(key)
    if value is None or value == "":
        return default
    return str(value)


def _reference(req: NotificationRequest) -> str:
    return _p(req, "reference") or req.reference or "-"


def _label(mapping: Mapping[str, str], value: str, default: str = "") -> str:
    return mapping.get(value, value or default)


def format_time(value: str) -> str:
    """An ISO timestamp as `30/11/2026 14.05 WIB`; other text is shown as given."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # noqa: UP017
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H.%M WIB")


def _place(req: NotificationRequest) -> str:
    village, district = _p(req, "village"), _p(req, "district")
    if village and district:
        return f"Desa {village}, Kec. {district}"
    if village:
        return f"Desa {village}"
    if district:
        return f"Kec. {district}"
    return ""


# --- free-form messages -----------------------------------------------------------------


def text_message(body: str) -> Body:
    return {"type": "text", "text": {"preview_url": False, "body": shorten(body, TEXT_BODY_MAX)}}


def list_message(
    body: str,
    button: str,
    rows: list[dict[str, str]],
    header: str | None = None,
    footer: str | None = None,
    section_title: str | None = None,
) -> Body:
    section: dict[str, Any] = {"rows": rows[:LIST_MAX_ROWS]}
    if section_title:
        section = {"title": shorten(section_title, LIST_SECTION_TITLE_MAX), **section}
    interactive: dict[str, Any] = {"type": "list"}
    if header:
        interactive["header"] = {"type": "text", "text": shorten(header, HEADER_MAX)}
    interactive["body"] = {"text": shorten(body, LIST_BODY_MAX)}
    if footer:
        interactive["footer"] = {"text": shorten(footer, FOOTER_MAX)}
    interactive["action"] = {"button": shorten(button, LIST_BUTTON_MAX), "sections": [section]}
    return {"type": "interactive", "interactive": interactive}


def list_row(row_id: str, title: str, description: str | None = None) -> dict[str, str]:
    row = {"id": row_id[:LIST_ROW_ID_MAX], "title": shorten(title, LIST_ROW_TITLE_MAX)}
    if description:
        row["description"] = shorten(description, LIST_ROW_DESCRIPTION_MAX)
    return row


def buttons_message(
    body: str, buttons: list[tuple[str, str]], footer: str | None = None
) -> Body:
    """Reply buttons: (id, title) pairs, at most three, titles unique and short."""
    seen: set[str] = set()
    items = []
    for button_id, title in buttons[:BUTTONS_MAX]:
        short = shorten(title, BUTTON_TITLE_MAX)
        if short in seen:
            continue
        seen.add(short)
        items.append({"type": "reply", "reply": {"id": button_id[:BUTTON_ID_MAX], "title": short}})
    interactive: dict[str, Any] = {
        "type": "button",
        "body": {"text": shorten(body, BUTTONS_BODY_MAX)},
        "action": {"buttons": items},
    }
    if footer:
        interactive["footer"] = {"text": shorten(footer, FOOTER_MAX)}
    return {"type": "interactive", "interactive": interactive}


def _receipt_text(req: NotificationRequest) -> str:
    lines = [
        "Terima kasih, laporan Anda sudah kami terima.",
        f"Nomor laporan: *{_reference(req)}*",
    ]
    category = _p(req, "category")
    if category:
        lines.append(f"Jenis: {_label(CATEGORY_LABEL, category)}")
    place = _place(req)
    if place:
        lines.append(f"Lokasi: {place}")
    handler = _p(req, "handler_tier")
    next_step = (
        f"Laporan ini diteruskan kepada {_label(HANDLER_LABEL, handler)}."
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


def _assigned_text(req: NotificationRequest) -> str:
    tier = _label(TIER_LABEL, _p(req, "tier"))
    officer = _p(req, "officer_name")
    who = f"{officer} ({tier})" if officer and tier else officer or tier or "petugas kami"
    return f"Laporan *{_reference(req)}* kini ditangani oleh {who}."


def _escalated_text(req: NotificationRequest) -> str:
    tier = _label(TIER_LABEL, _p(req, "tier"), "pimpinan")
    return (
        f"Laporan *{_reference(req)}* kami teruskan kepada {tier} "
        "agar segera mendapat tanggapan. Mohon maaf atas waktu tunggunya."
    )


def _resolved_text(req: NotificationRequest) -> str:
    officer = _p(req, "officer_name")
    by = f" oleh {officer}" if officer else ""
    lines = [f"Laporan *{_reference(req)}* telah selesai ditangani{by}."]
    note = _p(req, "note")
    if note:
        lines.append(f"Catatan petugas: {note}")
    lines.append("Terima kasih telah melapor.")
    return "\n".join(lines)


def _rating_question_text(req: NotificationRequest) -> str:
    return (
        f"Bagaimana pelayanan kami untuk laporan *{_reference(req)}*? "
        "Mohon beri nilai 1 (sangat kurang) sampai 5 (sangat baik)."
    )


def _rating_thanks_text(req: NotificationRequest) -> str:
    rating = _p(req, "rating")
    given = f" ({rating}/5)" if rating else ""
    return (
        f"Terima kasih atas penilaian Anda{given} untuk laporan *{_reference(req)}*. "
        "Masukan Anda membantu kami melayani lebih baik."
    )


def _status_answer_text(req: NotificationRequest) -> str:
    cases = req.params.get("cases") or []
    if not cases:
        return (
            "Saat ini tidak ada laporan aktif atas nomor Anda. "
            "Silakan ceritakan kejadian yang ingin Anda laporkan."
        )
    lines = ["Perkembangan laporan Anda:"]
    for case in cases[:20]:
        ref = str(case.get("reference") or "-")
        status = _label(STATUS_LABEL, str(case.get("status") or ""), "-")
        line = f"• *{ref}*: {status}"
        tier = str(case.get("tier") or "")
        if tier and case.get("status") not in (CaseStatus.RESOLVED, CaseStatus.CANCELLED):
            line += f", oleh {_label(TIER_LABEL, tier)}"
        updated = case.get("updated_at")
        if updated:
            line += f" (diperbarui {format_time(str(updated))})"
        lines.append(line)
    return "\n".join(lines)


def _cancelled_text(req: NotificationRequest) -> str:
    return f"Laporan *{_reference(req)}* telah dibatalkan sesuai permintaan Anda. Terima kasih."


def _emergency_text(req: NotificationRequest) -> str:
    return (
        "Jika ada bahaya atau keadaan darurat, segera telepon *110* (gratis, 24 jam). "
        f"Laporan *{_reference(req)}* juga sudah kami teruskan ke petugas terdekat."
    )


def _message_added_text(req: NotificationRequest) -> str:
    return (
        f"Tambahan informasi untuk laporan *{_reference(req)}* sudah kami terima "
        "dan kami teruskan kepada petugas."
    )


def _help_text(req: NotificationRequest) -> str:
    return "\n".join(
        [
            "Selamat datang di layanan pengaduan Polres Bojonegoro.",
            "• Ceritakan kejadiannya: apa, di mana (desa) dan kapan.",
            "• Ketik *status* untuk melihat perkembangan laporan Anda.",
            "Dalam keadaan darurat, segera telepon 110.",
        ]
    )


def _ask_village_text(req: NotificationRequest) -> str:
    return (
        f"Laporan *{_reference(req)}* sudah kami catat. Di desa mana kejadiannya? "
        "Mohon balas dengan nama desa dan kecamatannya."
    )


def _choose_village_text(req: NotificationRequest) -> str:
    return (
        f"Laporan *{_reference(req)}* sudah kami catat. Di desa mana kejadiannya? "
        "Silakan pilih dari daftar, atau balas dengan nama desanya."
    )


def _reporter_line(req: NotificationRequest) -> str:
    name, phone = _p(req, "reporter_name"), _p(req, "reporter_phone")
    if not name and not phone:
        return "Pelapor: dirahasiakan"
    if name and phone:
        return f"Pelapor: {name} ({phone})"
    return f"Pelapor: {name or phone}"


def _officer_case_heading(req: NotificationRequest) -> str:
    if req.kind == NotificationKind.OFFICER_ESCALATED_CASE:
        from_tier = _p(req, "from_tier")
        source = f" dari {_label(TIER_LABEL, from_tier)}" if from_tier else ""
        return f"Laporan *{_reference(req)}* dinaikkan kepada Anda{source}."
    return f"Laporan baru *{_reference(req)}* untuk Anda."


def _officer_case_text(req: NotificationRequest, summary_limit: int = 500) -> str:
    lines = [_officer_case_heading(req)]
    category = _p(req, "category")
    if category:
        lines.append(f"Jenis: {_label(CATEGORY_LABEL, category)}")
    urgency = _p(req, "urgency")
    if urgency:
        lines.append(f"Urgensi: {_label(URGENCY_LABEL, urgency)}")
    place = _place(req)
    if place:
        lines.append(f"Lokasi: {place}")
    lines.append(_reporter_line(req))
    summary = _p(req, "summary")
    if summary:
        lines.append(f"Ringkasan: {shorten(summary, summary_limit)}")
    due = _p(req, "due_at")
    if due:
        lines.append(f"Mohon ditanggapi sebelum {format_time(due)}.")
    if _can_escalate(req):
        lines.append("Tekan *Terima* untuk menangani, atau *Naikkan* untuk meneruskan ke atasan.")
    else:
        lines.append("Tekan *Terima* untuk menangani.")
    lines.append(f"Jika sudah selesai, balas: selesai {_reference(req)} <catatan singkat>")
    return "\n".join(lines)


def _can_escalate(req: NotificationRequest) -> bool:
    """Nobody is above the Kapolres: a case that reached him has no "Naikkan" button."""
    return _p(req, "tier") != Tier.KAPOLRES and _p(req, "from_tier") != Tier.KAPOLSEK


def _officer_update_text(req: NotificationRequest) -> str:
    return f"Laporan *{_reference(req)}*: {_p(req, 'text', 'ada perkembangan baru.')}"


def _officer_action_text(req: NotificationRequest) -> str:
    action = _p(req, "action")
    reference = _reference(req)
    if action == "unknown_command":
        return (
            "Maaf, perintah tidak dikenali. Balas *terima <nomor laporan>* untuk menangani, "
            "atau *selesai <nomor laporan> <catatan>* bila sudah selesai."
        )
    if action == "not_found":
        return f"Laporan *{reference}* tidak ditemukan. Mohon periksa kembali nomor laporannya."
    if action == "not_allowed":
        return (
            f"Maaf, laporan *{reference}* tidak dapat Anda tindak lanjuti: "
            "laporan ini berada di wilayah atau tingkat petugas lain."
        )
    done = ACTION_LABEL.get(action, "dicatat")
    return f"Laporan *{reference}* sudah {done}. Terima kasih."


def _sign_in_text(req: NotificationRequest) -> str:
    return (
        f"Kode masuk Matur Anda: *{_p(req, 'code', '-')}*\n"
        "Jangan berikan kode ini kepada siapa pun, termasuk petugas."
    )


def _case_id(req: NotificationRequest) -> str:
    return _p(req, "case_id") or req.case_id or ""


def _village_rows(req: NotificationRequest) -> list[dict[str, str]]:
    rows = []
    for option in (req.params.get("options") or [])[:LIST_MAX_ROWS]:
        option_id = str(option.get("id") or "")
        if not option_id:
            continue
        if not option_id.startswith("village:"):
            option_id = f"village:{option_id}"
        title = str(option.get("title") or option_id.removeprefix("village:"))
        description = option.get("description")
        if description and str(description)[0].isalpha() and not str(
            description
        ).lower().startswith("kec"):
            description = f"Kec. {description}"  # a bare district name
        rows.append(list_row(option_id, title, str(description) if description else None))
    return rows


def _rating_rows(req: NotificationRequest) -> list[dict[str, str]]:
    case_id = _case_id(req)
    return [
        list_row(f"rate:{case_id}:{n}", f"{n} - {label}")
        for n, label in enumerate(RATING_LABELS, start=1)
    ]


def free_form(req: NotificationRequest) -> Body:
    """The message part (`type` and its object) to send inside the 24-hour window."""
    kind = req.kind
    if kind == NotificationKind.CHOOSE_VILLAGE:
        rows = _village_rows(req)
        if not rows:
            return text_message(_ask_village_text(req))
        return list_message(
            _choose_village_text(req),
            button="Pilih desa",
            rows=rows,
            header=f"Laporan {_reference(req)}",
            section_title="Desa",
        )
    if kind == NotificationKind.RATING_QUESTION:
        return list_message(
            _rating_question_text(req),
            button="Beri nilai",
            rows=_rating_rows(req),
            header="Penilaian layanan",
            section_title="Nilai",
        )
    if kind in (NotificationKind.OFFICER_NEW_CASE, NotificationKind.OFFICER_ESCALATED_CASE):
        case_id = _case_id(req)
        buttons = [(f"ack:{case_id}", "Terima")]
        if _can_escalate(req):
            buttons.append((f"esc:{case_id}", "Naikkan"))
        return buttons_message(
            _officer_case_text(req), buttons, footer="Matur - Polres Bojonegoro"
        )
    return text_message(TEXTS[kind](req))


TEXTS: Mapping[NotificationKind, Callable[[NotificationRequest], str]] = {
    NotificationKind.RECEIPT: _receipt_text,
    NotificationKind.ASK_VILLAGE: _ask_village_text,
    NotificationKind.CHOOSE_VILLAGE: _choose_village_text,
    NotificationKind.ASSIGNED: _assigned_text,
    NotificationKind.ESCALATED: _escalated_text,
    NotificationKind.RESOLVED: _resolved_text,
    NotificationKind.RATING_QUESTION: _rating_question_text,
    NotificationKind.RATING_THANKS: _rating_thanks_text,
    NotificationKind.STATUS_ANSWER: _status_answer_text,
    NotificationKind.CANCELLED: _cancelled_text,
    NotificationKind.EMERGENCY_ADVICE: _emergency_text,
    NotificationKind.MESSAGE_ADDED: _message_added_text,
    NotificationKind.HELP: _help_text,
    NotificationKind.OFFICER_NEW_CASE: _officer_case_text,
    NotificationKind.OFFICER_ESCALATED_CASE: _officer_case_text,
    NotificationKind.OFFICER_CASE_UPDATE: _officer_update_text,
    NotificationKind.OFFICER_ACTION_DONE: _officer_action_text,
    NotificationKind.SIGN_IN_CODE: _sign_in_text,
}
"""The plain text of every kind (the free-form text, or what a list or buttons say)."""


# --- templates --------------------------------------------------------------------------


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


def _update_summary(req: NotificationRequest) -> str:
    """What `matur_update`'s {{pesan}} says for a kind (the free-form text, without the
    reference it already shows, on one line)."""
    if req.kind in (NotificationKind.ASK_VILLAGE, NotificationKind.CHOOSE_VILLAGE):
        return "Di desa mana kejadiannya? Mohon balas dengan nama desa dan kecamatannya."
    return TEXTS[req.kind](req)


def template(req: NotificationRequest, names: TemplateNames) -> Body:
    """The message part to send outside the window: an approved template."""
    kind = req.kind
    lang = names.language
    if kind == NotificationKind.SIGN_IN_CODE:
        code = one_line(_p(req, "code", "-"), 15)
        return _template(
            names.sign_in,
            lang,
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
    if kind in (NotificationKind.OFFICER_NEW_CASE, NotificationKind.OFFICER_ESCALATED_CASE):
        case_id = _case_id(req)
        due = _p(req, "due_at")
        body = [
            _named("keterangan", _officer_case_heading(req)),
            _named("jenis", _label(CATEGORY_LABEL, _p(req, "category"), "-")),
            _named("urgensi", _label(URGENCY_LABEL, _p(req, "urgency"), "-")),
            _named("lokasi", _place(req) or "-"),
            _named("pelapor", _reporter_line(req).removeprefix("Pelapor: ")),
            _named("ringkasan", shorten(_p(req, "summary", "-"), 400)),
            _named("batas", format_time(due) if due else "-"),
        ]
        return _template(
            names.officer_case,
            lang,
            [
                {"type": "body", "parameters": body},
                *_quick_replies([f"ack:{case_id}", f"esc:{case_id}"]),
            ],
        )
    if kind == NotificationKind.RATING_QUESTION:
        case_id = _case_id(req)
        return _template(
            names.rating,
            lang,
            [
                {"type": "body", "parameters": [_named("nomor", _reference(req))]},
                *_quick_replies([f"rate:{case_id}:{n}" for n in range(1, 6)]),
            ],
        )
    return _template(
        names.update,
        lang,
        [
            {
                "type": "body",
                "parameters": [
                    _named("nomor", _reference(req)),
                    _named("pesan", _update_summary(req)),
                ],
            }
        ],
    )


# --- the whole request body -------------------------------------------------------------


def render(
    req: NotificationRequest, *, use_template: bool, names: TemplateNames | None = None
) -> Body:
    """The complete JSON body of `POST /{version}/{phone_number_id}/messages`.

    `biz_opaque_callback_data` carries the notification id, so that a status webhook proves
    a send even when the API's answer was lost (see the README, "exactly once").
    """
    part = template(req, names or TemplateNames()) if use_template else free_form(req)
    body: Body = {"messaging_product": "whatsapp", **address(req.recipient), **part}
    if req.reply_to_wamid and not use_template:
        body["context"] = {"message_id": req.reply_to_wamid}
    body["biz_opaque_callback_data"] = req.message_id[:CALLBACK_DATA_MAX]
    return body


def mark_as_read(wamid: str) -> Body:
    """Mark an inbound message (and the ones before it) as read [M-read]."""
    return {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}
