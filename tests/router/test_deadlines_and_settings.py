"""The SLA heap and the router's settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from contracts.hierarchy import Tier, Urgency
from services.router.deadlines import DeadlineIndex
from services.router.domain.sla import SlaPolicy
from services.router.settings import RouterSettings, SlaSettings

T = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_index_pops_only_what_is_due_in_due_order():
    index = DeadlineIndex()
    index.push(b"c_b", 1, [(T + timedelta(seconds=30), "case-b", 2)])
    index.push(b"c_a", 0, [(T + timedelta(seconds=10), "case-a", 5)])
    index.push(b"c_c", 2, [(T + timedelta(seconds=60), "case-c", 3)])
    assert index.pop_due(T.timestamp()) == []
    due = index.pop_due((T + timedelta(seconds=31)).timestamp())
    assert [(d.case_id, d.version, d.key) for d in due] == [
        ("case-a", 5, b"c_a"),
        ("case-b", 2, b"c_b"),
    ]
    assert len(index) == 1
    assert index.next_due() == (T + timedelta(seconds=60)).timestamp()


def test_index_rebuild_replaces_everything():
    index = DeadlineIndex()
    index.push(b"c_a", 0, [(T, "case-a", 1)])
    index.rebuild([])
    assert len(index) == 0 and index.pop_due(T.timestamp() + 1) == []


def test_settings_defaults_and_derived_values(monkeypatch):
    for name in (
        "MATUR_TOPIC_PREFIX",
        "MATUR_AREA_REGENCIES",
        "MATUR_SLA_SECONDS",
        "KAFKA_BOOTSTRAP_SERVERS",
        "MATUR_ROSTER_FILE",
    ):
        monkeypatch.delenv(name, raising=False)
    settings = RouterSettings()
    assert settings.port == 8003
    assert settings.broker_url == "kafka://127.0.0.1:9092"
    # officers and lines come from the directory topics, never from a roster file
    aliases = {field.validation_alias for field in RouterSettings.model_fields.values()}
    assert "MATUR_ROSTER_FILE" not in aliases
    assert settings.regency_codes("35.22") == ["35.22"]
    monkeypatch.setenv("MATUR_TOPIC_PREFIX", "t1.")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "a:9092,b:9092")
    monkeypatch.setenv("MATUR_AREA_REGENCIES", "all")
    settings = RouterSettings()
    assert settings.faust_app_id == "t1.matur-router"
    assert settings.broker_url == "kafka://a:9092;kafka://b:9092"
    assert settings.regency_codes("35.22") is None


def test_sla_seconds_override_gives_every_tier_the_same_window(monkeypatch):
    monkeypatch.setenv("MATUR_SLA_SECONDS", "3")
    policy = RouterSettings().sla_policy()
    assert policy.bhabin_minutes == policy.kapolsek_minutes == policy.kapolres_minutes == 0.05
    assert policy.resolve_minutes is None


def clear_sla_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SlaSettings.model_fields.values():
        monkeypatch.delenv(str(name.validation_alias), raising=False)


def test_sla_policy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_sla_env(monkeypatch)
    for name, value in {
        "MATUR_SLA_BHABIN_MINUTES": "10",
        "MATUR_SLA_KAPOLSEK_MINUTES": "20",
        "MATUR_SLA_KAPOLRES_MINUTES": "40",
        "MATUR_SLA_HIGH_FACTOR": "0.25",
        "MATUR_SLA_RESOLVE_MINUTES": "none",
        "MATUR_SLA_REMIND_AT_TOP": "false",
        "MATUR_SLA_CATEGORY_FACTORS": "information=2, fire=0.5",
    }.items():
        monkeypatch.setenv(name, value)
    policy = RouterSettings().sla_policy()
    assert (policy.bhabin_minutes, policy.kapolsek_minutes, policy.kapolres_minutes) == (
        10,
        20,
        40,
    )
    assert policy.window(Tier.BHABIN, Urgency.HIGH) == timedelta(minutes=2.5)
    assert policy.resolve_minutes is None and policy.remind_at_top is False
    assert policy.category_factors == {"information": 2.0, "fire": 0.5}


def test_sla_defaults_are_the_domain_policys(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_sla_env(monkeypatch)
    assert RouterSettings().sla_policy() == SlaPolicy()
    monkeypatch.setenv("MATUR_SLA_BHABIN_MINUTES", "")  # empty: the default
    monkeypatch.setenv("MATUR_SLA_RESOLVE_MINUTES", "")  # empty: never
    monkeypatch.setenv("MATUR_SLA_REMIND_AT_TOP", "yes")
    policy = SlaSettings().policy()
    assert policy.bhabin_minutes == 15 and policy.resolve_minutes is None
    assert policy.remind_at_top is True


def test_invalid_sla_settings_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_sla_env(monkeypatch)
    monkeypatch.setenv("MATUR_SLA_CATEGORY_FACTORS", "nonsense=2")
    with pytest.raises(ValueError):
        SlaSettings()
    monkeypatch.setenv("MATUR_SLA_CATEGORY_FACTORS", "fire=0.5, information:2")
    with pytest.raises(ValueError, match="information:2"):  # not silently dropped
        SlaSettings()
    monkeypatch.delenv("MATUR_SLA_CATEGORY_FACTORS")
    monkeypatch.setenv("MATUR_SLA_KAPOLSEK_MINUTES", "0")
    with pytest.raises(ValueError):
        RouterSettings().sla_policy()
