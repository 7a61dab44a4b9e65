"""Which Matur line a `metadata.phone_number_id` is: the lines of the officer directory
(`directory.lines`), followed live through `servicekit.directory_feed`."""

from __future__ import annotations

import logging

from contracts.lines import Line
from contracts.roster import Roster
from servicekit.directory_feed import DirectoryFeed

log = logging.getLogger(__name__)


class LineDirectory:
    """phone_number_id -> Line. Unknown numbers still get a Line (tier None) so that
    nothing is dropped; the router decides what to do with an unconfigured line."""

    def __init__(self, roster: Roster | None = None) -> None:
        """`roster`: a directory snapshot (or a roster file's model); None: no lines."""
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


class LiveLines:
    """The LineDirectory of the directory's latest snapshot: a line added, changed or
    removed applies to the next webhook, without a restart. Until the feed has read the
    directory once, `ready` is False and ingest answers 503 (Meta retries)."""

    def __init__(self, feed: DirectoryFeed) -> None:
        self.feed = feed
        self.current = LineDirectory()
        feed.subscribe(self._apply)

    def _apply(self, snapshot: Roster) -> None:
        self.current = LineDirectory(snapshot)
        log.info("lines applied", extra={"lines": len(self.current)})

    @property
    def ready(self) -> bool:
        return self.feed.caught_up

    def __call__(self, phone_number_id: str, display_phone_number: str | None) -> Line:
        return self.current(phone_number_id, display_phone_number)
