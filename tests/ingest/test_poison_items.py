"""Poison items (issue 13), pure: every one leaves the rest of its body published, nothing
downstream ever sees a NUL or a lone surrogate, and what cannot be carried is dead-lettered
with the raw bytes and the reason. The same bodies over HTTP: test_poison_http.py."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from contracts.lines import citizen_key
from contracts.roster import Roster
from contracts.whatsapp_events import DeliveryStatus, InboundMessage, WebhookDeadLetter
from services.ingest.bounded_json import cut_deep, nesting_exceeds, parse_body
from services.ingest.lines_config import LineDirectory
from services.ingest.normalise import NormalisedBody, normalise_body
from tests.ingest.poison import DEAD_LETTERED, POISONS, body_with_poison, nested
from tests.ingest.webhooks import ROSTER, change, contact, encode, status, text_message, webhook

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
LINES = LineDirectory(Roster.model_validate(ROSTER))


def run(raw: bytes) -> NormalisedBody:
    return normalise_body(raw, LINES, NOW)


def strings_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_of(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings_of(v)]
    return []


def assert_storable(value: bytes) -> None:
    """What PostgreSQL takes as text and jsonb: UTF-8 with no NUL, no surrogate."""
    text = value.decode("utf-8")
    assert "\\u0000" not in text and "\x00" not in text
    for s in strings_of(json.loads(text)):
        assert "\x00" not in s
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in s)


@pytest.mark.parametrize("name", sorted(POISONS))
def test_poison_item_never_costs_its_neighbour(name: str) -> None:
    field, raw = POISONS[name]
    body = body_with_poison("P1", field, raw)
    result = run(body)
    by_id = {e.message_id: e for e in result.events}
    good = by_id["in:wamid.P1-good"]
    assert isinstance(good.event, InboundMessage)
    assert good.key == citizen_key(None, "6281399000001")
    for outgoing in result.events:
        assert_storable(outgoing.value)
        if outgoing.key is not None:
            assert "\x00" not in outgoing.key
            outgoing.key.encode("utf-8")  # no surrogate in a Kafka key
    inbound = [e for e in result.events if isinstance(e.event, InboundMessage)]
    if name in DEAD_LETTERED:
        assert len(inbound) == 1
        (dead,) = [e.event for e in result.events if isinstance(e.event, WebhookDeadLetter)]
        assert dead.body_sha256 == hashlib.sha256(body).hexdigest()
        assert dead.body == body.decode() and dead.body_base64 is None  # the raw body, exact
        (rejected,) = dead.rejected
        assert rejected["path"] == "entry[0].changes[0].value.messages[1]"
        assert "nested deeper than 32 levels" in rejected["reason"]
    else:
        assert len(inbound) == 2 and result.rejected == []


def test_nul_and_lone_surrogates_become_the_replacement_character() -> None:
    result = run(body_with_poison("P2", "text", b'"a\\u0000b\\ud800c \\ud83d\\ude00"'))
    poisoned = [e.event for e in result.events if e.message_id == "in:wamid.P2-poison"]
    (event,) = poisoned
    assert isinstance(event, InboundMessage)
    assert event.text == "a\ufffdb\ufffdc \U0001f600"  # a real pair stays the emoji
    assert event.raw["text"]["body"] == event.text


def test_poisoned_ids_and_names_are_cleaned_everywhere() -> None:
    raw = b'"wamid.P3\\u0000x"'
    result = run(body_with_poison("P3", "id", raw))
    assert "in:wamid.P3\ufffdx" in {e.message_id for e in result.events}
    result = run(body_with_poison("P4", "name", b'"Bu \\u0000Sri \\ud83d"'))
    (event,) = [e.event for e in result.events if e.message_id == "in:wamid.P4-poison"]
    assert isinstance(event, InboundMessage)
    assert event.sender.profile_name == "Bu \ufffdSri \ufffd"


def test_body_of_bytes_that_are_not_utf8_is_kept_as_base64() -> None:
    body = b'{"object": "whatsapp_business_account", "entry": 1, "x": "\xff"}'
    (dead,) = [e.event for e in run(body).events]
    assert isinstance(dead, WebhookDeadLetter)
    assert dead.body_base64 is not None
    assert base64.b64decode(dead.body_base64) == body


def test_a_whole_body_nested_too_deep_is_one_dead_letter() -> None:
    body = nested(200_000)
    (dead,) = [e.event for e in run(body).events]
    assert isinstance(dead, WebhookDeadLetter) and "not a WhatsApp webhook" in dead.reason


def test_too_deep_contact_is_ignored_and_its_message_still_published() -> None:
    body = encode(webhook([change(messages=[text_message("wamid.P5", wa_id="6281399000005")],
                                  contacts=[{"wa_id": "6281399000005", "x": "DEEP"}])]))
    result = run(body.replace(b'"DEEP"', nested(500)))
    (event,) = [e.event for e in result.events]
    assert isinstance(event, InboundMessage) and event.contact is None


def test_parse_body_cuts_only_what_is_too_deep() -> None:
    assert parse_body(b'{"a": [1, {"b": "[[["}]}') == {"a": [1, {"b": "[[["}]}
    cut = json.loads(cut_deep("[[[[1]]], 2]", 2))
    assert cut == [["[nested too deep: removed]"], 2]
    assert not nesting_exceeds(parse_body(nested(100_000)), 70)
    assert nesting_exceeds(json.loads(nested(40)), 32)
    assert not nesting_exceeds({"a": [{"b": 1}]}, 3)


# --- keys of messages and statuses, ids of channel errors ----------------------------------


def test_message_keyed_by_its_own_sender_when_the_one_contact_is_someone_else() -> None:
    msg = text_message("wamid.K1", wa_id="6281399000010")
    other = contact("6281399000099", user_id="ID.someone-else", name="Orang Lain")
    (out,) = run(encode(webhook([change(messages=[msg], contacts=[other])]))).events
    assert isinstance(out.event, InboundMessage)
    assert out.key == citizen_key(None, "6281399000010") == out.event.sender.key
    assert out.event.sender.user_id is None and out.event.sender.profile_name is None
    assert out.event.contact is None


def test_lone_contact_naming_nobody_else_still_gives_the_bsuid() -> None:
    msg = text_message("wamid.K2", wa_id="6281399000011")
    mine = contact(None, user_id="ID.k2", name="Pak Budi")
    (out,) = run(encode(webhook([change(messages=[msg], contacts=[mine])]))).events
    assert isinstance(out.event, InboundMessage)
    assert out.key == citizen_key("ID.k2", "6281399000011")
    assert out.event.sender.profile_name == "Pak Budi"


def test_status_recipient_keyed_by_the_bsuid_of_value_contacts() -> None:
    contacts = [contact("6281399000012", user_id="ID.k3"), contact("6281399000013")]
    statuses = [status("wamid.out-1", "read", wa_id="6281399000012"),
                status("wamid.out-2", "read", wa_id="6281399000013")]
    events = run(encode(webhook([change(statuses=statuses, contacts=contacts)]))).events
    first, second = (e.event for e in events)
    assert isinstance(first, DeliveryStatus) and isinstance(second, DeliveryStatus)
    assert first.recipient_user_id == "ID.k3"
    assert first.recipient_key == citizen_key("ID.k3", "6281399000012")
    assert second.recipient_user_id is None
    assert second.recipient_key == citizen_key(None, "6281399000013")


def test_channel_errors_dedupe_on_content_not_bytes() -> None:
    error = {"code": 131000, "title": "Something went wrong", "message": "x",
             "error_data": {"details": "try later"}}
    reordered = dict(reversed(list(error.items())))
    alone = run(encode(webhook([change(errors=[error])])))
    with_others = run(json.dumps(webhook([change(messages=[text_message("wamid.E1")],
                                                 errors=[reordered])]), indent=2).encode())
    ids_alone = {e.message_id for e in alone.events}
    ids_with_others = {e.message_id for e in with_others.events}
    (error_id,) = ids_alone
    assert error_id.startswith("err:") and error_id in ids_with_others
    other = run(encode(webhook([change(errors=[{**error, "code": 131001}])])))
    assert {e.message_id for e in other.events} != ids_alone
