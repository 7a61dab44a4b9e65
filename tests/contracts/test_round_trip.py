"""Every topic's message survives JSON, and is read by the topic's declared model."""

from __future__ import annotations

import pytest

from contracts.topics import ALL_TOPICS
from tests.contracts.samples import samples


def test_every_topic_has_a_sample() -> None:
    assert {t.name for t in ALL_TOPICS} == set(samples())


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda t: t.name)
def test_round_trip_through_json(topic) -> None:  # type: ignore[no-untyped-def]
    message = samples()[topic.name]
    assert isinstance(message, topic.value)
    data = message.to_bytes()
    back = topic.value.from_bytes(data)
    assert back == message
    assert back.to_bytes() == data


def test_non_ascii_text_survives() -> None:
    message = samples()["whatsapp.inbound"]
    back = type(message).from_bytes(message.to_bytes())
    assert "🙏" in (back.text or "")  # type: ignore[attr-defined]


def test_unknown_fields_from_a_newer_producer_are_ignored() -> None:
    message = samples()["cases.events"]
    data = message.model_dump(mode="json")
    data["field_from_the_future"] = {"x": 1}
    data["case"]["another_new_field"] = 3
    back = type(message).model_validate(data)
    assert back == message
