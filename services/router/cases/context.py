"""Everything a handler needs besides the state and the message: directory, roster,
policy and the current time (passed in, never read from a clock inside the logic)."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    # The regency's BPBD line, told to a citizen in a disaster (MATUR_BPBD_NUMBER).
    bpbd_number: str = "112"
    # (partition, offset) of the message being handled in the input log: a case opened by
    # it takes its reference from there (unique without coordination). None when handlers
    # are driven directly.
    position: tuple[int, int] | None = None

    def at(self, now: datetime) -> RouterContext:
        return replace(self, now=now)

    def at_position(self, partition: int, offset: int) -> RouterContext:
        return replace(self, position=(partition, offset))
