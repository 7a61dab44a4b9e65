"""The router's reference directory (`cases.references`): short reference -> case.

An officer's WhatsApp message lands on the officer's own partition, but a case lives on
its reporter's partition. The router publishes one `registered` message per case keyed by
its reference, and forwards an officer's command that names a reference (`terima BJN-...`)
on this topic too; the router's reference agent keeps a table reference -> (case_id,
citizen_key) and re-publishes the command on `cases.commands` keyed by the reporter.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from contracts.base import Message
from contracts.case_commands import CaseCommand


class ReferenceMessageKind(StrEnum):
    REGISTERED = "registered"  # a case got this reference
    COMMAND = "command"  # an officer's command naming this reference, to be routed


class CaseReferenceMessage(Message):
    """Topic `cases.references`, key `reference`.

    message_id = `ref:<case_id>` for a registration, the command's own id for a command.
    """

    kind: ReferenceMessageKind
    reference: str
    case_id: str | None = None
    citizen_key: str | None = None
    line_phone_number_id: str | None = Field(
        default=None, description="The line the officer wrote to (for a not-found answer)"
    )
    command: CaseCommand | None = Field(
        default=None, description="For `command`: case_id and citizen_key still empty"
    )
