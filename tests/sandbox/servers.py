"""Real HTTP servers for the sandbox tests: the sandbox under uvicorn, and a webhook
receiver standing in for ingest (both on free ports, each in its own thread)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import uvicorn

from devstack.ports import free_port
from services.sandbox.app import create_app
from services.sandbox.settings import SandboxSettings

APP_SECRET = "test-app-secret-ü"
ACCESS_TOKEN = "test-access-token"


@dataclass(frozen=True)
class Received:
    headers: dict[str, str]
    raw: bytes
    status_answered: int

    @property
    def json(self) -> Any:
        return json.loads(self.raw)

    @property
    def value(self) -> dict[str, Any]:
        value: dict[str, Any] = self.json["entry"][0]["changes"][0]["value"]
        return value


@dataclass
class WebhookReceiver:
    """Records every POST (headers and raw bytes); answers 200, or 500 while `fail_next`."""

    port: int = 0
    fail_next: int = 0
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def record(self, headers: dict[str, str], raw: bytes) -> int:
        with self.lock:
            status = 500 if self.fail_next > 0 else 200
            self.fail_next = max(0, self.fail_next - 1)
            self.received.append(Received(headers, raw, status))
            return status

    def snapshot(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def clear(self) -> None:
        with self.lock:
            self.received.clear()
            self.fail_next = 0

    async def wait_for(self, match: Callable[[Received], bool], count: int = 1,
                       within: float = 10.0) -> list[Received]:
        """The answered-200 posts that match, once there are `count` of them."""
        deadline = time.monotonic() + within
        while True:
            found = [r for r in self.snapshot() if r.status_answered == 200 and match(r)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} webhooks, got {len(found)}: "
                                     f"{[r.raw[:300] for r in self.snapshot()]}")
            await asyncio.sleep(0.05)


@contextmanager
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = receiver.record({k.lower(): v for k, v in self.headers.items()}, raw)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def running_sandbox(webhook_url: str, **overrides: Any) -> Iterator[str]:
    """Start the sandbox app under uvicorn; yields its base URL."""
    settings = SandboxSettings(
        host="127.0.0.1", port=free_port(), webhook_url=webhook_url,
        app_secret=APP_SECRET, access_token=ACCESS_TOKEN,
        webhook_retry_delay=0.05, **overrides,
    )
    config = uvicorn.Config(create_app(settings), host=settings.host, port=settings.port,
                            log_config=None, access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("sandbox did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{settings.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
