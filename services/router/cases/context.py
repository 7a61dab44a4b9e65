"""Everything a handler needs besides the state and the message: directory, roster,
policy and the current time (passed in, never read from a clock inside the logic)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from services.router.domain.directory import Directory
from services.router.domain.officers import OfficerDirectory
from services.router.domain.sla import SlaPolicy


@dataclass(frozen=True)
class RouterContext:
    directory: Directory
    officers: OfficerDirectory
    sla: SlaPolicy
    now: datetime
    kapolres_reminders: int = 3
    reopen_window: timedelta = timedelta(hours=72)

    def at(self, now: datetime) -> RouterContext:
        from dataclasses import replace

        return replace(self, now=now)
