"""Run an ASGI app with uvicorn: the entry point of every HTTP-speaking service."""

from __future__ import annotations

import uvicorn


def serve(app: object, host: str, port: int) -> None:
    uvicorn.run(
        app,  # type: ignore[arg-type]
        host=host,
        port=port,
        log_config=None,  # our logging_setup owns the handlers
        access_log=False,
        proxy_headers=True,
        timeout_graceful_shutdown=10,
    )
