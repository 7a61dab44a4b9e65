"""Escalation deadlines per tier, urgency and category; the policy kept with a case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from contracts.hierarchy import Category, Tier, Urgency
from services.router.domain.sla import SlaPolicy, deadline, next_tier, resolve_deadline

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_default_windows() -> None:
    policy = SlaPolicy()
    assert deadline(policy, Tier.BHABIN, Urgency.NORMAL, START) == START + timedelta(minutes=15)
    assert deadline(policy, Tier.KAPOLSEK, Urgency.NORMAL, START) == START + timedelta(minutes=30)
    assert deadline(policy, Tier.KAPOLRES, Urgency.NORMAL, START) == START + timedelta(minutes=60)


def test_urgency_changes_the_window() -> None:
    policy = SlaPolicy()
    assert deadline(policy, Tier.BHABIN, Urgency.HIGH, START) == START + timedelta(minutes=7.5)
    assert deadline(policy, Tier.KAPOLSEK, Urgency.EMERGENCY, START) == START + timedelta(
        minutes=15
    )
    assert deadline(policy, Tier.BHABIN, Urgency.LOW, START) == START + timedelta(minutes=30)


def test_category_factors() -> None:
    policy = SlaPolicy.from_minutes(category_factors={"information": 4})
    assert deadline(
        policy, Tier.BHABIN, Urgency.LOW, START, Category.INFORMATION
    ) == START + timedelta(hours=2)
    assert deadline(policy, Tier.BHABIN, Urgency.NORMAL, START, Category.THEFT) == START + (
        timedelta(minutes=15)
    )


def test_the_top_tier_is_reminded_or_nothing_further() -> None:
    assert next_tier(Tier.BHABIN) is Tier.KAPOLSEK
    assert next_tier(Tier.KAPOLSEK) is Tier.KAPOLRES
    assert next_tier(Tier.KAPOLRES) is None
    quiet = SlaPolicy.from_minutes(remind_at_top=False)
    assert deadline(quiet, Tier.KAPOLRES, Urgency.NORMAL, START) is None
    assert deadline(quiet, Tier.KAPOLSEK, Urgency.NORMAL, START) is not None


def test_short_settings_for_tests_and_resolve_deadlines() -> None:
    policy = SlaPolicy.from_minutes(0.05, 0.1, 0.2, resolve=1)
    assert deadline(policy, Tier.BHABIN, Urgency.NORMAL, START) == START + timedelta(seconds=3)
    assert resolve_deadline(policy, Tier.BHABIN, Urgency.NORMAL, START) == START + timedelta(
        minutes=1
    )
    never = SlaPolicy.from_minutes(resolve=None)
    assert resolve_deadline(never, Tier.BHABIN, Urgency.NORMAL, START) is None


def test_the_policy_travels_with_the_case() -> None:
    policy = SlaPolicy.from_minutes(5, 10, 20, category_factors={"fire": 0.5})
    assert SlaPolicy.from_dict(policy.as_dict()) == policy
    assert SlaPolicy.from_dict({"bhabin_minutes": 3, "unknown": 1}).bhabin_minutes == 3


def test_invalid_policies_are_refused() -> None:
    with pytest.raises(ValueError):
        SlaPolicy.from_minutes(0)
    with pytest.raises(ValueError):
        SlaPolicy.from_minutes(high_factor=-1)
