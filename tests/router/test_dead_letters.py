"""A record the handlers raise on becomes a dead letter that keeps the record whole and
says why, without the phone numbers the record may hold."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from contracts.router_deadletter import RouterDeadLetter
from contracts.whatsapp_events import InboundMessage
from services.router.dead_letters import dead_letter, reason_of

PHONE = "6281234569999"


def test_a_record_that_fails_validation_keeps_its_bytes_and_says_why() -> None:
    value = json.dumps({"message_id": "in:x", "sender": {"wa_id": PHONE}}).encode()
    with pytest.raises(ValidationError) as raised:
        InboundMessage.model_validate_json(value)
    source = ("p.whatsapp.inbound", 3, 41)
    item = dead_letter("p.router.deadletter", source, b"k", value, raised.value)
    letter = RouterDeadLetter.model_validate_json(item.value)
    assert item.topic == "p.router.deadletter"
    assert item.key == letter.message_id == "dl:p.whatsapp.inbound:3:41"
    assert (letter.source_topic, letter.source_partition, letter.source_offset) == (
        "p.whatsapp.inbound", 3, 41,
    )
    assert letter.raw_value() == value and letter.raw_key() == b"k"
    assert letter.error_type == "ValidationError"
    assert letter.reason.startswith("ValidationError: ") and "InboundMessage" in letter.reason
    assert PHONE not in item.value.replace(letter.value_base64 or "", "")


def test_undecodable_bytes_without_a_key_are_kept_too() -> None:
    value = b"\xff\xfe not json"
    with pytest.raises(ValidationError) as raised:
        InboundMessage.model_validate_json(value)
    item = dead_letter("router.deadletter", ("whatsapp.inbound", 0, 7), None, value, raised.value)
    letter = RouterDeadLetter.model_validate_json(item.value)
    assert letter.raw_key() is None and letter.raw_value() == value
    assert "Invalid JSON" in letter.reason


def test_phone_numbers_in_an_error_message_are_masked() -> None:
    for text in (f"no officer for {PHONE}", "call +62 812-3456-9999 now", "wa_id=6281234569999"):
        reason = reason_of(KeyError(text))
        assert "<number>" in reason and "3456" not in reason and "9999" not in reason
    assert reason_of(ValueError("line 1 column 12")) == "ValueError: line 1 column 12"
