"""Load the area directory, the roster and the policy into a RouterContext."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from contracts.roster import load_roster
from services.router.cases.context import RouterContext
from services.router.domain.directory import Directory
from services.router.domain.officers import OfficerDirectory
from services.router.settings import RouterSettings

log = logging.getLogger(__name__)


def load_context(settings: RouterSettings) -> RouterContext:
    roster = load_roster(settings.roster_path)
    directory = Directory.load(
        settings.area_data_path, settings.regency_codes(roster.regency_code)
    )
    log.info(
        "directory and roster loaded",
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
    )
