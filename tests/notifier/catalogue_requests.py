"""Sample notification requests of every kind, for the catalogue tests."""

from __future__ import annotations

from typing import Any

from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind

CASE_ID = "case-7f3a"
LONG = "Sebuah kejadian yang sangat panjang untuk diceritakan " * 40

PARAMS: dict[NotificationKind, dict[str, Any]] = {
    NotificationKind.RECEIPT: {
        "reference": "BJN-7K3Q9",
        "category": "theft",
        "village": "Kadipaten",
        "district": "Bojonegoro",
        "handler_tier": "bhabin",
    },
    NotificationKind.ASK_VILLAGE: {"reference": "BJN-7K3Q9"},
    NotificationKind.CHOOSE_VILLAGE: {
        "reference": "BJN-7K3Q9",
        "options": [
            {
                "id": f"village:35.22.07.20{i:02d}",
                "title": f"Desa Dengan Nama Yang Sangat Panjang Sekali {i}",
                "description": "Kecamatan Bojonegoro " * 6,
            }
            for i in range(14)
        ],
    },
    NotificationKind.ASSIGNED: {
        "reference": "BJN-7K3Q9", "tier": "bhabin", "officer_name": "Aiptu Sugeng",
    },
    NotificationKind.ESCALATED: {"reference": "BJN-7K3Q9", "tier": "kapolsek"},
    NotificationKind.RESOLVED: {
        "reference": "BJN-7K3Q9", "note": "Pelaku sudah diamankan.", "officer_name": "Aiptu Sugeng",
    },
    NotificationKind.RATING_QUESTION: {"reference": "BJN-7K3Q9", "case_id": CASE_ID},
    NotificationKind.RATING_THANKS: {"reference": "BJN-7K3Q9", "rating": "5"},
    NotificationKind.STATUS_ANSWER: {
        "cases": [
            {"reference": "BJN-7K3Q9", "status": "open", "tier": "bhabin",
             "updated_at": "2026-11-30T01:00:00+00:00"},
            {"reference": "BJN-AAAA1", "status": "resolved", "tier": "kapolsek",
             "updated_at": "2026-11-29T10:00:00Z"},
        ]
    },
    NotificationKind.CANCELLED: {"reference": "BJN-7K3Q9"},
    NotificationKind.EMERGENCY_ADVICE: {"reference": "BJN-7K3Q9"},
    NotificationKind.MESSAGE_ADDED: {"reference": "BJN-7K3Q9"},
    NotificationKind.HELP: {},
    NotificationKind.BHABIN_CONTACT: {
        "village": "Luwihaji", "district": "Ngraho", "tier": "bhabin",
        "officer_rank": "Bripka", "officer_name": "Cahyo Firmansyah",
        "line": "6285335220101", "line_tier": "bhabin",
    },
    NotificationKind.ASK_BHABIN_VILLAGE: {
        "options": [
            {"id": "village:35.22.02.2009", "title": "Sukorejo", "district": "Tambakrejo"},
            {"id": "village:35.22.17.2015", "title": "Sukorejo", "district": "Malo"},
        ]
    },
    NotificationKind.OFFICER_NEW_CASE: {
        "reference": "BJN-7K3Q9", "case_id": CASE_ID, "category": "theft", "urgency": "high",
        "village": "Kadipaten", "district": "Bojonegoro", "summary": LONG,
        "due_at": "2026-11-30T02:00:00+00:00", "reporter_name": "Budi",
        "reporter_phone": "6281234567890",
    },
    NotificationKind.OFFICER_ESCALATED_CASE: {
        "reference": "BJN-7K3Q9", "case_id": CASE_ID, "category": "brawl", "urgency": "normal",
        "village": "Kadipaten", "district": "Bojonegoro", "summary": "Tawuran di lapangan.",
        "due_at": "2026-11-30T02:00:00+00:00", "from_tier": "bhabin",
    },
    NotificationKind.OFFICER_CASE_UPDATE: {
        "reference": "BJN-7K3Q9", "case_id": CASE_ID, "text": "Pelapor mengirim foto baru.",
    },
    NotificationKind.OFFICER_ACTION_DONE: {"reference": "BJN-7K3Q9", "action": "acknowledge"},
    NotificationKind.SIGN_IN_CODE: {"code": "482913"},
    NotificationKind.DAILY_SUMMARY: {
        "date": "2026-12-01", "reports": 12, "emergencies": 1, "open": 30, "overdue": 4,
        "districts": [{"name": "Dander", "open": 10, "overdue": 3},
                      {"name": "Bojonegoro", "open": 6, "overdue": 1}],
    },
}

OFFICER_KINDS = {
    NotificationKind.OFFICER_NEW_CASE,
    NotificationKind.OFFICER_ESCALATED_CASE,
    NotificationKind.OFFICER_CASE_UPDATE,
    NotificationKind.OFFICER_ACTION_DONE,
    NotificationKind.SIGN_IN_CODE,
    NotificationKind.DAILY_SUMMARY,
}


def request(kind: NotificationKind, **overrides: Any) -> NotificationRequest:
    officer = kind in OFFICER_KINDS
    recipient = Recipient(
        kind=RecipientKind.OFFICER if officer else RecipientKind.CITIZEN,
        key="off-1" if officer else "c_abc",
        wa_id="081234567890",
        officer_id="off-1" if officer else None,
    )
    fields: dict[str, Any] = {
        "message_id": f"{CASE_ID}:3:{kind.value}:{recipient.key}",
        "kind": kind,
        "recipient": recipient,
        "line_phone_number_id": "103522000000000",
        "case_id": CASE_ID,
        "reference": "BJN-7K3Q9",
        "params": PARAMS[kind],
    }
    fields.update(overrides)
    return NotificationRequest(**fields)
