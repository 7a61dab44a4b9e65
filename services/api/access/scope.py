"""Who may see which case, as SQL: the condition every case query carries (list, detail,
export, actions, statistics, stream, the console), so that a case the caller may not see
is never read at all.

Three rules, all inside that one condition:

- **areas**: the case lies in one of the caller's areas (regency, district or village);
- **not about himself**: an officer never sees a complaint about himself
  (`about_officer_id`);
- **tiers** (`Case.visible_to_tiers`, set by the router): an officer sees a case when a
  tier it is visible to is his own tier or one below it (a Kapolsek sees what his Bhabins
  see, the Kapolres everything). A case visible to the Kapolres only (a complaint about
  the police) is thus invisible to Bhabins and Kapolseks. A case the router has not
  assigned yet (no tiers) is visible to every tier, except a complaint about the police
  (confidential reporter, an officer concerned, or category `officer_conduct`), which
  only the Kapolres tier sees until the router says otherwise.

Dashboards and systems have no tier: their token's areas decide.
"""

from __future__ import annotations

from contracts.hierarchy import TIER_ORDER, Tier
from services.api.access.roles import Principal, split_scope
from services.api.where import Where, one_of

# The tier that sees a complaint about the police before the router assigned it.
COMPLAINT_TIER = Tier.KAPOLRES


def officer_tier(principal: Principal) -> Tier | None:
    """The caller's tier, for an officer (None for dashboards, systems, admins)."""
    if principal.officer_id is None:
        return None
    try:
        return Tier(principal.role.value)
    except ValueError:
        return None


def tiers_seen_from(tier: Tier) -> tuple[Tier, ...]:
    """The tiers whose cases an officer of `tier` sees: his own and those below it."""
    return TIER_ORDER[: tier.rank + 1]


def may_see(
    tier: Tier | None, visible_to_tiers: list[Tier] | tuple[Tier, ...], complaint: bool
) -> bool:
    """The tier rule in Python (the SQL in `tier_condition` says the same): whether an
    officer of `tier` (None: no officer) may see a case visible to `visible_to_tiers`,
    `complaint` being a complaint about the police."""
    if tier is None:
        return True
    if not visible_to_tiers:
        return not complaint or tier.rank >= COMPLAINT_TIER.rank
    return any(v in tiers_seen_from(tier) for v in visible_to_tiers)


def _complaint_sql(snapshot: str) -> str:
    return (
        f"(coalesce(({snapshot} -> 'reporter' ->> 'confidential')::boolean, false) "
        f"OR {snapshot} ->> 'about_officer_id' IS NOT NULL "
        f"OR {snapshot} ->> 'category' = 'officer_conduct')"
    )


def tier_condition(where: Where, tier: Tier, snapshot: str) -> str | None:
    """The tier rule as SQL over the case snapshot (`Case` as JSON); None when it lets
    everything through (the Kapolres)."""
    if tier.rank == len(TIER_ORDER) - 1:
        return None
    tiers = f"coalesce({snapshot} -> 'visible_to_tiers', '[]'::jsonb)"
    seen = [t.value for t in tiers_seen_from(tier)]
    assigned = f"{tiers} ?| {where.param(seen)}::text[]"
    unassigned = f"{tiers} = '[]'::jsonb"
    if tier.rank < COMPLAINT_TIER.rank:
        unassigned = f"({unassigned} AND NOT {_complaint_sql(snapshot)})"
    return f"({assigned} OR {unassigned})"


def area_condition(where: Where, principal: Principal, alias: str) -> str:
    """The rows of the caller's areas: FALSE for an empty scope (never everything)."""
    s = split_scope(principal.scope)
    parts = []
    if s.regencies:
        parts.append(one_of(where, f"{alias}.regency_code", s.regencies))
    if s.districts:
        parts.append(one_of(where, f"{alias}.district_code", s.districts))
    if s.villages:
        parts.append(one_of(where, f"{alias}.village_code", s.villages))
    if not parts:
        return "FALSE"
    return "(" + " OR ".join(parts) + ")"


def scope_condition(
    where: Where, principal: Principal, alias: str = "c", about_officer: str | None = None
) -> str:
    """Areas, not about himself and tiers (see the module's docstring). `about_officer`
    names the column that holds whom a complaint is about (default
    `<alias>.about_officer_id`); `<alias>.snapshot` holds the case as JSON."""
    areas = area_condition(where, principal, alias)
    if areas == "FALSE" or principal.officer_id is None:
        return areas
    column = about_officer or f"{alias}.about_officer_id"
    parts = [areas, f"{column} IS DISTINCT FROM {where.param(principal.officer_id)}"]
    tier = officer_tier(principal)
    tiers = tier_condition(where, tier, f"{alias}.snapshot") if tier else None
    if tiers is not None:
        parts.append(tiers)
    return "(" + " AND ".join(parts) + ")"
