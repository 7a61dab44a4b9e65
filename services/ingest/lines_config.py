"""Which Matur line a `metadata.phone_number_id` is, from the roster file."""

from __future__ import annotations

import logging
from pathlib import Path

from contracts.lines import Line
from contracts.roster import Roster, load_roster

log = logging.getLogger(__name__)


class LineDirectory:
    """phone_number_id -> Line. Unknown numbers still get a Line (tier None) so that
    nothing is dropped; the router decides what to do with an unconfigured line."""

    def __init__(self, roster: Roster | None) -> None:
        self._lines: dict[str, Line] = {}
        if roster is not None:
            self._lines = {line.phone_number_id: line for line in roster.lines}

    def __call__(self, phone_number_id: str, display_phone_number: str | None) -> Line:
        line = self._lines.get(phone_number_id)
        if line is None:
            return Line(phone_number_id=phone_number_id, display_phone_number=display_phone_number)
        if line.display_phone_number is None and display_phone_number:
            return line.model_copy(update={"display_phone_number": display_phone_number})
        return line

    def __len__(self) -> int:
        return len(self._lines)


def load_lines(path: Path) -> LineDirectory:
    if not path.exists():
        log.warning("roster file not found: every line is unconfigured", extra={"path": str(path)})
        return LineDirectory(None)
    directory = LineDirectory(load_roster(path))
    log.info("roster loaded", extra={"path": str(path), "lines": len(directory)})
    return directory
