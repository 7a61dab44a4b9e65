"""`python -m services.router`: run the router's Faust worker (health on ROUTER_PORT)."""

from __future__ import annotations

import faust

from servicekit.logging_setup import configure_logging
from services.router.app import create_router
from services.router.settings import RouterSettings


def main() -> None:
    settings = RouterSettings()
    configure_logging("router", settings.log_format, settings.log_level)
    router = create_router(settings)
    worker = faust.Worker(
        router.app,
        loglevel=settings.log_level,
        override_logging=False,
        web_port=settings.port,
        web_bind=settings.host,
        web_host=settings.host,
    )
    worker.execute_from_commandline()


if __name__ == "__main__":
    main()
