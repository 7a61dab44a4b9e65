"""Escalation policy: how long each tier has before a case goes one tier up.

Defaults are grounded in practice: Polda Jatim's own WhatsApp line promises a response
within 15 minutes, so a Bhabin has 15 minutes to acknowledge, a Kapolsek 30 and the
Kapolres 60 (at the top there is nobody above: the deadline is when the Kapolres is
reminded again). High urgency and emergencies halve every window; low urgency (questions,
services such as SKCK) doubles it. Categories can carry their own factor.

The policy in force when a case opens is stored with the case (`as_dict`/`from_dict`),
so changing the configuration never moves the deadlines of open cases. The values come
from the router's settings (`SlaSettings`, MATUR_SLA_*): this module never reads the
environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from contracts.hierarchy import Category, Tier, Urgency


@dataclass(frozen=True)
class SlaPolicy:
    """Minutes (fractions allowed: tests use seconds) each tier has to acknowledge."""

    bhabin_minutes: float = 15.0
    kapolsek_minutes: float = 30.0
    kapolres_minutes: float = 60.0
    high_factor: float = 0.5
    emergency_factor: float = 0.5
    low_factor: float = 2.0
    # Minutes an acknowledged case may stay unresolved at a tier before it goes up
    # (None: acknowledging stops the ladder for good).
    resolve_minutes: float | None = 24 * 60.0
    # Whether the Kapolres is reminded again and again when nobody acts (else nothing
    # happens after the top tier's window).
    remind_at_top: bool = True
    # Category value -> extra factor on every window, e.g. {"information": 2.0}.
    category_factors: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_minutes(
        cls,
        bhabin: float = 15.0,
        kapolsek: float = 30.0,
        kapolres: float = 60.0,
        *,
        high_factor: float = 0.5,
        emergency_factor: float = 0.5,
        low_factor: float = 2.0,
        resolve: float | None = 24 * 60.0,
        remind_at_top: bool = True,
        category_factors: Mapping[str, float] | None = None,
    ) -> SlaPolicy:
        policy = cls(
            bhabin_minutes=float(bhabin),
            kapolsek_minutes=float(kapolsek),
            kapolres_minutes=float(kapolres),
            high_factor=float(high_factor),
            emergency_factor=float(emergency_factor),
            low_factor=float(low_factor),
            resolve_minutes=None if resolve is None else float(resolve),
            remind_at_top=remind_at_top,
            category_factors=dict(category_factors or {}),
        )
        policy.validate()
        return policy

    def validate(self) -> None:
        for name in ("bhabin_minutes", "kapolsek_minutes", "kapolres_minutes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        factors = (self.high_factor, self.emergency_factor, self.low_factor)
        if any(f <= 0 for f in (*factors, *self.category_factors.values())):
            raise ValueError("SLA factors must be positive")
        if self.resolve_minutes is not None and self.resolve_minutes <= 0:
            raise ValueError("resolve_minutes must be positive or None")

    def minutes_for(self, tier: Tier) -> float:
        return {
            Tier.BHABIN: self.bhabin_minutes,
            Tier.KAPOLSEK: self.kapolsek_minutes,
            Tier.KAPOLRES: self.kapolres_minutes,
        }[tier]

    def factor(self, urgency: Urgency, category: Category | str | None = None) -> float:
        by_urgency = {
            Urgency.LOW: self.low_factor,
            Urgency.NORMAL: 1.0,
            Urgency.HIGH: self.high_factor,
            Urgency.EMERGENCY: self.emergency_factor,
        }[Urgency(urgency)]
        extra = self.category_factors.get(str(category), 1.0) if category is not None else 1.0
        return by_urgency * extra

    def window(
        self, tier: Tier, urgency: Urgency, category: Category | str | None = None
    ) -> timedelta:
        """How long `tier` has to acknowledge a case of this urgency (and category)."""
        return timedelta(minutes=self.minutes_for(tier) * self.factor(urgency, category))

    def as_dict(self) -> dict[str, Any]:
        return {
            "bhabin_minutes": self.bhabin_minutes,
            "kapolsek_minutes": self.kapolsek_minutes,
            "kapolres_minutes": self.kapolres_minutes,
            "high_factor": self.high_factor,
            "emergency_factor": self.emergency_factor,
            "low_factor": self.low_factor,
            "resolve_minutes": self.resolve_minutes,
            "remind_at_top": self.remind_at_top,
            "category_factors": dict(self.category_factors),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaPolicy:
        known = cls().as_dict()
        values = {k: data[k] for k in known if k in data}
        values["category_factors"] = dict(values.get("category_factors") or {})
        policy = cls(**values)
        policy.validate()
        return policy


def next_tier(tier: Tier) -> Tier | None:
    """The tier a case goes to when `tier` lets its deadline pass; None at the top."""
    return tier.next_up()


def deadline(
    policy: SlaPolicy,
    tier: Tier,
    urgency: Urgency,
    start: datetime,
    category: Category | str | None = None,
) -> datetime | None:
    """When a case that reached `tier` at `start` goes one tier up unless acknowledged.

    At the top tier this is when the Kapolres is reminded again, or None when the policy
    does not remind (nothing further happens).
    """
    if next_tier(tier) is None and not policy.remind_at_top:
        return None
    return start + policy.window(tier, urgency, category)


def resolve_deadline(
    policy: SlaPolicy,
    tier: Tier,
    urgency: Urgency,
    acknowledged_at: datetime,
    category: Category | str | None = None,
) -> datetime | None:
    """When an acknowledged but unresolved case goes one tier up (None: never)."""
    if policy.resolve_minutes is None:
        return None
    if next_tier(tier) is None and not policy.remind_at_top:
        return None
    minutes = policy.resolve_minutes * policy.factor(urgency, category)
    return acknowledged_at + timedelta(minutes=minutes)
