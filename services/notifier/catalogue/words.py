"""The words Matur uses, in Bahasa Indonesia: names of tiers, categories, urgencies and
statuses, and what buttons, list headers and footers say.

Sentences are in `texts.py`; both are the one place to review wording and tone.
"""

from __future__ import annotations

from collections.abc import Mapping

from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.notifications import DangerKind

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

LINE_LABEL: Mapping[str, str] = {
    Tier.BHABIN: "Nomor WhatsApp Bhabinkamtibmas",
    Tier.KAPOLSEK: "Nomor WhatsApp Polsek",
    Tier.KAPOLRES: "Nomor WhatsApp Polres Bojonegoro",
}
"""What a line is called when a citizen is given its number ("kenalan")."""

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
    Category.LIVESTOCK_THEFT: "Pencurian ternak",
    Category.SEXUAL_VIOLENCE: "Kekerasan seksual",
    Category.CHILD_PROTECTION: "Perlindungan anak",
    Category.THREAT: "Ancaman/intimidasi",
    Category.DEBT_COLLECTOR: "Penagihan utang dengan kekerasan",
    Category.DISASTER: "Bencana",
    Category.ENVIRONMENTAL_CRIME: "Kejahatan lingkungan",
    Category.FOUND_BODY: "Penemuan mayat",
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

ATTACHMENT_LABEL: Mapping[str, str] = {
    "image": "foto",
    "video": "video",
    "audio": "rekaman suara",
    "document": "dokumen",
    "sticker": "stiker",
}

DAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Monday first, as `date.weekday()` counts."""

RATING_LABELS: tuple[str, ...] = (
    "Sangat kurang",
    "Kurang",
    "Cukup",
    "Baik",
    "Sangat baik",
)

# Whom a citizen in danger calls, by `DangerKind` (`{bpbd}`: the regency's BPBD line).
GENERAL_EMERGENCY_NUMBER = "112"
DANGER_CALL: Mapping[str, str] = {
    DangerKind.FIRE: "*113* (Pemadam Kebakaran/Damkar)",
    DangerKind.MEDICAL: "*119* (ambulans dan gawat darurat kesehatan) atau *118*",
    DangerKind.DISASTER: "BPBD Kabupaten Bojonegoro di *{bpbd}*",
    DangerKind.CRIME: "*110* (Polisi)",
}

# On buttons and lists (short: WhatsApp cuts buttons at 20 characters, titles at 24).
ACCEPT_BUTTON = "Terima"
ESCALATE_BUTTON = "Naikkan"
OFFICER_FOOTER = "Matur - Polres Bojonegoro"
VILLAGE_LIST_BUTTON = "Pilih desa"
VILLAGE_LIST_SECTION = "Desa"
RATING_LIST_BUTTON = "Beri nilai"
RATING_LIST_HEADER = "Penilaian layanan"
RATING_LIST_SECTION = "Nilai"
UNKNOWN = "-"
"""What a template parameter says when the request leaves a value out."""


def label(mapping: Mapping[str, str], value: str, default: str = "") -> str:
    """The word for a code (a value the table does not know is shown as given)."""
    return mapping.get(value, value or default)
