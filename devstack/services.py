"""The Matur processes `make run` starts, in order, with their ports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceProcess:
    name: str
    module: str
    port: int
    port_env: str
    what: str


SERVICES: tuple[ServiceProcess, ...] = (
    ServiceProcess("sandbox", "services.sandbox", 8090, "SANDBOX_PORT",
                   "sandbox WhatsApp Graph API"),
    ServiceProcess("ingest", "services.ingest", 8001, "INGEST_PORT",
                   "ingest (webhook at /webhook)"),
    ServiceProcess("router", "services.router", 8003, "ROUTER_PORT", "router (health, metrics)"),
    ServiceProcess("notifier", "services.notifier", 8002, "NOTIFIER_PORT",
                   "notifier (health, metrics)"),
    ServiceProcess("api", "services.api", 8000, "API_PORT", "API (docs at /docs)"),
)
