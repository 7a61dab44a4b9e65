"""`python -m services.ingest` as a real subprocess, and a real HTTP client to it."""

from __future__ import annotations

from pathlib import Path

import httpx

from devstack.launcher import HttpProcess, python_module
from devstack.ports import free_port
from services.ingest.signature import sign

APP_SECRET = "test-app-secret-current-9f2c"
PREVIOUS_SECRETS = "test-app-secret-old-1b7e, test-app-secret-older-55aa"
VERIFY_TOKEN = "test-verify-token-77d1"


class IngestProcess(HttpProcess):
    """`command` runs the service (default `python -m services.ingest`); with `uds`, its HTTP
    is reached through that Unix socket."""

    stop_timeout_s = 15

    def __init__(
        self,
        env: dict[str, str],
        log_path: Path,
        command: list[str] | None = None,
        uds: Path | None = None,
        port: int | None = None,
    ) -> None:
        port = port or free_port()
        own = {
            "WHATSAPP_APP_SECRET": APP_SECRET,
            "WHATSAPP_APP_SECRETS_PREVIOUS": PREVIOUS_SECRETS,
            "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
            "MATUR_LOG_FORMAT": "json",
            "MATUR_LOG_LEVEL": "DEBUG",
            "INGEST_RECONNECT_INTERVAL_S": "0.2",
            **env,
            "INGEST_HOST": "127.0.0.1",
            "INGEST_PORT": str(port),
        }
        super().__init__("ingest", command or python_module("services.ingest"), log_path, port,
                         env=own, own_group=False)
        self.uds = uds

    async def wait_serving(self, ready: bool = True, timeout_s: float = 30) -> None:
        """Until /healthz answers (and /readyz says 200, when `ready`)."""
        await self.wait_ready(timeout_s, "/readyz" if ready else "/healthz", interval_s=0.1)

    def client(self, timeout_s: float = 30) -> httpx.AsyncClient:
        if self.uds is not None:
            transport = httpx.AsyncHTTPTransport(uds=str(self.uds))
            return httpx.AsyncClient(
                transport=transport, base_url="http://ingest", timeout=timeout_s
            )
        return httpx.AsyncClient(base_url=self.url, timeout=timeout_s)


async def post_signed(
    client: httpx.AsyncClient, body: bytes, secret: str = APP_SECRET
) -> httpx.Response:
    return await client.post(
        "/webhook",
        content=body,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": sign(body, secret)},
    )
