"""Which areas fit an officer's tier, and which officers a caller may list (pure)."""

from __future__ import annotations

from contracts.hierarchy import Tier
from services.api.access.roles import AreaLevel, Principal, Role, area_level, within

TIER_LEVEL = {Tier.BHABIN: AreaLevel.VILLAGE, Tier.KAPOLSEK: AreaLevel.DISTRICT,
              Tier.KAPOLRES: AreaLevel.REGENCY}  # fmt: skip


def wrong_level_codes(tier: Tier, codes: tuple[str, ...]) -> list[str]:
    """Codes that are not of the tier's level (a Bhabin serves villages, ...)."""
    wrong = []
    for code in codes:
        try:
            if area_level(code) is not TIER_LEVEL[tier]:
                wrong.append(code)
        except ValueError:
            wrong.append(code)
    return wrong


def officer_visible(principal: Principal, officer_areas: tuple[str, ...]) -> bool:
    """Admins see the whole roster; others the officers serving in, above or below their
    own areas."""
    if principal.role is Role.ADMIN:
        return True
    return any(
        within(area, principal.scope) or within(own, officer_areas)
        for area in officer_areas
        for own in principal.scope
    )


def sees_officer_numbers(principal: Principal) -> bool:
    return principal.role in (Role.ADMIN, Role.BHABIN, Role.KAPOLSEK, Role.KAPOLRES)
