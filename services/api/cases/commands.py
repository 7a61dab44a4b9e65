"""Building the command an officer's action becomes (pure)."""

from __future__ import annotations

import uuid

from contracts.case_commands import Actor, CaseCommand, CommandKind
from contracts.hierarchy import Tier
from services.api.access.roles import Principal, within


def new_command(
    principal: Principal,
    kind: CommandKind,
    case_id: str,
    citizen_key: str,
    note: str | None = None,
    target_officer_id: str | None = None,
    target_tier: Tier | None = None,
) -> CaseCommand:
    return CaseCommand(
        message_id="cmd_" + uuid.uuid4().hex,
        kind=kind,
        case_id=case_id,
        citizen_key=citizen_key,
        actor=Actor(officer_id=principal.officer_id, name=principal.name, role=principal.role),
        note=note,
        target_officer_id=target_officer_id,
        target_tier=target_tier,
    )


def serves_case(officer_areas: tuple[str, ...], case_areas: tuple[str | None, ...]) -> bool:
    """Whether one of the officer's areas contains the case's village, district or regency."""
    return any(code is not None and within(code, officer_areas) for code in case_areas)
