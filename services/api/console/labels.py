"""What the console calls each code, in Bahasa Indonesia (pure tables).

These are the officers' words (police usage: "Curanmor", "KDRT", "Ditangani"), not the
citizen's of the notifier's catalogue (`services/notifier/catalogue/words.py`), which
spell things out for the public: the two lists differ on purpose."""

from __future__ import annotations

from contracts.case_events import CaseEventKind
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.notifications import NotificationKind, NotificationStatus
from services.api.access.roles import Role

TIERS: dict[str, str] = {
    Tier.BHABIN: "Bhabinkamtibmas",
    Tier.KAPOLSEK: "Kapolsek",
    Tier.KAPOLRES: "Kapolres",
}

ROLES: dict[str, str] = {
    **TIERS,
    Role.DASHBOARD: "Dasbor",
    Role.SYSTEM: "Sistem",
    Role.ADMIN: "Admin",
}

STATUSES: dict[str, str] = {
    CaseStatus.AWAITING_VILLAGE: "Menunggu desa",
    CaseStatus.OPEN: "Belum ditangani",
    CaseStatus.ACKNOWLEDGED: "Ditangani",
    CaseStatus.RESOLVED: "Selesai",
    CaseStatus.CANCELLED: "Dibatalkan",
}

URGENCIES: dict[str, str] = {
    Urgency.LOW: "Rendah",
    Urgency.NORMAL: "Biasa",
    Urgency.HIGH: "Tinggi",
    Urgency.EMERGENCY: "Darurat",
}

CATEGORIES: dict[str, str] = {
    Category.THEFT: "Pencurian",
    Category.ROBBERY: "Perampokan / begal",
    Category.VEHICLE_THEFT: "Curanmor",
    Category.TRAFFIC_ACCIDENT: "Kecelakaan lalu lintas",
    Category.DRUGS: "Narkoba",
    Category.DOMESTIC_VIOLENCE: "KDRT",
    Category.BRAWL: "Tawuran / pengeroyokan",
    Category.GAMBLING: "Perjudian",
    Category.ALCOHOL: "Miras",
    Category.ILLEGAL_RACING: "Balap liar",
    Category.FLOOD: "Banjir",
    Category.FIRE: "Kebakaran",
    Category.EXTORTION: "Pungli / pemerasan",
    Category.FRAUD: "Penipuan",
    Category.VIOLENCE: "Penganiayaan",
    Category.MISSING_PERSON: "Orang hilang",
    Category.PUBLIC_ORDER: "Gangguan ketertiban",
    Category.OFFICER_CONDUCT: "Pengaduan tentang petugas",
    Category.SERVICE_SKCK: "Layanan SKCK",
    Category.SERVICE_SIM: "Layanan SIM",
    Category.SERVICE_OTHER: "Layanan lain",
    Category.INFORMATION: "Informasi / pertanyaan",
    Category.OTHER: "Lainnya",
}

EVENTS: dict[str, str] = {
    CaseEventKind.OPENED: "Laporan masuk",
    CaseEventKind.VILLAGE_REQUESTED: "Pelapor ditanya desanya",
    CaseEventKind.VILLAGE_RESOLVED: "Desa diketahui",
    CaseEventKind.MESSAGE_ADDED: "Pesan tambahan pelapor",
    CaseEventKind.ASSIGNED: "Diteruskan ke petugas",
    CaseEventKind.ESCALATED: "Naik tingkat",
    CaseEventKind.ACKNOWLEDGED: "Diterima petugas",
    CaseEventKind.NOTE_ADDED: "Catatan",
    CaseEventKind.REASSIGNED: "Dialihkan",
    CaseEventKind.RESOLVED: "Diselesaikan",
    CaseEventKind.REOPENED: "Dibuka kembali",
    CaseEventKind.CANCELLED: "Dibatalkan pelapor",
    CaseEventKind.RATED: "Penilaian pelapor",
}

NOTIFICATIONS: dict[str, str] = {
    NotificationKind.RECEIPT: "Tanda terima",
    NotificationKind.ASK_VILLAGE: "Pertanyaan desa",
    NotificationKind.CHOOSE_VILLAGE: "Pilihan desa",
    NotificationKind.ASSIGNED: "Kabar: ditangani petugas",
    NotificationKind.ESCALATED: "Kabar: naik tingkat",
    NotificationKind.RESOLVED: "Kabar: selesai",
    NotificationKind.RATING_QUESTION: "Permintaan penilaian",
    NotificationKind.RATING_THANKS: "Terima kasih atas penilaian",
    NotificationKind.STATUS_ANSWER: "Jawaban status",
    NotificationKind.CANCELLED: "Kabar: dibatalkan",
    NotificationKind.EMERGENCY_ADVICE: "Saran nomor darurat",
    NotificationKind.MESSAGE_ADDED: "Pesan tambahan diterima",
    NotificationKind.HELP: "Bantuan",
    NotificationKind.OFFICER_NEW_CASE: "Pemberitahuan kasus baru",
    NotificationKind.OFFICER_ESCALATED_CASE: "Pemberitahuan kasus naik",
    NotificationKind.OFFICER_CASE_UPDATE: "Kabar kasus untuk petugas",
    NotificationKind.OFFICER_ACTION_DONE: "Konfirmasi tindakan petugas",
    NotificationKind.SIGN_IN_CODE: "Kode masuk",
}

DELIVERY: dict[str, str] = {
    NotificationStatus.SENT: "terkirim",
    NotificationStatus.DELIVERED: "sampai",
    NotificationStatus.READ: "dibaca",
    NotificationStatus.FAILED: "gagal",
    NotificationStatus.DEAD_LETTERED: "gagal (tidak dikirim ulang)",
}

RECIPIENTS: dict[str, str] = {"citizen": "pelapor", "officer": "petugas"}

MEDIA: dict[str, str] = {
    "image": "foto",
    "video": "video",
    "audio": "rekaman suara",
    "document": "dokumen",
    "sticker": "stiker",
}


def label(table: dict[str, str], code: object) -> str:
    """The name of a code, or the code itself when the table does not know it yet."""
    if code is None:
        return "-"
    return table.get(str(code), str(code))
