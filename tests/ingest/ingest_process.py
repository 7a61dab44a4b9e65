"""`python -m services.ingest` as a real subprocess, and a real HTTP client to it."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from services.ingest.signature import sign

REPO = Path(__file__).resolve().parents[2]
APP_SECRET = "test-app-secret-current-9f2c"
PREVIOUS_SECRETS = "test-app-secret-old-1b7e, test-app-secret-older-55aa"
VERIFY_TOKEN = "test-verify-token-77d1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class IngestProcess:
    """`command` runs the service (default `python -m services.ingest`); with `uds`, its HTTP
    is reached through that Unix socket."""

    def __init__(
        self,
        env: dict[str, str],
        log_path: Path,
        command: list[str] | None = None,
        uds: Path | None = None,
        port: int | None = None,
    ) -> None:
        self.port = port or free_port()
        self.command = command or [sys.executable, "-m", "services.ingest"]
        self.uds = uds
        self.env = {
            **os.environ,
            "WHATSAPP_APP_SECRET": APP_SECRET,
            "WHATSAPP_APP_SECRETS_PREVIOUS": PREVIOUS_SECRETS,
            "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
            "MATUR_LOG_FORMAT": "json",
            "MATUR_LOG_LEVEL": "DEBUG",
            "INGEST_RECONNECT_INTERVAL_S": "0.2",
            **env,
            "INGEST_HOST": "127.0.0.1",
            "INGEST_PORT": str(self.port),
        }
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                self.command,
                cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )

    async def wait_serving(self, ready: bool = True, timeout_s: float = 30) -> None:
        """Until /healthz answers (and /readyz says 200, when `ready`)."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        async with self.client(timeout_s=2) as client:
            while True:
                assert self.proc is not None and self.proc.poll() is None, self.logs()[-2000:]
                try:
                    path = "/readyz" if ready else "/healthz"
                    if (await client.get(path)).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError(f"ingest not serving: {self.logs()[-2000:]}")
                await asyncio.sleep(0.1)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def logs(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

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
