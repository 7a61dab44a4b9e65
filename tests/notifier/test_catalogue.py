"""Every catalogue entry renders a Cloud API body within WhatsApp's documented limits."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from services.notifier.catalogue import TemplateNames, mark_as_read, render

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
}

OFFICER_KINDS = {
    NotificationKind.OFFICER_NEW_CASE,
    NotificationKind.OFFICER_ESCALATED_CASE,
    NotificationKind.OFFICER_CASE_UPDATE,
    NotificationKind.OFFICER_ACTION_DONE,
    NotificationKind.SIGN_IN_CODE,
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


def check_common(body: dict[str, Any], req: NotificationRequest) -> None:
    assert body["messaging_product"] == "whatsapp"
    assert body["recipient_type"] == "individual"
    assert body["to"] == "+6281234567890"
    assert body["biz_opaque_callback_data"] == req.message_id
    assert body["type"] in body


def check_interactive(interactive: dict[str, Any]) -> None:
    assert len(interactive["body"]["text"]) <= (
        1024 if interactive["type"] == "button" else 4096
    )
    if "header" in interactive:
        assert len(interactive["header"]["text"]) <= 60
    if "footer" in interactive:
        assert len(interactive["footer"]["text"]) <= 60
    if interactive["type"] == "list":
        action = interactive["action"]
        assert len(action["button"]) <= 20
        rows = [row for section in action["sections"] for row in section["rows"]]
        assert 1 <= len(rows) <= 10
        assert len(action["sections"]) <= 10
        for section in action["sections"]:
            assert len(section.get("title", "")) <= 24
        for row in rows:
            assert len(row["title"]) <= 24
            assert len(row["id"]) <= 200
            assert len(row.get("description", "")) <= 72
        assert len({row["id"] for row in rows}) == len(rows)
    else:
        buttons = interactive["action"]["buttons"]
        assert 1 <= len(buttons) <= 3
        titles = [b["reply"]["title"] for b in buttons]
        assert all(len(t) <= 20 for t in titles)
        assert len(set(titles)) == len(titles)
        assert all(b["type"] == "reply" and len(b["reply"]["id"]) <= 256 for b in buttons)


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_free_form_body_is_within_limits(kind: NotificationKind) -> None:
    req = request(kind)
    body = render(req, use_template=False)
    check_common(body, req)
    if body["type"] == "text":
        text = body["text"]["body"]
        assert 0 < len(text) <= 4096
        assert "{" not in text and "None" not in text
    else:
        assert body["type"] == "interactive"
        check_interactive(body["interactive"])


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_template_body_is_an_approved_template_with_one_line_parameters(
    kind: NotificationKind,
) -> None:
    req = request(kind)
    body = render(req, use_template=True, names=TemplateNames())
    check_common(body, req)
    assert body["type"] == "template"
    template = body["template"]
    assert template["language"] == {"code": "id"}
    assert template["name"].startswith("matur_")
    components = template["components"]
    body_params = next(c for c in components if c["type"] == "body")["parameters"]
    assert body_params
    for param in body_params:
        assert param["type"] == "text"
        text = param["text"]
        assert text and "\n" not in text and "\t" not in text and "     " not in text
        assert len(text) <= 1024


def test_receipt_tells_the_reference_and_what_happens_next() -> None:
    text = render(request(NotificationKind.RECEIPT), use_template=False)["text"]["body"]
    assert "BJN-7K3Q9" in text
    assert "Pencurian" in text and "Desa Kadipaten, Kec. Bojonegoro" in text
    assert "Bhabinkamtibmas" in text
    assert "status" in text and "110" in text


def test_village_choice_is_a_list_of_at_most_ten_villages_with_their_district() -> None:
    interactive = render(request(NotificationKind.CHOOSE_VILLAGE), use_template=False)[
        "interactive"
    ]
    rows = interactive["action"]["sections"][0]["rows"]
    assert len(rows) == 10
    assert rows[0]["id"] == "village:35.22.07.2000"
    assert rows[0]["title"].endswith("…") and len(rows[0]["title"]) <= 24
    assert rows[0]["description"].startswith("Kecamatan Bojonegoro")


def test_village_ids_get_the_agreed_prefix() -> None:
    req = request(
        NotificationKind.CHOOSE_VILLAGE,
        params={"reference": "X", "options": [{"id": "35.22.07.2001", "title": "Kadipaten",
                                               "description": "Bojonegoro"}]},
    )
    row = render(req, use_template=False)["interactive"]["action"]["sections"][0]["rows"][0]
    assert row == {"id": "village:35.22.07.2001", "title": "Kadipaten",
                   "description": "Kec. Bojonegoro"}


def test_village_descriptions_as_the_router_writes_them_are_kept() -> None:
    req = request(
        NotificationKind.CHOOSE_VILLAGE,
        params={"reference": "X", "options": [
            {"id": "village:1", "title": "Sukorejo", "description": "Kec. Bojonegoro"},
            {"id": "village:35.22.07.2001", "title": "Kadipaten", "description": "35.22.07.2001"},
        ]},
    )
    rows = render(req, use_template=False)["interactive"]["action"]["sections"][0]["rows"]
    assert [r["description"] for r in rows] == ["Kec. Bojonegoro", "35.22.07.2001"]


def test_rating_question_offers_five_rows_with_rate_ids() -> None:
    interactive = render(request(NotificationKind.RATING_QUESTION), use_template=False)[
        "interactive"
    ]
    ids = [r["id"] for r in interactive["action"]["sections"][0]["rows"]]
    assert ids == [f"rate:{CASE_ID}:{n}" for n in range(1, 6)]


def test_officer_case_has_accept_and_escalate_buttons_and_the_summary() -> None:
    body = render(request(NotificationKind.OFFICER_NEW_CASE), use_template=False)
    interactive = body["interactive"]
    assert [(b["reply"]["id"], b["reply"]["title"]) for b in interactive["action"]["buttons"]] == [
        (f"ack:{CASE_ID}", "Terima"),
        (f"esc:{CASE_ID}", "Naikkan"),
    ]
    text = interactive["body"]["text"]
    assert "Budi (6281234567890)" in text and "Sebuah kejadian" in text
    assert "30/11/2026 09.00 WIB" in text


def test_officer_is_told_how_to_resolve_by_text() -> None:
    text = render(request(NotificationKind.OFFICER_NEW_CASE), use_template=False)[
        "interactive"
    ]["body"]["text"]
    assert "selesai BJN-7K3Q9" in text


def test_a_case_escalated_to_the_kapolres_has_no_escalate_button() -> None:
    req = request(NotificationKind.OFFICER_ESCALATED_CASE)
    req = req.model_copy(update={"params": {**req.params, "from_tier": "kapolsek"}})
    interactive = render(req, use_template=False)["interactive"]
    assert [b["reply"]["title"] for b in interactive["action"]["buttons"]] == ["Terima"]
    assert "Naikkan" not in interactive["body"]["text"]


def test_officer_template_carries_quick_reply_payloads() -> None:
    body = render(request(NotificationKind.OFFICER_NEW_CASE), use_template=True)
    buttons = [c for c in body["template"]["components"] if c["type"] == "button"]
    assert [(b["sub_type"], b["index"], b["parameters"]) for b in buttons] == [
        ("quick_reply", "0", [{"type": "payload", "payload": f"ack:{CASE_ID}"}]),
        ("quick_reply", "1", [{"type": "payload", "payload": f"esc:{CASE_ID}"}]),
    ]


def test_reporter_is_masked_when_the_router_leaves_him_out() -> None:
    text = render(request(NotificationKind.OFFICER_ESCALATED_CASE), use_template=False)[
        "interactive"
    ]["body"]["text"]
    assert "Pelapor: dirahasiakan" in text
    assert "dinaikkan kepada Anda dari Bhabinkamtibmas" in text
    template = render(request(NotificationKind.OFFICER_ESCALATED_CASE), use_template=True)
    params = {p["parameter_name"]: p["text"] for p in template["template"]["components"][0][
        "parameters"]}
    assert params["pelapor"] == "dirahasiakan"


def test_resolution_carries_the_officers_note() -> None:
    text = render(request(NotificationKind.RESOLVED), use_template=False)["text"]["body"]
    assert "Pelaku sudah diamankan." in text and "Aiptu Sugeng" in text
    template = render(request(NotificationKind.RESOLVED), use_template=True)["template"]
    assert template["name"] == "matur_update"
    params = {p["parameter_name"]: p["text"] for p in template["components"][0]["parameters"]}
    assert params["nomor"] == "BJN-7K3Q9"
    assert "Pelaku sudah diamankan." in params["pesan"]


def test_sign_in_code_template_is_an_authentication_template_with_copy_code() -> None:
    template = render(request(NotificationKind.SIGN_IN_CODE), use_template=True)["template"]
    assert template["name"] == "matur_kode_masuk"
    assert template["components"][0]["parameters"] == [{"type": "text", "text": "482913"}]
    assert template["components"][1]["sub_type"] == "url"


def test_bsuid_only_recipient_is_addressed_by_recipient() -> None:
    req = request(
        NotificationKind.HELP,
        recipient=Recipient(kind=RecipientKind.CITIZEN, key="c_x", user_id="ID.1234567890"),
    )
    body = render(req, use_template=False)
    assert "to" not in body and body["recipient"] == "ID.1234567890"


def test_reply_context_only_on_free_form() -> None:
    req = request(NotificationKind.HELP, reply_to_wamid="wamid.ABC")
    assert render(req, use_template=False)["context"] == {"message_id": "wamid.ABC"}
    assert "context" not in render(req, use_template=True)


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("acknowledge", "sudah Anda terima"),
        ("resolve", "sudah Anda nyatakan selesai"),
        ("escalate", "dinaikkan ke atasan"),
        ("unknown_command", "perintah tidak dikenali"),
        ("not_found", "tidak ditemukan"),
        ("not_allowed", "tidak dapat Anda tindak lanjuti"),
        ("deadline_reached", "dicatat"),
    ],
)
def test_officer_action_answers(action: str, expected: str) -> None:
    req = request(NotificationKind.OFFICER_ACTION_DONE)
    req = req.model_copy(update={"params": {"reference": "BJN-7K3Q9", "action": action}})
    text = render(req, use_template=False)["text"]["body"]
    assert expected in text and action not in text


def test_empty_status_answer_is_polite() -> None:
    req = request(NotificationKind.STATUS_ANSWER, params={"cases": []})
    assert "tidak ada laporan aktif" in render(req, use_template=False)["text"]["body"]


def test_mark_as_read_body() -> None:
    assert mark_as_read("wamid.X") == {
        "messaging_product": "whatsapp", "status": "read", "message_id": "wamid.X",
    }
