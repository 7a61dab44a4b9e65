"""The endpoints the benchmarks measure Matur against, under the same uvicorn as the
services (`servicekit.serve`):

- bare: reads each webhook body and answers 200, no work at all (the ingest benchmark's
  baseline);
- relay: the same, and POSTs one text message per webhook message to the sandbox Graph
  API (the end-to-end baseline: the HTTP in, HTTP out a Matur receipt takes, with nothing
  in between: no signature check, no Kafka, no database).

    python -m bench.baselines bare PORT
    python -m bench.baselines relay PORT SANDBOX_URL ACCESS_TOKEN
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from typing import Any

import aiohttp
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bench.citizen_reports import KAPOLRES_LINE


def bare_app(on_body: Callable[[bytes], None] | None = None) -> FastAPI:
    """POST /webhook reads the body (hands it to `on_body`) and answers 200; GET /readyz."""
    app = FastAPI()

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        body = await request.body()
        if on_body is not None:
            on_body(body)
        return JSONResponse({"status": "ok"})

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def relay_app(sandbox_url: str, token: str) -> FastAPI:
    sessions: list[aiohttp.ClientSession] = []
    tasks: set[asyncio.Task[Any]] = set()
    url = f"{sandbox_url}/v25.0/{KAPOLRES_LINE.phone_number_id}/messages"
    headers = {"Authorization": f"Bearer {token}"}

    async def send(phone: str) -> None:
        if not sessions:  # created inside the server's event loop
            sessions.append(aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=64), headers=headers,
                timeout=aiohttp.ClientTimeout(total=30)))
        async with sessions[0].post(url, json={
            "messaging_product": "whatsapp", "recipient_type": "individual", "to": phone,
            "type": "text", "text": {"body": "Laporan Anda sudah kami terima."},
            "biz_opaque_callback_data": f"relay:receipt:{phone}",
        }) as response:
            await response.read()

    def relay(raw: bytes) -> None:
        body = json.loads(raw)
        for entry in body.get("entry", []):
            for change in entry.get("changes", []):
                for message in change.get("value", {}).get("messages", []):
                    task = asyncio.create_task(send(message["from"]))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)

    return bare_app(relay)


if __name__ == "__main__":
    from servicekit.serve import serve

    which, port = sys.argv[1], int(sys.argv[2])
    app = bare_app() if which == "bare" else relay_app(sys.argv[3], sys.argv[4])
    serve(app, "127.0.0.1", port)
