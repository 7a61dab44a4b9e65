"""The officer directory in the router, applied live: who handles a village changes with
the next message after an admin moves an officer, without a restart.

- Before the worker starts, `first_snapshot` reads the directory topics to their end (in
  an event loop of its own) and waits until they name a Polres: the router's regency,
  whose villages it loads. Until then the worker does not exist, so /readyz does not
  answer and no message is handled.
- `LiveDirectory.follow` runs as a Faust task in the worker's loop: a DirectoryFeed whose
  every snapshot becomes a new `OfficerDirectory` in `router.ctx` (the route agent reads
  the context once per batch; `OfficerDirectory` keeps `.roster.officers/.lines/
  .regency_code`, so the handlers need no change).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import Protocol

from contracts.directory import DirectorySnapshot
from servicekit.directory_feed import DirectoryFeed
from services.router.cases.context import RouterContext
from services.router.domain.officers import OfficerDirectory
from services.router.settings import RouterSettings

log = logging.getLogger(__name__)

IMPORT_HINT = "import a roster: python -m services.api.directory import FILE"


class HoldsContext(Protocol):
    ctx: RouterContext


def _feed(settings: RouterSettings, purpose: str) -> DirectoryFeed:
    return DirectoryFeed(
        settings.kafka_bootstrap_servers, settings.topic_prefix,
        f"{settings.faust_app_id}-directory-{purpose}",
    )


def first_snapshot(settings: RouterSettings, warn_every_s: float = 15.0) -> DirectorySnapshot:
    """The directory as it is now, once it names a Polres (blocking; call it before the
    worker's loop runs)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(_until_polres(_feed(settings, "start"), warn_every_s))
    finally:
        loop.close()


async def _until_polres(feed: DirectoryFeed, warn_every_s: float) -> DirectorySnapshot:
    changed = asyncio.Event()
    feed.subscribe(lambda _: changed.set())
    try:
        snapshot = await feed.start()
        while not snapshot.polres:
            log.warning(f"the directory names no Polres yet; {IMPORT_HINT}")
            changed.clear()
            try:
                await asyncio.wait_for(changed.wait(), warn_every_s)
            except TimeoutError:
                pass
            snapshot = feed.snapshot
        return snapshot
    finally:
        await feed.stop()


class LiveDirectory:
    def __init__(self, settings: RouterSettings, router: HoldsContext) -> None:
        self.router = router
        self.feed = _feed(settings, "live")
        self.feed.subscribe(self.apply)

    async def follow(self) -> None:
        """(A Faust task: returns once caught up; the feed keeps following.)"""
        await self.feed.start()

    def apply(self, snapshot: DirectorySnapshot) -> None:
        ctx = self.router.ctx
        loaded = ctx.officers.roster.regency_code
        if snapshot.regency_code != loaded:  # the areas are those loaded at start
            log.warning(
                "the directory's Polres changed; its villages load at the next restart",
                extra={"regency": snapshot.regency_code, "loaded": loaded},
            )
            snapshot = snapshot.model_copy(update={"regency_code": loaded})
        self.router.ctx = replace(ctx, officers=OfficerDirectory(snapshot, ctx.directory))
        log.info("directory applied", extra={
            "officers": len(snapshot.officers), "lines": len(snapshot.lines)})
