"""Load the area directory, the officer directory and the policy into a RouterContext."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from contracts.roster import Roster
from services.router.cases.context import RouterContext
from services.router.domain.directory import Directory
from services.router.domain.officers import OfficerDirectory
from services.router.live_directory import first_snapshot
from services.router.settings import RouterSettings

log = logging.getLogger(__name__)


def load_context(settings: RouterSettings, roster: Roster | None = None) -> RouterContext:
    """`roster`: the officers and lines to start with; None reads the directory topics
    (`live_directory.first_snapshot`), which then keep it current."""
    roster = roster if roster is not None else first_snapshot(settings)
    directory = Directory.load(
        settings.area_data_path, settings.regency_codes(roster.regency_code)
    )
    log.info(
        "areas and officer directory loaded",
        extra={
            "villages": len(directory),
            "officers": len(roster.officers),
            "lines": len(roster.lines),
            "sample_roster": roster.sample,
        },
    )
    return RouterContext(
        directory=directory,
        officers=OfficerDirectory(roster, directory),
        sla=settings.sla_policy(),
        now=datetime.now(UTC),
        kapolres_reminders=settings.kapolres_reminders,
        reopen_window=timedelta(hours=settings.reopen_window_hours),
        bpbd_number=settings.bpbd_number,
    )
