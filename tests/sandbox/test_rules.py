"""The sandbox's plain rules, without HTTP: serialisation, signing, statuses, failures."""

from __future__ import annotations

import json

import pytest

from services.sandbox.failure_plan import FailurePlan, FailureRule
from services.sandbox.graph_errors import GraphError, http_status_for
from services.sandbox.send_validation import normalize_phone, parse_send
from services.sandbox.signing import meta_json_bytes, signature, signature_valid
from services.sandbox.status_plan import plan_statuses


def test_meta_json_escapes_non_ascii_and_slashes_and_round_trips() -> None:
    payload = {"text": {"body": "Pak, motor saya dicuri 🙏 é a/b"}}
    raw = meta_json_bytes(payload)
    assert raw == (b'{"text":{"body":"Pak, motor saya dicuri \\ud83d\\ude4f \\u00e9 a\\/b"}}')
    assert json.loads(raw) == payload


def test_signature_matches_only_the_exact_bytes_and_a_known_secret() -> None:
    raw = meta_json_bytes({"a": "ü"})
    header = signature(raw, "secret")
    assert signature_valid(raw, header, ["old", "secret"])
    assert not signature_valid(raw + b" ", header, ["secret"])
    assert not signature_valid(raw, header, ["other"])
    assert not signature_valid(raw, None, ["secret"])
    assert not signature_valid(raw, header.removeprefix("sha256="), ["secret"])


@pytest.mark.parametrize(("given", "wa_id"), [
    ("+62 (812) 3456-7890", "6281234567890"),
    ("6281234567890", "6281234567890"),
    ("081234567890", "62081234567890"),
    ("+15551234567", "15551234567"),
])
def test_phone_normalisation(given: str, wa_id: str) -> None:
    assert normalize_phone(given, "62") == wa_id


def test_a_bad_phone_is_a_code_100() -> None:
    with pytest.raises(GraphError) as caught:
        parse_send({"messaging_product": "whatsapp", "to": "abc", "type": "text",
                    "text": {"body": "x"}})
    assert caught.value.code == 100


def test_http_statuses_follow_the_documented_mapping() -> None:
    assert [http_status_for(c) for c in (190, 10, 130429, 131056, 4, 80007, 131000, 131016,
                                         100, 131009, 131026, 131047)] == [
        401, 403, 429, 429, 429, 429, 500, 503, 400, 400, 400, 400]


def test_status_plans() -> None:
    def kinds(**kwargs: object) -> list[str]:
        return [p.status for p in plan_statuses(window_open=True, **kwargs)]  # type: ignore[arg-type]

    assert kinds(message_type="text", version="v25.0", wamid="w", auto_read=False) == [
        "sent", "delivered"]
    assert kinds(message_type="text", version="v25.0", wamid="w", auto_read=True) == [
        "sent", "delivered", "read"]
    assert kinds(message_type="reaction", version="v25.0", wamid="w", auto_read=True) == [
        "sent"]
    failed = plan_statuses("text", "v25.0", "w", window_open=True, auto_read=True,
                           failure_code=131026)
    assert [(p.status, p.error_code) for p in failed] == [("failed", 131026)]


def test_failure_rules_are_taken_oldest_first_and_expire() -> None:
    plan = FailurePlan()
    plan.add(FailureRule(code=130429, remaining=1, to="62811"))
    plan.add(FailureRule(code=131000, remaining=2))

    assert plan.take("line", "62899") is not None and plan.rules()[-1].remaining == 1
    taken = plan.take("line", "62811")
    assert taken is not None and taken.code == 130429
    assert [r.code for r in plan.rules()] == [131000]
    assert plan.take("line", "62811") is not None
    assert plan.take("line", "62811") is None
