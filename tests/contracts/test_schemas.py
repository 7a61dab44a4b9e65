"""The committed JSON Schemas match the models, and changes stay backward compatible."""

from __future__ import annotations

import copy
import json

import pytest

from contracts.schema_export import compatibility_problems, render, schema_of, schema_path
from contracts.topics import ALL_TOPICS

REGENERATE = "run `make schemas` (python -m contracts.schema_export) and commit the result"


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda t: t.name)
def test_model_change_is_backward_compatible_with_committed_schema(topic) -> None:  # type: ignore[no-untyped-def]
    path = schema_path(topic)
    assert path.exists(), f"no committed schema for {topic.name}: {REGENERATE}"
    committed = json.loads(path.read_text(encoding="utf-8"))
    problems = compatibility_problems(committed, schema_of(topic))
    assert not problems, f"{topic.name} breaks its consumers: {problems}"


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda t: t.name)
def test_committed_schema_is_up_to_date(topic) -> None:  # type: ignore[no-untyped-def]
    committed = schema_path(topic).read_text(encoding="utf-8")
    assert committed == render(schema_of(topic)), f"{topic.name} schema is stale: {REGENERATE}"


def _inbound_schema() -> dict:  # type: ignore[type-arg]
    return copy.deepcopy(schema_of(next(t for t in ALL_TOPICS if t.name == "whatsapp.inbound")))


def test_checker_flags_a_removed_field() -> None:
    old = _inbound_schema()
    new = _inbound_schema()
    del new["properties"]["wamid"]
    new["required"].remove("wamid")
    assert any("wamid: field removed" in p for p in compatibility_problems(old, new))


def test_checker_flags_a_new_required_field() -> None:
    old = _inbound_schema()
    new = _inbound_schema()
    new["properties"]["priority"] = {"type": "integer"}
    new["required"].append("priority")
    assert any("priority: new required field" in p for p in compatibility_problems(old, new))


def test_checker_flags_a_retyped_field_and_a_removed_enum_value() -> None:
    old = schema_of(next(t for t in ALL_TOPICS if t.name == "cases.events"))
    new = copy.deepcopy(old)
    new["$defs"]["Case"]["properties"]["version"] = {"type": "string"}
    new["$defs"]["CaseStatus"]["enum"].remove("cancelled")
    problems = compatibility_problems(old, new)
    assert any("version: type changed" in p for p in problems)
    assert any("enum values removed" in p and "cancelled" in p for p in problems)


def test_checker_accepts_a_new_optional_field() -> None:
    old = _inbound_schema()
    new = _inbound_schema()
    new["properties"]["priority"] = {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    assert compatibility_problems(old, new) == []
