"""/healthz, /readyz and /metrics on Faust's web server (ROUTER_PORT), the same shapes
as `servicekit.health`. Faust's own pages stay off: they would show table rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services.router.faust_edge import assigned_partitions, settling

SERVICE = "router"


def readiness(
    app: faust.App, inbound_topic: str, changelog: str, index_ready: bool
) -> dict[str, bool]:
    """Ready: started, source partitions assigned with their changelog partitions, and
    recovered (tables restored, no rebalance, the deadline index rebuilt)."""
    started = bool(app.started) if hasattr(app, "started") else True
    inbound = assigned_partitions(app, inbound_topic)
    logged = assigned_partitions(app, changelog)
    return {
        "worker": started,
        "partitions_assigned": bool(inbound),
        "changelogs_assigned": inbound <= logged,
        "recovered": not settling(app) and index_ready,
    }


def register_views(app: faust.App, checks: Callable[[], dict[str, bool]]) -> None:
    @app.page("/healthz")
    class Healthz(faust.web.View):
        async def get(self, request: Any) -> Any:
            return self.json({"status": "ok", "service": SERVICE})

    @app.page("/readyz")
    class Readyz(faust.web.View):
        async def get(self, request: Any) -> Any:
            try:
                found = checks()
            except Exception:
                found = {"worker": False}
            ready = all(found.values())
            body = {"ready": ready, "service": SERVICE, "checks": found}
            return self.json(body, status=200 if ready else 503)

    @app.page("/metrics")
    class Metrics(faust.web.View):
        async def get(self, request: Any) -> Any:
            headers = {"Content-Type": CONTENT_TYPE_LATEST}
            return self.bytes(generate_latest(), headers=headers)
