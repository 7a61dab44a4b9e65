"""`python -m services.router`: run the router's Faust worker (health on ROUTER_PORT)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import faust

from servicekit.logging_setup import configure_logging
from services.router.app import Router, create_router
from services.router.changelogs import ensure_changelogs
from services.router.settings import RouterSettings


def main(prepare: Callable[[Router], None] | None = None) -> None:
    """Create the changelog topics, then run the worker until it is stopped. `prepare`
    (tests) sees the router before the worker starts."""
    settings = RouterSettings()
    configure_logging("router", settings.log_format, settings.log_level)
    for name in ("faust", "mode", "aiokafka"):
        logging.getLogger(name).setLevel(settings.faust_log_level.upper())
    asyncio.run(ensure_changelogs(settings))
    asyncio.set_event_loop(asyncio.new_event_loop())  # asyncio.run closed its own
    router = create_router(settings)
    if prepare is not None:
        prepare(router)
    worker = faust.Worker(
        router.app,
        loglevel=settings.log_level,
        override_logging=False,
    )
    worker.execute_from_commandline()


if __name__ == "__main__":
    main()
