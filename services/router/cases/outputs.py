"""What a handler asks the edge to publish. Every message id is deterministic, so a replay
after a crash publishes the same ids and consumers drop the duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field

from contracts.case_commands import CaseCommand
from contracts.case_events import CaseEvent, TierNotice
from contracts.case_references import CaseReferenceMessage
from contracts.notifications import NotificationRequest


@dataclass
class Outputs:
    events: list[CaseEvent] = field(default_factory=list)
    notices: list[TierNotice] = field(default_factory=list)
    notifications: list[NotificationRequest] = field(default_factory=list)
    commands: list[CaseCommand] = field(default_factory=list)
    references: list[CaseReferenceMessage] = field(default_factory=list)

    def extend(self, other: Outputs) -> None:
        self.events.extend(other.events)
        self.notices.extend(other.notices)
        self.notifications.extend(other.notifications)
        self.commands.extend(other.commands)
        self.references.extend(other.references)

    def message_ids(self) -> list[str]:
        return [
            m.message_id
            for group in (
                self.events,
                self.notices,
                self.notifications,
                self.commands,
                self.references,
            )
            for m in group
        ]

    def __bool__(self) -> bool:
        return bool(self.message_ids())
