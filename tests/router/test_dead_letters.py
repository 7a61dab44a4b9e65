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


def test_the_log_line_of_a_dead_letter_holds_neither_the_citizens_words_nor_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from types import SimpleNamespace

    from services.router.dead_letters import dead_letter_of

    words = "motor saya dibobol maling di RT 3"
    value = json.dumps({"message_id": "in:x", "text": words, "sender": {"wa_id": PHONE}})
    with pytest.raises(ValidationError) as raised:
        InboundMessage.model_validate_json(value)
    message = SimpleNamespace(topic="p.whatsapp.inbound", partition=1, offset=7, key=b"k",
                              value=value.encode())
    with caplog.at_level("ERROR"):
        item = dead_letter_of("p.router.deadletter", message, raised.value, "message")
    assert RouterDeadLetter.model_validate_json(item.value).raw_value() == value.encode()
    [record] = caplog.records
    shown = record.getMessage() + str(vars(record))
    assert words not in shown and PHONE not in shown
    assert record.exc_info is None and "validation error" in record.reason  # type: ignore[attr-defined]


def test_a_reason_masks_wamids_like_the_logs_do() -> None:
    wamid = "wamid.HBgNNjI4MTIzNDU2OTk5ORUCABIYFDU5RDQ2M0ZBAA=="
    assert wamid not in reason_of(ValueError(f"no send for {wamid}"))
