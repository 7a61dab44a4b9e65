"""Commands to the router (`cases.commands`), from the API and from the router's own timers.

Keyed by `citizen_key` of the case's reporter, because the router keeps a reporter's cases
on that reporter's partition. `command_id` is the idempotency key.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from contracts.base import ContractModel, Message
from contracts.hierarchy import Tier


class CommandKind(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    RESOLVE = "resolve"
    ADD_NOTE = "add_note"
    REASSIGN = "reassign"
    ESCALATE = "escalate"
    REOPEN = "reopen"
    DEADLINE_REACHED = "deadline_reached"  # the router's SLA timer


class Actor(ContractModel):
    officer_id: str | None = None
    name: str | None = None
    role: str = Field(description="bhabin, kapolsek, kapolres, admin, system or router")


class CaseCommand(Message):
    """message_id is the command id the API answers 202 with."""

    kind: CommandKind
    case_id: str
    citizen_key: str
    actor: Actor
    note: str | None = None
    target_officer_id: str | None = None
    target_tier: Tier | None = None
    expected_version: int | None = Field(
        default=None, description="For deadlines: act only if the case is still at this version"
    )
