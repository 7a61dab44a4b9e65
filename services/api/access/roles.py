"""Roles, what each may do, and the caller's area scope (pure rules, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from contracts import areas
from contracts.areas import AreaLevel as AreaLevel
from contracts.areas import within as within  # whether a code lies in a scope's areas


class Role(StrEnum):
    BHABIN = "bhabin"  # his villages
    KAPOLSEK = "kapolsek"  # his district
    KAPOLRES = "kapolres"  # the regency
    DASHBOARD = "dashboard"  # read-only, no personal data; scope from its token
    ADMIN = "admin"  # roster and users; no case data
    SYSTEM = "system"  # another police system; scope from its token


OFFICER_ROLES = frozenset({Role.BHABIN, Role.KAPOLSEK, Role.KAPOLRES})
CASE_READERS = frozenset({*OFFICER_ROLES, Role.DASHBOARD, Role.SYSTEM})
CASE_ACTORS = frozenset({*OFFICER_ROLES, Role.SYSTEM})


@dataclass(frozen=True)
class Principal:
    """An authenticated caller."""

    token_id: str
    role: Role
    name: str
    officer_id: str | None
    scope: tuple[str, ...]  # area codes: villages, districts or regencies
    reveal_reporter: bool = False  # a system token configured to see reporters

    @property
    def can_read_cases(self) -> bool:
        return self.role in CASE_READERS

    @property
    def can_act(self) -> bool:
        return self.role in CASE_ACTORS

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


SCOPE_LEVELS = (AreaLevel.REGENCY, AreaLevel.DISTRICT, AreaLevel.VILLAGE)


def area_level(code: str) -> AreaLevel:
    """`35.22` regency, `35.22.07` district, `35.22.07.2001` village: the levels a scope
    names (a province or anything else is refused)."""
    level = areas.area_level(code)  # ValueError for what is no area code at all
    if level not in SCOPE_LEVELS:
        raise ValueError(f"not a regency, district or village code: {code!r}")
    return level


@dataclass(frozen=True)
class ScopeCodes:
    regencies: tuple[str, ...]
    districts: tuple[str, ...]
    villages: tuple[str, ...]


def split_scope(scope: tuple[str, ...]) -> ScopeCodes:
    """The scope's codes by level (invalid codes are dropped: they match nothing)."""
    levels: dict[AreaLevel, list[str]] = {level: [] for level in SCOPE_LEVELS}
    for code in scope:
        try:
            levels[area_level(code)].append(code)
        except ValueError:
            continue
    return ScopeCodes(
        tuple(levels[AreaLevel.REGENCY]),
        tuple(levels[AreaLevel.DISTRICT]),
        tuple(levels[AreaLevel.VILLAGE]),
    )
