"""The reference directory: a short reference a person types -> the case and its reporter.

Pure logic of the router's reference agent (topic `cases.references`, keyed by reference,
table reference -> `ReferenceEntry`)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from contracts.case_commands import CaseCommand
from contracts.case_references import CaseReferenceMessage, ReferenceMessageKind
from contracts.notifications import (
    NotificationKind,
    NotificationRequest,
    Recipient,
    RecipientKind,
)


class ReferencedCase(BaseModel):
    model_config = ConfigDict(frozen=True)

    case_id: str
    citizen_key: str


class ReferenceEntry(BaseModel):
    """The cases holding a reference: one, except after a (rare) hash clash of two case
    ids; a command naming a clashing reference goes to each, and each case's own
    partition refuses it unless the officer may act on that case."""

    model_config = ConfigDict(frozen=True)

    cases: list[ReferencedCase]

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, data: bytes | str) -> ReferenceEntry:
        return cls.model_validate_json(data)


REPLY_PREFIX = "wamid:"


def reply_reference(wamid: str) -> str:
    """The directory key of an officer notification, by its wamid (`reply_agent.py`): a
    reply to that message is a command on its case."""
    return f"{REPLY_PREFIX}{wamid}"


def handle_reference(
    entry: ReferenceEntry | None, msg: CaseReferenceMessage, now: datetime
) -> tuple[ReferenceEntry | None, list[CaseCommand], list[NotificationRequest]]:
    """(new table entry, commands to route, notifications)."""
    if msg.kind == ReferenceMessageKind.REGISTERED:
        if not msg.case_id or not msg.citizen_key:
            return entry, [], []
        known = entry.cases if entry else []
        if any(c.case_id == msg.case_id for c in known):
            return entry, [], []
        added = ReferencedCase(case_id=msg.case_id, citizen_key=msg.citizen_key)
        return ReferenceEntry(cases=[*known, added]), [], []
    command = msg.command
    if command is None:
        return entry, [], []
    if entry is None or not entry.cases:
        return entry, [], [_not_found(msg, command, now)]
    routed = [
        command.model_copy(update={"case_id": c.case_id, "citizen_key": c.citizen_key})
        for c in entry.cases
    ]
    return entry, routed, []


def _not_found(
    msg: CaseReferenceMessage, command: CaseCommand, now: datetime
) -> NotificationRequest:
    officer_id = command.actor.officer_id or "unknown"
    # A reply to a message that names no known case: asked for the reference instead.
    replied = msg.reference.startswith(REPLY_PREFIX)
    params = (
        {"reference": "", "action": "unknown_command"}
        if replied
        else {"reference": msg.reference, "action": "not_found"}
    )
    return NotificationRequest(
        message_id=f"officer_action_done:{command.message_id}:{officer_id}",
        occurred_at=now,
        kind=NotificationKind.OFFICER_ACTION_DONE,
        recipient=Recipient(kind=RecipientKind.OFFICER, key=officer_id, officer_id=officer_id),
        line_phone_number_id=msg.line_phone_number_id or "",
        reference=None if replied else msg.reference,
        params=params,
    )
