"""The scope condition every case query carries (pure: the SQL text and its parameters)."""

from __future__ import annotations

from contracts.hierarchy import TIER_ORDER, Tier
from services.api.access.roles import Principal, Role
from services.api.access.scope import may_see, scope_condition, tiers_seen_from
from services.api.where import Where


def condition(
    role: Role, scope: tuple[str, ...], officer_id: str | None = None, **kwargs: str
) -> tuple[str, list[object]]:
    where = Where()
    text = scope_condition(where, Principal("tok", role, "n", officer_id, scope), **kwargs)
    return text, where.params


def test_each_level_matches_its_own_column() -> None:
    text, params = condition(
        Role.SYSTEM, ("35.22", "35.22.01", "35.22.02", "35.22.01.2001", "junk")
    )
    assert text == (
        "(c.regency_code = $1 OR c.district_code = ANY($2::text[]) OR c.village_code = $3)"
    )
    assert params == ["35.22", ["35.22.01", "35.22.02"], "35.22.01.2001"]


def test_an_empty_or_unreadable_scope_matches_nothing() -> None:
    assert condition(Role.DASHBOARD, ()) == ("FALSE", [])
    assert condition(Role.SYSTEM, ("junk", "35")) == ("FALSE", [])
    assert condition(Role.BHABIN, (), officer_id="bhb-a") == ("FALSE", [])


COMPLAINT = (
    "(coalesce((c.snapshot -> 'reporter' ->> 'confidential')::boolean, false) "
    "OR c.snapshot ->> 'about_officer_id' IS NOT NULL "
    "OR c.snapshot ->> 'category' = 'officer_conduct')"
)
TIERS = "coalesce(c.snapshot -> 'visible_to_tiers', '[]'::jsonb)"


def test_an_officer_never_sees_a_complaint_about_himself_nor_above_his_tier() -> None:
    text, params = condition(Role.BHABIN, ("35.22.01.2001",), officer_id="bhb-a")
    assert text == (
        "((c.village_code = $1) AND c.about_officer_id IS DISTINCT FROM $2 AND "
        f"({TIERS} ?| $3::text[] OR ({TIERS} = '[]'::jsonb AND NOT {COMPLAINT})))"
    )
    assert params == ["35.22.01.2001", "bhb-a", ["bhabin"]]
    _, params = condition(Role.KAPOLSEK, ("35.22.01",), officer_id="ksk-a")
    assert params[-1] == ["bhabin", "kapolsek"]


def test_the_tier_rule() -> None:
    """Kapolres sees every tier's cases; a complaint about the police before its
    assignment only the Kapolres; dashboards and systems are not officers."""
    b, k, r = Tier.BHABIN, Tier.KAPOLSEK, Tier.KAPOLRES
    assert may_see(b, [b], complaint=False) and may_see(k, [b], False) and may_see(r, [b], False)
    assert not may_see(b, [k], False) and may_see(b, [b, k], False)
    assert not may_see(b, [r], True) and not may_see(k, [r], True) and may_see(r, [r], True)
    assert may_see(b, [], False) and not may_see(k, [], True) and may_see(r, [], True)
    assert may_see(None, [r], True)
    for tier in (b, k, r):
        assert tiers_seen_from(tier) == TIER_ORDER[: tier.rank + 1]


def test_alias_and_about_officer_column() -> None:
    text, _ = condition(
        Role.KAPOLSEK,
        ("35.22.01",),
        officer_id="ksk-a",
        alias="t",
        about_officer="t.snapshot->>'about_officer_id'",
    )
    assert text.startswith(
        "((t.district_code = $1) AND t.snapshot->>'about_officer_id' IS DISTINCT FROM $2 AND "
        "(coalesce(t.snapshot -> 'visible_to_tiers', '[]'::jsonb) ?| $3::text[]"
    )


def test_the_condition_numbers_parameters_after_earlier_ones() -> None:
    where = Where()
    where.add(f"c.case_id = {where.param('case_1')}")
    where.add(scope_condition(where, Principal("tok", Role.KAPOLRES, "n", "kpr", ("35.22",))))
    assert where.clause() == (
        "c.case_id = $1 AND ((c.regency_code = $2) AND c.about_officer_id IS DISTINCT FROM $3)"
    )
    assert where.params == ["case_1", "35.22", "kpr"]
