"""Normalisation of every message type and of bodies we cannot (fully) understand."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from contracts.hierarchy import Tier
from contracts.lines import citizen_key
from contracts.roster import Roster
from contracts.whatsapp_events import (
    ChannelError,
    DeliveryStatus,
    InboundMessage,
    WebhookDeadLetter,
)
from services.ingest.lines_config import LineDirectory
from services.ingest.normalise import NormalisedBody, normalise_body
from tests.ingest.webhooks import (
    POLSEK_LINE_ID,
    ROSTER,
    UNKNOWN_LINE_ID,
    change,
    contact,
    encode,
    single_text,
    status,
    text_message,
    webhook,
)

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
LINES = LineDirectory(Roster.model_validate(ROSTER))


def run(body: dict[str, Any] | bytes) -> NormalisedBody:
    raw = body if isinstance(body, bytes) else encode(body)
    return normalise_body(raw, LINES, NOW)


def one_inbound(
    msg: dict[str, Any], contacts: list[dict[str, Any]] | None = None
) -> InboundMessage:
    result = run(webhook([change(messages=[msg], contacts=contacts)]))
    assert result.rejected == [] and result.dead_letter_reason is None
    (out,) = result.events
    assert isinstance(out.event, InboundMessage)
    return out.event


def test_text_from_a_configured_line() -> None:
    event = one_inbound(text_message("wamid.T1"), [contact("6281234567890", name="Bu Sri")])
    assert event.type == "text" and (event.text or "").startswith("Ada pencurian")
    assert event.line.tier is Tier.KAPOLRES and event.line.area_codes == ("35.22",)
    assert event.sender.wa_id == "6281234567890" and event.sender.profile_name == "Bu Sri"
    assert event.sender.key == citizen_key(None, "6281234567890")
    assert event.sent_at == datetime(2025, 11, 30, tzinfo=UTC)
    assert event.waba_id == "102290129340398"


def test_unknown_line_is_kept_unconfigured() -> None:
    body = webhook([change(messages=[text_message("wamid.T2")], line_id=UNKNOWN_LINE_ID,
                           display="6280000000000")])
    event = run(body).events[0].event
    assert isinstance(event, InboundMessage)
    assert event.line.phone_number_id == UNKNOWN_LINE_ID and event.line.tier is None
    assert event.line.display_phone_number == "6280000000000"


def test_username_user_without_phone_is_keyed_by_bsuid() -> None:
    msg = text_message("wamid.U1", wa_id=None, user_id="ID.1234567890")
    event = one_inbound(msg, [{"profile": {"name": "Andi", "username": "@andi"},
                               "user_id": "ID.1234567890"}])
    assert event.sender.wa_id is None and event.sender.user_id == "ID.1234567890"
    assert event.sender.username == "@andi"
    assert event.sender.key == citizen_key("ID.1234567890", None)


def test_bsuid_wins_over_phone_for_the_key() -> None:
    msg = text_message("wamid.U2", user_id="ID.42")
    event = one_inbound(msg, [contact("6281234567890", "ID.42")])
    assert event.sender.key == citizen_key("ID.42", "6281234567890")
    assert event.sender.key != citizen_key(None, "6281234567890")
    assert event.contact == contact("6281234567890", "ID.42")


def test_interactive_replies() -> None:
    base = {"from": "6281234567890", "timestamp": "1764460800", "type": "interactive",
            "context": {"from": "6285335220000", "id": "wamid.OUT1"}}
    button = one_inbound({**base, "id": "wamid.I1", "interactive": {
        "type": "button_reply", "button_reply": {"id": "ack:C-1", "title": "Terima"}}})
    assert button.choice is not None and button.choice.kind == "button_reply"
    assert button.choice.id == "ack:C-1" and button.text == "Terima"
    assert button.context is not None and button.context.replied_to_wamid == "wamid.OUT1"
    row = one_inbound({**base, "id": "wamid.I2", "interactive": {
        "type": "list_reply",
        "list_reply": {"id": "village:35.22.07.2001", "title": "Kapas", "description": "Desa"}}})
    assert row.choice is not None and row.choice.kind == "list_reply"
    assert (row.choice.id, row.choice.description) == ("village:35.22.07.2001", "Desa")
    flow = one_inbound({**base, "id": "wamid.I3", "interactive": {
        "type": "nfm_reply",
        "nfm_reply": {"name": "flow", "body": "Sent", "response_json": "{\"a\": 1}"}}})
    assert flow.choice is not None and flow.choice.kind == "nfm_reply"
    assert flow.raw["interactive"]["nfm_reply"]["response_json"] == "{\"a\": 1}"


def test_referral_and_referred_product_are_kept() -> None:
    msg = text_message("wamid.R1")
    msg["referral"] = {"source_url": "https://fb.me/x", "source_type": "ad", "ctwa_clid": "c1"}
    msg["context"] = {"referred_product": {"catalog_id": "1", "product_retailer_id": "p"}}
    event = one_inbound(msg)
    assert event.referral == msg["referral"]
    assert event.raw["context"]["referred_product"]["product_retailer_id"] == "p"


def test_system_number_and_user_id_changes() -> None:
    number = one_inbound({"from": "6281234567890", "id": "wamid.S1", "timestamp": "1",
                          "type": "system", "system": {"body": "changed", "wa_id": "6281111111111",
                                                       "type": "user_changed_number"}})
    assert number.sender.wa_id == "6281234567890"
    assert number.system is not None and number.system["wa_id"] == "6281111111111"
    uid = one_inbound({"id": "wamid.S2", "timestamp": "1", "type": "system", "system": {
        "body": "User changed", "user_id": "ID.new", "previous_user_id": "ID.old",
        "type": "user_changed_user_id"}})
    assert uid.sender.user_id == "ID.old" and uid.sender.key == citizen_key("ID.old", None)
    assert uid.text == "User changed"


def test_edit_and_revoke_point_at_the_original() -> None:
    edit = one_inbound({"from": "6281234567890", "id": "wamid.E1", "timestamp": "1",
                        "type": "edit", "edit": {"original_message_id": "wamid.O1",
                        "message": {"type": "text", "text": {"body": "versi baru"}}}})
    assert edit.original_wamid == "wamid.O1" and edit.text == "versi baru"
    revoke = one_inbound({"from": "6281234567890", "id": "wamid.E2", "timestamp": "1",
                          "type": "revoke", "revoke": {"original_message_id": "wamid.O2"}})
    assert revoke.original_wamid == "wamid.O2" and revoke.text is None


def test_unknown_type_and_fields_are_kept_not_rejected() -> None:
    msg = {"from": "6281234567890", "id": "wamid.N1", "timestamp": "1", "type": "poll_vote",
           "poll_vote": {"option": 2}, "group_id": "G1", "brand_new": [1, 2]}
    event = one_inbound(msg)
    assert event.type == "poll_vote" and event.raw == msg


def test_statuses_and_errors() -> None:
    err = {"code": 130429, "title": "Rate limit hit", "message": "Rate limit hit",
           "error_data": {"details": "Cloud API message throughput has been reached."}}
    result = run(webhook([change(statuses=[status("wamid.OUT", "read"),
                                           {**status("wamid.OUT2", "sent"),
                                            "recipient_user_id": "ID.7"}],
                                 errors=[err], line_id=POLSEK_LINE_ID)]))
    assert [e.topic.name for e in result.events] == [
        "whatsapp.statuses", "whatsapp.statuses", "whatsapp.errors"]
    read, sent, error = (e.event for e in result.events)
    assert isinstance(read, DeliveryStatus) and read.status == "read"
    assert read.recipient_key == citizen_key(None, "6281234567890")
    assert isinstance(sent, DeliveryStatus)
    assert sent.recipient_key == citizen_key("ID.7", "6281234567890")
    assert isinstance(error, ChannelError) and error.errors[0].code == 130429
    assert error.errors[0].details == "Cloud API message throughput has been reached."
    assert error.line.tier is Tier.KAPOLSEK and result.events[2].key == POLSEK_LINE_ID


def test_several_entries_and_changes_all_read() -> None:
    body = webhook(
        [change(messages=[text_message("wamid.A1"), text_message("wamid.A2", wa_id="6282222")]),
         change(statuses=[status("wamid.A3")])],
        [change(messages=[text_message("wamid.A4")], line_id=POLSEK_LINE_ID)],
    )
    ids = [e.message_id for e in run(body).events]
    assert ids == ["in:wamid.A1", "in:wamid.A2", "st:wamid.A3:delivered", "in:wamid.A4"]


def test_thousand_updates_in_one_body() -> None:
    messages = [text_message(f"wamid.B{i}", wa_id=f"628{i:09d}") for i in range(600)]
    statuses = [status(f"wamid.C{i}") for i in range(400)]
    result = run(webhook([change(messages=messages[:300]), change(messages=messages[300:])],
                         [change(statuses=statuses)]))
    assert len(result.events) == 1000 and not result.rejected


def test_bad_items_go_to_one_dead_letter_and_the_rest_is_published() -> None:
    body = webhook([
        change(messages=[text_message("wamid.G1"), {"type": "text", "from": "1"},
                         "not an object", {"id": "wamid.G2", "type": "text"}]),
        change(field="account_update"),
        {"value": "nope"},
    ])
    result = run(body)
    topics = [e.topic.name for e in result.events]
    assert topics == ["whatsapp.inbound", "whatsapp.deadletter"]
    dead = result.events[-1].event
    assert isinstance(dead, WebhookDeadLetter)
    paths = [r["path"] for r in dead.rejected]
    assert paths == [
        "entry[0].changes[0].value.messages[1]",  # no id
        "entry[0].changes[0].value.messages[2]",  # not an object
        "entry[0].changes[0].value.messages[3]",  # no sender
        "entry[0].changes[1]",  # a field we do not handle
        "entry[0].changes[2]",  # no usable value
    ]
    assert dead.rejected[0]["item"] == {"type": "text", "from": "1"}
    assert "account_update" in dead.rejected[3]["reason"]
    assert json.loads(dead.body) == body and dead.message_id.startswith("dl:")


def test_not_json_and_wrong_shape_are_dead_letters() -> None:
    for raw, reason in ((b"\xff\xfe not json", "not JSON"), (b"[1, 2]", "not a WhatsApp"),
                        (b'{"object": "page", "entry": []}', "is not whatsapp_business_account")):
        result = normalise_body(raw, LINES, NOW)
        (out,) = result.events
        assert isinstance(out.event, WebhookDeadLetter) and reason in out.event.reason
        assert out.event.body_sha256 is not None


def test_huge_dead_letter_body_is_cut_to_fit_a_record() -> None:
    raw = b"x" * 2_000_000
    (out,) = normalise_body(raw, LINES, NOW, deadletter_body_max_bytes=100_000).events
    assert isinstance(out.event, WebhookDeadLetter) and out.event.body_truncated
    assert len(out.value) < 200_000


def test_same_body_gives_same_message_ids() -> None:
    body = encode(single_text("wamid.D1"))
    first = [e.message_id for e in normalise_body(body, LINES, NOW).events]
    later = [e.message_id for e in normalise_body(body, LINES, datetime.now(UTC)).events]
    assert first == later == ["in:wamid.D1"]
