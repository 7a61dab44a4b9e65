"""Run an ASGI app with uvicorn: the entry point of every HTTP-speaking service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import uvicorn

from servicekit.logging_setup import configure_logging
from servicekit.settings import ServedSettings

S = TypeVar("S", bound=ServedSettings)


def serve(app: object, host: str, port: int) -> None:
    uvicorn.run(
        app,  # type: ignore[arg-type]
        host=host,
        port=port,
        log_config=None,  # our logging_setup owns the handlers
        access_log=False,
        # Which proxies' X-Forwarded-* headers count is each app's own setting (the API:
        # MATUR_API_TRUSTED_PROXIES); uvicorn's default would trust them from 127.0.0.1.
        proxy_headers=False,
        timeout_graceful_shutdown=10,
    )


def serve_service(name: str, settings: S, create_app: Callable[[S], object]) -> None:
    """`python -m services.<name>`: logging as the settings say, then the app built from
    the settings on their host and port until SIGTERM or Ctrl-C."""
    configure_logging(name, settings.log_format, settings.log_level)
    serve(create_app(settings), settings.host, settings.port)
