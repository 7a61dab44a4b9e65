"""Who may see which case, as SQL: the condition every case query carries (list, detail,
export, actions, statistics, stream), so that a case outside the caller's areas is never
read at all."""

from __future__ import annotations

from services.api.access.roles import Principal, split_scope
from services.api.where import Where, one_of


def scope_condition(
    where: Where, principal: Principal, alias: str = "c", about_officer: str | None = None
) -> str:
    """The rows of the caller's areas: FALSE for an empty scope (never everything).
    An officer never sees a complaint about himself (`about_officer` names the column that
    holds whom a complaint is about, by default `<alias>.about_officer_id`)."""
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
    areas = "(" + " OR ".join(parts) + ")"
    if principal.officer_id is None:
        return areas
    column = about_officer or f"{alias}.about_officer_id"
    not_about_him = f"{column} IS DISTINCT FROM {where.param(principal.officer_id)}"
    return f"({areas} AND {not_about_him})"
