"""Every catalogue entry renders a Cloud API body within WhatsApp's documented limits:
free-form bodies, templates and the request envelope (the words: test_catalogue_texts.py)."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from services.notifier.catalogue import TEXTS, TemplateNames, mark_as_read, render
from tests.notifier.catalogue_requests import CASE_ID, request


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


def test_village_descriptions_as_older_producers_wrote_them_are_kept() -> None:
    req = request(
        NotificationKind.CHOOSE_VILLAGE,
        params={"reference": "X", "options": [
            {"id": "village:1", "title": "Sukorejo", "description": "Kec. Bojonegoro"},
            {"id": "village:35.22.07.2001", "title": "Kadipaten", "description": "35.22.07.2001"},
        ]},
    )
    rows = render(req, use_template=False)["interactive"]["action"]["sections"][0]["rows"]
    assert [r["description"] for r in rows] == ["Kec. Bojonegoro", "35.22.07.2001"]


def test_village_rows_show_the_district_the_router_sends() -> None:
    req = request(
        NotificationKind.CHOOSE_VILLAGE,
        params={"reference": "X", "options": [
            {"id": "village:35.22.15.1011", "title": "Sukorejo", "district": "Bojonegoro"},
            {"id": "village:35.22.07.2001", "title": "Sukorejo", "district": "Malo"},
        ]},
    )
    rows = render(req, use_template=False)["interactive"]["action"]["sections"][0]["rows"]
    assert [r["description"] for r in rows] == ["Kec. Bojonegoro", "Kec. Malo"]


def test_every_kind_has_a_text() -> None:
    assert set(TEXTS) == set(NotificationKind)


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


def test_mark_as_read_body() -> None:
    assert mark_as_read("wamid.X") == {
        "messaging_product": "whatsapp", "status": "read", "message_id": "wamid.X",
    }
