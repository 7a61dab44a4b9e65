"""The end-to-end baseline: a bare webhook endpoint that answers 200 at once and POSTs one
text message per webhook to the sandbox Graph API (the same HTTP in, HTTP out a Matur
receipt takes, with nothing in between: no signature check, no Kafka, no database).

    python -m bench.relay PORT SANDBOX_URL ACCESS_TOKEN
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import aiohttp
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bench.citizen_reports import KAPOLRES_LINE


def relay_app(sandbox_url: str, token: str) -> FastAPI:
    app = FastAPI()
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

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        body = json.loads(await request.body())
        for entry in body.get("entry", []):
            for change in entry.get("changes", []):
                for message in change.get("value", {}).get("messages", []):
                    task = asyncio.create_task(send(message["from"]))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
        return JSONResponse({"status": "ok"})

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ok"}

    return app


if __name__ == "__main__":
    from servicekit.serve import serve

    serve(relay_app(sys.argv[2], sys.argv[3]), "127.0.0.1", int(sys.argv[1]))
