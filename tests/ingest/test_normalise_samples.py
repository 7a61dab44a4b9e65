"""Every sample payload normalises into the expected event, raw item kept (no loss)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts.whatsapp_events import DeliveryStatus, InboundMessage, WebhookDeadLetter
from services.ingest.lines_config import LineDirectory
from services.ingest.normalise import normalise_body
from tests.ingest.expectations import (
    EXPECTED,
    SHARED_SAMPLES,
    first_item,
    mismatches,
    sample_files,
)

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
UNCONFIGURED = LineDirectory(None)


def test_every_sample_has_an_expectation() -> None:
    assert {p.name for p in sample_files()} == set(EXPECTED)


@pytest.mark.skipif(not SHARED_SAMPLES.is_dir(), reason="../shared samples not present")
def test_copies_match_the_shared_samples() -> None:
    shared = {p.name: p.read_bytes() for p in SHARED_SAMPLES.glob("*.json")}
    ours = {p.name: p.read_bytes() for p in sample_files()}
    assert ours == shared


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_normalises(path: Path) -> None:
    body = path.read_bytes()
    topic, expected = EXPECTED[path.name]
    result = normalise_body(body, UNCONFIGURED, NOW)
    assert [e.topic.name for e in result.events] == [topic]
    event = result.events[0].event
    as_json = json.loads(result.events[0].value)
    assert mismatches(as_json, expected) == []
    if isinstance(event, InboundMessage):
        assert result.rejected == []
        assert event.raw == first_item(body)  # nothing Meta sent is lost
        assert event.message_id == f"in:{event.wamid}"
        assert result.events[0].key == event.sender.key
        assert event.line.tier is None  # no roster: unconfigured line
    elif isinstance(event, DeliveryStatus):
        assert event.raw == first_item(body)
        assert event.message_id == f"st:{event.wamid}:{event.status}"
        assert result.events[0].key == event.wamid
    else:
        assert isinstance(event, WebhookDeadLetter)
        assert event.body == body.decode()
        assert result.events[0].key is None
        assert "not a WhatsApp webhook" in event.reason
    # the value on Kafka reads back into the same contract model
    assert type(event).model_validate_json(result.events[0].value) == event


def test_raw_escapes_survive_into_the_event() -> None:
    body = (Path(__file__).parent / "samples" / "inbound_image_raw_escaped.json").read_bytes()
    assert b'"image\\\\/jpeg"' in body
    event = normalise_body(body, UNCONFIGURED, NOW).events[0].event
    assert isinstance(event, InboundMessage)
    assert event.raw["image"]["mime_type"] == "image\\/jpeg"
